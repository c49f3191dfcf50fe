"""Replies that are not figures: clarifying questions and small talk."""

from __future__ import annotations

from bot.answers.formatting import country
from bot.answers.labels import (
    context_values,
)
from bot.answers.messages import message
from bot.facts.base import FactBase
from bot.model.frame import Frame
from bot.model.reply import Option
from bot.model.text import split_list

VAGUE_OPTIONS = 4


def clarify_options(frame: Frame, base: FactBase, lang: str) -> list[Option]:
    """Buttons for a clarify reply: the tied candidates, or a few common figures."""
    year = frame.year or base.newest_year() or ""
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
            for f in base.countries_with_facts(metric, frame.year or 0, frame.office)
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
