"""Memory across restarts: each chat's /bahasa setting and last conversation turn are kept
in SQLite by a writer thread, read back at start, and an update delivered again after a
crash is answered from the same turn as the first time."""

from __future__ import annotations

import html
import json
import sqlite3
import time

import pytest
from conftest import PROJECT
from telegram_harness import expected_answer

from bot.bench_questions import sample_questions
from bot.pipeline import Pipeline
from bot.telegram.memory import ChatMemory
from bot.understanding.context import CONTEXT_TTL_SECONDS, Turn

QUESTIONS = sample_questions()


def restart(base, path, now: float | None = None) -> tuple[Pipeline, ChatMemory]:
    """A fresh pipeline and memory, read back from ``path`` as at a start."""
    pipeline = Pipeline(base)
    memory = ChatMemory(path, bot_id=123)
    memory.load(now)
    return pipeline, memory


def test_every_turn_survives_json(base):
    pipeline = Pipeline(base)
    for i, question in enumerate(QUESTIONS[::7]):
        pipeline.answer(question, chat_id=i)
        turn = pipeline.contexts.get(i, time.time())
        if turn is not None:
            assert Turn.from_dict(json.loads(json.dumps(turn.to_dict()))) == turn, question


def test_language_and_follow_up_survive_a_restart(base, tmp_path):
    path = tmp_path / "memory.db"
    pipeline, memory = restart(base, path)
    memory.set_lang(1, "en")
    memory.answer(pipeline, "berapa ITAS 2020", chat_id=2, update_id=10)
    memory.close()
    pipeline, memory = restart(base, path)
    assert memory.lang(1) == "en" and memory.lang(2) is None
    follow_up = memory.answer(pipeline, "kalau ITAP?", chat_id=2, update_id=11)
    assert follow_up.text == expected_answer_of(base, "berapa ITAS 2020", "kalau ITAP?")
    english = memory.answer(pipeline, "berapa ITAS 2020", chat_id=1, update_id=12)
    assert english.lang == "en"
    memory.set_lang(1, None)  # /bahasa auto
    memory.close()
    assert restart(base, path)[1].lang(1) is None


def expected_answer_of(base, *questions: str) -> str:
    pipeline = Pipeline(base)
    for question in questions:
        reply = pipeline.answer(question, chat_id=5)
    return reply.text


def test_a_conversation_older_than_30_minutes_is_not_restored(base, tmp_path):
    path = tmp_path / "memory.db"
    pipeline, memory = restart(base, path)
    memory.set_lang(3, "en")
    memory.answer(pipeline, "berapa ITAS 2020", chat_id=3, update_id=1)
    memory.close()
    later = time.time() + CONTEXT_TTL_SECONDS + 60
    pipeline, memory = restart(base, path, now=later)
    assert pipeline.contexts.get(3, later) is None
    assert memory.lang(3) == "en"  # the setting has no age
    memory.close()
    rows = sqlite3.connect(path).execute("select turn, lang from chats").fetchall()
    assert rows == [(None, "en")]


def test_an_update_delivered_again_is_answered_from_the_same_turn(base, tmp_path):
    path = tmp_path / "memory.db"
    pipeline, memory = restart(base, path)
    newest = base.newest_year()
    memory.answer(pipeline, f"berapa ITAS tahun {newest + 1}", chat_id=4, update_id=20)
    first = memory.answer(pipeline, "kalau tahun sebelumnya?", chat_id=4, update_id=21)
    memory.close()  # the reply to 21 went out, then a crash before Telegram heard so
    pipeline, memory = restart(base, path)
    again = memory.answer(pipeline, "kalau tahun sebelumnya?", chat_id=4, update_id=21)
    assert again.text == first.text
    twice = memory.answer(pipeline, "kalau tahun sebelumnya?", chat_id=4, update_id=21)
    assert twice.text == first.text  # idempotent, however often it comes
    naive = pipeline.answer("kalau tahun sebelumnya?", chat_id=4)  # from the turn 21 made
    assert naive.text != first.text  # what rewinding prevents
    memory.close()


def test_an_unusable_store_starts_without_memory(base, tmp_path, caplog):
    broken = tmp_path / "memory.db"
    broken.write_bytes(b"this is not a database" * 100)
    pipeline, memory = restart(base, broken)
    assert memory.answer(pipeline, "berapa ITAS 2020", chat_id=6, update_id=1).status == "answered"
    memory.set_lang(6, "en")
    assert memory.lang(6) == "en"
    memory.close()
    assert "chat memory" in caplog.text


def test_an_unreadable_turn_is_dropped_and_the_setting_kept(base, tmp_path, caplog):
    path = tmp_path / "memory.db"
    pipeline, memory = restart(base, path)
    memory.set_lang(7, "en")
    memory.answer(pipeline, "berapa ITAS 2020", chat_id=7, update_id=1)
    memory.close()
    with sqlite3.connect(path) as db:
        db.execute("update chats set turn = ?", [json.dumps({"entities": {"years": 5}})])
    pipeline, memory = restart(base, path)
    assert memory.lang(7) == "en"
    reply = memory.answer(pipeline, "kalau ITAP?", chat_id=7, update_id=2)
    assert reply.text == Pipeline(base).answer("kalau ITAP?", chat_id=8, lang="en").text
    assert "chat 7: kept conversation unreadable" in caplog.text
    memory.close()


def test_a_start_reads_many_conversations_quickly(base, tmp_path):
    """Turns are parsed at each chat's next message, not at start."""
    path = tmp_path / "memory.db"
    pipeline, memory = restart(base, path)
    for chat in range(2000):
        memory.answer(pipeline, QUESTIONS[chat % len(QUESTIONS)], chat_id=chat, update_id=chat)
    memory.close()
    start = time.perf_counter()
    pipeline, memory = restart(base, path)
    assert time.perf_counter() - start < 0.5
    assert pipeline.contexts.get(1, time.time()) is None  # not yet parsed
    memory.answer(pipeline, "kalau ITAP?", chat_id=1, update_id=5000)
    memory.close()


def test_a_locked_store_never_delays_an_answer(base, tmp_path):
    path = tmp_path / "memory.db"
    pipeline, memory = restart(base, path)
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("begin exclusive")
    try:
        start = time.perf_counter()
        for i in range(20):
            memory.answer(pipeline, "berapa ITAS 2020", chat_id=100 + i, update_id=i)
            memory.set_lang(100 + i, "en")
        assert time.perf_counter() - start < 0.5
        assert not memory.flush(timeout=0.3)  # waiting for the lock
    finally:
        locker.execute("rollback")
        locker.close()
    assert memory.flush(timeout=5)
    memory.close()
    pipeline, memory = restart(base, path)
    assert all(memory.lang(100 + i) == "en" for i in range(20))
    memory.close()


# -- through python-telegram-bot ------------------------------------------------------------


async def test_bahasa_and_follow_up_survive_a_bot_restart(make_bot, built_db, tmp_path):
    path = tmp_path / "chats.db"
    bot = await make_bot(remember=True, memory_db=path)
    await bot.ask("/bahasa en", chat_id=401)
    await bot.ask("berapa ITAS 2020", chat_id=402)
    bot.state.memory.close()  # as the process does on SIGTERM
    again = await make_bot(remember=True, memory_db=path)
    [english] = await again.ask("Berapa ITAS tahun 2020?", chat_id=401)
    assert english["text"] == html.escape(
        expected_answer(built_db, "Berapa ITAS tahun 2020?", lang="en").text
    )
    [follow_up] = await again.ask("kalau ITAP?", chat_id=402)
    assert follow_up["text"] == html.escape(
        expected_answer(built_db, "berapa ITAS 2020", "kalau ITAP?").text
    )
    shown = await again.ask("/bahasa", chat_id=401)
    assert "<b>en</b>" in shown[0]["text"]


@pytest.mark.parametrize("name", ["bot/telegram/memory.py", "bot/model/plain.py"])
def test_memory_modules_need_no_telegram(name):
    source = (PROJECT / name).read_text(encoding="utf-8")
    assert "import telegram" not in source and "from telegram" not in source
