"""Names, units and source lines for replies, in Indonesian or English."""

from __future__ import annotations

from bot.answers.formatting import country, join_list
from bot.answers.messages import message
from bot.facts.base import FactBase
from bot.model.fact import Fact


def office_name(base: FactBase, lang: str, office: str | None = None) -> str:
    """The office's short name in ``lang`` (the first office when none is given)."""
    offices = base.tables["offices"]
    row = next((r for r in offices if r["id"] == office), offices[0] if offices else None)
    return row[f"short_{lang}"] if row else ""


def metric_label(base: FactBase, metric: str, lang: str) -> str:
    """ "Izin Tinggal Terbatas (ITAS)" / "limited stay permit (ITAS)"."""
    row = base.row("metrics", "id", metric) or {}
    name = row.get(f"name_{lang}", metric)
    abbr = row.get("abbr", "")
    return f"{name} ({abbr})" if abbr and abbr.lower() not in name.lower() else name


def group_label(base: FactBase, group: str, lang: str) -> str:
    """The name of a group of metrics."""
    row = base.row("groups", "id", group) or {}
    return row.get(f"name_{lang}", group)


def unit(base: FactBase, metric: str, lang: str) -> str:
    """The unit a metric counts ("orang" / "people")."""
    row = base.row("metrics", "id", metric) or {}
    return row.get(f"unit_{lang}", "")


def item_name(base: FactBase, fact: Fact, lang: str) -> str:
    """A fact's subject: the country, else the metric's short name."""
    if fact.country:
        return country(fact.country, lang)
    row = base.row("metrics", "id", fact.metric) or {}
    return row.get("abbr") or row.get(f"name_{lang}", fact.metric)


def source_line(base: FactBase, source: str, quotes: list[str], lang: str) -> str:
    """'Sumber: publisher, "title" — kutipan: "..."; "..."'."""
    row = base.row("sources", "id", source) or {}
    quoted = "; ".join(f'"{q}"' for q in dict.fromkeys(quotes))
    return message(
        "source",
        lang,
        publisher=row.get("publisher", ""),
        title=row.get("title", ""),
        quotes=quoted,
    )


def source_lines(base: FactBase, facts: list[Fact], lang: str) -> list[str]:
    """One source line per source document, quoting every fact used from it."""
    by_source: dict[str, list[str]] = {}
    for fact in facts:
        by_source.setdefault(fact.source, []).append(fact.quote)
    return [source_line(base, source, quotes, lang) for source, quotes in by_source.items()]


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def context_values(base: FactBase, lang: str) -> dict:
    """Values every general template may use: office, year, metric list."""
    metrics = [r.get("abbr") or r[f"name_{lang}"] for r in base.tables["metrics"]]
    return {
        "office": office_name(base, lang),
        "year": base.period,
        "metrics": join_list(metrics, lang),
    }
