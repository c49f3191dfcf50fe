"""Replies that are not figures: statements, no-data explanations, clarifying
questions and small talk."""

from __future__ import annotations

from bot.answers.formatting import country, join_list
from bot.answers.labels import (
    context_values,
    group_label,
    metric_label,
    source_line,
)
from bot.answers.messages import message
from bot.facts.base import FactBase
from bot.model.frame import Frame
from bot.model.reply import Option
from bot.model.text import split_list

VAGUE_OPTIONS = 4


def compose_statements(base: FactBase, intent: str, lang: str) -> str:
    """The statements of a statement intent, each with its quote and source."""
    lines = []
    for row in base.tables["statements"]:
        if row["intent"] == intent:
            lines.append(row[f"summary_{lang}"])
            lines.append(source_line(base, row["source"], [row["quote"]], lang))
    return "\n".join(lines)


def compose_no_data(frame: Frame, base: FactBase, lang: str) -> str:
    """Say plainly what the release lacks, and what it does contain."""
    general = context_values(base, lang)
    if frame.reason == "topic":
        return _no_data_topic(frame.entities, base, lang, general)
    explain = NO_DATA_REASONS.get(frame.reason, _no_data_generic)
    related = _related_statements(frame, base, lang)
    if related:
        return explain(frame, base, lang, general) + "\n" + related
    contains = message("contains", lang, metrics=general["metrics"], years=general["year"])
    return explain(frame, base, lang, general) + "\n" + contains


def _related_statements(frame: Frame, base: FactBase, lang: str) -> str:
    """What the release says about a figure it does not give ("penerbitan paspor turun")."""
    intents = [
        intent
        for metric in frame.entities.metrics
        for intent in split_list((base.row("metrics", "id", metric) or {}).get("statements", ""))
    ]
    return "\n".join(compose_statements(base, intent, lang) for intent in dict.fromkeys(intents))


def _no_data_year(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    years = join_list([str(y) for y in base.years()], lang)
    subject = _subject_name(frame, base, lang)
    return message("no_data_year", lang, years=years, subject=subject, year=frame.year)


def _no_data_place(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    place = frame.entities.places[-1]
    return message("no_data_place", lang, office=general["office"], place=place)


def _no_data_country(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    listed = [f.country for f in base.countries_with_facts(base.breakdown_metric(), base.period)]
    named = frame.entities.countries + frame.entities.excluded_of("country")
    unknown = next((c for c in named if c not in listed), named[0])
    names = join_list([country(c, lang) for c in listed], lang)
    return message("no_data_country", lang, listed=names, country=country(unknown, lang))


def _no_data_breakdown(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    ent, breakdown = frame.entities, base.metrics_with_country_breakdown()
    names = [metric_label(base, m, lang) for m in ent.metrics if m not in breakdown]
    names += [group_label(base, g, lang) for g in ent.groups]
    subject = join_list(names, lang) or _subject_name(frame, base, lang)
    return message("no_data_breakdown", lang, subject=subject)


def _no_data_qualifier(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    subject = _subject_name(frame, base, lang)
    detail = join_list([shown for shown, _ in frame.entities.qualifiers], lang)
    return message("no_data_qualifier", lang, subject=subject, detail=detail, year=general["year"])


def _no_data_generic(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    if frame.entities.metrics:
        subject = _subject_name(frame, base, lang)
        return message("no_data_metric", lang, subject=subject, year=frame.year or base.period)
    return message("no_data_generic", lang)


NO_DATA_REASONS = {
    "year": _no_data_year,
    "place": _no_data_place,
    "country": _no_data_country,
    "breakdown": _no_data_breakdown,
    "qualifier": _no_data_qualifier,
    "whole": lambda frame, base, lang, general: message("no_data_whole", lang),
    "rank": lambda frame, base, lang, general: message(
        "rank_missing",
        lang,
        n=len(base.countries_with_facts(base.breakdown_metric(), frame.year or base.period)),
        rank=frame.entities.ordinal,
    ),
}


def _no_data_topic(ent, base: FactBase, lang: str, general: dict) -> str:
    topic = base.row("topics", "id", ent.topics[0]) if ent.topics else None
    name = topic[f"name_{lang}"] if topic else ""
    text = message("no_data_topic", lang, topic=name)
    if topic and topic["intent"]:
        return text + "\n" + compose_statements(base, topic["intent"], lang)
    return (
        text + "\n" + message("contains", lang, metrics=general["metrics"], years=general["year"])
    )


def _subject_name(frame: Frame, base: FactBase, lang: str) -> str:
    ent = frame.entities
    if ent.metrics:
        return join_list([metric_label(base, m, lang) for m in ent.metrics], lang)
    if ent.groups:
        return group_label(base, ent.groups[0], lang)
    return metric_label(base, base.breakdown_metric(), lang) if ent.countries else "—"


def clarify_options(frame: Frame, base: FactBase, lang: str) -> list[Option]:
    """Buttons for a clarify reply: the tied candidates, or a few common figures."""
    year = base.period
    if frame.reason == "tie" and frame.entities.ties:
        values = frame.entities.ties[0]
    elif frame.reason == "whole":
        return _share_options(frame, base, lang)
    elif frame.reason == "country":
        return [
            Option(
                label=f"{country(c, lang)} {year}",
                query=f"{_short(base, base.breakdown_metric())} {country(c, 'id')} {year}",
            )
            for c in frame.entities.countries
        ]
    else:
        values = tuple(r["id"] for r in base.tables["metrics"] if r.get("abbr"))[:VAGUE_OPTIONS]
    options = []
    for value in values:
        row = base.row("metrics", "id", value)
        label = (row.get("abbr") or row[f"name_{lang}"]) if row else country(value, lang)
        options.append(Option(label=f"{label} {year}", query=f"{label} {year}"))
    return options


def compose_smalltalk(intent: str, base: FactBase, lang: str) -> str:
    """Greeting, thanks, goodbye, about and help replies."""
    return message(intent, lang, **context_values(base, lang))


def _share_options(frame: Frame, base: FactBase, lang: str) -> list[Option]:
    """Buttons for "berapa persen ITAS?": one per group that holds the metric; for the
    metric broken down by country, one per country."""
    metric = frame.entities.metrics[0] if frame.entities.metrics else base.breakdown_metric()
    abbr = _short(base, metric, lang)
    labels = [
        message("share_option", lang, part=abbr, whole=_group_alias(base, group, lang))
        for group in base.groups_of([metric])
    ]
    if metric == base.breakdown_metric():
        labels += [
            message("share_country_option", lang, part=abbr, country=country(f.country, lang))
            for f in base.countries_with_facts(metric, frame.year or base.period)
        ]
    return [Option(label=label, query=label) for label in labels]


def _short(base: FactBase, metric: str, lang: str = "id") -> str:
    row = base.row("metrics", "id", metric) or {}
    return row.get("abbr") or row.get(f"name_{lang}", metric)


def _group_alias(base: FactBase, group: str, lang: str) -> str:
    return split_list(base.row("groups", "id", group)[f"aliases_{lang}"])[0]


def clarify_text(frame: Frame, base: FactBase, lang: str, *, options: bool = False) -> str:
    """The question a clarify reply asks ("pick one" when it offers buttons)."""
    if frame.reason == "whole":
        metric = frame.entities.metrics[0] if frame.entities.metrics else base.breakdown_metric()
        text = message("clarify_whole", lang, part=_short(base, metric, lang))
    else:
        key = {"tie": "clarify_tie", "country": "clarify_country"}.get(
            frame.reason, "clarify_vague"
        )
        text = message(key, lang, **context_values(base, lang))
    return text + (" " + message("pick_one", lang) if options and frame.reason == "whole" else "")
