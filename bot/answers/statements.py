"""Stage 6c: the release's statements that are not figures (innovations, awards, the head
of office ...), each with its verbatim quote and source."""

from __future__ import annotations

from bot.answers.labels import source_line
from bot.facts.base import FactBase


def compose_statements(
    base: FactBase, intent: str, lang: str, *, office: str | None = None, year: int | None = None
) -> str:
    """The statements of ``intent`` at an office, of ``year`` or else of the newest year that
    has any; "" when there are none."""
    lines = []
    for row in base.statements(intent, office, year):
        lines.append(row[f"summary_{lang}"])
        lines.append(source_line(base, row["source"], [row["quote"]], lang))
    return "\n".join(lines)
