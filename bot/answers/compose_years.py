"""Stage 6: the text of figures across years (a change, a series) and of a total the
release states itself."""

from __future__ import annotations

from bot.answers.formatting import join_list, number, signed, signed_percent
from bot.answers.labels import (
    capitalize,
    group_label,
    item_label,
    item_name,
    office_name,
    period_label,
    source_lines,
    unit,
)
from bot.answers.messages import message
from bot.answers.result import Result
from bot.facts.base import FactBase
from bot.model.fact import Fact
from bot.model.frame import Frame


def write_change(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    old, new = result.facts
    key = "change_same" if not result.total else "change"
    direction = message("rose" if (result.total or 0) > 0 else "fell", lang)
    return message(
        key,
        lang,
        subject=capitalize(item_label(base, new, lang)),
        office=common["office"],
        direction=direction,
        old=number(old.value, lang),
        old_year=period_label(old.period, lang),
        new=number(new.value, lang),
        new_year=period_label(new.period, lang),
        diff=signed(result.total or 0, lang),
        percent=signed_percent(result.change, lang),
        unit=common["unit"],
    )


def compose_partial_change(
    frame: Frame, result: Result, base: FactBase, lang: str
) -> tuple[str, list[Fact]]:
    """A change asked between two years of which the base has only one: the figure it has,
    and which year is missing."""
    have = {f.year for f in result.facts}
    asked = frame.years or [frame.year]
    missing = [y for y in asked if y not in have] or [y - 1 for y in sorted(have)[:1]]
    first = result.facts[0]
    lines = [
        message("series_one", lang, subject=capitalize(item_label(base, first, lang)),
                office=office_name(base, lang, first.office),
                year=join_list([period_label(f.period, lang) for f in result.facts], lang)),
        *(message("series_line", lang, year=period_label(f.period, lang),
                  value=number(f.value, lang), unit=unit(base, f.metric, lang))
          for f in result.facts),
        message("change_missing", lang, years=join_list([str(y) for y in missing], lang)),
        *source_lines(base, result.facts, lang),
    ]  # fmt: skip
    return "\n".join(lines), result.facts


def write_series(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    first = result.facts[0]
    subject = capitalize(item_label(base, first, lang))
    rows = [
        message("series_line", lang, year=period_label(f.period, lang),
                value=number(f.value, lang), unit=common["unit"])
        for f in result.facts
    ]  # fmt: skip
    key = "series" if len(result.facts) > 1 else "series_one"
    head = message(key, lang, subject=subject, office=common["office"], year=common["year"])
    return "\n".join([head, *rows])


def write_stated_total(
    frame: Frame, result: Result, base: FactBase, lang: str, common: dict
) -> str:
    stated, *parts = result.facts
    subject = group_label(base, result.whole, lang)
    text = message("stated_total", lang, subject=subject, value=number(stated.value, lang),
                   **common)  # fmt: skip
    if result.total is None:
        return text
    listed = " + ".join(
        message("part", lang, name=item_name(base, f, lang), value=number(f.value, lang))
        for f in parts
    )
    return text + "\n" + message(
        "total_differs", lang, parts=listed, sum=number(result.total, lang),
        diff=number(abs(stated.value - result.total), lang),
    )  # fmt: skip
