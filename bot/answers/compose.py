"""Stage 6: the text of figure answers and definitions, in the asker's language."""

from __future__ import annotations

from bot.answers.compose_compare import (
    write_compare,
    write_complement,
    write_difference,
    write_grouped,
)
from bot.answers.compose_rank import ranked_shown, write_ranking
from bot.answers.compose_years import write_change, write_series, write_stated_total
from bot.answers.formatting import country, decimal, join_list, number, percent
from bot.answers.labels import (
    capitalize,
    group_label,
    item_name,
    metric_label,
    office_name,
    period_label,
    qualifier_word,
    source_lines,
    unit,
)
from bot.answers.messages import message
from bot.answers.query import Result
from bot.facts.base import FactBase
from bot.model.fact import Fact
from bot.model.frame import RANK_INTENTS, Frame, factor_of

PER_WORDS = {
    "month": {"id": ("bulan", "bulan"), "en": ("month", "months")},
    "week": {"id": ("minggu", "minggu"), "en": ("week", "weeks")},
    "day": {"id": ("hari", "hari"), "en": ("day", "days")},
}


def compose_figure(
    frame: Frame, result: Result, base: FactBase, lang: str
) -> tuple[str, list[Fact]]:
    """The text of an answered figure question and the facts it states."""
    first = result.facts[0]
    common = {
        "office": office_name(base, lang, first.office),
        "year": period_label(first.period, lang),
        "unit": unit(base, first.metric, lang),
    }
    shown = ranked_shown(frame, result) if result.kind in RANK_INTENTS else result.facts
    write = WRITERS.get(result.kind, _value)
    lines = [write(frame, result, base, lang, common)]
    if frame.reason == "ends":  # "selisih negara terbanyak dan tersedikit"
        named = len(base.countries_with_facts(first.metric, first.year, first.office))
        lines.append(message("ends_of_listed", lang, n=named))
    if result.computed:
        lines.append(message("computed", lang))
    if result.kind == "value" and frame.entities.stated:
        stated = frame.entities.stated[0]
        if first.value in (*frame.entities.stated, frame.entities.count):
            stated = first.value  # "affidavit 50 atau 500?": the one that matches
        if stated == first.value or not _another_figure(base, first, stated):
            lines.append(_check(stated, first.value, lang))
    if frame.missing_years:  # "ITAS 2020 dan 2019": 2020's figure, and 2019 has none
        years = join_list([str(y) for y in frame.missing_years], lang)
        lines.append(message("years_missing_too", lang, years=years))
    if frame.missing_countries:  # "WNA Hongkong dan Korea": Korea's, and no Hong Kong
        names = join_list([country(c, lang) for c in frame.missing_countries], lang)
        lines.append(message("countries_missing_too", lang, countries=names))
    if frame.combined:
        details = join_list([qualifier_word(base, d, lang) for d in frame.combined], lang)
        lines.append(message("combined", lang, details=details))
    lines.extend(source_lines(base, shown, lang))
    return "\n".join(lines), shown


def _another_figure(base: FactBase, fact: Fact, value: int) -> bool:
    """Whether ``value`` is another stored figure of the same release ("ada 8940 WNA,
    berapa yang dari Korea?" names the total: no claim about Korea to correct)."""
    return bool(base.facts_with_value(fact.office, fact.period, value))


def _check(stated: int, value: int, lang: str) -> str:
    """Answer "is it N?": the stored figure agrees or not."""
    key = "stated_same" if stated == value else "stated_differs"
    return message(key, lang, stated=number(stated, lang), value=number(value, lang))


def _value(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    fact = result.facts[0]
    subject = capitalize(metric_label(base, fact.metric, lang))
    value = number(fact.value, lang)
    if fact.country:
        place = country(fact.country, lang)
        return message("value_country", lang, subject=subject, country=place, value=value, **common)
    return message("value", lang, subject=subject, value=value, **common)


def _share(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    whole = result.whole
    if isinstance(whole, Fact):
        whole_name = metric_label(base, whole.metric, lang)
        if whole.country:
            whole_name += " " + message("from_country", lang, country=country(whole.country, lang))
    elif isinstance(whole, tuple):  # several countries added up
        whole_name = join_list([country(f.country, lang) for f in whole], lang)
    else:
        whole_name = group_label(base, whole, lang)
    if result.relative:  # "ITAP itu berapa persen dari ITAS?": a comparison, not a part
        return _relative_shares(result, base, lang, common)
    if frame.reason == "together_only":  # "India and Taiwan together": their share, not each
        return _together(result, base, lang, common) + _share_notes(result, whole_name, lang)
    return "\n".join(
        message(
            "share",
            lang,
            part_name=item_name(base, part, lang),
            part=number(part.value, lang),
            whole=number(result.total, lang),
            whole_name=whole_name,
            percent=percent(share, lang),
            **common,
        )
        for part, share in result.shares
    ) + (
        ("\n" + _together(result, base, lang, common) if result.together is not None else "")
        + _share_notes(result, whole_name, lang)
    )


def _relative_shares(result: Result, base: FactBase, lang: str, common: dict) -> str:
    whole = result.whole
    assert isinstance(whole, Fact)
    return "\n".join(
        message("share_relative", lang, part_name=item_name(base, part, lang),
                part=number(part.value, lang), whole_name=item_name(base, whole, lang),
                whole=number(whole.value, lang), percent=percent(share, lang), **common)
        for part, share in result.shares
    )  # fmt: skip


def _share_notes(result: Result, whole_name: str, lang: str) -> str:
    return ("\n" + message("share_apart", lang, whole_name=whole_name) if result.apart else "") + (
        "\n" + message("sum_overlap", lang) if result.overlap and result.shares else ""
    )


def _together(result: Result, base: FactBase, lang: str, common: dict) -> str:
    parts = [part for part, _ in result.shares]
    return message(
        "share_together",
        lang,
        names=join_list([item_name(base, p, lang) for p in parts], lang),
        parts=" + ".join(number(p.value, lang) for p in parts),
        part=number(sum(p.value for p in parts), lang),
        whole=number(result.total, lang),
        percent=percent(100 * sum(p.value for p in parts) / result.total, lang),
        **common,
    )


def _sum(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    parts = " + ".join(
        message("part", lang, name=item_name(base, f, lang), value=number(f.value, lang))
        for f in result.facts
    )
    if result.whole:
        subject = group_label(base, result.whole, lang)
    else:
        subject = join_list([item_name(base, f, lang) for f in result.facts], lang)
    total = number(result.total, lang)
    text = message("sum", lang, subject=subject, value=total, parts=parts, **common)
    return text + ("\n" + message("sum_overlap", lang) if result.overlap else "")


def _ratio(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    """The ratio in the order asked; below one, also the other way round ("ITK = 0,27
    kali ITAS; sebaliknya ITAS = 3,7 kali ITK"), the way people usually say it."""
    a, b = result.facts
    names = {"a_name": item_name(base, a, lang), "b_name": item_name(base, b, lang)}
    text = message(
        "ratio", lang, **names, a=number(a.value, lang), b=number(b.value, lang),
        ratio=decimal(result.ratio, lang), year=common["year"],
    )  # fmt: skip
    if result.ratio >= 1:
        return text
    inverse = decimal(b.value / a.value, lang)
    return text + " " + message("ratio_inverse", lang, **names, ratio=inverse)


def _average(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    if result.divisor:
        return _mean_per(frame, result, base, lang, common)
    names = join_list([item_name(base, f, lang) for f in result.facts], lang)
    values = " + ".join(number(f.value, lang) for f in result.facts)
    shown = _mean(result.average, lang)
    return message(
        "average", lang, names=names, values=values, n=len(result.facts), value=shown, **common
    )


def _mean(mean: float, lang: str) -> str:
    """A mean as written: whole, or with one decimal and the whole number nearest
    ("2.704,3 (≈ 2.704)": people come whole)."""
    if mean == int(mean):
        return number(int(mean), lang)
    return f"{decimal(mean, lang)} (≈ {number(int(mean + 0.5), lang)})"


def _mean_per(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    fact, shown = result.facts[0], _mean(result.average, lang)
    per, pers = PER_WORDS[frame.reason][lang]
    return message("average_per", lang, name=item_name(base, fact, lang), per=per, pers=pers,
                   total=number(fact.value, lang), divisor=decimal(result.divisor, lang),
                   value=shown, **common)  # fmt: skip


def _scaled(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    fact = result.facts[0]
    sign = "×" if factor_of(frame.entities.factor)[0] else "/"
    factor = number(result.divisor, lang)
    factor = factor + "%" if frame.entities.factor[0] == "%" else factor
    return message("scaled", lang, name=item_name(base, fact, lang), total=number(fact.value, lang),
                   sign=sign, factor=factor,
                   value=_mean(result.average, lang), **common)  # fmt: skip


def _rounded(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    if result.average is None:  # "SKIM dibulatkan": 4 stays 4, never 0
        return message("rounded_small", lang, name=item_name(base, result.facts[0], lang),
                       total=number(result.total, lang), **common)  # fmt: skip
    way = frame.entities.rounding_way  # "ke atas": up to a multiple, not the nearest
    return message(f"rounded_{way}" if way else "rounded", lang,
                   name=item_name(base, result.facts[0], lang),
                   total=number(result.total, lang), step=number(result.divisor, lang),
                   value=number(result.average, lang), **common)  # fmt: skip


def _rate(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    a, b = result.facts
    return message("rate", lang, a_name=item_name(base, a, lang), a=number(a.value, lang),
                   b_name=item_name(base, b, lang), b=number(b.value, lang),
                   per=number(result.divisor, lang), value=decimal(result.ratio, lang),
                   **common)  # fmt: skip


WRITERS = {
    "change": write_change,
    "series": write_series,
    "stated_total": write_stated_total,
    "ranking": write_ranking,
    "top": write_ranking,
    "fewest": write_ranking,
    "position": write_ranking,
    "share": _share,
    "sum": _sum,
    "ratio": _ratio,
    "average": _average,
    "compare": write_compare,
    "difference": write_difference,
    "grouped": write_grouped,
    "complement": write_complement,
    "scaled": _scaled,
    "rounded": _rounded,
    "rate": _rate,
}


def compose_definition(frame: Frame, base: FactBase, lang: str) -> str:
    """What each term, metric or group asked means ("kepanjangan ITK dan ITAP": both)."""
    ent = frame.entities
    if ent.terms:
        return "\n".join(_defined(base.row("glossary", "term", t) or {}, lang) for t in ent.terms)
    if ent.metrics:
        return "\n".join(_defined(base.row("metrics", "id", m) or {}, lang) for m in ent.metrics)
    group = ent.groups[0]
    members = join_list([metric_label(base, m, lang) for m in base.group_members(group)], lang)
    return message("define_group", lang, term=group_label(base, group, lang), members=members)


def _defined(row: dict, lang: str) -> str:
    """One glossary or metric row's meaning."""
    name = row[f"name_{lang}"] + (f" ({row['name_id']})" if lang == "en" else "")
    term = row.get("term") or row.get("abbr") or row[f"name_{lang}"]
    return message("define", lang, term=term, name=name, definition=row[f"definition_{lang}"])
