"""Usage statistics for admins: counters since start and a small store of unanswered questions.

Only the question text (cut short), the time and the status are stored: no user or chat id.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import Counter
from pathlib import Path

import sqlite_utils

UNANSWERED = ("no_data", "fallback")
MAX_TEXT = 300
MAX_ROWS = 1000


class Stats:
    """Counts questions by status and language; keeps the newest unanswered ones on disk.

    Safe to call from several threads (one connection guarded by a lock).
    """

    def __init__(self, db_path: Path | str | None, *, max_rows: int = MAX_ROWS):
        """Open (or create) the store; ``None`` keeps it in memory."""
        self.started = time.time()
        self.by_status: Counter[str] = Counter()
        self.by_lang: Counter[str] = Counter()
        self.max_rows = max_rows
        self._lock = threading.Lock()
        if db_path is None:
            conn = sqlite3.connect(":memory:", check_same_thread=False)
        else:
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(db_path), check_same_thread=False)
        self._db = sqlite_utils.Database(conn)
        self._table = self._db["unanswered"]
        if not self._table.exists():
            self._table.create(
                {"id": int, "text": str, "time": float, "status": str},
                pk="id",
            )

    @property
    def total(self) -> int:
        """Questions counted since start."""
        return sum(self.by_status.values())

    def record(self, text: str, status: str, lang: str, when: float | None = None) -> None:
        """Count one answered question; store its text when it went unanswered."""
        with self._lock:
            self.by_status[status] += 1
            self.by_lang[lang] += 1
            if status not in UNANSWERED:
                return
            row = {"text": " ".join(text.split())[:MAX_TEXT], "time": when or time.time()}
            self._table.insert({**row, "status": status})
            newest = self._table.last_pk
            self._db.execute("delete from unanswered where id <= ?", [newest - self.max_rows])
            self._db.conn.commit()

    def stored(self) -> int:
        """How many unanswered questions the store holds."""
        with self._lock:
            return self._table.count

    def top_unanswered(self, n: int = 10) -> list[tuple[str, int]]:
        """The ``n`` most frequent unanswered questions (case-folded), most frequent first."""
        sql = (
            "select lower(text) as q, count(*) as c, max(id) as last from unanswered "
            "group by q order by c desc, last desc limit ?"
        )
        with self._lock:
            return [(q, c) for q, c, _ in self._db.execute(sql, [n]).fetchall()]

    def close(self) -> None:
        """Close the store."""
        with self._lock:
            self._db.close()
