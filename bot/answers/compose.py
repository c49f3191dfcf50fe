"""Stage 6: the text of figure answers and definitions, in the asker's language."""

from __future__ import annotations

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
from bot.model.frame import RANK_INTENTS, Frame

PER_WORDS = {
    "month": {"id": ("bulan", "bulan"), "en": ("month", "months")},
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
    else:
        whole_name = group_label(base, whole, lang)
    return (
        "\n".join(
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
        )
        + (_together(result, base, lang, common) if result.together is not None else "")
        + ("\n" + message("share_apart", lang, whole_name=whole_name) if result.apart else "")
        + ("\n" + message("sum_overlap", lang) if result.overlap and result.shares else "")
    )


def _together(result: Result, base: FactBase, lang: str, common: dict) -> str:
    parts = [part for part, _ in result.shares]
    return "\n" + message(
        "share_together",
        lang,
        names=join_list([item_name(base, p, lang) for p in parts], lang),
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
    a, b = result.facts
    return message(
        "ratio", lang, a_name=item_name(base, a, lang), a=number(a.value, lang),
        b_name=item_name(base, b, lang), b=number(b.value, lang),
        ratio=decimal(result.ratio, lang), year=common["year"],
    )  # fmt: skip


def _average(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    if result.divisor:
        return _mean_per(frame, result, base, lang, common)
    names = join_list([item_name(base, f, lang) for f in result.facts], lang)
    values = " + ".join(number(f.value, lang) for f in result.facts)
    mean = result.average
    shown = number(int(mean), lang) if mean == int(mean) else decimal(mean, lang)
    return message(
        "average", lang, names=names, values=values, n=len(result.facts), value=shown, **common
    )


def _mean_per(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    fact, mean = result.facts[0], result.average
    shown = number(int(mean), lang) if mean == int(mean) else decimal(mean, lang)
    per, pers = PER_WORDS[frame.reason][lang]
    return message("average_per", lang, name=item_name(base, fact, lang), per=per, pers=pers,
                   total=number(fact.value, lang), divisor=number(result.divisor, lang),
                   value=shown, **common)  # fmt: skip


def _name(base: FactBase, fact: Fact, result: Result, lang: str) -> str:
    """A fact's name among the others: its country or metric, its office when they are
    of several offices, and its year when their years differ."""
    name = item_name(base, fact, lang)
    if len({f.office for f in result.facts}) > 1:
        name = office_name(base, lang, fact.office)
    if len({f.period for f in result.facts}) > 1:
        name += f" ({period_label(fact.period, lang)})"
    return name


def _lines(result: Result, base: FactBase, lang: str) -> str:
    return "\n".join(
        message(
            "line",
            lang,
            name=_name(base, f, result, lang),
            value=number(f.value, lang),
            unit=unit(base, f.metric, lang),
        )
        for f in result.facts
    )


def _grouped(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    """ "Korea Selatan (2.968) dan India dan Taiwan digabung (489 + 338 = 827)"."""
    sides = [result.facts[: result.split], result.facts[result.split :]]
    (a_name, a, a_sum), (b_name, b, b_sum) = (_side(base, side, lang) for side in sides)
    if result.ratio is not None:
        if a_sum < b_sum:
            a_name, a, b_name, b = b_name, b, a_name, a  # "3,6 kali", never "0,3 kali"
        ratio = decimal(result.ratio, lang)
        return message("ratio", lang, a_name=a_name, a=a, b_name=b_name, b=b, ratio=ratio,
                       year=common["year"])  # fmt: skip
    diff = number(result.total, lang)
    text = message("difference", lang, a_name=a_name, a=a, b_name=b_name, b=b, diff=diff,
                   unit=common["unit"], year=common["year"])  # fmt: skip
    if frame.reason == "grouped_percent" and min(a_sum, b_sum):
        # "berapa persen Korea lebih banyak dari India dan Taiwan digabung?"
        more, less = (a_name, b_name) if a_sum > b_sum else (b_name, a_name)
        text += "\n" + _percent_gap(frame, max(a_sum, b_sum), min(a_sum, b_sum), more, less, lang)
    return text


def _side(base: FactBase, facts: list[Fact], lang: str) -> tuple[str, str, int]:
    """(name, figures, sum) of one side of a comparison: one fact, or several added up."""
    total = sum(f.value for f in facts)
    if len(facts) == 1:
        return item_name(base, facts[0], lang), number(total, lang), total
    names = join_list([item_name(base, f, lang) for f in facts], lang)
    values = " + ".join(number(f.value, lang) for f in facts)
    name = message("added_together", lang, names=names)
    return name, f"{values} = {number(total, lang)}", total


def _compare(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    lines, year = _lines(result, base, lang), common["year"]
    if result.uneven:
        return message("compare_uneven", lang, lines=lines)
    if result.apart:
        return message("compare_apart", lang, lines=lines, year=year)
    if len(result.facts) != 2:
        text = message("compare_many", lang, lines=lines, year=year)
        if frame.reason in ("sorted_top", "sorted_fewest"):  # "yang paling banyak dari ketiganya"
            end = result.facts[0] if frame.reason == "sorted_top" else result.facts[-1]
            key = "among_most" if frame.reason == "sorted_top" else "among_fewest"
            text += "\n" + message(key, lang, name=_name(base, end, result, lang),
                                    value=number(end.value, lang), unit=common["unit"])  # fmt: skip
        return text
    a, b = result.facts
    if a.value == b.value:
        return message("compare_equal", lang, lines=lines, year=year)
    more, less = (a, b) if a.value > b.value else (b, a)
    names = {"more": _name(base, more, result, lang), "less": _name(base, less, result, lang)}
    text = message(
        "compare",
        lang,
        lines=lines,
        diff=number(more.value - less.value, lang),
        unit=common["unit"],
        year=year,
        **names,
    )
    if frame.reason == "percent" and less.value:
        text += "\n" + _percent_gap(frame, more.value, less.value, **names, lang=lang)
    return text


def _percent_gap(frame: Frame, larger: int, smaller: int, more: str, less: str, lang: str) -> str:
    """The gap as a percentage: over the smaller figure ("Korea 4,4% lebih banyak"), or
    over the larger when fewer is asked ("India 78,7% lebih sedikit dari Tiongkok")."""
    fewer = frame.entities.falls_short
    gap = 100 * (larger - smaller) / (larger if fewer else smaller)
    key = "compare_percent_fewer" if fewer else "compare_percent"
    return message(key, lang, percent=percent(gap, lang), more=more, less=less)


def _difference(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    a, b = result.facts
    return message(
        "difference",
        lang,
        a_name=item_name(base, a, lang),
        a=number(a.value, lang),
        b_name=item_name(base, b, lang),
        b=number(b.value, lang),
        diff=number(result.total, lang),
        unit=common["unit"],
        year=common["year"],
    )


def _complement(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    whole, *parts = result.facts
    text = message(
        "complement",
        lang,
        subject=capitalize(metric_label(base, whole.metric, lang)),
        parts_names=join_list([item_name(base, p, lang) for p in parts], lang),
        whole=number(whole.value, lang),
        parts=" − ".join(number(p.value, lang) for p in parts),
        value=number(result.total, lang),
        **common,
    )
    if frame.reason in ("versus", "versus_ratio"):  # "Korea vs the rest?": against the rest
        side = [p for p in parts if p.country in frame.entities.countries]
        text += "\n" + _against_rest(frame, side, result.total, base, lang, common)
    if result.percent is None:
        return text
    share = message(
        "complement_share",
        lang,
        value=number(result.total, lang),
        whole=number(whole.value, lang),
        percent=percent(result.percent, lang),
    )
    return text + "\n" + share


def _against_rest(
    frame: Frame, parts: list[Fact], rest: int, base: FactBase, lang: str, common: dict
) -> str:
    """ "Selisih Korea Selatan (2.968) dan sisanya (5.972): 3.004 orang", and how many times
    the larger is the smaller when that is asked."""
    name, figures, named = _side(base, parts, lang)
    rest_name = message("the_rest", lang)
    if frame.reason == "versus_ratio" and min(named, rest):
        (a_name, a, a_sum), (b_name, b, b_sum) = sorted(
            [(name, figures, named), (rest_name, number(rest, lang), rest)], key=lambda s: -s[2]
        )
        return message("ratio", lang, a_name=a_name, a=a, b_name=b_name, b=b,
                       ratio=decimal(a_sum / b_sum, lang), year=common["year"])  # fmt: skip
    return message("difference", lang, a_name=name, a=figures, b_name=rest_name,
                   b=number(rest, lang), diff=number(abs(named - rest), lang),
                   unit=common["unit"], year=common["year"])  # fmt: skip


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
    "compare": _compare,
    "difference": _difference,
    "grouped": _grouped,
    "complement": _complement,
}


def compose_definition(frame: Frame, base: FactBase, lang: str) -> str:
    """What a term, metric or group means."""
    ent = frame.entities
    if ent.terms:
        row = base.row("glossary", "term", ent.terms[0]) or {}
        name = row[f"name_{lang}"] + (f" ({row['name_id']})" if lang == "en" else "")
        return message(
            "define", lang, term=row["term"], name=name, definition=row[f"definition_{lang}"]
        )
    if ent.metrics:
        row = base.row("metrics", "id", ent.metrics[0]) or {}
        name = row[f"name_{lang}"] + (f" ({row['name_id']})" if lang == "en" else "")
        term = row.get("abbr") or row[f"name_{lang}"]
        return message("define", lang, term=term, name=name, definition=row[f"definition_{lang}"])
    group = ent.groups[0]
    members = join_list([metric_label(base, m, lang) for m in base.group_members(group)], lang)
    return message("define_group", lang, term=group_label(base, group, lang), members=members)
