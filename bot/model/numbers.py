"""The counts a passage states in digits (6433, 6.433, 6,433)."""

from __future__ import annotations

from bot.model.text import numbers_in


def stated_numbers(text: str, *, besides: int | None = None) -> set[int]:
    """Every count ``text`` writes in digits; ``besides`` (a year) is not counted once when
    it is written there, so "tahun 2020 sebanyak 4" states 4 but not 2020."""
    digits = [int(n) for n in numbers_in(text)]
    if besides in digits:
        digits.remove(besides)
    return set(digits)
