"""``make bench``: answering speed, measured, not asserted in tests.

Three figures: questions per second through ``python -m bot batch`` (start-up
excluded), wall time of one ``python -m bot ask``, and the in-process p50/p99
reply latency. Questions come from the question sets in ``tests/data``.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

from bot import config

BATCH_TARGET_QPS = 5000
ASK_TARGET_SECONDS = 0.5
P99_TARGET_MS = 2.0
DATA_DIR = config.PROJECT_DIR / "tests" / "data"


def sample_questions() -> list[str]:
    """Every turn of every question set, in order."""
    questions: list[str] = []
    for path in sorted(DATA_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                q = json.loads(line)["q"]
                questions.extend(q if isinstance(q, list) else [q])
    return questions


def _batch_seconds(lines: list[str]) -> float:
    payload = "".join(lines)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "bot", "batch"],
        input=payload,
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - start
    if len(result.stdout.splitlines()) != len(lines):
        raise RuntimeError("batch returned a different number of replies")
    return elapsed


def batch_throughput(questions: list[str], total: int) -> tuple[float, float]:
    """(questions per second excluding start-up, start-up seconds)."""
    lines = [
        json.dumps({"chat_id": i % 500, "user_id": i % 500, "text": questions[i % len(questions)]})
        + "\n"
        for i in range(total)
    ]
    startup = min(_batch_seconds(lines[:1]) for _ in range(3))
    full = min(_batch_seconds(lines) for _ in range(2))
    return (total - 1) / max(full - startup, 1e-9), startup


def ask_wall_time(repeats: int = 5) -> float:
    """The best-of-``repeats`` wall time of one ``python -m bot ask``, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot", "ask", "berapa ITAS 2020"],
            capture_output=True,
            check=True,
        )
        times.append(time.perf_counter() - start)
    return min(times)


def latencies_ms(questions: list[str], rounds: int = 5) -> tuple[list[float], list[float]]:
    """In-process reply latencies in milliseconds, each question in its own chat:
    (first sight of each question, all rounds). Later rounds reuse the text analysis."""
    from bot.pipeline import Pipeline

    pipeline = Pipeline.open_configured()
    found = []
    for round_ in range(rounds):
        for i, question in enumerate(questions):
            start = time.perf_counter()
            pipeline.answer(question, chat_id=round_ * 100_000 + i)
            found.append((time.perf_counter() - start) * 1000)
    return found[: len(questions)], found


def percentile(sorted_values: list[float], pct: float) -> float:
    """The ``pct``-th percentile of already sorted values (nearest rank)."""
    return sorted_values[int(pct / 100 * (len(sorted_values) - 1))]


def run_bench(questions: int = 20000) -> int:
    """Print the three speed figures; exit 1 when one misses its target."""
    sample = sample_questions()
    cold, found = (sorted(x) for x in latencies_ms(sample))
    p50, p99 = statistics.median(found), percentile(found, 99)
    cold_p99, cold_qps = percentile(cold, 99), 1000 * len(cold) / sum(cold)
    qps, startup = batch_throughput(sample, questions)
    ask = ask_wall_time()
    rows = [
        (
            "batch throughput",
            f"{qps:,.0f} questions/s",
            qps >= BATCH_TARGET_QPS,
            f">= {BATCH_TARGET_QPS:,}",
        ),
        ("batch start-up", f"{startup * 1000:.0f} ms", True, "(excluded)"),
        (
            "ask wall time",
            f"{ask * 1000:.0f} ms",
            ask < ASK_TARGET_SECONDS,
            f"< {ASK_TARGET_SECONDS * 1000:.0f} ms",
        ),
        ("in-process p50", f"{p50:.3f} ms", True, ""),
        ("in-process p99", f"{p99:.3f} ms", p99 < P99_TARGET_MS, f"< {P99_TARGET_MS} ms"),
        (
            "first-sight p99",
            f"{cold_p99:.3f} ms",
            cold_p99 < P99_TARGET_MS,
            f"< {P99_TARGET_MS} ms",
        ),
        ("first-sight rate", f"{cold_qps:,.0f} questions/s", True, "(no repeats, in process)"),
    ]
    from bot.answers.charts.bench import chart_timings  # after the rest: it loads matplotlib

    rows += chart_timings(sample)
    print(f"bench: {len(sample)} distinct questions, {questions:,} batch lines")
    for name, value, ok, target in rows:
        print(f"  {name:<18} {value:>20}  {'ok  ' if ok else 'MISS'} {target}")
    return 0 if all(ok for _, _, ok, _ in rows) else 1
