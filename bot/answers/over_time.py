"""Stage 5b: one figure across years: the change between two years (difference and
percent change, computed) and the series of every year the base has."""

from __future__ import annotations

from bot.answers.result import Result
from bot.facts.base import FactBase
from bot.model.frame import Frame

YEAR_INTENTS = ("change", "series")


def over_years(frame: Frame, base: FactBase, metrics: list[str]) -> Result:
    """The ``change`` or ``series`` result of ``frame``; ``missing`` names what is lacking
    ("year" when one of the two years has no figure, "fact" when none has)."""
    metric = metrics[0] if metrics else ""
    country = frame.entities.countries[0] if frame.entities.countries else None
    series = [
        f for f in base.series(metric, country, frame.office) if f.full_year
    ]  # a half-year is no match for a whole one
    if frame.intent == "series":
        named = set(frame.years)
        shown = [f for f in series if f.year in named] if len(named) > 1 else series
        return Result("series", facts=shown) if shown else Result("series", missing="fact")
    return _change(frame, series)


def _change(frame: Frame, series: list) -> Result:
    by_year = {f.year: f for f in series}
    years = change_years(frame.years, sorted(by_year))
    if not years:
        return Result("change", facts=series, missing="year")
    old, new = (by_year.get(y) for y in years)
    if old is None or new is None:
        return Result("change", facts=[f for f in (old, new) if f], missing="year")
    difference = new.value - old.value
    percent = 100 * difference / old.value if old.value else None
    return Result("change", facts=[old, new], total=difference, change=percent)


def change_years(asked: list[int], available: list[int]) -> tuple[int, int] | None:
    """The two years to compare: the two named (older first); one named and the year
    before it; or the two newest years the base has."""
    if len(asked) >= 2:
        first, second = sorted(asked[:2])
        return first, second
    if len(asked) == 1:
        return asked[0] - 1, asked[0]
    return (available[-2], available[-1]) if len(available) >= 2 else None
