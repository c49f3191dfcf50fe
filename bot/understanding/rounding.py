"""A figure asked rounded ("kalau dibulatkan ke ratusan?", "rounded to the nearest
thousand", "rounded up to the nearest 500"): the step and the way to round it."""

from __future__ import annotations

import math

from bot.model.frame import Entities

# with no step said: the figure's own size picks one ("dibulatkan" 2.968 -> 3.000); a
# figure under 100 is given as it is
DEFAULT_STEPS = ((10_000, 1_000), (1_000, 100), (100, 10), (0, 1))
STEP_RANGE = range(2, 1_000_001)  # "the nearest 500", "ke 50 terdekat"
YEARS = range(1900, 2101)  # "dibulatkan tahun 2020": a year, no step


def read_rounding(found: Entities, tokens: list[str], lexicon) -> None:
    """Set ``found.rounding`` to the step asked (10, 100, 500 ...), or -1 when rounding is
    asked without one, and ``found.rounding_way`` to "up" or "down" when said; leave them
    unset when no rounding is asked."""
    if lexicon.rounding_starts.isdisjoint(tokens):
        return
    phrases = list(_phrases(tokens))
    if lexicon.rounding_words.isdisjoint(phrases):  # "all year round" asks no rounding
        return
    steps = [lexicon.rounding_steps[p] for p in phrases if p in lexicon.rounding_steps]
    said = [int(t) for t in tokens if t.isdigit() and int(t) in STEP_RANGE and int(t) not in YEARS]
    found.rounding = (steps or said or [-1])[0]
    ways = [lexicon.rounding_ways[p] for p in phrases if p in lexicon.rounding_ways]
    found.rounding_way = ways[0] if ways else ""


def _phrases(tokens: list[str]):
    for n in (3, 2, 1):
        for i in range(len(tokens) - n + 1):
            yield tuple(tokens[i : i + n])


def step_for(value: float, asked: int) -> int:
    """The step ``asked``, or the one the value's size picks."""
    if asked > 0:
        return asked
    return next(step for floor, step in DEFAULT_STEPS if value >= floor)


def rounded(value: float, step: int, way: str = "") -> int:
    """``value`` rounded to a multiple of ``step``: half up, or all the way up or down."""
    if way == "up":
        return math.ceil(value / step) * step
    if way == "down":
        return math.floor(value / step) * step
    return int(value / step + 0.5) * step
