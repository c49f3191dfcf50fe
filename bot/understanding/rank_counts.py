"""Stage 3b: how many countries of a ranking a question is about: "the top five", "all but
the first three", "the fewest of the 5 countries"."""

from __future__ import annotations

from bot.understanding.surroundings import COUNTRY_WORDS, follows


def top_count(tokens: list[str], lexicon) -> int | None:
    """N for "the top five", "lima besar", "5 teratas": a number beside a leading word."""
    if lexicon.leading.isdisjoint(tokens):
        return None
    for i, token in enumerate(tokens):
        count = int(token) if token.isdigit() and len(token) <= 2 else lexicon.numbers.get((token,))
        beside = {tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens)}
        if count and beside & lexicon.leading:
            return count
    return None


def excluded_top(tokens: list[str], lexicon) -> int | None:
    """N for "selain 3 teratas", "outside the top three": all but the first N of a ranking."""
    if lexicon.leading.isdisjoint(tokens):
        return None
    for i in range(1, len(tokens)):
        if not any(tuple(tokens[max(0, i - n) : i]) in lexicon.excludes for n in (1, 2, 3)):
            continue
        window = tokens[i : i + 4]
        counts = [int(t) if t.isdigit() else lexicon.numbers.get((t,)) for t in window]
        count = next((c for c in counts if c), None)
        if count and any(t in lexicon.leading for t in window):
            return count
    return None


def among_count(tokens: list[str], count: int, lexicon) -> bool:
    """Whether ``count`` names the countries a question picks among ("dari 5 negara",
    "of the 5 countries"), not how many to show ("5 negara paling sedikit")."""
    for i, token in enumerate(tokens[1:-1], start=1):
        value = int(token) if token.isdigit() else lexicon.numbers.get((token,))
        if (
            value == count
            and tokens[i + 1] in COUNTRY_WORDS
            and follows(tokens, i, lexicon.whole_markers)
        ):
            return True  # "dari 5 negara", "di antara 5 negara", "of the 5 countries"
    return False
