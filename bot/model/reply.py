"""The reply object every front end (CLI, batch, Telegram) receives."""

from __future__ import annotations

from dataclasses import dataclass, field

STATUSES = ("answered", "no_data", "clarify", "fallback", "smalltalk")


@dataclass(frozen=True)
class Option:
    """A choice offered by a ``clarify`` reply: a button label and the question it asks."""

    label: str
    query: str


@dataclass
class Reply:
    """One answer: plain text plus what it was built from.

    ``facts`` lists the stored facts the text states, each as
    ``{"metric", "year", "country", "value", "source"}``.
    """

    text: str
    lang: str
    status: str
    intent: str
    confidence: float
    chat_id: int = 0
    facts: list[dict] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON shape printed by ``ask --json`` and ``batch``."""
        return {
            "chat_id": self.chat_id,
            "text": self.text,
            "lang": self.lang,
            "status": self.status,
            "intent": self.intent,
            "confidence": round(self.confidence, 3),
            "facts": [dict(f) for f in self.facts],
            "options": [{"label": o.label, "query": o.query} for o in self.options],
        }
