"""``make bench``: answering speed, measured, not asserted in tests.

Questions per second through ``python -m bot batch`` on 20,000 distinct question
variants (start-up excluded), the wall time of one ``python -m bot ask``, the in-process
p50/p99 latency of distinct questions, and the build time and p99 of a generated base of
100 offices x 10 years. Questions come from the sets in ``tests/data``
(:mod:`bot.bench_questions`).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

from bot.bench_questions import distinct_variants, sample_questions

BATCH_TARGET_QPS = 5000
ASK_TARGET_SECONDS = 0.5
P99_TARGET_MS = 2.0
SCALE_BUILD_TARGET_SECONDS = 10.0
SCALE_P99_TARGET_MS = 5.0
CHATS = 5000  # distinct questions spread over this many chats (follow-ups lean on them)


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


def batch_throughput(questions: list[str]) -> tuple[float, float]:
    """(distinct questions per second through ``batch``, start-up excluded; start-up
    seconds). Every line is a different text."""
    lines = [
        json.dumps({"chat_id": i % CHATS, "user_id": i % CHATS, "text": text}) + "\n"
        for i, text in enumerate(questions)
    ]
    startup = min(_batch_seconds(lines[:1]) for _ in range(3))
    full = _batch_seconds(lines)
    return (len(lines) - 1) / max(full - startup, 1e-9), startup


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


def latencies_ms(questions: list[str]) -> list[float]:
    """In-process reply latencies in milliseconds, each question seen once."""
    from bot.pipeline import Pipeline

    pipeline = Pipeline.open_configured()
    pipeline.warm_up()  # as the bot does before its first update
    found = []
    for i, question in enumerate(questions):
        start = time.perf_counter()
        pipeline.answer(question, chat_id=i % CHATS)
        found.append((time.perf_counter() - start) * 1000)
    return found


def percentile(sorted_values: list[float], pct: float) -> float:
    """The ``pct``-th percentile of already sorted values (nearest rank)."""
    return sorted_values[int(pct / 100 * (len(sorted_values) - 1))]


def run_bench(questions: int = 20000) -> int:
    """Print the speed figures; exit 1 when one misses its target."""
    from bot.bench_scale import run_scale

    variants = distinct_variants(questions)
    found = sorted(latencies_ms(distinct_variants(questions // 4, seed=8)))
    p50, p99 = statistics.median(found), percentile(found, 99)
    qps, startup = batch_throughput(variants)
    ask = ask_wall_time()
    scale = run_scale()
    rows = [
        ("batch throughput", f"{qps:,.0f} questions/s", qps >= BATCH_TARGET_QPS,
         f">= {BATCH_TARGET_QPS:,} (distinct, {os.cpu_count()} cores)"),
        ("batch start-up", f"{startup * 1000:.0f} ms", True, "(excluded)"),
        ("ask wall time", f"{ask * 1000:.0f} ms", ask < ASK_TARGET_SECONDS,
         f"< {ASK_TARGET_SECONDS * 1000:.0f} ms"),
        ("in-process p50", f"{p50:.3f} ms", True, "(distinct, one process)"),
        ("in-process p99", f"{p99:.3f} ms", p99 < P99_TARGET_MS, f"< {P99_TARGET_MS} ms"),
        ("100x10 build", f"{scale['build_seconds']:.2f} s",
         scale["build_seconds"] < SCALE_BUILD_TARGET_SECONDS,
         f"< {SCALE_BUILD_TARGET_SECONDS:.0f} s (100 offices x 10 years)"),
        ("100x10 p99", f"{scale['p99_ms']:.3f} ms", scale["p99_ms"] < SCALE_P99_TARGET_MS,
         f"< {SCALE_P99_TARGET_MS:.0f} ms ({scale['answered']:.0%} answered)"),
    ]  # fmt: skip
    from bot.answers.charts.bench import chart_timings  # after the rest: it loads matplotlib

    rows += chart_timings(sample_questions())
    print(f"bench: {len(variants):,} distinct questions through batch, {len(found):,} in process")
    for name, value, ok, target in rows:
        print(f"  {name:<18} {value:>20}  {'ok  ' if ok else 'MISS'} {target}")
    return 0 if all(ok for _, _, ok, _ in rows) else 1
