"""What a look-up found: the facts behind an answer and what was computed from them."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.facts.base import FactBase
from bot.model.fact import Fact


@dataclass
class Result:
    """The facts behind an answer and what was computed from them.

    ``kind`` is what the reply states: value, sum, stated_total, compare, difference,
    share, complement, change, series or a ranking. ``whole`` names the whole of a share or of a sum
    (a group id, or a fact); ``missing`` says why nothing can be stated;
    ``apart`` marks figures asked to be added that do not add up; ``overlap`` a sum of
    figures that may count the same people.
    """

    kind: str
    facts: list[Fact] = field(default_factory=list)
    total: int | None = None
    shares: list[tuple[Fact, float]] = field(default_factory=list)
    whole: str | Fact | tuple[Fact, ...] | None = None
    missing: str = ""
    apart: bool = False
    together: float | None = None
    change: float | None = None
    uneven: bool = False
    ratio: float | None = None
    average: float | None = None
    # a mean per month or day of one yearly figure: 12, 365 or 366; the asker's own factor
    # ("ITAS kali dua"); the N of a rate per N ("per 1000 WNA")
    divisor: int = 0
    overlap: bool = False
    percent: float | None = None
    split: int = 0  # facts on the first side of a comparison whose sides are added up
    relative: bool = False  # a share of a figure the parts are no part of ("China of Korea")

    @property
    def computed(self) -> bool:
        """True when the reply states a figure that is not itself a stored fact."""
        computed = (self.total, self.ratio, self.average)
        return any(x is not None for x in computed) or bool(self.shares)


@dataclass(frozen=True)
class At:
    """Where figures are looked up: one office and one period."""

    base: FactBase
    office: str
    period: str

    def get(self, metric: str, country: str | None = None) -> Fact | None:
        """The stored figure of ``metric`` (of one country) here, or None."""
        return self.base.facts.get((self.office, self.period, metric, country))
