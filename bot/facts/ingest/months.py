"""Periods named by months: "Juni 2024", "Januari hingga Juni 2024", "Januari s.d. September
2023", "Juli 2023 hingga Desember 2023", "sembilan bulan pertama 2023", "the first nine
months of 2023". Two months joined by a conjunction ("between January and June 2024",
"Januari dan Juni 2024") may be each of them or the span between them: the cue is unsure.
"""

from __future__ import annotations

from bot.facts.ingest.cue import BEFORE_YEAR, Cue
from bot.facts.ingest.tokens import Token, glued
from bot.facts.ingest.vocab import Vocabulary

DASHES = frozenset("-–—")


def month_at(tokens: list[Token], i: int, days: set[int], vocab: Vocabulary) -> int | None:
    """The month named at token ``i``, unless a day number makes it a date ("30 Juni")."""
    if i < len(tokens) and tokens[i].norm in vocab.months and (i - 1) not in days:
        return vocab.months[tokens[i].norm]
    return None


def month_span(tokens, i, stop, years, days, vocab: Vocabulary) -> Cue | None:
    """A month, or a span of months, and its year (the release's when the text names none:
    "In September alone", "dari Januari hingga September"); "per akhir Desember 2024" is a
    point in time and dates only the year."""
    month = month_at(tokens, i, days, vocab)
    if month is None or (i + 1) in days:
        return None  # "September 30, 2024" is a date
    year_at = i + 1 if i + 1 in years else None
    linked = _linked(tokens, (year_at or i) + 1, stop, vocab)
    until = month_at(tokens, linked[0], days, vocab) if linked else None
    if linked and until is not None and until >= month:
        end = linked[0] + 1 if linked[0] + 1 in years else None
        found = [years[k] for k in (year_at, end) if k is not None]
        if len(set(found)) <= 1 and (found or tokens[i].capitalized):
            unsure = (
                linked[1] == "conjunction" and until != month and not _between(tokens, i, vocab)
            )
            last = end + 1 if end is not None else linked[0] + 1
            return Cue(i, last, found[0] if found else None, (month, until), unsure=unsure)
    as_of = vocab.kind("as_of").ending_at(tokens, i, max(0, i - 3))
    if year_at is None:
        bare = tokens[i].capitalized and not as_of and _after_a_link(tokens, i, vocab)
        return Cue(i, i + 1, None, (month, month)) if bare else None
    if as_of:
        return Cue(i, year_at + 1, years[year_at])
    return Cue(i, year_at + 1, years[year_at], (month, month))


def _after_a_link(tokens: list[Token], i: int, vocab: Vocabulary) -> bool:
    """ "In September", "pada bulan September": a function word or "bulan" before it."""
    before = tokens[i - 1].norm if i else ""
    return vocab.has("function", before) or before in vocab.month_units


def _between(tokens: list[Token], i: int, vocab: Vocabulary) -> bool:
    """ "Between January and June", "antara Januari dan Juni": a word before the months that
    is no function word and no "bulan" makes the two the ends of a span."""
    return i > 0 and tokens[i - 1].kind == "word" and not _after_a_link(tokens, i, vocab)


def _linked(tokens: list[Token], j: int, stop: int, vocab: Vocabulary):
    """Where the month after a link word starts ("hingga", "s.d.", "–", "dan") and the
    link's kind, else None."""
    if j >= stop:
        return None
    if tokens[j].raw in DASHES:
        return j + 1, "as_of"
    for kind in ("as_of", "conjunction"):
        found = vocab.kind(kind).match(tokens, j, stop)
        if found is not None:
            return found[0], kind
    end, letters = _letters(tokens, j, stop)
    if letters and vocab.has("as_of", letters):
        return end, "as_of"
    return None


def _letters(tokens: list[Token], j: int, stop: int) -> tuple[int, str]:
    """ "s.d." or "s/d": single letters glued by stops or slashes, read as one word."""
    letters, k = "", j
    while k < stop and tokens[k].kind == "word" and len(tokens[k].raw) == 1:
        letters += tokens[k].norm
        k += 1
        if k < stop and tokens[k].raw in "./" and glued(tokens, k - 1, k):
            k += 1
        else:
            break
    return (k, letters) if len(letters) > 1 else (j, "")


def first_months(tokens, i, stop, years, measures, vocab: Vocabulary) -> Cue | None:
    """ "the first nine months of 2023", "sembilan bulan pertama tahun 2023": January to the
    N-th month. A month is the duration CLDR names ("bulan", "months")."""
    j = i
    first = _first(tokens, j, stop, vocab)
    if first:
        j = first
    m = measures.get(j)
    if m is None or not m.value or not 1 <= m.value <= 12 or not _counts_months(tokens, m, vocab):
        return None
    j = m.last
    if not first:
        j = _first(tokens, j, stop, vocab)
        if not j:
            return None
    while j < stop and tokens[j].norm in BEFORE_YEAR:
        j += 1
    if j not in years:
        return None
    return Cue(i, j + 1, years[j], (1, m.value))


def _first(tokens: list[Token], j: int, stop: int, vocab: Vocabulary) -> int:
    """The token after "first"/"pertama" (the ordinal 1) at ``j``, else 0."""
    found = vocab.kind("ordinal").match(tokens, j, stop)
    return found[0] if found is not None and str(found[1]) == "1" else 0


def _counts_months(tokens: list[Token], m, vocab: Vocabulary) -> bool:
    return any(tokens[k].norm in vocab.month_units for k in range(m.first, m.last))
