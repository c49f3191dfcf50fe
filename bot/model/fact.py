"""A stored figure: the unit every answer is built from."""

from __future__ import annotations

from dataclasses import dataclass

FactKey = tuple[str, str, str, str | None]  # office, period, metric, country


@dataclass(frozen=True)
class Fact:
    """One stored figure with its verbatim quote.

    ``period`` is written as in the knowledge files ("2020", "2024-H1"); ``year`` is its
    year. ``country`` is None for the figure of all countries.
    """

    office: str
    period: str
    year: int
    metric: str
    country: str | None
    value: int
    source: str
    quote: str

    @property
    def key(self) -> FactKey:
        """The fact's identity: office, period, metric and country."""
        return (self.office, self.period, self.metric, self.country)

    @property
    def full_year(self) -> bool:
        """Whether the figure covers its whole year."""
        return self.period == str(self.year)

    def as_reply_fact(self) -> dict:
        """The shape listed in a reply's ``facts``."""
        return {
            "metric": self.metric,
            "year": self.year,
            "period": self.period,
            "office": self.office,
            "country": self.country,
            "value": self.value,
            "source": self.source,
        }
