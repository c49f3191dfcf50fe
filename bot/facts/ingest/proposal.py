"""What the extractor proposes for an admin to confirm, and its JSON shape:

``{"source": {...}, "offices": [new office rows], "facts": [...], "skipped": [...],
"statements": [...]}``. Nothing here is written to the knowledge files.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ProposedFact:
    """One figure the release states, with the passage that states it.

    ``start``/``end`` locate the number in the text; ``conflict`` is empty, or says why this
    figure disagrees with another one of the same text.
    """

    office: str
    metric: str
    country: str | None
    period: str
    value: int
    written: str
    quote: str
    confidence: float
    start: int
    end: int
    conflict: str = ""

    @property
    def key(self) -> tuple[str, str, str | None, str]:
        return (self.office, self.metric, self.country, self.period)

    @property
    def year(self) -> int:
        return int(self.period[:4])

    def to_dict(self) -> dict:
        return {
            "office": self.office,
            "metric": self.metric,
            "country": self.country,
            "year": self.year,
            "period": self.period,
            "value": self.value,
            "as_written": self.written,
            "quote": self.quote,
            "confidence": round(self.confidence, 2),
            "conflict": self.conflict,
        }


@dataclass
class Skipped:
    """A figure that is not proposed as a fact, with why (no metric, vague, rounded, …)."""

    quote: str
    reason: str
    written: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"quote": self.quote, "reason": self.reason, "as_written": self.written}


@dataclass
class Statement:
    """A statement of the release that is not a figure (the head of office, innovations)."""

    intent: str
    summary_id: str
    summary_en: str
    quote: str
    items: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "intent": self.intent,
            "summary_id": self.summary_id,
            "summary_en": self.summary_en,
            "quote": self.quote,
        }


@dataclass
class Proposal:
    """Everything proposed for one release."""

    source: dict
    offices: list[dict]
    facts: list[ProposedFact]
    skipped: list[Skipped]
    statements: list[Statement]
    text: str = ""

    def to_dict(self) -> dict:
        return {
            "source": dict(self.source),
            "offices": [dict(row) for row in self.offices],
            "facts": [f.to_dict() for f in self.facts],
            "skipped": [s.to_dict() for s in self.skipped],
            "statements": [s.to_dict() for s in self.statements],
        }

    @property
    def conflicts(self) -> list[ProposedFact]:
        return [f for f in self.facts if f.conflict]
