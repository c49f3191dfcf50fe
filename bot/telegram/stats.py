"""Usage statistics for admins: counters since start and a small store of unanswered questions.

Only the question text (cut short), the time and the status are stored: no user or chat id.
Recording never waits for the disk: counters are in memory and unanswered questions go to a
bounded queue that one writer thread empties. When ``stats.db`` is busy (another process
holds a lock) the writer keeps the rows and tries again; rows that do not fit in the queue
are dropped and counted, with at most one log line a minute.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import sqlite3
import threading
import time
from collections import Counter
from pathlib import Path

import sqlite_utils

log = logging.getLogger(__name__)
UNANSWERED = ("no_data", "fallback")
MAX_TEXT = 300
MAX_ROWS = 1000
MAX_QUEUE = 1000
BUSY_TIMEOUT = 0.2
RETRY_PAUSE = 0.5
LOG_EVERY = 60.0


class Stats:
    """Counts questions by status and language; keeps the newest unanswered ones on disk.

    Safe to call from several threads; :meth:`record` never blocks.
    """

    def __init__(
        self, db_path: Path | str | None, *, max_rows: int = MAX_ROWS, max_queue: int = MAX_QUEUE
    ):
        """Open the store lazily (``None`` keeps it in memory) and start the writer."""
        self.started = time.time()
        self.by_status: Counter[str] = Counter()
        self.by_lang: Counter[str] = Counter()
        self.max_rows = max_rows
        self.dropped = 0
        self._path = db_path
        self._db: sqlite_utils.Database | None = None
        self._db_lock = threading.Lock()
        self._count_lock = threading.Lock()
        self._queue: queue.Queue[dict | None] = queue.Queue(maxsize=max_queue)
        self._unwritten = 0
        self._settled = threading.Condition(self._count_lock)
        self._logged_at = 0.0
        self._closing = threading.Event()
        self._writer = threading.Thread(target=self._write_loop, name="stats-writer", daemon=True)
        self._writer.start()

    @property
    def total(self) -> int:
        """Questions counted since start."""
        return sum(self.by_status.values())

    def record(self, text: str, status: str, lang: str, when: float | None = None) -> None:
        """Count one answered question; queue its text when it went unanswered (never waits)."""
        with self._count_lock:
            self.by_status[status] += 1
            self.by_lang[lang] += 1
            if status not in UNANSWERED:
                return
            row = {"text": " ".join(text.split())[:MAX_TEXT], "time": when or time.time()}
            try:
                self._queue.put_nowait({**row, "status": status})
                self._unwritten += 1
                return
            except queue.Full:
                self.dropped += 1
        self._log_busy(None)

    def flush(self, timeout: float = 2.0) -> bool:
        """Wait until every queued row is written or dropped; False after ``timeout``."""
        with self._settled:
            return self._settled.wait_for(lambda: self._unwritten == 0, timeout)

    def stored(self) -> int:
        """How many unanswered questions the store holds (after a flush)."""
        self.flush()
        with self._db_lock:
            return self._open().table("unanswered").count

    def top_unanswered(self, n: int = 10) -> list[tuple[str, int]]:
        """The ``n`` most frequent unanswered questions (case-folded), most frequent first.

        Raises:
            sqlite3.OperationalError: the store is locked by another process.
        """
        self.flush()
        sql = (
            "select lower(text) as q, count(*) as c, max(id) as last from unanswered "
            "group by q order by c desc, last desc limit ?"
        )
        with self._db_lock:
            return [(q, c) for q, c, _ in self._open().execute(sql, [n]).fetchall()]

    def close(self, timeout: float = 2.0) -> None:
        """Write what is queued (for at most ``timeout`` seconds), then close the store."""
        if self._writer.is_alive():
            self._closing.set()
            with contextlib.suppress(queue.Full):
                self._queue.put_nowait(None)  # wake the writer
            self._writer.join(timeout)
        with self._db_lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    # -- the writer thread ---------------------------------------------------------------

    def _write_loop(self) -> None:
        while True:
            batch = self._take()
            if not batch:
                if self._closing.is_set() and self._queue.empty():
                    return
                continue
            written = self._insert(batch)
            while not written and not self._closing.wait(RETRY_PAUSE):
                written = self._insert(batch)  # busy: keep the rows and try again
            with self._settled:
                self._unwritten -= len(batch)
                self.dropped += 0 if written else len(batch)
                self._settled.notify_all()

    def _take(self) -> list[dict]:
        """Up to 100 queued rows (waiting a little for the first); None wakes the writer."""
        try:
            rows = [self._queue.get(timeout=RETRY_PAUSE)]
        except queue.Empty:
            return []
        while len(rows) < 100 and not self._queue.empty():
            rows.append(self._queue.get_nowait())
        return [row for row in rows if row is not None]

    def _insert(self, rows: list[dict]) -> bool:
        """Store ``rows`` and keep the newest ``max_rows``; False when the store is busy."""
        try:
            with self._db_lock:
                db = self._open()
                with db.conn:
                    db["unanswered"].insert_all(rows)
                    newest = db.execute("select max(id) from unanswered").fetchone()[0]
                    db.execute("delete from unanswered where id <= ?", [newest - self.max_rows])
            return True
        except sqlite3.Error as exc:
            self._log_busy(exc)
            return False

    def _open(self) -> sqlite_utils.Database:
        if self._db is None:
            if self._path is None:
                conn = sqlite3.connect(":memory:", check_same_thread=False)
            else:
                Path(self._path).parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(str(self._path), BUSY_TIMEOUT, check_same_thread=False)
            db = sqlite_utils.Database(conn)
            try:
                db.execute(
                    "create table if not exists unanswered "
                    "(id integer primary key, text text, time float, status text)"
                )
            except sqlite3.Error:
                conn.close()
                raise
            self._db = db
        return self._db

    def _log_busy(self, exc: Exception | None) -> None:
        now = time.monotonic()
        if now - self._logged_at < LOG_EVERY:
            return
        self._logged_at = now
        log.warning(
            "stats store %s is busy (%s): %d question(s) waiting, %d dropped so far",
            self._path,
            exc or "queue full",
            self._queue.qsize(),
            self.dropped,
        )
