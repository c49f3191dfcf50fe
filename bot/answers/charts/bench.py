"""Chart figures for ``make bench``: the first chart (matplotlib imported and a chart
drawn), a cached chart, and text answering speed before charts, after them and while
charts are being drawn (in the drawing process, as the bot draws them)."""

from __future__ import annotations

import itertools
import statistics
import sys
import threading
import time

from bot.answers.charts.cache import ChartCache, base_identity
from bot.answers.charts.drawer import ChartDrawer
from bot.answers.charts.spec import chart_spec

CHART_QUESTIONS = ("5 negara WNA terbanyak", "total ITK + ITAS + ITAP 2020")
FIRST_TARGET_SECONDS = 5.0
CACHED_TARGET_MS = 5.0
UNCHANGED = 0.9  # text speed after charts: at least this share of the speed before
_chats = itertools.count(1, 100)  # chat id blocks: every measurement starts without context


def chart_timings(questions: list[str], rounds: int = 3) -> list[tuple[str, str, bool, str]]:
    """Rows of (name, value, ok, target) as ``bot.bench`` prints them."""
    from bot.pipeline import Pipeline

    pipeline = Pipeline.open_configured()
    text_rate(pipeline, questions, 1)  # warm the analysis cache, as a running bot has it
    before = max(text_rate(pipeline, questions, 1) for _ in range(rounds))  # best: less noise
    imported = "matplotlib" in sys.modules
    cache = ChartCache()
    first = _chart_seconds(pipeline, cache, CHART_QUESTIONS[0])
    cached = statistics.median(
        _chart_seconds(pipeline, cache, CHART_QUESTIONS[0]) for _ in range(200)
    )
    after = max(text_rate(pipeline, questions, 1) for _ in range(rounds))
    during, loaded = _rate_while_drawing(pipeline, questions)
    alone = statistics.median(_chart_seconds(pipeline, ChartCache(), q) for q in CHART_QUESTIONS)
    return [
        ("first chart", f"{first * 1000:.0f} ms", first < FIRST_TARGET_SECONDS,
         f"< {FIRST_TARGET_SECONDS:.0f} s" + (" (matplotlib was loaded)" if imported else "")),
        ("cached chart", f"{cached * 1000:.3f} ms", cached * 1000 < CACHED_TARGET_MS,
         f"< {CACHED_TARGET_MS:.0f} ms (answer + cache hit)"),
        ("new chart", f"{alone * 1000:.0f} ms", True, "(matplotlib loaded, not cached)"),
        ("text before charts", f"{before:,.0f} questions/s", True, "(in process)"),
        ("text after charts", f"{after:,.0f} questions/s", after >= UNCHANGED * before,
         f">= {UNCHANGED:.0%} of before"),
        ("text while drawing", f"{during:,.0f} questions/s", True,
         f"({during / before:.0%} of before; the drawing process busy nonstop)"),
        ("chart under load", _seconds(loaded), True,
         "(a new chart drawn while text answers take a core)"),
    ]  # fmt: skip


def _seconds(values: list[float]) -> str:
    if not values:
        return "none drawn"
    return f"{statistics.median(values):.1f} s ({len(values)})"


def text_rate(pipeline, questions: list[str], rounds: int) -> float:
    """Questions answered per second, each in a chat of its own (never used before)."""
    first = next(_chats)
    start = time.perf_counter()
    for round_ in range(rounds):
        for i, question in enumerate(questions):
            pipeline.answer(question, chat_id=(first + round_) * 100_000 + i)
    return rounds * len(questions) / (time.perf_counter() - start)


def _chart_seconds(pipeline, cache: ChartCache, question: str, draw=None) -> float:
    start = time.perf_counter()
    reply = pipeline.answer(question, chat_id=-1)
    spec = chart_spec(reply, pipeline.base)
    if spec is None:
        raise RuntimeError(f"no chart for {question!r}")
    cache.png(spec, base_identity(pipeline.base), draw)
    return time.perf_counter() - start


def _rate_while_drawing(
    pipeline, questions: list[str], least: int = 2, most_seconds: float = 30.0
) -> tuple[float, list[float]]:
    """Text speed while a worker thread draws uncached charts without a pause (the worst
    case: a bot drawing a new chart all the time), over at least one pass of the questions
    and ``least`` charts; and the seconds each chart took meanwhile."""
    stop, seconds, drawer = threading.Event(), [], ChartDrawer()
    _chart_seconds(pipeline, ChartCache(), CHART_QUESTIONS[0], drawer.draw)  # start it

    def draw() -> None:
        while not stop.is_set():
            for question in CHART_QUESTIONS:  # drawn anew, in the drawing process
                seconds.append(_chart_seconds(pipeline, ChartCache(), question, drawer.draw))

    worker = threading.Thread(target=draw, daemon=True)
    worker.start()
    first, answered = next(_chats) * 100_000, 0
    start = time.perf_counter()
    try:
        while answered < len(questions) or len(seconds) < least:
            pipeline.answer(questions[answered % len(questions)], chat_id=first + answered)
            answered += 1
            if time.perf_counter() - start > most_seconds:
                break
        return answered / (time.perf_counter() - start), list(seconds)
    finally:
        stop.set()
        worker.join()
        drawer.close()
