"""What the bot remembers of each chat across restarts: the ``/bahasa`` setting and the
last conversation turn (within the context's 30 minutes), in SQLite (``MEMORY_DB``).

Nothing here waits for the disk on the event loop: a change is noted in memory and one
writer thread stores the chats changed since its last write, in one transaction. At start
the store is read; a chat's kept turn goes back into the pipeline's context store at its
next message (parsing 10,000 turns at start would hold the start up for seconds).

Delivery is at least once: an update answered just before a crash, whose reply Telegram
never saw confirmed, comes again. Each chat's last update id is kept with the turn it was
answered after, so that update is answered again from that same turn, not from the turn it
made itself: restoring is idempotent.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from bot.understanding.context import CONTEXT_TTL_SECONDS, MAX_CHATS, ContextStore, Turn

log = logging.getLogger(__name__)
BUSY_TIMEOUT = 0.5
RETRY_PAUSE = 0.5
BATCH_PAUSE = 0.05  # let a burst of answers gather into one transaction
SCHEMA = """
create table if not exists chats (
    bot_id integer not null,
    chat_id integer not null,
    lang text,          -- the /bahasa setting: id or en; null: auto
    turn text,          -- the last turn (JSON), null: none
    before text,        -- the turn before update_id was answered (JSON), null: none
    update_id integer,  -- the update answered last
    time real,          -- when the last turn was made (seconds since the epoch)
    primary key (bot_id, chat_id)
)
"""
COLUMNS = ("lang", "turn", "before", "update_id", "time")


@dataclass
class Kept:
    """What is known of a chat's last answered update: its id, the turn it was answered
    after (JSON), and the turn it made (JSON, and the object once in the context store)."""

    update_id: int | None
    before: str | None
    turn_json: str | None
    turn: Turn | None = None
    restored: bool = True  # False: read at start, not yet put back into the context store


class ChatMemory:
    """Language settings and last turns per chat; ``path`` None keeps them in memory only."""

    def __init__(self, path: Path | str | None, bot_id: int = 0, ttl: float = CONTEXT_TTL_SECONDS):
        self.path, self.bot_id, self.ttl = path, bot_id, ttl
        self._langs: dict[int, str] = {}
        self._kept: OrderedDict[int, Kept] = OrderedDict()
        self._pending: dict[int, dict] = {}
        self._changed = threading.Condition()
        self._writing = False
        self._closing = False
        self._kept_lock = threading.Lock()
        self._db_lock = threading.Lock()
        self._db = self._open() if path is not None else None
        self._writer: threading.Thread | None = None
        if self._db is not None:
            self._writer = threading.Thread(target=self._write_loop, name="memory", daemon=True)
            self._writer.start()

    def _open(self) -> sqlite3.Connection | None:
        """The store, created when missing; None (memory only, one log line) when unusable."""
        try:
            db = sqlite3.connect(str(self.path), BUSY_TIMEOUT, check_same_thread=False)
        except sqlite3.Error as exc:
            log.warning("cannot open the chat memory %s (%s): not kept", self.path, exc)
            return None
        try:
            with db:
                db.execute(SCHEMA)
        except sqlite3.Error as exc:
            log.warning("cannot use the chat memory %s (%s): not kept", self.path, exc)
            db.close()
            return None
        return db

    # -- start ---------------------------------------------------------------------------

    def load(self, now: float | None = None) -> int:
        """Read the store: language settings, and the last turns younger than the TTL (put
        back into the context store at each chat's next message: a start reads and parses
        nothing more); forget older turns. Returns how many conversations were kept. A store
        that cannot be read is logged and left alone (the bot starts without memory)."""
        now = time.time() if now is None else now
        try:
            rows = self._read(now)
        except sqlite3.Error as exc:
            log.warning("cannot read the chat memory %s (%s): starting without it", self.path, exc)
            rows = []
        kept = 0
        with self._kept_lock:
            for chat_id, lang, turn, before, update_id in rows:
                if lang in ("id", "en"):
                    self._langs[chat_id] = lang
                if turn is not None:
                    self._keep(chat_id, Kept(update_id, before, turn, restored=False))
                    kept += 1
        return kept

    def _read(self, now: float) -> list[tuple]:
        if self._db is None:
            return []
        with self._db_lock, self._db:
            old = now - self.ttl
            self._db.execute(
                "update chats set turn = null, before = null, update_id = null "
                "where bot_id = ? and time < ?", [self.bot_id, old]
            )  # fmt: skip
            self._db.execute(
                "delete from chats where bot_id = ? and lang is null and turn is null",
                [self.bot_id],
            )
            sql = (
                "select chat_id, lang, turn, before, update_id from chats where bot_id = ? "
                "order by time"  # the newest last: the first to stay when there are too many
            )
            return self._db.execute(sql, [self.bot_id]).fetchall()

    # -- the chats -----------------------------------------------------------------------

    def lang(self, chat_id: int) -> str | None:
        """The chat's ``/bahasa`` setting ("id", "en"), or None for auto."""
        return self._langs.get(chat_id)

    def set_lang(self, chat_id: int, lang: str | None) -> None:
        """Set (None: auto) the chat's answer language; stored in the background."""
        if lang is None:
            self._langs.pop(chat_id, None)
        else:
            self._langs[chat_id] = lang
        self._note(chat_id, {"lang": lang})

    def answer(self, pipeline, text: str, chat_id: int, update_id: int):
        """``pipeline.answer`` for the chat in its language, and the turn it leaves noted
        for storing. An update answered before (a redelivery) is answered again from the
        turn it was first answered after. Call it from a worker thread."""
        lang = self.lang(chat_id)
        contexts: ContextStore | None = getattr(pipeline, "contexts", None)
        if contexts is None:  # a stand-in pipeline without conversations
            return pipeline.answer(text, chat_id=chat_id, lang=lang)
        now = time.time()
        with self._kept_lock:
            kept = self._kept.get(chat_id)
        if kept is not None and not kept.restored:  # the first message since the start
            kept.turn, kept.restored = _loads(chat_id, kept.turn_json), True
            contexts.restore(chat_id, kept.turn)
        again = kept is not None and kept.update_id == update_id
        if again:  # delivered again: answer it from the turn it was first answered after
            contexts.restore(chat_id, _loads(chat_id, kept.before))
        before = contexts.get(chat_id, now)
        if again:
            before_json = kept.before if before is not None else None
        elif kept is not None and before is not None and before is kept.turn:
            before_json = kept.turn_json  # the turn the last update made: written already
        else:
            before_json = _dumps(before)
        reply = pipeline.answer(text, chat_id=chat_id, lang=lang, now=now)
        after = contexts.get(chat_id, now)
        after_json = _dumps(after)
        with self._kept_lock:
            self._keep(chat_id, Kept(update_id, before_json, after_json, after))
        change = {"turn": after_json, "before": before_json, "update_id": update_id}
        self._note(chat_id, {**change, "time": after.time if after else now})
        return reply

    def _keep(self, chat_id: int, kept: Kept) -> None:
        """Remember ``kept`` as the chat's (the newest ``MAX_CHATS`` chats); hold the lock."""
        self._kept[chat_id] = kept
        self._kept.move_to_end(chat_id)
        while len(self._kept) > MAX_CHATS:
            self._kept.popitem(last=False)

    def _note(self, chat_id: int, change: dict) -> None:
        """Queue ``change`` of the chat's row for the writer (never waits for the disk)."""
        if self._writer is None:
            return
        with self._changed:
            self._pending[chat_id] = {**self._pending.get(chat_id, {}), **change}
            self._changed.notify_all()

    # -- the writer thread ---------------------------------------------------------------

    def flush(self, timeout: float = 2.0) -> bool:
        """Wait until every noted change is stored; False after ``timeout`` seconds."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._pending and not self._writing, timeout)

    def close(self, timeout: float = 2.0) -> None:
        """Store what is noted (for at most ``timeout`` seconds), then close the store."""
        if self._writer is not None and self._writer.is_alive():
            with self._changed:
                self._closing = True
                self._changed.notify_all()
            self._writer.join(timeout)
        with self._db_lock:
            if self._db is not None and (self._writer is None or not self._writer.is_alive()):
                self._db.close()
                self._db = None

    def _write_loop(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._pending or self._closing)
                if not self._pending:
                    return  # closing, and everything is stored
            time.sleep(0 if self._closing else BATCH_PAUSE)
            with self._changed:
                batch, self._pending, self._writing = self._pending, {}, True
            stored = self._store(batch)
            with self._changed:
                if not stored:  # busy or broken: keep the changes, newer ones on top
                    for chat_id, change in batch.items():
                        self._pending[chat_id] = {**change, **self._pending.get(chat_id, {})}
                self._writing = False
                self._changed.notify_all()
                give_up = not stored and self._closing
            if give_up:
                return
            if not stored:
                time.sleep(RETRY_PAUSE)

    def _store(self, batch: dict[int, dict]) -> bool:
        try:
            with self._db_lock, self._db:
                for chat_id, change in batch.items():
                    names = [c for c in COLUMNS if c in change]
                    sql = (
                        f"insert into chats (bot_id, chat_id, {', '.join(names)}) "
                        f"values (?, ?, {', '.join('?' for _ in names)}) "
                        "on conflict (bot_id, chat_id) do update set "
                        + ", ".join(f"{c} = excluded.{c}" for c in names)
                    )
                    self._db.execute(sql, [self.bot_id, chat_id, *(change[c] for c in names)])
            return True
        except sqlite3.Error as exc:
            log.warning("cannot write the chat memory %s: %s (trying again)", self.path, exc)
            return False


def _dumps(turn: Turn | None) -> str | None:
    return None if turn is None else json.dumps(turn.to_dict(), ensure_ascii=False)


def _loads(chat_id: int, kept: str | None) -> Turn | None:
    """The turn kept as JSON; None (one log line) when it cannot be read."""
    if kept is None:
        return None
    try:
        return Turn.from_dict(json.loads(kept))
    except (TypeError, ValueError, KeyError, StopIteration) as exc:
        log.warning("chat %s: kept conversation unreadable (%s): dropped", chat_id, exc)
        return None
