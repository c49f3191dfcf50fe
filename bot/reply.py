"""The reply object every front end (CLI, batch, Telegram) receives."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

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
        data = asdict(self)
        data["confidence"] = round(self.confidence, 3)
        return {
            "chat_id": data["chat_id"],
            "text": data["text"],
            "lang": data["lang"],
            "status": data["status"],
            "intent": data["intent"],
            "confidence": data["confidence"],
            "facts": data["facts"],
            "options": data["options"],
        }
