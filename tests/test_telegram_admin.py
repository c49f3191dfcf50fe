"""Admin commands over Telegram: /reload and /stats, for admins only."""

from __future__ import annotations

import asyncio
import html
import shutil
import threading
from collections import Counter

import pytest
from knowledge_edits import change_figure, fact_line, set_fact
from telegram import Update
from telegram_harness import ADMIN, fact_value
from tg_updates import text_update

from bot.facts import build as facts_build
from bot.facts import store as facts_store
from bot.model.text import digits_in
from bot.pipeline import Pipeline
from bot.telegram.delivery import DeliveryLog, Dispatcher, Result
from bot.telegram.stats import Stats
from bot.telegram.support import (
    ADMIN_ONLY,
)


def admin_update(text: str) -> dict:
    return {"update_id": 1, **text_update(text, ADMIN)}


# -- admin ----------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["/reload", "/stats"])
async def test_admin_commands_refused_for_others(make_bot, tmp_path, caplog, command, monkeypatch):
    bot = await make_bot()
    monkeypatch.setattr(facts_build, "build", lambda *a: pytest.fail("build must not run"))
    await bot.ask(command, chat_id=555)
    await bot.wait_sent(1)
    await asyncio.sleep(0.05)
    assert [m["text"] for m in bot.api.sent] == [html.escape(ADMIN_ONLY)]
    assert "555" in caplog.text and "non-admin" in caplog.text


async def test_reload_swaps_in_an_edited_figure(make_bot, knowledge_copy, tmp_path, built_db):
    db = tmp_path / "copy.db"
    facts_build.build(knowledge_copy, db)
    bot = await make_bot(knowledge_dir=knowledge_copy, facts_db=db)
    new_value = fact_value(db, "itas") + 1111
    change_figure(knowledge_copy, "itas", new_value)
    await bot.ask("/reload", chat_id=ADMIN)
    sent = await bot.wait_sent(2)
    facts = len(facts_store.read_tables(db)["facts"])
    assert f"{facts} → {facts}" in html.unescape(sent[1]["text"])
    assert "changed: 1" in sent[1]["text"] and str(new_value) in sent[1]["text"]
    answer = await bot.ask("Berapa ITAS tahun 2020?", chat_id=21)
    assert str(new_value) in digits_in(answer[0]["text"])


async def test_broken_reload_is_refused_and_old_facts_kept(make_bot, knowledge_copy, tmp_path):
    db = tmp_path / "copy.db"
    facts_build.build(knowledge_copy, db)
    old = fact_value(db, "itas")
    bot = await make_bot(knowledge_dir=knowledge_copy, facts_db=db)
    row = set_fact(knowledge_copy, "itas")
    quote = row["quote"].replace(str(old), str(old + 1))  # no longer in the source text
    set_fact(knowledge_copy, "itas", value=str(old + 1), quote=quote)
    await bot.ask("/reload", chat_id=ADMIN)
    sent = await bot.wait_sent(2)
    line = fact_line(knowledge_copy, "itas")
    assert f"facts.csv:{line}: " in sent[1]["text"] and "refused" in sent[1]["text"]
    assert fact_value(db, "itas") == old
    answer = await bot.ask("Berapa ITAS tahun 2020?", chat_id=22)
    assert str(old) in digits_in(answer[0]["text"])


async def test_bot_keeps_answering_during_a_reload(make_bot, monkeypatch, built_db, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(built_db, db)
    bot = await make_bot(facts_db=db)
    release, real_build = threading.Event(), facts_build.build

    def slow_build(*args):
        assert release.wait(10)
        return real_build(*args)

    monkeypatch.setattr(facts_build, "build", slow_build)
    dispatcher = Dispatcher(bot.app, DeliveryLog(None, bot_id=123))
    reloading = dispatcher.submit(Update.de_json(admin_update("/reload"), bot.app.bot))
    await bot.wait_sent(1)  # "rebuilding…"
    question = text_update("Berapa ITAS tahun 2020?", 23)
    answered = dispatcher.submit(Update.de_json({"update_id": 2, **question}, bot.app.bot))
    assert await asyncio.wait_for(answered, 5) is Result.ANSWERED
    assert not reloading.done()
    assert str(fact_value(db, "itas")) in digits_in(bot.api.messages_for(23)[0]["text"])
    release.set()
    assert await asyncio.wait_for(reloading, 10) is Result.ANSWERED
    sent = bot.api.messages_for(ADMIN)
    assert "Reload OK" in sent[-1]["text"]


async def test_stats_counts_and_top_unanswered(bot, built_db):
    questions = ["Berapa ITAS tahun 2020?", "How many people were deported?"]
    questions += ["qwertyuiop zxcvbnm"] * 2
    pipeline, langs = Pipeline.from_db(built_db), Counter()
    for question in questions:
        await bot.ask(question)
        langs[pipeline.answer(question, chat_id=1).lang] += 1
    sent = await bot.ask("/stats", chat_id=ADMIN)
    text = html.unescape(sent[0]["text"])
    assert text.splitlines()[0].endswith(": 4")
    assert "answered 2" in text and "fallback 2" in text
    assert all(f"{lang} {n}" in text for lang, n in langs.items())
    assert "(2×) qwertyuiop zxcvbnm" in text


def test_stats_store_is_capped_and_anonymous(tmp_path):
    stats = Stats(tmp_path / "s.db", max_rows=5)
    for i in range(8):
        stats.record(f"q{i % 2} " + "x" * 400, "no_data", "id")
    stats.record("answered one", "answered", "en")
    assert stats.stored() == 5
    assert stats.by_status == {"no_data": 8, "answered": 1}
    top = stats.top_unanswered(5)
    assert [c for _, c in top] == [3, 2] and all(len(t) == 300 for t, _ in top)
    columns = {r[1] for r in stats._db.execute("pragma table_info(unanswered)").fetchall()}
    assert columns == {"id", "text", "time", "status"}
    stats.close()
