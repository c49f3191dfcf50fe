"""A figure in a table cell: what its row and column headers name together (tables.py).

The metric, country and period either header names ("| Semester I 2023 | 412.386 |" under
"| Periode | Kedatangan |"). A header that is only a total word ("Total", "Jumlah") makes
its cells the total of what the other rows or columns name: of a group ("Total" under ITK,
ITAS and ITAP is the stated total of stay permits), over the periods they name (a "Jumlah"
row under January to June covers 2024-01..06). A cell whose headers name no metric counts
the one metric the caption names ("Rekapitulasi perlintasan … sebagai berikut:"); in a total
column beside other counts, only when it is the sum of its row. Skipped, with the reason: a
row that names nothing ("Lainnya"), a column of percentages, a year beside the release's
own year in a part-year release (the whole year, or the same months of it?), and anything
else no metric holds.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from bot.facts.ingest.headers import Head, caption, cell_value, has_header, head
from bot.facts.ingest.numbers import Mention
from bot.facts.ingest.periods import Cue
from bot.facts.ingest.tables import Table

if TYPE_CHECKING:
    from bot.facts.ingest.document import Document
    from bot.facts.ingest.reading import Reading


def read_cell(doc: Document, table: Table, m: Mention, reading: Reading) -> Reading:
    """Fill ``reading`` for the figure ``m`` in a cell of ``table``."""
    if table.cell_of(m) is None:
        reading.reason = "a table's row number, not a figure of the table"
        return reading
    r, c = table.cell_of(m) or (0, 0)
    header, context = has_header(doc, table), caption(doc, table)
    row_head = head(doc, table.rows[r][0], context)
    lined_up = c < len(table.rows[0])
    col_head = head(doc, table.rows[0][c] if header and lined_up else (0, 0), context)
    reading.reason = _not_a_cell_figure(doc, table, (r, c), (row_head, col_head), header)
    if reading.reason:
        return reading
    reading.period_cue = _period(doc, table, (r, c), (row_head, col_head), header, reading)
    countries = {s.id for h in (row_head, col_head) for s in h.countries}
    offices = {o for h in (row_head, col_head) for o in h.offices}
    if len(countries) > 1 or len(offices) > 1:
        reading.reason = "its row and column name two countries or two offices"
    reading.country = countries.pop() if len(countries) == 1 else None
    reading.office = offices.pop() if len(offices) == 1 else ""
    from_header = col_head.metrics or col_head.countries or col_head.composed or col_head.cue
    beside = col_head.total_only and len(_count_columns(doc, table)) > 1  # a total of columns
    from_header = from_header or beside or col_head.offices
    start = table.rows[0][0][0] if from_header else table.rows[r][0][0]
    if not reading.reason:
        start = _metric(doc, table, (r, c), (row_head, col_head), reading) or start
    reading.span = (start, table.rows[r][-1][1])
    return reading


def _not_a_cell_figure(doc, table: Table, at, heads, header: bool) -> str:
    (r, c), (row_head, col_head) = at, heads
    if (r == 0 and header) or c == 0:
        return "a table header, not a figure of the table"
    if any(len(row) != len(table.rows[0]) for row in table.rows):
        return "the table's rows do not line up (not as many cells each)"
    if row_head.measure or col_head.measure:
        return "a column of percentages or measures, not counts"
    if row_head.breakdown or col_head.breakdown:
        return f"a breakdown no metric holds ({row_head.breakdown or col_head.breakdown})"
    if row_head.names_nothing:
        return "its row names nothing its figure counts (a rest, 'Lainnya'?)"
    return ""


def _metric(doc: Document, table: Table, at, heads, reading: Reading) -> int:
    """Set the metric; returns the token where the quote starts when not the row's."""
    metrics = list(dict.fromkeys([s.id for h in heads for s in h.metrics]))
    metrics += [h.composed for h in heads if h.composed and h.composed not in metrics]
    if len(metrics) > 1:
        reading.reason = f"its row and column name two metrics: {', '.join(metrics)}"
    elif metrics:
        reading.metric, reading.rule = metrics[0], "table"
        context = caption(doc, table)
        return context.first if any(h.composed for h in heads) and context else 0
    elif any(h.others for h in heads):
        found = next(s for h in heads for s in h.others)
        reading.reason = f"counts {found.kind} {found.id!r}, which no metric holds"
    else:
        return _unnamed(doc, table, at, heads, reading)
    return 0


def _unnamed(doc: Document, table: Table, at, heads, reading: Reading) -> int:
    """A cell whose headers name no metric: a total row or column is the group total of what
    the other rows or columns name; else the cell counts the metric the caption names (a
    total column beside other counts only when the cell is the sum of its row)."""
    (r, c), (row_head, col_head) = at, heads
    context = caption(doc, table)
    rows = [head(doc, row[0], context) for row in _body(doc, table)]
    if row_head.total_only and _group_total(doc, rows, reading):
        # "Total | 24.590" names nothing: the quote starts at the caption that names it
        return context.first if context else 0
    row = table.rows[r]
    columns = [k for k in _count_columns(doc, table) if k != c and cell_value(doc, row[k])]
    if col_head.total_only and columns:
        if _group_total(doc, [head(doc, table.rows[0][k], context) for k in columns], reading):
            return 0
        if sum(cell_value(doc, row[k]) or 0 for k in columns) != cell_value(doc, row[c]):
            reading.reason = "a total column that is not the sum of its row"
            return 0
    return _caption_metric(doc, context, reading)


def _body(doc: Document, table: Table) -> list:
    rows = table.rows[1:] if has_header(doc, table) else table.rows
    return [row for row in rows if not head(doc, row[0]).total_only]


def _count_columns(doc: Document, table: Table) -> list[int]:
    if not has_header(doc, table):
        return list(range(1, len(table.rows[0])))
    return [k for k, cell in enumerate(table.rows[0]) if k and not head(doc, cell).measure]


def _group_total(doc: Document, heads: list[Head], reading: Reading) -> bool:
    siblings = {s.id for h in heads for s in h.metrics} | {h.composed for h in heads} - {""}
    for members, total_metric in doc.vocab.groups.values():
        if total_metric and siblings and siblings <= set(members):
            reading.metric, reading.rule = total_metric, "total_row"
            return True
    return False


def _caption_metric(doc: Document, context, reading: Reading) -> int:
    inside = doc.in_sentence(doc.subjects, context) if context is not None else []
    named = {(s.kind, s.id) for s in inside if s.kind in ("metric", "group", "topic")}
    unit_like = {("metric", s.id) for s in inside if s.unit_like}
    named = named - unit_like if named - unit_like else named
    if context is None or len(named) != 1 or next(iter(named))[0] != "metric":
        reading.reason = "no metric named in its row, column or caption"
        return 0
    reading.metric, reading.rule = next(iter(named))[1], "caption"
    return context.first


def _period(doc: Document, table: Table, at, heads, header: bool, reading: Reading):
    """The period its headers name; a total header's is the span of the periods the other
    rows or columns name; else the caption's."""
    (r, c), (row_head, col_head) = at, heads
    cue = row_head.cue or col_head.cue
    if row_head.total_only and cue is None:
        cue = _span(doc, [head(doc, row[0]).cue for row in _body(doc, table)], reading)
    if col_head.total_only and cue is None and header:
        cues = [head(doc, table.rows[0][k]).cue for k in _count_columns(doc, table) if k != c]
        cue = _span(doc, cues, reading)
    if cue is not None and not reading.reason:
        reading.reason = _year_in_doubt(doc, table, cue, (r, c), header)
    if cue is None and not reading.reason:
        context = caption(doc, table)
        cues = doc.in_sentence(doc.cues, context) if context is not None else []
        cue = cues[0] if cues else None
    return cue


def _span(doc: Document, cues: list[Cue | None], reading: Reading) -> Cue | None:
    """The period from the first cue to the last when they follow one another in one year."""
    if not any(cues):
        return None
    years = {c.year if c is not None and c.year is not None else int(doc.period[:4]) for c in cues}
    months = [c.months for c in cues if c is not None]
    contiguous = all(a[1] + 1 == b[0] for a, b in pairwise(months))
    if None in cues or len(years) != 1 or not contiguous:
        reading.reason = "a total of periods that make up no one period"
        return None
    return Cue(0, 0, years.pop(), (months[0][0], months[-1][1]))


def _year_in_doubt(doc: Document, table: Table, cue: Cue, at, header: bool) -> str:
    """In a part-year release, a year's column beside one of the release's own year: the
    whole year, or the same months of it?"""
    release, year = doc.period, int(doc.period[:4])
    if len(release) == 4 or cue.specific or cue.year is None or cue.year == year:
        return ""
    axis = [head(doc, cell).cue for cell in table.rows[0]] if header else []
    axis += [head(doc, row[0]).cue for row in table.rows]
    if any(x is not None and not x.specific and x.year == year for x in axis):
        return f"{cue.year} beside {year} read as {release}: the whole year, or part of it?"
    return ""
