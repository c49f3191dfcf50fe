"""Stage 6b: "the release does not say": what is lacking, and what the base does have."""

from __future__ import annotations

from bot.answers.formatting import country, join_list, number
from bot.answers.labels import (
    context_values,
    group_label,
    metric_label,
    office_name,
    period_label,
    qualifier_word,
)
from bot.answers.messages import message
from bot.answers.statements import compose_statements
from bot.facts.base import FactBase
from bot.model.frame import Frame
from bot.model.places import REGION_KINDS
from bot.model.text import split_list


def compose_no_data(frame: Frame, base: FactBase, lang: str) -> str:
    """Say plainly what the release lacks, and what it does contain."""
    general = context_values(base, lang)
    if frame.reason == "topic":
        return _no_data_topic(frame, base, lang, general)
    if frame.reason == "other_figure":  # the statement, and whose figure it speaks of
        return _no_data_other_figure(frame, base, lang)
    if frame.reason == "uncounted":  # the statement, and that it gives no count
        said = compose_statements(base, frame.intent, lang, office=frame.office)
        return message("no_data_uncounted", lang) + ("\n" + said if said else "")
    explain = NO_DATA_REASONS.get(frame.reason, _no_data_generic)
    related = _related_statements(frame, base, lang)
    if related:
        return explain(frame, base, lang, general) + "\n" + related
    return explain(frame, base, lang, general) + "\n" + message("contains", lang, **general)


def _related_statements(frame: Frame, base: FactBase, lang: str) -> str:
    """What the release says about a figure it does not give ("penerbitan paspor turun")."""
    intents = [
        intent
        for metric in frame.entities.metrics
        for intent in split_list((base.row("metrics", "id", metric) or {}).get("statements", ""))
    ]
    texts = (compose_statements(base, i, lang, office=frame.office) for i in dict.fromkeys(intents))
    return "\n".join(text for text in texts if text)


def subject_years(frame: Frame, base: FactBase) -> list[int]:
    """The whole years the subject of ``frame`` has figures for at its office."""
    ent = frame.entities
    metrics = ent.metrics or [m for g in ent.groups for m in base.group_members(g)]
    country = None
    if not metrics and ent.countries:
        metrics, country = [base.breakdown_metric()], ent.countries[0]
    years = {y for m in metrics for y in base.years_of(m, country, frame.office)}
    return sorted(years)


def _no_data_year(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    ent = frame.entities
    subject = ent.metrics or ent.groups or ent.countries
    have = subject_years(frame, base) if subject else base.years(frame.office)
    values = {
        "subject": subject_name(frame, base, lang),
        "office": office_name(base, lang, frame.office),
        "year": frame.year,
        "years": join_list([str(y) for y in have], lang),
    }
    key = ("no_data_year" if subject else "no_data_year_any") if have else "no_data_metric"
    return message(key, lang, **values)


def _no_data_metric(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    subject, office = subject_name(frame, base, lang), office_name(base, lang, frame.office)
    return message("no_data_metric", lang, subject=subject, office=office)


def _no_data_place(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    place = frame.entities.places[-1]
    row = base.row("places", "name", place) or {}
    if row.get("kind") in REGION_KINDS:  # "WNA Eropa": an origin, not a place of residence
        year = frame.year or base.newest_year(office=frame.office) or 0
        facts = base.countries_with_facts(base.breakdown_metric(), year, frame.office)
        listed = join_list([country(f.country, lang) for f in facts], lang)
        return message("no_data_region", lang, region=place, listed=listed or "—")
    return message("no_data_place", lang, coverage=general["coverage"], place=place)


def _no_data_office(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    office = office_name(base, lang, frame.office)
    return message("no_data_office", lang, office=office, coverage=general["coverage"])


def _no_data_country(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    year = frame.year or base.newest_year(office=frame.office) or 0
    listed = [
        f.country for f in base.countries_with_facts(base.breakdown_metric(), year, frame.office)
    ]
    named = frame.entities.countries + frame.entities.excluded_of("country")
    unknown = next((c for c in named if c not in listed), named[0] if named else "")
    names = join_list([country(c, lang) for c in listed], lang)
    # "WNA selain lima negara itu": every listed one left out, other countries asked
    asked = country(unknown, lang) if frame.reason == "country" else message("others", lang)
    return message(
        "no_data_country" if listed else "no_data_no_countries",
        lang,
        listed=names,
        country=asked,
        office=office_name(base, lang, frame.office),
        year=period_label(str(year), lang),
    )


def _no_data_breakdown(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    ent, breakdown = frame.entities, base.metrics_with_country_breakdown()
    names = [metric_label(base, m, lang) for m in ent.metrics if m not in breakdown]
    names += [group_label(base, g, lang) for g in ent.groups]
    subject = join_list(names, lang) or subject_name(frame, base, lang)
    broken = [metric_label(base, m, lang) for m in sorted(breakdown)]
    return message("no_data_breakdown", lang, subject=subject, broken=join_list(broken, lang))


def _no_data_qualifier(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    subject = subject_name(frame, base, lang)
    ent = frame.entities
    shown = [shown for shown, _ in ent.qualifiers]
    shown += [qualifier_word(base, meant, lang) for meant in ent.excluded_of("qualifier")]
    detail = join_list(shown, lang)
    return message("no_data_qualifier", lang, subject=subject, detail=detail, year=frame.year)


def _no_data_generic(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    if frame.entities.metrics:
        return _no_data_year(frame, base, lang, general)
    return message("no_data_generic", lang)


def _no_data_excluded(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    """ "WNA selain ITAS", "WNA selain Malaysia": what is left out is not counted apart
    within the figure, so nothing can be subtracted."""
    ent = frame.entities
    left = [country(c, lang) for c in ent.excluded_of("country")]
    left += [metric_label(base, m, lang) for m in ent.excluded_of("metric")]
    left += [group_label(base, g, lang) for g in ent.excluded_of("group")]
    subject = subject_name(frame, base, lang)
    whole = ent.whole.get("group") or ent.whole.get("metric")
    if whole and not (ent.metrics or ent.groups or ent.countries):  # "... out of all permits"
        label = group_label if "group" in ent.whole else metric_label
        subject = label(base, whole, lang)
    return message("no_data_excluded", lang, subject=subject, left=join_list(left, lang) or "—")


def _no_data_whole(frame: Frame, lang: str) -> str:
    """ "persen Taiwan dari India": one country's residents are no part of another's; a
    ratio can be asked instead."""
    ent = frame.entities
    codes = (ent.whole.get("countries") or ent.whole.get("country") or "").split(",")
    parts = [c for c in ent.countries if c not in codes]
    if not (codes[0] and parts):
        return message("no_data_whole", lang)
    whole = join_list([country(c, lang) for c in codes], lang)
    names = {"part": country(parts[0], lang), "whole": whole}
    return message("no_data_whole_country", lang, **names)


def _no_data_rank(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    year = frame.year or 0
    n = len(base.countries_with_facts(base.breakdown_metric(), year, frame.office))
    rank = max([frame.entities.ordinal or 0, *frame.entities.positions])
    return message("rank_missing", lang, n=n, rank=rank)


def _no_data_statement(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    office = frame.office or base.default_office
    rows = base.tables["statements"]
    years = sorted(
        {r["year"] for r in rows if r["intent"] == frame.intent and r["office"] == office}
    )
    return message(
        "no_data_statement", lang, office=office_name(base, lang, office), year=frame.year,
        years=join_list([str(y) for y in years], lang),
    )  # fmt: skip


NO_DATA_REASONS = {
    "statement": _no_data_statement,
    "year": _no_data_year,
    "metric": _no_data_metric,
    "place": _no_data_place,
    "office": _no_data_office,
    "country": _no_data_country,
    "other_countries": _no_data_country,
    "breakdown": _no_data_breakdown,
    "qualifier": _no_data_qualifier,
    "unnamed": lambda frame, base, lang, general: message(
        "no_data_topic",
        lang,
        topic=join_list([f'"{shown}"' for shown, _ in frame.entities.qualifiers], lang),
    ),
    "unmeasured": lambda frame, base, lang, general: message("no_data_unmeasured", lang),
    "whole": lambda frame, base, lang, general: _no_data_whole(frame, lang),
    "rank": _no_data_rank,
    "excluded": _no_data_excluded,
    "rank_pair": lambda frame, base, lang, general: message("no_data_rank_pair", lang),
    "which_places": lambda frame, base, lang, general: message(
        "no_data_which_places", lang, count=frame.entities.count
    ),
    "operand": lambda frame, base, lang, general: message(
        "no_data_operand" if frame.entities.operand else "no_data_scaled",
        lang,
        subject=subject_name(frame, base, lang),
        n=number(frame.entities.operand or 0, lang),
    ),
    "opinion": lambda frame, base, lang, general: message("no_data_opinion", lang),
    "product": lambda frame, base, lang, general: message(
        "no_data_product", lang, subject=_names_multiplied(frame, base, lang)
    ),
    "mixed": lambda frame, base, lang, general: message(
        "no_data_mixed", lang, names=subject_name(frame, base, lang)
    ),
    "forecast": lambda frame, base, lang, general: message(
        "no_data_forecast",
        lang,
        years=join_list([str(y) for y in subject_years(frame, base)], lang),
    ),
    "combined": lambda frame, base, lang, general: message(
        "no_data_combined",
        lang,
        subject=subject_name(frame, base, lang),
        asked=_asked_detail(frame, base, lang),
        details=join_list([qualifier_word(base, d, lang) for d in frame.combined], lang),
        year=frame.year,
    ),
    "average": lambda frame, base, lang, general: message(
        "no_data_average", lang, subject=subject_name(frame, base, lang), year=frame.year
    ),
}


def _asked_detail(frame: Frame, base: FactBase, lang: str) -> str:
    """The detail asked alone: as written, or what is left when others are left out
    ("ITAP bukan perpanjangan" asks for "baru")."""
    ent = frame.entities
    if ent.qualifiers:
        return join_list([shown for shown, _ in ent.qualifiers], lang)
    rest = [d for d in frame.combined if d not in ent.excluded_of("qualifier")]
    return join_list([qualifier_word(base, d, lang) for d in rest], lang)


def _no_data_other_figure(frame: Frame, base: FactBase, lang: str) -> str:
    rows = base.statements(frame.intent, frame.office)
    about = dict.fromkeys(m for row in rows for m in sorted(base.statement_metrics(row["id"])))
    names = [metric_label(base, m, lang) for m in about]
    asked = [metric_label(base, m, lang) for m in frame.entities.metrics]
    said = compose_statements(base, frame.intent, lang, office=frame.office)
    text = message(
        "no_data_other_figure", lang, about=join_list(names, lang), asked=join_list(asked, lang)
    )
    return text + ("\n" + said if said else "")


def _no_data_topic(frame: Frame, base: FactBase, lang: str, general: dict) -> str:
    ent = frame.entities
    topic = base.row("topics", "id", ent.topics[0]) if ent.topics else None
    name = topic[f"name_{lang}"] if topic else ""
    text = message("no_data_topic", lang, topic=name)
    statements = topic and topic["intent"] and compose_statements(base, topic["intent"], lang)
    return text + "\n" + (statements or message("contains", lang, **general))


def subject_name(frame: Frame, base: FactBase, lang: str) -> str:
    """The name of what a figure question is about."""
    ent = frame.entities
    if ent.metrics:
        return join_list([metric_label(base, m, lang) for m in ent.metrics], lang)
    if ent.groups:
        return group_label(base, ent.groups[0], lang)
    if ent.countries or ent.names_countries or ent.top_count:  # "top 2 negara dikali dua"
        return metric_label(base, base.breakdown_metric(), lang)
    return "—"


def _names_multiplied(frame: Frame, base: FactBase, lang: str) -> str:
    """ "Jepang dan India", "ITAS dan ITK": the two figures multiplied."""
    codes = frame.entities.countries
    if len(codes) > 1:
        return join_list([country(c, lang) for c in codes], lang)
    return subject_name(frame, base, lang)
