"""Periods: the expressions a release uses ("tahun 2020", "Januari hingga Juni 2024",
"triwulan I 2024", "Juni 2024", "tahun sebelumnya") and the period of the release.

A period is written "2021" (a year), "2024-H1" (January-June), "2024-Q1" (a quarter),
"2024-03" (a month) or "2023-01..09" (January to September).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bot.facts.ingest.numbers import Mention
from bot.facts.ingest.tokens import Token
from bot.facts.ingest.vocab import Vocabulary

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
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
    after "dibanding": it dates only the figure that follows it.
    """

    first: int
    last: int
    year: int | None
    months: tuple[int, int] = (1, 12)
    offset: int | None = None
    compare: bool = False
    since: bool = False

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


def find_cues(tokens: list[Token], mentions: list[Mention], vocab: Vocabulary, first=0, last=None):
    """The period expressions of tokens ``first``..``last``, in order."""
    last = len(tokens) if last is None else last
    years = {m.first: m.value for m in mentions if m.kind == "year"}
    days = {m.first for m in mentions if m.kind == "date"}
    cues: list[Cue] = []
    i = first
    while i < last:
        cue = _cue_at(tokens, i, last, years, days, vocab)
        if cue is None:
            i += 1
            continue
        cue = _with_compare(tokens, cue, vocab)
        if _after_since(tokens, cue, vocab):
            cue = Cue(cue.first, cue.last, cue.year, cue.months, cue.offset, cue.compare, True)
        cues.append(cue)
        i = cue.last
    return cues


def _cue_at(tokens, i, stop, years, days, vocab) -> Cue | None:
    return (
        _month_span(tokens, i, stop, years, days, vocab)
        or _part_of_year(tokens, i, stop, years, vocab)
        or _relative(tokens, i, stop, vocab)
        or (Cue(i, i + 1, years[i]) if i in years else None)
    )


def _month_at(tokens, i, days, vocab) -> int | None:
    """The month named at token ``i``, unless a day number makes it a date ("30 Juni")."""
    if i < len(tokens) and tokens[i].norm in vocab.months and (i - 1) not in days:
        return vocab.months[tokens[i].norm]
    return None


def _month_span(tokens, i, stop, years, days, vocab) -> Cue | None:
    """ "Januari hingga Juni 2024", "Juni 2024", "per akhir Desember 2024" (a year only)."""
    month = _month_at(tokens, i, days, vocab)
    if month is None:
        return None
    j, until = i + 1, month
    link = vocab.kind("as_of").match(tokens, j, stop)
    if link is None and j < stop and tokens[j].raw in "-–—":
        link = (j + 1, "")
    if link is not None and _month_at(tokens, link[0], days, vocab):
        until, j = _month_at(tokens, link[0], days, vocab), link[0] + 1
    if j >= stop or j not in years:
        return None
    if until == month and vocab.kind("as_of").ending_at(tokens, i, max(0, i - 3)):
        return Cue(i, j + 1, years[j])  # a point in time dates the year, not the month
    return Cue(i, j + 1, years[j], (month, until)) if until >= month else None


def _part_of_year(tokens, i, stop, years, vocab) -> Cue | None:
    """ "semester I 2024", "triwulan pertama", "first half of 2024", "Q1 2024"."""
    kind = vocab.kind("period").match(tokens, i, stop)
    if kind is not None:
        number, j = _ordinal(tokens, kind[0], stop, vocab)
        if number is None:
            return None
    else:
        number, j = _ordinal(tokens, i, stop, vocab)
        kind = vocab.kind("period").match(tokens, j, stop) if number is not None else None
        if kind is None:
            return None
        j = kind[0]
    size = 6 if kind[1] == "H" else 3
    if number < 1 or number * size > 12:
        return None
    months = ((number - 1) * size + 1, number * size)
    while j < stop and tokens[j].norm in ("tahun", "of", "the"):
        j += 1
    year = years.get(j)
    return Cue(i, j + 1 if year else j, year, months)


def _ordinal(tokens, i, stop, vocab) -> tuple[int | None, int]:
    if i >= stop:
        return None, i
    token = tokens[i]
    if token.norm in ROMAN and (token.raw.isupper() or token.raw.isdigit()):
        return ROMAN[token.norm], i + 1
    if token.kind == "num" and token.raw.isdigit() and len(token.raw) == 1:
        return int(token.raw), i + 1
    found = vocab.kind("ordinal").match(tokens, i, stop)
    if found is not None and str(found[1]).isdigit():
        return int(found[1]), found[0]
    return None, i


def _relative(tokens, i, stop, vocab) -> Cue | None:
    found = vocab.kind("relative_period").match(tokens, i, stop)
    if found is None:
        return None
    return Cue(i, found[0], None, offset=int(found[1]))


def _with_compare(tokens: list[Token], cue: Cue, vocab: Vocabulary) -> Cue:
    """A cue within four words after "dibanding"/"compared to", no number between."""
    for end in range(cue.first, max(-1, cue.first - 5), -1):
        if end < cue.first and tokens[end].kind == "num":
            break
        if vocab.kind("compare").ending_at(tokens, end, max(0, end - 4)):
            return Cue(cue.first, cue.last, cue.year, cue.months, cue.offset, True)
    return cue


def _after_since(tokens: list[Token], cue: Cue, vocab: Vocabulary) -> bool:
    """ "sejak 2015", "since tahun 2015": the start of a running count, not its period."""
    start = cue.first - 1 if cue.first and tokens[cue.first - 1].norm == "tahun" else cue.first
    return vocab.kind("since").ending_at(tokens, start, max(0, start - 3)) is not None


def release_period(title: list[Cue], lead: list[Cue], everywhere: list[Cue]) -> str | None:
    """The release's period: the year its title and lead paragraph name most, as specific
    as they say it (a half, a quarter, a span of months; the lead's word before the
    title's); else the year the text names most."""
    plain = [c for c in everywhere if not (c.compare or c.since)]
    heading = [c for c in plain if c in title or c in lead]
    cues = [c for c in heading or plain if c.year is not None]
    if not cues:
        return None
    year = Counter(c.year for c in cues).most_common(1)[0][0]
    spans = [c for c in lead + title if c.specific and c.year in (year, None) and c in plain]
    if spans:
        return format_period(year, *spans[0].months)
    return str(year)
