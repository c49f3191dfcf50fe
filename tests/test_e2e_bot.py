"""End to end: ``python -m bot run`` in a subprocess, polling a fake Bot API over real HTTP.

The bot builds its fact base itself (FACTS_DB does not exist when it starts). Expected
answers come from an in-process pipeline over the same fact base, never from literals.
"""

from __future__ import annotations

import html

from bot_process import ADMIN, TOKEN, WAIT, BotProcess
from knowledge_edits import change_figure, fact_line, set_fact
from png_check import png_size
from tg_updates import callback_update, inline_update, message, text_update

from bot.answers.formatting import number
from bot.facts import store as facts_store
from bot.model.text import digits_in
from bot.pipeline import Pipeline
from bot.telegram.links import decode_payload, encode_question
from bot.telegram.support import ADMIN_ONLY, NON_TEXT_HINT, SORRY
from bot.telegram.texts import EXPIRED_BUTTON

ITAS_QUESTION = "Berapa ITAS tahun 2020?"
EN_QUESTION = "How many people were deported?"
LOAD_QUESTIONS = (ITAS_QUESTION, EN_QUESTION, "Negara asal WNA terbanyak?")


def itas_row(run: BotProcess) -> dict:
    rows = facts_store.read_tables(run.facts_db)["facts"]
    return next(r for r in rows if r["metric"] == "itas" and r["country"] is None)


def itas_value(run: BotProcess) -> int:
    return itas_row(run)["value"]


def test_bot_end_to_end(bot_process, knowledge_copy):
    run = bot_process(built=False, RATE_LIMIT_PER_MINUTE="5", SEND_RATE_PER_SECOND="100")
    # Command menus in Indonesian, English and both; admins also get /reload and /stats.
    assert "sumber" in run.api.menu("id") and "source" in run.api.menu("en")
    assert run.api.menu("id") != run.api.menu("en") != run.api.menu(None)
    assert "reload" in run.api.menu("id", {"type": "chat", "chat_id": ADMIN})
    assert run.api.bot_user["supports_inline_queries"]
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
    long_junk = run.answer("x" * 5000, 112)
    assert long_junk == run.expected("x" * 5000) and long_junk != html.escape(SORRY)
    assert run.answer(ITAS_QUESTION, 110) == run.expected(ITAS_QUESTION)
    assert run.api.messages_for(110)[0]["text"] == run.expected(ITAS_QUESTION)  # edit ignored
    assert [a.get("text") for a in run.api.callback_answers] == [EXPIRED_BUTTON]

    # Inline mode: the result carries the figure, the quote and the whole reply.
    run.api.push_update(inline_update(ITAS_QUESTION, 113))
    run.api.wait_until(lambda: run.api.inline_answers, WAIT)
    [result] = run.api.inline_answers[0]["results"]
    assert result["input_message_content"]["message_text"] == run.expected(ITAS_QUESTION)
    assert result["title"] == html.unescape(run.expected(ITAS_QUESTION)).splitlines()[0]
    assert str(itas_value(run)) in digits_in(result["title"])
    assert itas_row(run)["quote"] in result["description"]

    # A deep link asks its question.
    payload = encode_question(EN_QUESTION)
    assert run.answer(f"/start {payload}", 114) == run.expected(decode_payload(payload))

    # Load: 100 users send 3 questions each; every one is answered.
    users = range(10_000, 10_100)
    for i in range(3):
        for user_id in users:
            run.api.push_update(text_update(LOAD_QUESTIONS[i], user_id))
    run.api.wait_until(lambda: all(len(run.api.messages_for(u)) >= 3 for u in users), 45)
    expected = [run.expected(*LOAD_QUESTIONS[: i + 1]) for i in range(3)]
    for user_id in users:
        assert [m["text"] for m in run.api.messages_for(user_id)] == expected

    # SIGTERM: a clean exit, every update confirmed, the token never printed; at DEBUG
    # neither user names nor message texts are logged.
    assert run.stop() == 0
    logs = run.logs()
    assert "DEBUG" in logs
    assert TOKEN not in logs
    assert "Traceback" not in logs
    assert "User101" not in logs and ITAS_QUESTION not in logs and EN_QUESTION not in logs
    assert run.api.pending() == 0
    assert run.api.unauthorized == 0


def test_charts_and_memory_across_a_sigterm_restart(bot_process):
    """A chart asked for comes as a sendPhoto upload (a PNG of at least 600×400 whose
    caption holds the figures and the source), a button under a ranking sends one too;
    after SIGTERM and a new start, /bahasa en and a follow-up still hold."""
    run = bot_process(SEND_RATE_PER_SECOND="0")
    asked = "grafik 5 negara WNA terbanyak"
    run.api.push_update(text_update(asked, 201))
    run.api.wait_until(lambda: run.api.photos_for(201), WAIT)
    [photo] = run.api.photos_for(201)
    width, height = png_size(photo["photo"])
    assert width >= 600 and height >= 400
    assert photo["caption"] == run.expected(asked)
    caption = html.unescape(photo["caption"])
    rows = facts_store.read_tables(run.facts_db)["facts"]
    countries = [r for r in rows if r["metric"] == "foreign_residents" and r["country"]]
    assert countries and all(number(r["value"], "id") in caption for r in countries)
    assert "Sumber: TVBERITA" in caption and len(caption) <= 1024
    assert run.api.messages_for(201) == []

    ranking = "5 negara WNA terbanyak"
    assert run.answer(ranking, 202) == run.expected(ranking)
    [[button]] = run.api.messages_for(202)[0]["reply_markup"]["inline_keyboard"]
    run.api.push_update(callback_update(button["callback_data"], 202))
    run.api.wait_until(lambda: run.api.photos_for(202), WAIT)
    assert png_size(run.api.photos_for(202)[0]["photo"]) >= (600, 400)

    run.answer("/bahasa en", 203)
    assert run.answer("berapa ITAS 2020", 204) == run.expected("berapa ITAS 2020")
    assert run.stop() == 0
    run.start()
    english = Pipeline.from_db(run.facts_db).answer(ITAS_QUESTION, lang="en")
    assert run.answer(ITAS_QUESTION, 203) == html.escape(english.text)
    follow_up = run.answer("kalau ITAP?", 204)
    assert follow_up == run.expected("berapa ITAS 2020", "kalau ITAP?")
    itap = next(r for r in rows if r["metric"] == "itap" and r["country"] is None)
    assert str(itap["value"]) in digits_in(follow_up)
    assert run.stop() == 0
    assert "Traceback" not in run.logs()
    assert run.api.pending() == 0
