"""A figure asked rounded ("kalau dibulatkan ke ratusan?", "rounded to the nearest
thousand", "rounded up to the nearest 500"): the step and the way to round it."""

from __future__ import annotations

import math

from bot.model.frame import Entities
from bot.understanding.phrases import has_phrase

# with no step said: the figure's own size picks one ("dibulatkan" 2.968 -> 3.000); a
# figure under 100 is given as it is
DEFAULT_STEPS = ((10_000, 1_000), (1_000, 100), (100, 10), (0, 1))
YEARS = range(1900, 2101)  # "dibulatkan tahun 2020": a year, no step
STEP_LEADS = frozenset({"nearest", "to", "ke", "kelipatan", "jadi", "menjadi"})  # before a step
MIN_STEP = 10
STEP_ENDS = frozenset({"terdekat", "nearest", "please", "ya", "dong"})


def read_rounding(found: Entities, tokens: list[str], lexicon) -> None:
    """Set ``found.rounding`` to the step asked (10, 100, 500 ...), or -1 when rounding is
    asked without one, and ``found.rounding_way`` to "up" or "down" when said; leave them
    unset when no rounding is asked."""
    if not has_phrase(tokens, lexicon.rounding_words):  # "all year round" asks no rounding
        return
    if not lexicon.rounding_precision.isdisjoint(tokens):
        return  # "to 2 decimals", "3 significant digits": a whole count stays as it is
    steps = _steps(tokens, lexicon)
    said = [
        int(t)
        for i, t in enumerate(tokens)
        if t.isdigit() and _round_step(int(t)) and int(t) not in YEARS and _bare(tokens, i)
    ]
    if steps or said:
        found.rounding = (steps or said)[0]
        # "ke 50 terdekat", "the nearest 500": the step, no place or figure claimed
        found.ordinal = None if found.ordinal == found.rounding else found.ordinal
        found.stated = [v for v in found.stated if v != found.rounding]
    elif any(t.isdigit() for t in tokens) or _step_unread(tokens, lexicon):
        return  # "the nearest 10 thousand", "the nearest million": no step read, none guessed
    else:
        found.rounding = -1
    ways = [way for said, way in lexicon.rounding_ways.items() if has_phrase(tokens, {said})]
    found.rounding_way = ways[0] if ways else ""


def _steps(tokens: list[str], lexicon) -> list[int]:
    """The steps named ("ratusan": 100), times a number right before ("sepuluh ribuan")."""
    found = []
    for i in range(len(tokens)):
        for n in (3, 2, 1):
            step = lexicon.rounding_steps.get(tuple(tokens[i : i + n]))
            if step:
                before = tokens[i - 1] if i else ""
                times = int(before) if before.isdigit() else lexicon.numbers.get((before,), 1)
                found.append(step * times)
                break
    return found


def _round_step(step: int) -> bool:
    """Whether ``step`` is one people round to: 10, 20, 25, 50, 100, 500, 1000 ..."""
    digits = str(step).rstrip("0")
    return step >= MIN_STEP and digits in ("1", "2", "25", "5")


def _bare(tokens: list[str], i: int) -> bool:
    """Whether the number at ``i`` stands alone as a step ("the nearest 500"), not before a
    unit ("10 thousand", "2 decimals")."""
    return i + 1 == len(tokens) or not tokens[i + 1].isalpha() or tokens[i + 1] in STEP_ENDS


def _step_unread(tokens: list[str], lexicon) -> bool:
    """Whether words after "nearest" or "ke" name a step that is not known ("the nearest
    million", "ke sepuluh ribuan")."""
    for i, token in enumerate(tokens):
        if token not in STEP_LEADS:
            continue
        rest = [t for t in tokens[i + 1 :] if t not in lexicon.list_fillers]
        if rest and rest[0] not in STEP_ENDS and rest[0] not in STEP_LEADS:
            return (rest[0],) not in lexicon.rounding_ways
    return False


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
