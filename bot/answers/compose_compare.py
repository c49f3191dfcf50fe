"""Stage 6: the text of figures set against each other: two or more compared, a
difference, sides added up ("Korea than India and Taiwan combined"), a gap as a
percentage, and the whole less some parts ("WNA selain Korea", "Korea vs the rest")."""

from __future__ import annotations

from bot.answers.formatting import decimal, join_list, number, percent
from bot.answers.labels import (
    capitalize,
    item_name,
    metric_label,
    office_name,
    period_label,
    unit,
)
from bot.answers.messages import message
from bot.answers.result import Result
from bot.facts.base import FactBase
from bot.model.fact import Fact
from bot.model.frame import Frame


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


def write_grouped(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    """ "Korea Selatan (2.968) dan India dan Taiwan digabung (489 + 338 = 827)"."""
    sides = [result.facts[: result.split], result.facts[result.split :]]
    first, second = (_side(base, side, lang) for side in sides)
    text = _two_sides(first, second, lang, common, ratio=result.ratio is not None)
    (a_name, _, a_sum), (b_name, _, b_sum) = first, second
    if frame.reason == "grouped_percent" and min(a_sum, b_sum):
        # "berapa persen Korea lebih banyak dari India dan Taiwan digabung?"
        more, less = (a_name, b_name) if a_sum > b_sum else (b_name, a_name)
        text += "\n" + _percent_gap(frame, max(a_sum, b_sum), min(a_sum, b_sum), more, less, lang)
    return text + _counted_apart(base, result.facts, lang)


def _counted_apart(base: FactBase, facts: list[Fact], lang: str) -> str:
    """A note when the figures are counted differently (residents on one date, permits
    over a year): their gap is arithmetic, no number of people."""
    counted = {base.counted(f.metric) for f in facts} - {""}
    return "\n" + message("gap_mixed", lang) if len(counted) > 1 else ""


def _side(base: FactBase, facts: list[Fact], lang: str) -> tuple[str, str, int]:
    """(name, figures, sum) of one side of a comparison: one fact, or several added up."""
    total = sum(f.value for f in facts)
    if len(facts) == 1:
        return item_name(base, facts[0], lang), number(total, lang), total
    names = join_list([item_name(base, f, lang) for f in facts], lang)
    values = " + ".join(number(f.value, lang) for f in facts)
    name = message("added_together", lang, names=names)
    return name, f"{values} = {number(total, lang)}", total


def write_compare(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    lines, year = _lines(result, base, lang), common["year"]
    if result.uneven:
        return message("compare_uneven", lang, lines=lines)
    if result.apart:
        return message("compare_apart", lang, lines=lines, year=year)
    if len(result.facts) != 2:
        text = message("compare_many", lang, lines=lines, year=year)
        if frame.reason in ("sorted_top", "sorted_fewest"):  # "yang paling banyak dari ketiganya"
            end = result.facts[0]  # the list starts with the one asked
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


def write_difference(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
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
    ) + _counted_apart(base, result.facts, lang)


def write_complement(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    whole, parts = result.facts[0], result.facts[1 : result.split or None]
    others = result.facts[result.split :] if result.split else []
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
    if others:
        listed = [f"{item_name(base, f, lang)} {number(f.value, lang)}" for f in others]
        text += "\n" + message("complement_listed", lang, listed=join_list(listed, lang))
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
    others = (message("the_rest", lang), number(rest, lang), rest)
    return _two_sides(_side(base, parts, lang), others, lang, common,
                      ratio=frame.reason == "versus_ratio")  # fmt: skip


def _two_sides(first: tuple, second: tuple, lang: str, common: dict, *, ratio: bool) -> str:
    """Two sides of a comparison, each (name, figures, sum): how many times the larger is
    the smaller ("3,6 kali", never "0,3 kali"), or their difference."""
    (a_name, a, a_sum), (b_name, b, b_sum) = first, second
    if ratio and min(a_sum, b_sum):
        if a_sum < b_sum:
            (a_name, a, a_sum), (b_name, b, b_sum) = second, first
        return message("ratio", lang, a_name=a_name, a=a, b_name=b_name, b=b,
                       ratio=decimal(a_sum / b_sum, lang), year=common["year"])  # fmt: skip
    return message("difference", lang, a_name=a_name, a=a, b_name=b_name, b=b,
                   diff=number(abs(a_sum - b_sum), lang), unit=common["unit"],
                   year=common["year"])  # fmt: skip
