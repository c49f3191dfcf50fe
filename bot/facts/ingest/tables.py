"""Tables: a block of "| a | b |" lines (Markdown, or a .docx table as read.py writes it),
its first line the header row (unless it holds figures) and its first column the row
headers. What a header cell names is read in headers.py; cells.py reads a figure by its
two headers.

A header names a metric by one of its names ("Kedatangan"), or together with the table's
caption, the sentence or heading right before it: "Ditunda" under the heading "Paspor" is
"paspor ditunda", the postponed passports. A header of percentages ("%", "Persentase")
holds no counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from bot.facts.ingest.numbers import Mention
from bot.facts.ingest.tokens import Sentence, Token

BAR = "|"


@dataclass(frozen=True)
class Table:
    """Rows of cells, each cell a ``(first, last)`` token range."""

    rows: list[list[tuple[int, int]]]
    first: int
    last: int

    def cell_of(self, m: Mention) -> tuple[int, int] | None:
        """The (row, column) of the cell holding ``m``, else None."""
        for r, row in enumerate(self.rows):
            for c, (first, last) in enumerate(row):
                if first <= m.first and m.last <= last:
                    return r, c
        return None


def find_tables(text: str, tokens: list[Token], found: list[Sentence]) -> list[Table]:
    """The tables of the text: two or more lines in a row that start with a bar."""
    tables, block = [], []
    for line in [*_lines(text, tokens, found), None]:
        starts = line is not None and tokens[line[0]].raw == BAR
        if starts and (not block or _next_line(text, tokens, block[-1], line)):
            block.append(line)
            continue
        rows = [_cells(tokens, first, last) for first, last in block]
        if len(block) >= 2 and all(rows):
            rows = [row[1:] for row in rows] if _numbered(tokens, rows) else rows
            tables.append(Table(rows, block[0][0], block[-1][1]))
        block = [line] if starts else []
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


def _numbered(tokens: list[Token], rows: list[list[tuple[int, int]]]) -> bool:
    """A first column of row numbers ("| No | Negara | Jumlah |", "| 1 | Tiongkok | 320 |"):
    each body cell empty or its row's number, the row header is the next column."""
    numbers = []
    for n, row in enumerate(rows[1:], 1):
        cell = [t.raw for t in tokens[row[0][0] : row[0][1]]]
        if cell and cell != [str(n)]:
            return False
        numbers += cell
    return len(numbers) >= 2 and all(len(row) > 2 for row in rows)


def _cells(tokens: list[Token], first: int, last: int) -> list[tuple[int, int]]:
    bars = [k for k in range(first, last) if tokens[k].raw == BAR]
    if tokens[last - 1].raw != BAR:
        bars.append(last)
    return [(a + 1, b) for a, b in pairwise(bars)]
