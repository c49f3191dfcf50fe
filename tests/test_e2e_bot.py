"""End to end: ``python -m bot run`` in a subprocess, polling a fake Bot API over real HTTP.

The bot builds its fact base itself (FACTS_DB does not exist when it starts). Expected
answers come from an in-process pipeline over the same fact base, never from literals.
"""

from __future__ import annotations

import html
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from fake_bot_api import FakeBotAPI
from knowledge_edits import change_figure, fact_line, set_fact
from tg_updates import callback_update, message, text_update

from bot.facts import store as facts_store
from bot.model.text import digits_in
from bot.pipeline import Pipeline
from bot.telegram.support import ADMIN_ONLY, EXPIRED_BUTTON, NON_TEXT_HINT

PROJECT = Path(__file__).resolve().parent.parent
TOKEN = "123:TEST"
ADMIN = 900
ITAS_QUESTION = "Berapa ITAS tahun 2020?"
EN_QUESTION = "How many people were deported?"
LOAD_QUESTIONS = (ITAS_QUESTION, EN_QUESTION, "Negara asal WNA terbanyak?")
STARTUP = 30.0
WAIT = 20.0


class Runner:
    """The bot subprocess, its files and the fake API it talks to."""

    def __init__(self, api: FakeBotAPI, tmp_path: Path, knowledge: Path):
        self.api = api
        self.facts_db = tmp_path / "data" / "facts.db"
        self.out = tmp_path / "bot.out"
        self.err = tmp_path / "bot.err"
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": api.url,
            "ADMIN_IDS": str(ADMIN),
            "KNOWLEDGE_DIR": str(knowledge),
            "FACTS_DB": str(self.facts_db),
            "STATS_DB": str(tmp_path / "data" / "stats.db"),
            "DELIVERY_DB": str(tmp_path / "data" / "delivery.db"),
            "RATE_LIMIT_PER_MINUTE": "5",
            "LOG_LEVEL": "DEBUG",
            "WEBHOOK_URL": "",
        }
        with self.out.open("wb") as out, self.err.open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"], cwd=PROJECT, env=env, stdout=out, stderr=err
            )

    def answer(self, text: str, chat_id: int, user_id: int | None = None, **extra) -> str:
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

    def logs(self) -> str:
        return self.out.read_text(errors="replace") + self.err.read_text(errors="replace")

    def stop(self) -> int:
        """SIGTERM, then the exit status (killed after a bounded wait)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
            pytest.fail(f"the bot ignored SIGTERM; logs:\n{self.logs()[-3000:]}")


@pytest.fixture
def runner(tmp_path, knowledge_copy):
    with FakeBotAPI(TOKEN, max_lifetime=150) as api:
        run = Runner(api, tmp_path, knowledge_copy)
        try:
            api.wait_until(lambda: any(m == "setMyCommands" for m, _ in api.calls), STARTUP)
        except TimeoutError:
            run.stop()
            pytest.fail(f"the bot did not start; logs:\n{run.logs()[-3000:]}")
        yield run
        if run.proc.poll() is None:
            run.proc.kill()
            run.proc.wait(timeout=5)


def itas_value(run: Runner) -> int:
    rows = facts_store.read_tables(run.facts_db)["facts"]
    return next(r["value"] for r in rows if r["metric"] == "itas" and r["country"] is None)


def test_bot_end_to_end(runner, knowledge_copy):
    run = runner
    # Answers in Indonesian and in English, equal to what the pipeline says.
    assert run.answer(ITAS_QUESTION, 101) == run.expected(ITAS_QUESTION)
    assert str(itas_value(run)) in digits_in(run.answer(ITAS_QUESTION, 102))
    assert run.answer(EN_QUESTION, 103) == run.expected(EN_QUESTION)

    # A valid edit: a non-admin /reload changes nothing, an admin /reload swaps it in.
    old = itas_value(run)
    new = old + 1234
    change_figure(knowledge_copy, "itas", new)
    assert run.answer("/reload", 104) == html.escape(ADMIN_ONLY)
    assert str(old) in digits_in(run.answer(ITAS_QUESTION, 105))
    run.answer("/reload", ADMIN)  # "rebuilding…"
    summary = html.unescape(run.api.wait_for_messages(ADMIN, 2, WAIT)[1]["text"])
    assert "changed: 1" in summary and f"{old} → {new}" in summary
    assert str(new) in digits_in(run.answer(ITAS_QUESTION, 106))

    # A broken edit (the quote is not in the source) is refused; the last good facts stay.
    row = set_fact(knowledge_copy, "itas")
    set_fact(knowledge_copy, "itas", quote=row["quote"] + " per tahun")
    run.answer("/reload", ADMIN)
    refusal = run.api.wait_for_messages(ADMIN, 4, WAIT)[3]["text"]
    assert f"facts.csv:{fact_line(knowledge_copy, 'itas')}: " in refusal
    assert str(new) in digits_in(run.answer(ITAS_QUESTION, 107))

    # Junk does not stop the bot.
    sticker = {"file_id": "s", "file_unique_id": "s", "width": 1, "height": 1}
    sticker |= {"is_animated": False, "is_video": False, "type": "regular"}
    assert run.answer(None, 108, sticker=sticker) == html.escape(NON_TEXT_HINT)
    photo = [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]
    assert run.answer(None, 109, photo=photo) == html.escape(NON_TEXT_HINT)
    run.api.push_update({"edited_message": {**message(110, 110, "berapa ITK"), "edit_date": 1}})
    run.api.push_update(callback_update("no-such-button", 111))
    assert run.answer("x" * 5000, 112)
    assert run.answer(ITAS_QUESTION, 110) == run.expected(ITAS_QUESTION)
    assert run.api.messages_for(110)[0]["text"] == run.expected(ITAS_QUESTION)  # edit ignored
    assert [a.get("text") for a in run.api.callback_answers] == [EXPIRED_BUTTON]

    # Load: 100 users send 3 questions each; every one is answered.
    users = range(10_000, 10_100)
    for i in range(3):
        for user_id in users:
            run.api.push_update(text_update(LOAD_QUESTIONS[i], user_id))
    run.api.wait_until(lambda: all(len(run.api.messages_for(u)) >= 3 for u in users), 45)
    expected = [run.expected(*LOAD_QUESTIONS[: i + 1]) for i in range(3)]
    for user_id in users:
        assert [m["text"] for m in run.api.messages_for(user_id)] == expected

    # SIGTERM: a clean exit, every update confirmed, the token never printed.
    assert run.stop() == 0
    logs = run.logs()
    assert TOKEN not in logs
    assert "Traceback" not in logs
    assert run.api.pending() == 0
    assert run.api.unauthorized == 0
