"""What the headers of a table name, read in the analysed document: a cell's metric,
country, period and office, the caption above it, and whether a first row is a header."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.facts.ingest.periods import Cue
from bot.facts.ingest.subjects import Found
from bot.facts.ingest.tables import Table
from bot.facts.ingest.tokens import Sentence
from bot.facts.ingest.vocab import Subject

if TYPE_CHECKING:
    from bot.facts.ingest.document import Document


@dataclass
class Head:
    """What one header cell names."""

    metrics: list
    others: list
    countries: list
    cue: Cue | None
    total_only: bool
    measure: bool = False
    offices: tuple[str, ...] = ()
    composed: str = ""
    breakdown: str = ""

    @property
    def names_nothing(self) -> bool:
        """No metric, group, country, period, office or total word: "Lainnya", "Others"."""
        found = (self.metrics, self.others, self.countries, self.cue, self.offices, self.composed)
        return not any(found) and not self.total_only


def caption(doc: Document, table: Table) -> Sentence | None:
    """The sentence right before the table when it introduces it (ends with a colon) or is
    a heading."""
    before = [s for s in doc.sentences if s.last <= table.first]
    if not before:
        return None
    last = before[-1]
    return last if doc.tokens[last.last - 1].raw == ":" or doc.is_heading(last) else None


def has_header(doc: Document, table: Table) -> bool:
    """A first row without figures is the header row; a .docx table may have none."""
    return not any(cell_value(doc, cell) is not None for cell in table.rows[0][1:])


def cell_value(doc: Document, cell: tuple[int, int]) -> int | None:
    """The one figure a cell holds, else None."""
    figures = [m for m in doc.mentions if cell[0] <= m.first and m.last <= cell[1]]
    return figures[0].value if len(figures) == 1 and figures[0].is_figure else None


def head(doc: Document, cell: tuple[int, int], context: Sentence | None = None) -> Head:
    """What the header ``cell`` names; ``context`` is the caption it may name a metric with."""
    first, last = cell
    inside = [s for s in doc.subjects if first <= s.first and s.last <= last]
    metrics = [s for s in inside if s.kind == "metric" and not s.unit_like]
    metrics = [_refined(doc, s, cell) for s in metrics or [s for s in inside if s.kind == "metric"]]
    cues = [c for c in doc.cues if first <= c.first and c.last <= last]
    total = doc.vocab.kind("total").match(doc.tokens, first, last)
    found = Head(
        metrics=metrics,
        others=[s for s in inside if s.kind in ("group", "topic")],
        countries=[s for s in inside if s.kind == "country"],
        cue=cues[0] if cues else None,
        total_only=total is not None and total[0] == last and not (inside or cues),
        measure=_measure(doc, first, last),
        breakdown=_breakdown(doc, first, last),
        offices=tuple(dict.fromkeys(o for *_, o in doc.offices.at(first, last))),
    )
    if not (inside or cues or found.total_only or found.measure) and context is not None:
        found.composed = _composed(doc, cell, context)
    return found


def _refined(doc: Document, found: Found, cell: tuple[int, int]) -> Found:
    """ "Permohonan paspor ditunda": the one refinement a word of the header marks."""
    families = doc.vocab.families
    words = [t.norm for t in doc.tokens[cell[0] : cell[1]] if t.kind == "word"]
    marked = {t for t in families.refinements(found.id) for w in words if families.marks(w, t)}
    return (
        Found(found.first, found.last, Subject("metric", marked.pop()))
        if len(marked) == 1
        else found
    )


def _breakdown(doc: Document, first: int, last: int) -> str:
    """ "Baru", "Perpanjangan", "Laki-laki", "Wisata": a detail the metrics do not break
    down (a ``qualifier``; a month or a part of a year is a period instead)."""
    vocab = doc.vocab
    for k in range(first, last):
        found = vocab.kind("qualifier").match(doc.tokens, k, last)
        period = vocab.kind("period").match(doc.tokens, k, last)
        if found and doc.tokens[k].norm not in vocab.months and not period:
            return doc.span(k, found[0])
    return ""


def _measure(doc: Document, first: int, last: int) -> bool:
    """ "%", "Persentase", "Hari": a header of measures, not counts."""
    measure = doc.vocab.kind("measure")
    return any(
        doc.tokens[k].raw == "%" or measure.match(doc.tokens, k, last) for k in range(first, last)
    )


def _composed(doc: Document, cell: tuple[int, int], context: Sentence) -> str:
    """The one metric with a name made of all the header's words and some of the
    caption's ("Ditunda" and "Paspor": "paspor ditunda"), else ""."""
    words = _words(doc, *cell)
    if not words:
        return ""
    around = words | _words(doc, context.first, context.last)
    names = doc.vocab.families.names.items()
    found = {metric for metric, keys in names for key in keys if words <= set(key) <= around}
    return found.pop() if len(found) == 1 else ""


def _words(doc: Document, first: int, last: int) -> set[str]:
    tokens = doc.tokens[first:last]
    return {t.norm for t in tokens if t.kind == "word" and not doc.vocab.has("function", t.norm)}
