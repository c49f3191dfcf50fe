"""Names, units and source lines for replies, in Indonesian or English."""

from __future__ import annotations

from bot.answers.formatting import country, join_list
from bot.answers.messages import message
from bot.facts.base import FactBase
from bot.model.fact import Fact
from bot.model.period import parse_period


def office_name(base: FactBase, lang: str, office: str | None = None) -> str:
    """The office's short name in ``lang`` (the default office when none is given)."""
    row = base.row("offices", "id", office or base.default_office)
    return row[f"short_{lang}"] if row else ""


def period_label(period: str, lang: str) -> str:
    """ "2020", or "Januari–Juni 2024" for a part of a year."""
    found = parse_period(period)
    return found.label(lang) if found else period


def coverage(base: FactBase, lang: str) -> str:
    """What the base holds, office by office: "Kantor Imigrasi Bekasi (2020, 2021)"."""
    parts = []
    for office in base.offices_with_facts:
        years = [str(y) for y in base.years(office)] or _partial_labels(base, office, lang)
        parts.append(f"{office_name(base, lang, office)} ({join_list(years, lang)})")
    return join_list(parts, lang)


def _partial_labels(base: FactBase, office: str, lang: str) -> list[str]:
    periods = sorted({f.period for f in base.facts.values() if f.office == office})
    return [period_label(p, lang) for p in periods]


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
    return short_name(base, fact.metric, lang)


def item_label(base: FactBase, fact: Fact, lang: str) -> str:
    """A fact's full subject: "Izin Tinggal Terbatas (ITAS)", "WNA aktif asal Jepang"."""
    label = metric_label(base, fact.metric, lang)
    if fact.country:
        label += " " + message("from_country", lang, country=country(fact.country, lang))
    return label


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


def sources_text(base: FactBase, lang: str, *, office: str | None, year: int | None) -> str:
    """The releases the figures come from: of ``office`` (and ``year``), else all."""
    rows = [r for r in base.tables["sources"] if office in (None, r["office"])]
    rows = [r for r in rows if year in (None, r["year"])] or rows
    lines = [
        message("source_item", lang, publisher=r["publisher"], title=r["title"], period=r["period"])
        + (f" {r['url']}" if r.get("url") else "")
        for r in rows
    ]
    return message("sources", lang, lines="\n".join(lines))


def source_lines(base: FactBase, facts: list[Fact], lang: str) -> list[str]:
    """One source line per source document, quoting every fact used from it."""
    by_source: dict[str, list[str]] = {}
    for fact in facts:
        by_source.setdefault(fact.source, []).append(fact.quote)
    return [source_line(base, source, quotes, lang) for source, quotes in by_source.items()]


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def context_values(base: FactBase, lang: str) -> dict:
    """Values every general template may use: the default office, its newest year, the
    metrics that have figures, and what the base covers."""
    having = {f.metric for f in base.facts.values()}
    metrics = [short_name(base, r["id"], lang) for r in base.tables["metrics"] if r["id"] in having]
    return {
        "office": office_name(base, lang),
        "year": base.newest_year() or "",
        "metrics": join_list(metrics, lang),
        "coverage": coverage(base, lang),
    }


def short_name(base: FactBase, metric: str, lang: str) -> str:
    """A metric's abbreviation, else its name in ``lang``."""
    row = base.row("metrics", "id", metric) or {}
    return row.get("abbr") or row.get(f"name_{lang}", metric)


def qualifier_word(base: FactBase, detail: str, lang: str) -> str:
    """A qualifier word in the reply's language ("perpanjangan" -> "renewal")."""
    rows = base.tables["lexicon"]
    return next(
        (r["word"] for r in rows if r["kind"] == "qualifier" and r["lang"] == lang
         and r["value"] == detail),
        detail,
    )  # fmt: skip
