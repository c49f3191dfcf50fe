"""Inline mode, deep links, the typing action, /stats in private only, and what the logs
may carry, through python-telegram-bot with the harness."""

from __future__ import annotations

import asyncio
import html
import logging
import time

import pytest
from telegram_harness import ADMIN, BOT_NAME, GROUP, expected_answer, fact_value
from tg_updates import inline_update

from bot.facts import store as facts_store
from bot.model.reply import Reply
from bot.model.text import digits_in
from bot.telegram.inline import INLINE_CHAT_BASE, MAX_QUERY
from bot.telegram.links import decode_payload, deep_link, encode_question
from bot.telegram.logs import RedactFilter, setup_logging
from bot.telegram.support import PRIVATE_ONLY, examples

# -- inline mode ----------------------------------------------------------------------------


async def inline(bot, query: str, user_id: int = 70) -> dict:
    """Send an inline query; the answerInlineQuery call it caused."""
    before = len(bot.api.inline_answers)
    await bot.send(inline_update(query, user_id))
    assert len(bot.api.inline_answers) == before + 1
    return bot.api.inline_answers[-1]


async def test_inline_query_offers_the_figure_with_its_quote(bot, built_db):
    answer = await inline(bot, "berapa ITAS 2020")
    expected = expected_answer(built_db, "berapa ITAS 2020")
    [result] = answer["results"]
    assert result["type"] == "article"
    assert result["title"] == expected.text.splitlines()[0]
    assert str(fact_value(built_db, "itas")) in digits_in(result["title"])
    quote = next(
        f["quote"] for f in facts_store.read_tables(built_db)["facts"] if f["metric"] == "itas"
    )
    assert result["description"] == f'"{quote}"'  # the quote, not the source line
    assert result["input_message_content"]["message_text"] == html.escape(expected.text)
    assert result["input_message_content"]["parse_mode"] == "HTML"
    assert bot.api.sent == []  # nothing is sent into any chat by the bot itself


async def test_inline_clarify_offers_each_choice_answered(bot, built_db):
    clarify = expected_answer(built_db, "berapa")
    assert clarify.status == "clarify" and len(clarify.options) > 1
    answer = await inline(bot, "berapa")
    texts = [r["input_message_content"]["message_text"] for r in answer["results"]]
    assert texts == [
        html.escape(expected_answer(built_db, "berapa", o.query).text) for o in clarify.options
    ]
    assert len({r["id"] for r in answer["results"]}) == len(texts)


async def test_inline_no_data_offers_the_honest_reply(bot, built_db):
    question = "berapa ITAS 2019"
    expected = expected_answer(built_db, question)
    assert expected.status == "no_data"
    [result] = (await inline(bot, question))["results"]
    assert result["input_message_content"]["message_text"] == html.escape(expected.text)


@pytest.mark.parametrize("query", ["", "   ", "x" * (MAX_QUERY + 1)])
async def test_empty_or_long_inline_query_gets_a_hint_button(bot, query):
    answer = await inline(bot, query)
    assert answer["results"] == []
    payload = answer["button"]["start_parameter"]
    assert decode_payload(payload) in examples(bot.state.pipeline.base)[0]


async def test_inline_queries_leave_chat_context_alone(bot, built_db):
    await bot.ask("Berapa ITAS tahun 2020?", chat_id=71)
    before = dict(bot.state.pipeline.contexts._turns)
    await inline(bot, "berapa ITK 2020", user_id=71)
    assert dict(bot.state.pipeline.contexts._turns) == before
    follow_up = await bot.ask("kalau ITAP?", chat_id=71)
    expected = expected_answer(built_db, "Berapa ITAS tahun 2020?", "kalau ITAP?")
    assert follow_up[0]["text"] == html.escape(expected.text)
    assert all(key >= INLINE_CHAT_BASE for key in bot.state.inline_pipeline.contexts._turns)


# -- deep links -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "payload"),
    [
        ("berapa ITAS 2020", "berapa_ITAS_2020"),
        ("Negara asal WNA terbanyak?", "Negara_asal_WNA_terbanyak"),
        ("selisih  WNA Korea dan Jepang", "selisih_WNA_Korea_dan_Jepang"),
        ("apa itu pendeportasian café", "apa_itu_pendeportasian_cafe"),
    ],
)
def test_deep_link_payloads_use_telegram_characters(question, payload):
    assert encode_question(question) == payload
    assert deep_link("ImigrasiTestBot", question) == f"https://t.me/ImigrasiTestBot?start={payload}"
    assert decode_payload(payload) == " ".join(question.replace("?", "").split()).replace(
        "café", "cafe"
    )


@pytest.mark.parametrize("question", ["???", "", "kata " * 20])
def test_deep_link_refuses_what_does_not_fit(question):
    with pytest.raises(ValueError, match="start payload"):
        encode_question(question)


async def test_start_with_a_payload_answers_it(bot, built_db):
    question = "How many people were deported?"
    sent = await bot.ask(f"/start {encode_question(question)}", chat_id=72)
    expected = expected_answer(built_db, decode_payload(encode_question(question)))
    assert expected.status == "answered"
    assert [m["text"] for m in sent] == [html.escape(expected.text)]
    plain = await bot.ask("/start", chat_id=73)
    assert "Halo" in plain[0]["text"] and "reply_markup" in plain[0]


# -- typing -----------------------------------------------------------------------------------


def slow(bot, seconds: float) -> None:
    reply = Reply("selesai", "id", "answered", "value", 1.0)

    def answer(text, *, chat_id=0, lang=None, now=None):
        time.sleep(seconds)
        return reply

    bot.state.pipeline = type("Slow", (), {"answer": staticmethod(answer)})()


async def test_typing_is_shown_only_for_a_slow_reply(bot):
    await bot.ask("cepat", chat_id=74)
    assert bot.api.chat_actions == []
    slow(bot, 0.8)
    sent = await bot.ask("lambat", chat_id=75)
    assert sent[-1]["text"] == "selesai"
    assert bot.api.chat_actions == [{"chat_id": 75, "action": "typing"}]
    await asyncio.sleep(0.6)
    assert len(bot.api.chat_actions) == 1  # stopped with the reply


async def test_a_failing_typing_action_does_not_hold_the_reply(bot):
    bot.api.fail("sendChatAction", status=500, seconds=30)
    slow(bot, 0.7)
    sent = await bot.ask("lambat", chat_id=76)
    assert [m["text"] for m in sent] == ["selesai"]
    assert bot.api.injected["sendchataction:status"] == 1  # not retried


# -- admin and privacy ------------------------------------------------------------------------


async def test_stats_only_in_a_private_chat_with_an_admin(bot):
    in_group = await bot.ask("/stats", chat_id=GROUP, user_id=ADMIN)
    assert [m["text"] for m in in_group] == [html.escape(PRIVATE_ONLY)]
    private = await bot.ask("/stats", chat_id=ADMIN)
    assert "questions since" in private[0]["text"]


async def test_group_replies_quote_the_asker(bot):
    sent = await bot.ask(f"@{BOT_NAME} halo", chat_id=GROUP, user_id=77)
    assert sent[0]["reply_parameters"]["message_id"] > 0
    hint = await bot.ask(f"/help@{BOT_NAME}", chat_id=GROUP, user_id=77)
    assert hint[0]["reply_parameters"]["message_id"] > 0


@pytest.mark.parametrize(("texts", "level"), [(False, logging.INFO), (True, logging.DEBUG)])
def test_debug_logs_carry_message_texts_only_when_asked(make_settings, texts, level):
    root = logging.getLogger()
    handlers, root_level = list(root.handlers), root.level
    try:
        setup_logging(make_settings(log_level="DEBUG", log_message_texts=texts))
        assert logging.getLogger("telegram.ext.ExtBot").getEffectiveLevel() == level
    finally:
        for handler in root.handlers:
            if handler not in handlers:
                root.removeHandler(handler)
            handler.filters = [f for f in handler.filters if not isinstance(f, RedactFilter)]
        root.setLevel(root_level)
        logging.getLogger("telegram").setLevel(logging.NOTSET)
