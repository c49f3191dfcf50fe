"""Pending release previews: what an admin was shown and has not yet saved or cancelled.

One preview per chat, kept in SQLite (``PREVIEWS_DB``) so that a restart does not lose it.
Each preview has a random token that its buttons carry; a press whose token is not the
chat's current one (an old preview, a forged button) finds nothing. A preview expires
after ``EXPIRE_SECONDS``. No Telegram import here.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import sqlite3
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bot.facts.ingest.proposal import Proposal, ProposedFact, Skipped, Statement

EXPIRE_SECONDS = 24 * 3600
TOKEN_BYTES = 4  # 8 hex digits: unguessable enough for a button only admins may press
SCHEMA = (
    "create table if not exists previews (chat_id integer primary key, token text not null, "
    "user_id integer, lang text not null, created real not null, dropped text not null, "
    "proposal text not null)"
)


@dataclass
class Pending:
    """A preview waiting for the admin: the proposal and the fact numbers left out."""

    chat_id: int
    token: str
    proposal: Proposal
    lang: str
    created: float
    user_id: int = 0
    dropped: frozenset[int] = field(default_factory=frozenset)

    @property
    def kept(self) -> int:
        """How many proposed facts would be saved."""
        return len(self.proposal.facts) - len(self.dropped)


class PreviewStore:
    """The pending previews, one per chat, in the SQLite file ``path``.

    The file is opened for each call (admins use it rarely) and created on first use.
    """

    def __init__(self, path: Path | str, expire_seconds: float = EXPIRE_SECONDS):
        self.path = Path(path)
        self.expire_seconds = expire_seconds

    @contextlib.contextmanager
    def _db(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=5)
        try:
            with db:
                db.execute(SCHEMA)
                yield db
        finally:
            db.close()

    def put(
        self, chat_id: int, proposal: Proposal, lang: str, user_id: int = 0, now=None
    ) -> tuple[Pending, bool]:
        """Keep ``proposal`` as the chat's preview; returns it and whether it replaced one."""
        now = time.time() if now is None else now
        pending = Pending(chat_id, secrets.token_hex(TOKEN_BYTES), proposal, lang, now, user_id)
        with self._db() as db:
            db.execute("delete from previews where created < ?", [now - self.expire_seconds])
            replaced = db.execute("select 1 from previews where chat_id = ?", [chat_id]).fetchone()
            db.execute(
                "insert or replace into previews values (?, ?, ?, ?, ?, ?, ?)",
                [chat_id, pending.token, user_id, lang, now, "[]", dump_proposal(proposal)],
            )
        return pending, replaced is not None

    def current(self, chat_id: int, now=None) -> tuple[Pending | None, bool]:
        """The chat's preview (None when there is none) and whether it expired; an expired
        or unreadable one is deleted."""
        now = time.time() if now is None else now
        with self._db() as db:
            row = db.execute("select * from previews where chat_id = ?", [chat_id]).fetchone()
            if row is None:
                return None, False
            pending = _pending(row)
            if pending is None or now - pending.created > self.expire_seconds:
                db.execute("delete from previews where chat_id = ?", [chat_id])
                return None, True
        return pending, False

    def matching(self, chat_id: int, token: str, now=None) -> tuple[Pending | None, bool]:
        """Like :meth:`current`, but only the preview whose buttons carry ``token``."""
        pending, expired = self.current(chat_id, now)
        if pending is not None and not secrets.compare_digest(pending.token, token):
            return None, False
        return pending, expired

    def set_dropped(self, pending: Pending, dropped: frozenset[int]) -> Pending:
        """Store which fact numbers the admin left out; returns the updated preview."""
        with self._db() as db:
            db.execute(
                "update previews set dropped = ? where chat_id = ? and token = ?",
                [json.dumps(sorted(dropped)), pending.chat_id, pending.token],
            )
        pending.dropped = frozenset(dropped)
        return pending

    def discard(self, chat_id: int) -> None:
        """Forget the chat's preview (saved or cancelled)."""
        with self._db() as db:
            db.execute("delete from previews where chat_id = ?", [chat_id])


def _pending(row: tuple) -> Pending | None:
    """A stored row as a preview; None when it cannot be read back (an older format)."""
    chat_id, token, user_id, lang, created, dropped, proposal = row
    try:
        return Pending(
            chat_id,
            token,
            load_proposal(proposal),
            lang,
            created,
            user_id or 0,
            frozenset(json.loads(dropped)),
        )
    except (TypeError, KeyError, ValueError):
        return None


def dump_proposal(proposal: Proposal) -> str:
    """The whole proposal (text and positions included) as JSON."""
    return json.dumps(asdict(proposal), ensure_ascii=False)


def load_proposal(text: str) -> Proposal:
    """The proposal :func:`dump_proposal` wrote.

    Raises:
        TypeError, KeyError, ValueError: the JSON is not a proposal of this version.
    """
    data = json.loads(text)
    return Proposal(
        source=dict(data["source"]),
        offices=[dict(row) for row in data["offices"]],
        facts=[ProposedFact(**fact) for fact in data["facts"]],
        skipped=[Skipped(**skipped) for skipped in data["skipped"]],
        statements=[Statement(**statement) for statement in data["statements"]],
        text=data["text"],
    )
