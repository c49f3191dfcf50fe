"""Drawing charts in a process of their own. A thread drawing beside busy text answers
waits for the interpreter lock for seconds (and slows the answers); a separate process
draws at full speed. The process is spawned (no fork of a threaded bot) at the first chart
and kept for the next ones."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor

from bot.answers.charts.spec import ChartSpec

DRAW_TIMEOUT_SECONDS = 60


class ChartDrawer:
    """Draws chart specs into PNG bytes in one worker process (call ``close`` at the end)."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def draw(self, spec: ChartSpec) -> bytes:
        """The PNG of ``spec`` (blocks until the process has drawn it)."""
        from bot.answers.charts.draw import draw_png

        with self._lock:
            if self._pool is None:
                context = multiprocessing.get_context("spawn")
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
        return self._pool.submit(draw_png, spec).result(timeout=DRAW_TIMEOUT_SECONDS)

    def close(self) -> None:
        """Stop the drawing process, if one was started."""
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None
