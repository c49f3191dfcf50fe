"""The counts a passage states: integers written in digits (6433, 6.433, 6,433) or in
words of the lexicon ("sembilan", "three")."""

from __future__ import annotations

from collections.abc import Mapping

from bot.model.text import clean_tokens, numbers_in


def stated_numbers(
    text: str, number_words: Mapping[tuple[str, ...], int], *, besides: int | None = None
) -> set[int]:
    """Every count ``text`` states; ``besides`` (a year) is not counted once when it is
    written there, so "tahun 2020 sebanyak 4" states 4 but not 2020."""
    digits = [int(n) for n in numbers_in(text)]
    if besides in digits:
        digits.remove(besides)
    tokens = clean_tokens(text)
    longest = max((len(p) for p in number_words), default=0)
    words = {
        number_words[tuple(tokens[i : i + n])]
        for n in range(1, longest + 1)
        for i in range(len(tokens) - n + 1)
        if tuple(tokens[i : i + n]) in number_words
    }
    return set(digits) | words
