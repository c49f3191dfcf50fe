"""A figure asked rounded ("kalau dibulatkan ke ratusan?", "rounded to the nearest
thousand"): the step to round it to."""

from __future__ import annotations

from bot.model.frame import Entities

# with no step said: the figure's own size picks one ("dibulatkan" 2.968 -> 3.000)
DEFAULT_STEPS = ((10_000, 1_000), (1_000, 100), (0, 10))


def read_rounding(found: Entities, tokens: list[str], lexicon) -> None:
    """Set ``found.rounding`` to the step asked (10, 100, 1000), or -1 when rounding is asked
    without one; leave it 0 when none is asked."""
    if lexicon.rounding_words.isdisjoint(tokens):
        return
    steps = [lexicon.rounding_steps[w] for w in _phrases(tokens) if w in lexicon.rounding_steps]
    found.rounding = steps[0] if steps else -1


def _phrases(tokens: list[str]):
    for n in (2, 1):
        for i in range(len(tokens) - n + 1):
            yield tuple(tokens[i : i + n])


def step_for(value: float, asked: int) -> int:
    """The step ``asked``, or the one the value's size picks."""
    if asked > 0:
        return asked
    return next(step for floor, step in DEFAULT_STEPS if value >= floor)


def rounded(value: float, step: int) -> int:
    """``value`` rounded half up to a multiple of ``step``."""
    return int(value / step + 0.5) * step
