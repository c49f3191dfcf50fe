"""What a chart of a reply shows: the stored facts the reply's text states, labelled in
its language. A breakdown (by country, metric or office) is a bar chart, one figure across
years a line chart. No drawing and no matplotlib here.

Rule one: every point is a fact of the base, looked up by its key; a reply fact whose value
the base does not hold exactly gives no chart at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers.charts.texts import text
from bot.answers.formatting import country, join_list, number
from bot.answers.labels import (
    capitalize,
    metric_label,
    office_name,
    period_label,
    short_name,
    unit,
)
from bot.facts.base import FactBase
from bot.model.fact import Fact
from bot.model.reply import Reply

MIN_POINTS = 2
MAX_POINTS = 20  # more bars than a phone screen shows legibly
DIMENSIONS = ("country", "metric", "office", "period")


@dataclass(frozen=True)
class Point:
    """One bar or point: its label, the stored value and the value as the reply writes it."""

    label: str
    value: int
    shown: str


@dataclass(frozen=True)
class ChartSpec:
    """Everything a chart shows. ``kind`` is "bar" or "line"; ``key`` is the question key
    (language, kind and the facts' keys) that a drawn chart is cached under."""

    kind: str
    lang: str
    title: str
    subtitle: str
    unit: str
    points: tuple[Point, ...]
    source: str
    key: tuple


def chart_spec(reply: Reply, base: FactBase) -> ChartSpec | None:
    """The chart of ``reply``, or None when its figures make none: fewer than two, more
    than :data:`MAX_POINTS`, differing in more than one way (metric and country), counted
    in different units, or not all stored in ``base`` with the values the reply states."""
    if reply.status != "answered":
        return None
    facts = stored_facts(reply.facts, base)
    if not facts or not MIN_POINTS <= len(facts) <= MAX_POINTS:
        return None
    varying = [d for d in DIMENSIONS if len({getattr(f, d) for f in facts}) > 1]
    units = {unit(base, f.metric, reply.lang) for f in facts}
    if len(varying) != 1 or len(units) != 1:
        return None
    dimension, lang = varying[0], reply.lang
    if dimension == "period":
        facts = sorted(facts, key=lambda f: f.period)
    return ChartSpec(
        kind="line" if dimension == "period" else "bar",
        lang=lang,
        title=_title(base, facts, dimension, lang),
        subtitle=_subtitle(base, facts, dimension, lang, units.pop()),
        unit=unit(base, facts[0].metric, lang),
        points=tuple(
            Point(_label(base, f, dimension, lang), f.value, number(f.value, lang)) for f in facts
        ),
        source=source_text(base, facts, lang),
        key=(lang, dimension, tuple(f.key for f in facts)),
    )


def stored_facts(reply_facts: list[dict], base: FactBase) -> list[Fact] | None:
    """The base's facts behind a reply's facts, in order and without repeats; None when one
    is missing or holds another value."""
    found: dict[tuple, Fact] = {}
    for item in reply_facts:
        key = (item.get("office"), item.get("period"), item.get("metric"), item.get("country"))
        fact = base.facts.get(key)
        if fact is None or fact.value != item.get("value"):
            return None
        found.setdefault(fact.key, fact)
    return list(found.values())


def _label(base: FactBase, fact: Fact, dimension: str, lang: str) -> str:
    if dimension == "country":
        return country(fact.country, lang) if fact.country else text("all_countries", lang)
    if dimension == "metric":
        return short_name(base, fact.metric, lang)
    if dimension == "office":
        return office_name(base, lang, fact.office)
    return period_label(fact.period, lang)


def _subject(base: FactBase, fact: Fact, lang: str, *, with_country: bool = True) -> str:
    subject = capitalize(metric_label(base, fact.metric, lang))
    if with_country and fact.country:
        return text("from_country", lang, subject=subject, country=country(fact.country, lang))
    return subject


def _title(base: FactBase, facts: list[Fact], dimension: str, lang: str) -> str:
    first = facts[0]
    if dimension == "country":
        return text("by_country", lang, subject=_subject(base, first, lang, with_country=False))
    if dimension == "period":
        return text("by_year", lang, subject=_subject(base, first, lang))
    if dimension == "office":
        return text("by_office", lang, subject=_subject(base, first, lang))
    names = join_list([short_name(base, f.metric, lang) for f in facts], lang)
    if first.country:
        return text("from_country", lang, subject=names, country=country(first.country, lang))
    return names


def _subtitle(base: FactBase, facts: list[Fact], dimension: str, lang: str, unit_: str) -> str:
    """The office and the year (or years), and the unit: "Kantor Imigrasi Bekasi · 2020"."""
    parts = []
    if dimension != "office":
        parts.append(capitalize(office_name(base, lang, facts[0].office)))
    if dimension == "period":
        first, last = period_label(facts[0].period, lang), period_label(facts[-1].period, lang)
        parts.append(f"{first}–{last}")
    else:
        parts.append(period_label(facts[0].period, lang))
    if unit_:
        parts.append(text("unit", lang, unit=unit_))
    return " · ".join(p for p in parts if p)


def source_text(base: FactBase, facts: list[Fact], lang: str) -> str:
    """'Sumber: TVBERITA, "title"' for every source document the facts come from."""
    names = []
    for source in dict.fromkeys(f.source for f in facts):
        row = base.row("sources", "id", source) or {}
        names.append(f'{row.get("publisher", "")}, "{row.get("title", source)}"'.lstrip(", "))
    return text("source", lang, sources="; ".join(names))
