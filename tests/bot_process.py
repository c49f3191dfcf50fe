"""``python -m bot run`` as a subprocess against a :class:`FakeBotAPI`, for end-to-end tests.

Its files live in a temporary folder; it can be stopped (SIGTERM), killed (SIGKILL) and
started again on the same files. Expected answers come from an in-process pipeline over the
bot's own fact base, never from literals.
"""

from __future__ import annotations

import html
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from fake_bot_api import FakeBotAPI
from tg_updates import text_update

from bot.pipeline import Pipeline

PROJECT = Path(__file__).resolve().parent.parent
TOKEN = "123:TEST"
ADMIN = 900
STARTUP = 30.0
WAIT = 20.0


class BotProcess:
    """The bot subprocess, its files and the fake API it talks to."""

    def __init__(self, api: FakeBotAPI, folder: Path, knowledge: Path, **settings: str):
        self.api = api
        self.folder = folder
        self.facts_db = folder / "data" / "facts.db"
        self.stats_db = folder / "data" / "stats.db"
        self.env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": api.url,
            "ADMIN_IDS": str(ADMIN),
            "KNOWLEDGE_DIR": str(knowledge),
            "FACTS_DB": str(self.facts_db),
            "STATS_DB": str(self.stats_db),
            "DELIVERY_DB": str(folder / "data" / "delivery.db"),
            "MEMORY_DB": str(folder / "data" / "memory.db"),
            "PREVIEWS_DB": str(folder / "data" / "previews.db"),
            "LOG_LEVEL": "DEBUG",
            "WEBHOOK_URL": "",
            **settings,
        }
        self.runs = 0
        self.proc: subprocess.Popen | None = None

    def start(self, wait: bool = True) -> BotProcess:
        """Start the bot (again); with ``wait``, until it polls for updates."""
        self.runs += 1
        polls = self.polls()
        with self.log_path(self.runs).open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"],
                cwd=PROJECT,
                env=self.env,
                stdout=err,
                stderr=err,
            )
        if wait:
            try:
                self.api.wait_until(lambda: self.polls() > polls, STARTUP)
            except TimeoutError:
                self.kill()
                pytest.fail(f"the bot did not start; logs:\n{self.logs()[-3000:]}")
        return self

    def polls(self) -> int:
        """How many getUpdates calls the fake API has answered."""
        return sum(1 for method, _ in self.api.calls if method == "getUpdates")

    def log_path(self, run: int) -> Path:
        """Where run number ``run`` writes its output."""
        return self.folder / f"bot{run}.log"

    def logs(self, run: int | None = None) -> str:
        """The output of one run, or of all runs."""
        runs = [run] if run else range(1, self.runs + 1)
        return "".join(self.log_path(r).read_text(errors="replace") for r in runs)

    def answer(self, text: str | None, chat_id: int, user_id: int | None = None, **extra) -> str:
        """Send a text as a new update and return the next message the bot sends that chat."""
        before = len(self.api.messages_for(chat_id))
        self.api.push_update(text_update(text, chat_id, user_id, **extra))
        return self.api.wait_for_messages(chat_id, before + 1, WAIT)[before]["text"]

    def expected(self, *questions: str, chat_id: int = 1) -> str:
        """The escaped reply of a fresh pipeline over the bot's current fact base."""
        pipeline = Pipeline.from_db(self.facts_db)
        for question in questions:
            reply = pipeline.answer(question, chat_id=chat_id)
        return html.escape(reply.text)

    def stop(self) -> int:
        """SIGTERM, then the exit status (killed after a bounded wait)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            self.kill()
            pytest.fail(f"the bot ignored SIGTERM; logs:\n{self.logs()[-3000:]}")

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=5)


@pytest.fixture
def bot_process(tmp_path, knowledge_copy, built_db):
    """A factory: ``bot_process(**settings)`` starts the bot against a fresh fake API
    (``start=False``: not yet; ``wait=False``: without waiting for it to poll;
    ``built=False``: it builds its fact base itself, else it gets a copy of one)."""
    started: list[tuple[FakeBotAPI, BotProcess]] = []

    def make(start: bool = True, wait: bool = True, built: bool = True, **settings: str):
        api = FakeBotAPI(TOKEN, max_lifetime=150).start()
        folder = tmp_path / f"bot{len(started)}"
        folder.mkdir()
        run = BotProcess(api, folder, knowledge_copy, **settings)
        if built:
            run.facts_db.parent.mkdir()
            shutil.copy(built_db, run.facts_db)
        started.append((api, run))
        return run.start(wait) if start else run

    yield make
    for api, run in started:
        run.kill()
        api.stop()
