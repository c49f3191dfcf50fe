"""Stage 6: the text of figure answers and definitions, in the asker's language."""

from __future__ import annotations

from bot.base import Fact, FactBase
from bot.formatting import country, join_list, number, percent
from bot.intents import RANK_CUES as RANK_INTENTS
from bot.intents import Frame
from bot.labels import (
    capitalize,
    group_label,
    item_name,
    metric_label,
    office_name,
    source_lines,
    unit,
)
from bot.messages import message
from bot.query import Result, group_members


def compose_figure(
    frame: Frame, result: Result, base: FactBase, lang: str
) -> tuple[str, list[Fact]]:
    """The text of an answered figure question (value, sum, share, ...) and the facts it states."""
    facts = result.facts
    first = facts[0]
    common = {
        "office": office_name(base, lang, first.office),
        "year": first.year,
        "unit": unit(base, first.metric, lang),
    }
    kind = result.kind
    if kind in RANK_INTENTS:
        lines = [_ranking(frame, result, base, lang, common)]
    elif kind == "share":
        lines = [_share(part, base, lang, common) for part in (result.parts or [result])]
    elif kind == "sum":
        lines = [_sum(result, base, lang, common)]
    elif kind in ("difference", "compare"):
        lines = [_pair(kind, result, base, lang, common)]
    elif first.country:
        lines = [
            message(
                "value_country",
                lang,
                country=country(first.country, lang),
                value=number(first.value, lang),
                **common,
            )
        ]
    else:
        lines = [
            message(
                "value",
                lang,
                subject=capitalize(metric_label(base, first.metric, lang)),
                value=number(first.value, lang),
                **common,
            )
        ]
    if result.computed:
        lines.append(message("computed", lang))
    shown = _ranked_shown(frame, result) if kind in RANK_INTENTS else facts
    lines.extend(source_lines(base, shown, lang))
    return "\n".join(lines), shown


def _ranked_shown(frame: Frame, result: Result) -> list[Fact]:
    facts = result.facts
    ent = frame.entities
    if frame.intent == "fewest":
        return facts[-1:]
    if ent.ordinal:
        return facts[ent.ordinal - 1 : ent.ordinal]
    if ent.count:
        return facts[: ent.count]
    return facts if _wants_list(frame) else facts[:1]


def _wants_list(frame: Frame) -> bool:
    ent = frame.entities
    return frame.intent == "ranking" and ent.count is None and ent.ordinal is None


def _ranking(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    facts, ent = result.facts, frame.entities
    n = len(facts)
    if frame.intent == "fewest":
        last = facts[-1]
        return message(
            "fewest",
            lang,
            n=n,
            country=country(last.country, lang),
            value=number(last.value, lang),
            **common,
        )
    if ent.ordinal:
        if ent.ordinal > n:
            return message("rank_missing", lang, n=n, rank=ent.ordinal)
        fact = facts[ent.ordinal - 1]
        return message(
            "rank_k",
            lang,
            rank=ent.ordinal,
            country=country(fact.country, lang),
            value=number(fact.value, lang),
            **common,
        )
    shown = _ranked_shown(frame, result)
    head = message("ranking", lang, n=n, **common)
    rows = [
        message(
            "rank_line",
            lang,
            rank=i,
            country=country(f.country, lang),
            value=number(f.value, lang),
            unit=common["unit"],
        )
        for i, f in enumerate(shown, 1)
    ]
    if len(shown) == 1:
        top = shown[0]
        return message(
            "top", lang, country=country(top.country, lang), value=number(top.value, lang), **common
        )
    return "\n".join([head, *rows])


def _share(result: Result, base: FactBase, lang: str, common: dict) -> str:
    part = result.facts[0]
    if part.country:
        whole_value = result.facts[1].value
        whole_name = metric_label(base, part.metric, lang)
    else:
        whole_value = result.total
        whole_name = group_label(base, result.labels[0], lang)
    return message(
        "share",
        lang,
        part_name=item_name(base, part, lang),
        part=number(part.value, lang),
        whole=number(whole_value, lang),
        whole_name=whole_name,
        percent=percent(result.percent, lang),
        **common,
    )


def _sum(result: Result, base: FactBase, lang: str, common: dict) -> str:
    parts = " + ".join(
        message("part", lang, name=item_name(base, f, lang), value=number(f.value, lang))
        for f in result.facts
    )
    subject = (
        group_label(base, result.labels[0], lang)
        if result.labels
        else join_list([item_name(base, f, lang) for f in result.facts], lang)
    )
    return message(
        "sum", lang, subject=subject, value=number(result.total, lang), parts=parts, **common
    )


def _pair(kind: str, result: Result, base: FactBase, lang: str, common: dict) -> str:
    a, b = result.facts[:2]
    names = (item_name(base, a, lang), item_name(base, b, lang))
    diff = number(result.total, lang)
    if kind == "difference":
        return message(
            "difference",
            lang,
            a_name=names[0],
            a=number(a.value, lang),
            b_name=names[1],
            b=number(b.value, lang),
            diff=diff,
            unit=common["unit"],
            year=common["year"],
        )
    lines = "\n".join(
        message(
            "line", lang, name=name, value=number(f.value, lang), unit=unit(base, f.metric, lang)
        )
        for name, f in zip(names, (a, b), strict=True)
    )
    if a.value == b.value:
        return message("compare_equal", lang, lines=lines, year=common["year"])
    more, less = names if a.value > b.value else names[::-1]
    return message(
        "compare",
        lang,
        lines=lines,
        more=more,
        less=less,
        diff=diff,
        unit=common["unit"],
        year=common["year"],
    )


def compose_definition(frame: Frame, base: FactBase, lang: str) -> str:
    """What a term, metric or group means."""
    ent = frame.entities
    other = "en" if lang == "id" else "id"
    if ent.terms:
        row = base.row("glossary", "term", ent.terms[0]) or {}
        name = row[f"name_{lang}"]
        if lang == "en":
            name = f"{name} ({row['name_id']})"
        return message(
            "define", lang, term=row["term"], name=name, definition=row[f"definition_{lang}"]
        )
    if ent.metrics:
        row = base.row("metrics", "id", ent.metrics[0]) or {}
        name = f"{row[f'name_{lang}']} ({row[f'name_{other}']})" if lang == "en" else row["name_id"]
        return message(
            "define",
            lang,
            term=row.get("abbr") or row[f"name_{lang}"],
            name=name,
            definition=row[f"definition_{lang}"],
        )
    group = ent.groups[0]
    members = [metric_label(base, m, lang) for m in group_members(base, group)]
    return message(
        "define",
        lang,
        term=group_label(base, group, lang),
        name=join_list(members, lang),
        definition="",
    )
