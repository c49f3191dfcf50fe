"""The period a figure covers: a year, or a part of one where the release says so.

Written ``2021`` (a year), ``2024-H1`` (January-June), ``2024-Q3`` (a quarter),
``2024-03`` (a month) or ``2023-01..09`` (January to September).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.model.text import YEAR_RANGE

_PERIOD = re.compile(r"^(\d{4})(?:-(?:(Q[1-4])|(H[12])|(\d{2})(?:\.\.(\d{2}))?))?$")
LOCALES = {"id": "id_ID", "en": "en_US"}


@dataclass(frozen=True, order=True)
class Period:
    """A span of whole months within one year."""

    year: int
    first_month: int
    last_month: int

    @property
    def full_year(self) -> bool:
        """Whether the period is the whole year."""
        return (self.first_month, self.last_month) == (1, 12)

    def __str__(self) -> str:
        if self.full_year:
            return str(self.year)
        quarter, rest = divmod(self.first_month - 1, 3)
        if not rest and self.last_month == self.first_month + 2:
            return f"{self.year}-Q{quarter + 1}"
        if self.first_month in (1, 7) and self.last_month == self.first_month + 5:
            return f"{self.year}-H{1 if self.first_month == 1 else 2}"
        if self.first_month == self.last_month:
            return f"{self.year}-{self.first_month:02d}"
        return f"{self.year}-{self.first_month:02d}..{self.last_month:02d}"

    def label(self, lang: str) -> str:
        """ "2024", or "2024 (Januari–Juni)" / "2024 (January–June)" for a part of it, so
        that "tahun {label}" and "in {label}" read well."""
        if self.full_year:
            return str(self.year)
        first, last = month_name(self.first_month, lang), month_name(self.last_month, lang)
        months = first if first == last else f"{first}–{last}"
        return f"{self.year} ({months})"


@cache
def month_name(month: int, lang: str) -> str:
    """The month's full name in ``lang`` (CLDR, capitalised)."""
    from babel.dates import get_month_names  # only part-year periods need it: start fast

    name = get_month_names("wide", locale=LOCALES[lang])[month]
    return name[:1].upper() + name[1:]


@cache
def parse_period(text: str) -> Period | None:
    """The period written ``text``, or None when it is not one of the forms above."""
    match = _PERIOD.match(text.strip())
    if not match:
        return None
    year, quarter, half, first, last = match.groups()
    if int(year) not in YEAR_RANGE:
        return None
    if quarter:
        start = 3 * (int(quarter[1]) - 1) + 1
        return Period(int(year), start, start + 2)
    if half:
        return Period(int(year), 1, 6) if half == "H1" else Period(int(year), 7, 12)
    if first:
        start, end = int(first), int(last or first)
        return Period(int(year), start, end) if 1 <= start <= end <= 12 else None
    return Period(int(year), 1, 12)
