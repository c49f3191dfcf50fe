"""Deep links: ``https://t.me/<bot>?start=<payload>`` opens the bot and asks a question.

Telegram allows 1-64 characters of ``A-Z a-z 0-9 _ -`` in a start payload. A question is
encoded as its words joined by ``_`` (accents dropped, other characters left out), and the
``/start`` handler turns ``_`` back into spaces.
"""

from __future__ import annotations

import re
import unicodedata

MAX_PAYLOAD = 64
NOT_ALLOWED = re.compile(r"[^A-Za-z0-9-]+")


def encode_question(question: str) -> str:
    """The start payload that asks ``question``.

    Raises:
        ValueError: nothing of the question is left, or it needs more than 64 characters.
    """
    ascii_text = unicodedata.normalize("NFKD", question).encode("ascii", "ignore").decode()
    words = [NOT_ALLOWED.sub("", word) for word in ascii_text.split()]
    payload = "_".join(word for word in words if word)
    if not payload or len(payload) > MAX_PAYLOAD:
        raise ValueError(f"{question!r} does not fit a start payload (1-64 characters)")
    return payload


def decode_payload(payload: str) -> str:
    """The question a start payload asks."""
    return " ".join(payload.replace("_", " ").split())


def deep_link(bot_username: str, question: str) -> str:
    """A link that opens a private chat with the bot and asks ``question``."""
    return f"https://t.me/{bot_username}?start={encode_question(question)}"
