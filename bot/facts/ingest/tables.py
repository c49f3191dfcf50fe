"""Tables: a block of "| a | b |" lines (Markdown, or a .docx table as read.py writes it),
its first line the header row and its first column the row headers.

A figure in a body cell counts what its row and column headers name together: the metric,
country and period either names ("| Semester I 2023 | 412.386 |" under "| Periode |
Kedatangan |"). A header that is only a total word ("Total", "Jumlah") makes its cells the
total of what the other rows or columns name when they make up a group ("Total" under ITK,
ITAS and ITAP is the stated total of stay permits). A cell whose headers name no metric
counts the one metric the table's caption names ("Rekapitulasi perlintasan … sebagai
berikut:"); in a total column beside other columns, only when it is the sum of its row.
Anything else is skipped with the reason, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from bot.facts.ingest.numbers import Mention
from bot.facts.ingest.periods import Cue
from bot.facts.ingest.tokens import Sentence, Token

if TYPE_CHECKING:
    from bot.facts.ingest.attach import Reading
    from bot.facts.ingest.document import Document

BAR = "|"


@dataclass(frozen=True)
class Table:
    """Rows of cells, each cell a ``(first, last)`` token range, the first row the header
    row unless it holds figures; ``caption`` is the sentence before the table when it
    introduces it (ends with a colon)."""

    rows: list[list[tuple[int, int]]]
    first: int
    last: int
    caption: Sentence | None = None

    def cell_of(self, m: Mention) -> tuple[int, int] | None:
        """The (row, column) of the cell holding ``m``, else None."""
        for r, row in enumerate(self.rows):
            for c, (first, last) in enumerate(row):
                if first <= m.first and m.last <= last:
                    return r, c
        return None


@dataclass
class _Head:
    """What one header cell names."""

    metrics: list
    others: list
    countries: list
    cue: Cue | None
    total_only: bool


def find_tables(text: str, tokens: list[Token], found: list[Sentence]) -> list[Table]:
    """The tables of the text: two or more lines in a row that start with a bar."""
    lines = _lines(text, tokens, found)
    tables, block = [], []
    for line in [*lines, None]:
        if (
            line is not None
            and tokens[line[0]].raw == BAR
            and (not block or _next_line(text, tokens, block[-1], line))
        ):
            block.append(line)
            continue
        if len(block) >= 2:
            tables.append(_table(tokens, block, found))
        block = [line] if line is not None and tokens[line[0]].raw == BAR else []
    return tables


def _lines(text: str, tokens: list[Token], found: list[Sentence]) -> list[tuple[int, int]]:
    """Token ranges of the text's lines (a sentence never spans two)."""
    lines: list[tuple[int, int]] = []
    for s in found:
        new_line = s.first == 0 or "\n" in text[tokens[s.first - 1].end : tokens[s.first].start]
        if lines and not new_line:
            lines[-1] = (lines[-1][0], s.last)
        else:
            lines.append((s.first, s.last))
    return lines


def _next_line(text: str, tokens: list[Token], before: tuple[int, int], line) -> bool:
    return text[tokens[before[1] - 1].end : tokens[line[0]].start].count("\n") == 1


def _table(tokens: list[Token], block: list[tuple[int, int]], found: list[Sentence]) -> Table:
    rows = [_cells(tokens, first, last) for first, last in block]
    first, last = block[0][0], block[-1][1]
    before = [s for s in found if s.last <= first]
    caption = before[-1] if before and tokens[before[-1].last - 1].raw == ":" else None
    return Table(rows, first, last, caption)


def _cells(tokens: list[Token], first: int, last: int) -> list[tuple[int, int]]:
    bars = [k for k in range(first, last) if tokens[k].raw == BAR]
    if tokens[last - 1].raw != BAR:
        bars.append(last)
    return [(a + 1, b) for a, b in pairwise(bars)]


def read_cell(doc: Document, table: Table, m: Mention, reading: Reading) -> Reading:
    """Fill ``reading`` for the figure ``m`` in a cell of ``table``."""
    r, c = table.cell_of(m) or (0, 0)
    header = _has_header(doc, table)
    if (r == 0 and header) or c == 0:
        reading.reason = "a table header, not a figure of the table"
        return reading
    row_head = _head(doc, table.rows[r][0])
    col_head = _head(doc, table.rows[0][c] if header else (0, 0))
    heads = (row_head, col_head)
    reading.period_cue = row_head.cue or col_head.cue or _caption_cue(doc, table)
    countries = {s.id for h in heads for s in h.countries}
    if len(countries) == 1:
        reading.country = countries.pop()
    from_header = col_head.metrics or col_head.countries or (col_head.cue and not row_head.cue)
    start = table.rows[0][0][0] if from_header else table.rows[r][0][0]
    metrics = list(dict.fromkeys(s.id for h in heads for s in h.metrics))
    if len(metrics) > 1:
        reading.reason = f"its row and column name two metrics: {', '.join(metrics)}"
    elif metrics:
        reading.metric, reading.rule = metrics[0], "table"
    elif any(h.others for h in heads):
        found = next(s for h in heads for s in h.others)
        reading.reason = f"counts {found.kind} {found.id!r}, which no metric holds"
    else:
        start = _unnamed(doc, table, (r, c), heads, reading) or start
    reading.span = (start, table.rows[r][-1][1])
    return reading


def _has_header(doc: Document, table: Table) -> bool:
    """A first row without figures is the header row; a .docx table may have none."""
    return not any(_value(doc, cell) is not None for cell in table.rows[0][1:])


def _head(doc: Document, cell: tuple[int, int]) -> _Head:
    first, last = cell
    inside = [s for s in doc.subjects if first <= s.first and s.last <= last]
    metrics = [s for s in inside if s.kind == "metric" and not s.unit_like]
    metrics = metrics or [s for s in inside if s.kind == "metric"]
    others = [s for s in inside if s.kind in ("group", "topic")]
    countries = [s for s in inside if s.kind == "country"]
    cues = [c for c in doc.cues if first <= c.first and c.last <= last]
    total = doc.vocab.kind("total").match(doc.tokens, first, last)
    total_only = total is not None and total[0] == last and not (inside or cues)
    return _Head(metrics, others, countries, cues[0] if cues else None, total_only)


def _caption_cue(doc: Document, table: Table) -> Cue | None:
    if table.caption is None:
        return None
    cues = doc.in_sentence(doc.cues, table.caption)
    return cues[0] if cues else None


def _unnamed(doc: Document, table: Table, at: tuple[int, int], heads, reading: Reading) -> int:
    """A cell whose headers name no metric: a total row or column is the group total of what
    the other rows or columns name; else the cell counts the metric the caption names (a
    total column among others only when the cell is the sum of its row). Returns the token
    where the quote starts (the caption's), or 0."""
    (r, c), (row_head, col_head) = at, heads
    if row_head.total_only:
        body = table.rows[1:r] if _has_header(doc, table) else table.rows[:r]
        named = [_head(doc, row[0]).metrics for row in body]
        if _group_total(doc, named, reading):
            return 0
    row = table.rows[r]
    columns = [k for k in range(1, len(row)) if k != c and _value(doc, row[k]) is not None]
    if col_head.total_only and columns:  # a total beside other counts ("Persen" is none)
        named = [_head(doc, table.rows[0][k]).metrics for k in columns]
        if _group_total(doc, named, reading):
            return 0
        if sum(_value(doc, row[k]) or 0 for k in columns) != _value(doc, row[c]):
            reading.reason = "a total column that is not the sum of its row"
            return 0
    return _caption_metric(doc, table, reading)


def _group_total(doc: Document, named: list[list], reading: Reading) -> bool:
    siblings = {s.id for found in named for s in found}
    for members, total_metric in doc.vocab.groups.values():
        if total_metric and siblings and siblings <= set(members):
            reading.metric, reading.rule = total_metric, "total_row"
            return True
    return False


def _caption_metric(doc: Document, table: Table, reading: Reading) -> int:
    caption = table.caption
    inside = doc.in_sentence(doc.subjects, caption) if caption is not None else []
    named = {(s.kind, s.id) for s in inside if s.kind in ("metric", "group", "topic")}
    unit_like = {("metric", s.id) for s in inside if s.unit_like}
    named = named - unit_like if named - unit_like else named
    if caption is None or len(named) != 1 or next(iter(named))[0] != "metric":
        reading.reason = "no metric named in its row, column or caption"
        return 0
    reading.metric, reading.rule = next(iter(named))[1], "caption"
    return caption.first


def _value(doc: Document, cell: tuple[int, int]) -> int | None:
    figures = [m for m in doc.mentions if cell[0] <= m.first and m.last <= cell[1]]
    return figures[0].value if len(figures) == 1 and figures[0].is_figure else None
