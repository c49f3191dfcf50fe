"""Plain texts the Telegram layer shares, and cutting a reply to Telegram's length."""

from __future__ import annotations

EXPIRED_BUTTON = (
    "Tombol ini sudah kedaluwarsa; ketik pertanyaannya. / "
    "This button expired; please type your question."
)


def split_text(text: str, limit: int = 4096) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters, at line or word ends."""
    chunks = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit + 1)
        if cut <= 0:
            cut = text.rfind(" ", 0, limit + 1)
        if cut <= 0:
            cut = limit
        chunks.append(text[:cut])
        text = text[cut:].lstrip("\n ")
    if text or not chunks:
        chunks.append(text)
    return chunks
