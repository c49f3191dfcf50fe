"""Update dicts as Telegram sends them, shared by the handler and end-to-end tests."""

from __future__ import annotations

import itertools
import re
import time

BOT_USER = {
    "id": 123,
    "is_bot": True,
    "first_name": "Imigrasi Bot",
    "username": "ImigrasiTestBot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}

_ids = itertools.count(1)


def user(user_id: int) -> dict:
    """A human Telegram user."""
    return {"id": user_id, "is_bot": False, "first_name": f"User{user_id}", "language_code": "id"}


def chat(chat_id: int) -> dict:
    """A private chat (positive id) or a group (negative id)."""
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"}
    return {"id": chat_id, "type": "group", "title": "Grup Uji"}


def message(chat_id: int, user_id: int, text: str | None = None, **extra) -> dict:
    """A message dict; commands and ``@mentions`` in ``text`` get their entities."""
    body = {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": chat(chat_id),
        "from": user(user_id),
        **extra,
    }
    if text is not None:
        body["text"] = text
        entities = [
            {"type": "mention", "offset": m.start(), "length": m.end() - m.start()}
            for m in re.finditer(r"@\w+", text)
            if not (m.start() > 0 and text[m.start() - 1] not in " \n")
        ]
        if text.startswith("/"):
            entities.insert(0, {"type": "bot_command", "offset": 0, "length": len(text.split()[0])})
        if entities:
            body["entities"] = entities
    return body


def text_update(text: str, chat_id: int = 1, user_id: int | None = None, **extra) -> dict:
    """An update carrying a new text message (``user_id`` defaults to the chat id)."""
    sender = user_id if user_id is not None else abs(chat_id)
    return {"message": message(chat_id, sender, text, **extra)}


def document_update(
    document: dict, chat_id: int = 1, user_id: int | None = None, caption: str | None = None
) -> dict:
    """An update carrying a file a user sent (``document`` from ``FakeBotAPI.add_file``)."""
    sender = user_id if user_id is not None else abs(chat_id)
    extra = {"caption": caption} if caption else {}
    return {"message": message(chat_id, sender, document=document, **extra)}


def callback_update(data: str, chat_id: int = 1, user_id: int | None = None) -> dict:
    """An update for an inline button pressed under one of the bot's messages."""
    sender = user_id if user_id is not None else abs(chat_id)
    bot_message = {**message(chat_id, BOT_USER["id"], "…"), "from": BOT_USER}
    return {
        "callback_query": {
            "id": str(next(_ids)),
            "from": user(sender),
            "chat_instance": "ci",
            "message": bot_message,
            "data": data,
        }
    }


def inline_update(query: str, user_id: int = 1) -> dict:
    """An update for an inline query (``@bot <query>`` typed in any chat)."""
    return {
        "inline_query": {
            "id": str(next(_ids)),
            "from": user(user_id),
            "query": query,
            "offset": "",
            "chat_type": "private",
        }
    }
