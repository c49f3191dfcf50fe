"""Drawn charts kept per fact base and question key: a chart asked again is not drawn
again, and a reload (another base) draws fresh ones. Safe from several threads; one chart
is drawn at a time."""

from __future__ import annotations

import threading
from collections import OrderedDict

from bot.answers.charts.spec import ChartSpec
from bot.facts.base import FactBase

CACHE_SIZE = 128


def base_identity(base: FactBase) -> str:
    """What tells fact bases apart: their content hash and default office (the object's
    id for a base built in memory, which has no hash)."""
    if base.content_hash:
        return f"{base.content_hash}:{base.default_office}"
    return f"object:{id(base)}"


class ChartCache:
    """PNG bytes by (fact base identity, question key), the newest ``size`` of them."""

    def __init__(self, size: int = CACHE_SIZE):
        self.size = size
        self.drawn = 0
        self._pngs: OrderedDict[tuple, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self._drawing = threading.Lock()

    def png(self, spec: ChartSpec, base_id: str, draw=None) -> bytes:
        """The chart's PNG, drawn now only when it is not cached (blocks: call it from a
        worker thread). ``draw`` draws a spec (default: :func:`draw_png` here)."""
        key = (base_id, spec.key)
        found = self._get(key)
        if found is not None:
            return found
        with self._drawing:  # matplotlib is not thread-safe; and a twin waits, then finds it
            found = self._get(key)
            if found is None:
                if draw is None:
                    from bot.answers.charts.draw import draw_png as draw

                found = draw(spec)
                self.drawn += 1
                self._put(key, found)
        return found

    def _get(self, key: tuple) -> bytes | None:
        with self._lock:
            found = self._pngs.get(key)
            if found is not None:
                self._pngs.move_to_end(key)
            return found

    def _put(self, key: tuple, png: bytes) -> None:
        with self._lock:
            self._pngs[key] = png
            while len(self._pngs) > self.size:
                self._pngs.popitem(last=False)
