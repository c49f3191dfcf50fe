"""Replies that are not figures: statements, no-data explanations, clarifying
questions and small talk."""

from __future__ import annotations

from bot.base import FactBase
from bot.formatting import country, join_list
from bot.intents import Frame, groups_of
from bot.labels import (
    breakdown_metric,
    context_values,
    group_label,
    metric_label,
    source_line,
)
from bot.messages import message
from bot.reply import Option
from bot.text import split_list

SMALLTALK_TEMPLATES = ("greeting", "thanks", "goodbye", "about_bot", "help")


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
    ent, reason = frame.entities, frame.reason
    general = context_values(base, lang)
    subject = _subject_name(frame, base, lang)
    if reason == "year":
        years = join_list([str(y) for y in base.years()], lang)
        text = message("no_data_year", lang, years=years, subject=subject, year=frame.year)
    elif reason == "place":
        place = ent.places[0]
        text = message("no_data_place", lang, office=general["office"], place=place)
    elif reason == "country":
        listed = [f.country for f in base.countries_with_facts(breakdown_metric(base), base.period)]
        unknown = next(c for c in ent.countries if c not in listed)
        text = message(
            "no_data_country",
            lang,
            listed=join_list([country(c, lang) for c in listed], lang),
            country=country(unknown, lang),
        )
    elif reason == "breakdown":
        text = message("no_data_breakdown", lang, subject=subject)
    else:
        return _no_data_topic(ent, base, lang, general)
    return (
        text + "\n" + message("contains", lang, metrics=general["metrics"], years=general["year"])
    )


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
    return metric_label(base, breakdown_metric(base), lang) if ent.countries else "—"


def clarify_options(frame: Frame, base: FactBase, lang: str) -> list[Option]:
    """Buttons for a clarify reply: the tied candidates, or a few common figures."""
    year = base.period
    if frame.reason == "tie" and frame.entities.ties:
        values = frame.entities.ties[0]
    elif frame.reason == "whole":
        return _share_options(frame, base, lang)
    elif frame.reason == "country":
        return [
            Option(label=f"{country(c, lang)} {year}", query=f"WNA {country(c, 'id')} {year}")
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
    """ "ITAS of all stay permits?": one button per group that holds the metric."""
    metric = frame.entities.metrics[0]
    abbr = (base.row("metrics", "id", metric) or {}).get("abbr") or metric
    options = []
    for group in groups_of(base, [metric]):
        whole = split_list(base.row("groups", "id", group)[f"aliases_{lang}"])[0]
        label = message("share_option", lang, part=abbr, whole=whole)
        options.append(Option(label=label, query=label))
    return options


def clarify_text(frame: Frame, base: FactBase, lang: str) -> str:
    """The question a clarify reply asks."""
    values = context_values(base, lang)
    if frame.reason == "whole":
        metric = frame.entities.metrics[0]
        part = (base.row("metrics", "id", metric) or {}).get("abbr") or metric
        return message("clarify_whole", lang, part=part)
    key = {"tie": "clarify_tie", "country": "clarify_country"}.get(frame.reason, "clarify_vague")
    return message(key, lang, **values)
