"""A stored figure: the unit every answer is built from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    """One stored figure with its verbatim quote."""

    metric: str
    year: int
    country: str | None
    value: int
    source: str
    office: str
    quote: str

    def as_reply_fact(self) -> dict:
        """The shape listed in a reply's ``facts``."""
        return {
            "metric": self.metric,
            "year": self.year,
            "country": self.country,
            "value": self.value,
            "source": self.source,
        }
