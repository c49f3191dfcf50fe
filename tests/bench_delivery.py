"""Delivery benchmark (``make bench``): a flood, a SIGKILL in the middle and a restart.

10,000 messages from 5,000 users (two different questions each) wait at a loopback
stand-in for the Bot API. The bot (``python -m bot run``) starts answering them; when about
half are answered it is killed with SIGKILL and started again. At the end every message is
looked up among what the bot sent: answered (at least once), lost (never) and duplicated
(more than once). Measured, not asserted: it prints the three numbers and exits 1 unless
every message is answered and no more are duplicated than the replies the bot may have in
flight when it is killed (``MAX_IN_FLIGHT``: Telegram accepted them, the bot could not note
it; no sender avoids that without losing messages instead).

    python tests/bench_delivery.py [--messages 10000] [--users 5000] [--kill-at 0.5]
"""

from __future__ import annotations

import argparse
import html
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fake_bot_api import FakeBotAPI
from tg_updates import text_update

from bot.facts.build import build
from bot.pipeline import Pipeline
from bot.telegram.sending import MAX_IN_FLIGHT

PROJECT = Path(__file__).resolve().parent.parent
TOKEN = "123:BENCH"
QUESTIONS = ("Berapa ITAS tahun 2020?", "How many people were deported?")
FIRST_CHAT = 100_000
QUIET_SECONDS = 5.0


def start_bot(folder: Path, api: FakeBotAPI, log_name: str) -> subprocess.Popen:
    """``python -m bot run`` against the fake API, with its files in ``folder``."""
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": api.url,
        "KNOWLEDGE_DIR": str(PROJECT / "knowledge"),
        "FACTS_DB": str(folder / "facts.db"),
        "STATS_DB": str(folder / "stats.db"),
        "DELIVERY_DB": str(folder / "delivery.db"),
        "MEMORY_DB": str(folder / "memory.db"),  # never the project's data/
        "PREVIEWS_DB": str(folder / "previews.db"),
        "SEND_RATE_PER_SECOND": "0",  # the stand-in has no flood limit
        "LOG_LEVEL": "WARNING",
        "WEBHOOK_URL": "",
    }
    with (folder / log_name).open("wb") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "bot", "run"], cwd=PROJECT, env=env, stderr=err
        )


def expected_texts(facts_db: Path) -> list[str]:
    """What the bot sends for each question (each asked first in its chat)."""
    pipeline = Pipeline.from_db(facts_db)
    return [html.escape(pipeline.answer(q, chat_id=i).text) for i, q in enumerate(QUESTIONS)]


def wait_for(predicate, timeout: float) -> bool:
    """Poll ``predicate`` every 50 ms; False after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def count(api: FakeBotAPI, users: int, texts: list[str]) -> tuple[Counter, int]:
    """How often each (chat, question) was answered, and how many replies matched none."""
    index = {text: i for i, text in enumerate(texts)}
    answers: Counter = Counter()
    other = 0
    for message in api.sent:
        key = index.get(message["text"])
        if key is None or not FIRST_CHAT <= message["chat_id"] < FIRST_CHAT + users:
            other += 1
        else:
            answers[(message["chat_id"], key)] += 1
    return answers, other


def run(messages: int, users: int, kill_at: float) -> int:
    """Run the benchmark; print answered, lost and duplicated."""
    folder = Path(tempfile.mkdtemp(prefix="bench-delivery-"))
    build(PROJECT / "knowledge", folder / "facts.db")
    texts = expected_texts(folder / "facts.db")
    with FakeBotAPI(TOKEN, max_lifetime=900) as api:
        for i in range(messages):
            chat_id = FIRST_CHAT + i % users
            api.push_update(text_update(QUESTIONS[(i // users) % 2], chat_id))
        started = time.monotonic()
        bot = start_bot(folder, api, "first.log")
        wait_for(lambda: len(api.sent) >= messages * kill_at, 300)
        bot.send_signal(signal.SIGKILL)
        bot.wait()
        killed_at = len(api.sent)
        bot = start_bot(folder, api, "second.log")
        last = [len(api.sent), time.monotonic()]

        def settled() -> bool:
            if len(api.sent) != last[0]:
                last[:] = [len(api.sent), time.monotonic()]
            return api.pending() == 0 or time.monotonic() - last[1] > QUIET_SECONDS

        wait_for(settled, 600)
        elapsed = time.monotonic() - started
        bot.send_signal(signal.SIGTERM)
        status = bot.wait(60)
    answers, other = count(api, users, texts)
    answered = len(answers)
    duplicated = sum(1 for n in answers.values() if n > 1)
    print(
        f"delivery: {messages:,} messages from {users:,} users, SIGKILL after {killed_at:,} replies"
    )
    print(f"  answered   {answered:>7,}")
    print(f"  lost       {messages - answered:>7,}")
    print(f"  duplicated {duplicated:>7,}")
    print(f"  ({elapsed:.1f} s in all, {other} other replies, exit status after SIGTERM {status})")
    if duplicated:
        print(
            "  (a duplicate is a reply Telegram had accepted when SIGKILL came, before the bot"
            f" could note it: at most the requests in flight, {MAX_IN_FLIGHT})"
        )
    return 0 if (answered, other) == (messages, 0) and duplicated <= MAX_IN_FLIGHT else 1


def main() -> int:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=5_000)
    parser.add_argument("--kill-at", type=float, default=0.5, help="share answered before")
    args = parser.parse_args()
    return run(args.messages, args.users, args.kill_at)


if __name__ == "__main__":
    raise SystemExit(main())
