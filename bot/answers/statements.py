"""Stage 6c: the release's statements that are not figures (innovations, awards, the head
of office ...), each with its verbatim quote and source."""

from __future__ import annotations

from bot.answers.formatting import number
from bot.answers.labels import source_line
from bot.answers.messages import message
from bot.facts.base import FactBase
from bot.facts.releases import split_items


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


def compose_item_count(
    base: FactBase, intent: str, lang: str, *, office: str | None = None, year: int | None = None
) -> str:
    """How many things the statements of ``intent`` list ("4 inovasi"), counted from the
    items an admin listed beside each quote, then the statements themselves; "" when they
    list none."""
    rows = base.statements(intent, office, year)
    items = [item for row in rows for item in split_items(row.get("items", ""))]
    if not items:
        return ""
    head = message("item_count", lang, count=number(len(items), lang))
    return f"{head}\n{compose_statements(base, intent, lang, office=office, year=year)}"
