"""A period expression and how a period is written: "2021" (a year), "2024-H1"
(January-June), "2024-Q1" (a quarter), "2024-03" (a month) or "2023-01..09" (January to
September)."""

from __future__ import annotations

from dataclasses import dataclass

# words between a part of a year and its year: "semester I tahun 2024", "first half of 2024"
BEFORE_YEAR = ("tahun", "of", "the")
_SPAN_NAMES = {
    (1, 6): "H1",
    (7, 12): "H2",
    (1, 3): "Q1",
    (4, 6): "Q2",
    (7, 9): "Q3",
    (10, 12): "Q4",
}


@dataclass(frozen=True)
class Cue:
    """A period expression over tokens ``first``..``last``.

    ``year`` is None when the text leaves it to the release ("semester I"); ``offset`` is set
    instead for "tahun sebelumnya" (the release's year minus one). ``compare`` marks a cue
    after "dibanding": it dates only the figure that follows it. ``unsure`` marks two months
    joined by "dan"/"and": each of them, or the span between them?
    """

    first: int
    last: int
    year: int | None
    months: tuple[int, int] = (1, 12)
    offset: int | None = None
    compare: bool = False
    since: bool = False
    unsure: bool = False

    def period(self, release: str) -> str:
        """The period written out, a missing year taken from the ``release`` period."""
        year = self.year if self.year is not None else int(release[:4]) + (self.offset or 0)
        return format_period(year, *self.months)

    @property
    def specific(self) -> bool:
        return self.months != (1, 12)


def format_period(year: int, first: int = 1, last: int = 12) -> str:
    """ "2024", "2024-H1", "2024-Q3", "2024-03" or "2023-01..09"."""
    if (first, last) == (1, 12):
        return str(year)
    if (first, last) in _SPAN_NAMES:
        return f"{year}-{_SPAN_NAMES[first, last]}"
    if first == last:
        return f"{year}-{first:02d}"
    return f"{year}-{first:02d}..{last:02d}"
