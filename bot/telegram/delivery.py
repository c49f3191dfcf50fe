"""At-least-once answering, once per update: ordering, outcomes and the record of answers.

:class:`Dispatcher` runs updates concurrently but one at a time per chat, in the order they
arrived, and tells the receiver (the poller or the webhook) how each ended. An update that
was answered, or refused for good by Telegram, is written to :class:`DeliveryLog` before it
is confirmed, so one that Telegram delivers again after a crash or restart is skipped.
"""

from __future__ import annotations

import asyncio
import contextvars
import enum
import logging
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from telegram import Update

from bot.telegram.logs import Every

log = logging.getLogger(__name__)
KEEP_SECONDS = 3 * 24 * 3600  # Telegram keeps an unconfirmed update for 24 hours
PRUNE_EVERY = 1000


class Result(enum.Enum):
    """How the handling of one update ended."""

    ANSWERED = "answered"  # replies sent (or none needed)
    REFUSED = "refused"  # Telegram refused a reply for good (blocked, chat not found...)
    UNDELIVERED = "undelivered"  # a reply kept failing (5xx, timeouts) until the deadline
    DUPLICATE = "duplicate"  # answered before a restart; skipped


@dataclass
class Outcome:
    """Filled in by the error handler while an update is processed."""

    result: Result = Result.ANSWERED


OUTCOME: contextvars.ContextVar[Outcome | None] = contextvars.ContextVar("outcome", default=None)


def report(result: Result) -> None:
    """Tell the dispatcher how the update being processed ended (outside it: no-op)."""
    outcome = OUTCOME.get()
    if outcome is not None:
        outcome.result = result


class DeliveryLog:
    """Update ids answered in the last days, in SQLite so they survive a restart.

    Best effort: when the file cannot be used the bot goes on answering (one log line a
    minute), at the price of possibly answering a redelivered update twice.
    """

    def __init__(self, path: Path | str | None, bot_id: int, keep_seconds: float = KEEP_SECONDS):
        """Open or create the store of bot ``bot_id``; ``None`` keeps it in memory."""
        self.bot_id = bot_id  # update ids are per bot: another token, other numbers
        self.keep_seconds = keep_seconds
        self._added = 0
        self._warn = Every(log, 60.0)
        self._db = sqlite3.connect(":memory:" if path is None else str(path), timeout=0.5)
        self._db.execute("pragma journal_mode=wal")  # a commit then costs no fsync
        self._db.execute("pragma synchronous=normal")  # survives a killed process
        self._db.execute(
            "create table if not exists delivered "
            "(bot_id integer, update_id integer, time real, primary key (bot_id, update_id))"
        )
        self._db.execute("create index if not exists delivered_time on delivered (time)")
        self._db.commit()

    def seen(self, update_id: int) -> bool:
        """Whether ``update_id`` was answered already."""
        try:
            sql = "select 1 from delivered where bot_id = ? and update_id = ?"
            return self._db.execute(sql, [self.bot_id, update_id]).fetchone() is not None
        except sqlite3.Error as exc:
            self._warn.warning("cannot read the delivery log: %s", exc)
            return False

    def add(self, update_id: int) -> None:
        """Remember that ``update_id`` was answered (committed at once)."""
        now = time.time()
        try:
            with self._db:
                sql = "insert or replace into delivered values (?, ?, ?)"
                self._db.execute(sql, [self.bot_id, update_id, now])
                self._added += 1
                if self._added % PRUNE_EVERY == 0:
                    sql = "delete from delivered where time < ?"
                    self._db.execute(sql, [now - self.keep_seconds])
        except sqlite3.Error as exc:
            self._warn.warning("cannot write the delivery log: %s", exc)

    def close(self) -> None:
        """Close the store."""
        self._db.close()


def chat_key(update: Update) -> tuple[str, int]:
    """What orders updates: the chat, else (inline queries) the user."""
    if update.effective_chat is not None:
        return ("chat", update.effective_chat.id)
    user = update.effective_user
    return ("user", user.id if user else 0)


class Dispatcher:
    """Processes updates through the application, one chat at a time, many chats at once."""

    def __init__(self, app, delivered: DeliveryLog):
        self.app = app
        self.delivered = delivered
        self._tails: dict[tuple[str, int], asyncio.Task] = {}

    def submit(self, update: Update) -> asyncio.Task[Result]:
        """Start processing ``update`` after the chat's earlier updates; a task of its result."""
        key = chat_key(update)
        task = asyncio.create_task(self._run(update, self._tails.get(key)))
        self._tails[key] = task
        task.add_done_callback(lambda done: self._forget(key, done))
        return task

    def _forget(self, key: tuple[str, int], task: asyncio.Task) -> None:
        if self._tails.get(key) is task:
            del self._tails[key]

    async def _run(self, update: Update, previous: asyncio.Task | None) -> Result:
        if previous is not None:
            await asyncio.wait([previous])  # its outcome is not ours; only its order
        if self.delivered.seen(update.update_id):
            log.debug("update %s was answered before a restart: skipped", update.update_id)
            return Result.DUPLICATE
        outcome = Outcome()
        OUTCOME.set(outcome)  # this task runs in its own copy of the context
        await self.app.process_update(update)
        if outcome.result is not Result.UNDELIVERED:
            self.delivered.add(update.update_id)
        return outcome.result
