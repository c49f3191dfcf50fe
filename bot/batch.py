"""``python -m bot batch``: answer JSON Lines on every core.

Each chat's messages stay in one worker, in their order (a follow-up needs the turn
before it); replies come out in the order of the input. Workers are forked after the
fact base is loaded, so they start at once and share its memory.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Iterable

from bot.pipeline import Pipeline

MIN_LINES_PER_WORKER = 500  # below this, one process answers faster than several start


def reply_line(pipeline: Pipeline, line: str) -> str:
    """The JSON reply to one JSON input line ``{chat_id, user_id, text}``."""
    try:
        item = json.loads(line)
        reply = pipeline.answer(str(item.get("text", "")), chat_id=int(item.get("chat_id", 0)))
        data = reply.to_dict()
    except (ValueError, TypeError, AttributeError) as exc:
        data = {"chat_id": 0, "text": "", "status": "fallback", "error": str(exc)}
    return json.dumps(data, ensure_ascii=False)


def chat_of(line: str) -> int:
    """The chat a line belongs to (0 when it cannot be read: it gets an error reply)."""
    try:
        return int(json.loads(line).get("chat_id", 0))
    except (ValueError, TypeError, AttributeError):
        return 0


_WORKER_PIPELINE: Pipeline | None = None


def _answer_share(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    assert _WORKER_PIPELINE is not None
    return [(index, reply_line(_WORKER_PIPELINE, line)) for index, line in lines]


def answer_lines(pipeline: Pipeline, lines: Iterable[str], *, workers: int = 0) -> list[str]:
    """The replies to ``lines``, in order, answered by ``workers`` processes (0: one per
    core; 1: in this process)."""
    lines = [line for line in lines if line.strip()]
    pipeline.warm_up()
    workers = workers or os.cpu_count() or 1
    workers = max(1, min(workers, len(lines) // MIN_LINES_PER_WORKER))
    if workers == 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [reply_line(pipeline, line) for line in lines]
    shares: list[list[tuple[int, str]]] = [[] for _ in range(workers)]
    for index, line in enumerate(lines):
        shares[chat_of(line) % workers].append((index, line))
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipeline
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            answered = pool.map(_answer_share, shares)
    finally:
        _WORKER_PIPELINE = None
    replies = [""] * len(lines)
    for share in answered:
        for index, reply in share:
            replies[index] = reply
    return replies
