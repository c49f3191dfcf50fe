"""Chat actions ("typing…", "sending photo…") shown while a reply takes long."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram.constants import ChatAction
from telegram.error import TelegramError

log = logging.getLogger(__name__)
TYPING_AFTER = 0.5  # seconds: a faster reply needs no "typing…"
TYPING_EVERY = 4.5  # Telegram shows the action for 5 seconds


@contextlib.asynccontextmanager
async def typing_while_slow(bot, chat_id: int, action: str = ChatAction.TYPING):
    """Show ``action`` ("typing…" by default) in the chat while the block runs longer than
    half a second."""
    task = asyncio.create_task(_keep_acting(bot, chat_id, action))
    try:
        yield
    finally:
        task.cancel()


async def _keep_acting(bot, chat_id: int, action: str) -> None:
    await asyncio.sleep(TYPING_AFTER)
    while True:
        try:
            await bot.send_chat_action(chat_id, action)
        except TelegramError as exc:
            log.debug("no %s action in chat %s: %s", action, chat_id, exc)
        await asyncio.sleep(TYPING_EVERY)
