"""The Telegram handlers in process: updates go through ``Application.process_update`` and a
fake request layer records what the bot would have sent to the Bot API."""

from __future__ import annotations

import html
import logging

import pytest
from telegram.error import NetworkError
from telegram_harness import (
    ADMIN,
    API,
    GROUP,
    TOKEN,
    canned,
    expected_answer,
    fact_value,
)
from tg_updates import BOT_USER, callback_update, text_update

from bot.facts import store as facts_store
from bot.model.reply import Option, Reply
from bot.model.text import digits_in
from bot.telegram.logs import install_redaction
from bot.telegram.support import (
    NON_TEXT_HINT,
    RATE_NOTICE,
    SORRY,
    ButtonStore,
    RateLimiter,
    examples,
)
from bot.telegram.texts import EXPIRED_BUTTON, split_text

# -- answering ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "metric", "lang"),
    [
        ("Berapa ITAS tahun 2020?", "itas", "id"),
        ("berapa orang yang dideportasi", "deportation", "id"),
        ("How many people were deported?", "deportation", "en"),
        ("how many ITK were issued in 2020", "itk", "en"),
    ],
)
async def test_answers_with_the_stored_figure(bot, built_db, question, metric, lang):
    sent = await bot.ask(question, chat_id=7)
    assert len(sent) == 1
    assert sent[0]["chat_id"] == 7
    assert sent[0]["parse_mode"] == "HTML"
    assert str(fact_value(built_db, metric)) in digits_in(html.unescape(sent[0]["text"]))
    reply = expected_answer(built_db, question)
    assert reply.lang == lang
    assert sent[0]["text"] == html.escape(reply.text)


async def test_language_preference_is_passed_to_the_pipeline(bot, built_db):
    question = "Berapa ITAS tahun 2020?"
    await bot.ask("/bahasa en", chat_id=8)
    english = await bot.ask(question, chat_id=8)
    assert english[0]["text"] == html.escape(expected_answer(built_db, question, lang="en").text)
    await bot.ask("/lang auto", chat_id=8)
    auto = await bot.ask(question, chat_id=8)
    assert auto[0]["text"] == html.escape(expected_answer(built_db, question, lang="id").text)
    assert english[0]["text"] != auto[0]["text"]


async def test_language_buttons(bot, built_db):
    shown = await bot.ask("/bahasa", chat_id=9)
    rows = shown[0]["reply_markup"]["inline_keyboard"]
    data = [b["callback_data"] for row in rows for b in row]
    assert data == ["lang:id", "lang:en", "lang:auto"]
    await bot.send(callback_update("lang:en", chat_id=9))
    assert bot.api.callback_answers
    question = "Berapa ITAS tahun 2020?"
    sent = await bot.ask(question, chat_id=9)
    assert sent[0]["text"] == html.escape(expected_answer(built_db, question, lang="en").text)


async def test_reply_text_is_html_escaped(bot):
    canned(bot, Reply("<b>1 & 2</b> <script>", "en", "answered", "value", 1.0))
    sent = await bot.ask("anything")
    assert sent[0]["text"] == "&lt;b&gt;1 &amp; 2&lt;/b&gt; &lt;script&gt;"


async def test_question_is_cut_to_1000_characters(bot, built_db):
    seen = canned(bot, Reply("ok", "id", "fallback", "fallback", 0.0))
    sent = await bot.ask("berapa ITAS " * 500)
    assert len(seen) == 1 and len(seen[0]) == 1000
    assert sent[0]["text"] == "ok"


async def test_long_reply_is_split_at_4096(bot):
    text = "\n".join(f"baris {i} <&>" for i in range(1500))
    options = [Option("ITAS 2020", "ITAS 2020")]
    canned(bot, Reply(text, "id", "clarify", "value", 0.5, options=options))
    sent = await bot.ask("berapa")
    assert len(sent) > 1
    plain = [html.unescape(m["text"]) for m in sent]
    assert all(len(p) <= 4096 for p in plain)
    assert "\n".join(plain) == text
    assert [("reply_markup" in m) for m in sent] == [False] * (len(sent) - 1) + [True]


def test_split_text_edges():
    assert split_text("") == [""]
    assert split_text("a" * 10, 4) == ["aaaa", "aaaa", "aa"]
    assert split_text("ab cd ef", 5) == ["ab cd", "ef"]
    assert split_text("ab\ncd ef", 6) == ["ab", "cd ef"]


# -- buttons --------------------------------------------------------------------------------


async def test_clarify_buttons_and_pressing_one(bot, built_db):
    clarify = expected_answer(built_db, "berapa", chat_id=11)
    assert clarify.status == "clarify" and clarify.options
    sent = await bot.ask("berapa", chat_id=11)
    rows = sent[0]["reply_markup"]["inline_keyboard"]
    assert [row[0]["text"] for row in rows] == [o.label for o in clarify.options]
    assert all(len(row[0]["callback_data"].encode()) <= 64 for row in rows)
    before = len(bot.api.sent)
    await bot.send(callback_update(rows[0][0]["callback_data"], chat_id=11))
    assert len(bot.api.callback_answers) == 1
    answer = expected_answer(built_db, "berapa", clarify.options[0].query, chat_id=11)
    assert bot.api.sent[before]["chat_id"] == 11
    assert bot.api.sent[before]["text"] == html.escape(answer.text)


async def test_start_examples_are_answered(bot, built_db):
    sent = await bot.ask("/start", chat_id=12)
    assert "Halo" in sent[0]["text"] and "Hello" in sent[0]["text"]
    buttons = [row[0] for row in sent[0]["reply_markup"]["inline_keyboard"]]
    questions = examples(bot.state.pipeline.base)
    assert [b["text"] for b in buttons] == list(questions)
    for button, question in zip(buttons, questions, strict=True):
        before = len(bot.api.sent)
        await bot.send(callback_update(button["callback_data"], chat_id=12))
        assert expected_answer(built_db, question).status == "answered"
        assert bot.api.sent[before]["text"] == html.escape(expected_answer(built_db, question).text)


async def test_unknown_or_expired_button_gets_a_polite_answer(bot):
    for data in ("k:ffff", "junk", ""):
        await bot.send(callback_update(data, chat_id=13))
    assert [a.get("text") for a in bot.api.callback_answers] == [EXPIRED_BUTTON] * 3
    assert bot.api.sent == []


def test_button_store_keeps_long_queries_under_64_bytes():
    store = ButtonStore(cap=2)
    short, long_ = "ITAS 2020", "berapa jumlah warga negara asing asal Korea Selatan tahun 2020 ya"
    assert store.query_for(store.data_for(short)) == short
    data = store.data_for(long_)
    assert len(data.encode()) <= 64 and store.query_for(data) == long_
    store.data_for(long_ + " 1")
    store.data_for(long_ + " 2")
    assert store.query_for(data) is None  # the oldest key expired


# -- commands -------------------------------------------------------------------------------


async def test_help_lists_the_metrics(bot, built_db):
    sent = await bot.ask("/help")
    for metric in facts_store.read_tables(built_db)["metrics"]:
        assert html.escape(metric["name_en"]) in sent[0]["text"]


@pytest.mark.parametrize("command", ["/sumber", "/source"])
async def test_sources(bot, built_db, command):
    sent = await bot.ask(command)
    for source in facts_store.read_tables(built_db)["sources"]:
        assert html.escape(source["title"]) in sent[0]["text"]
        assert html.escape(source["publisher"]) in sent[0]["text"]


async def test_post_init_sets_bilingual_command_menus_and_survives_failure(bot, caplog):
    await bot.app.post_init(bot.app)
    admin = {"type": "chat", "chat_id": ADMIN}
    assert {"sumber", "bahasa"} <= set(bot.api.menu("id")) and "source" not in bot.api.menu("id")
    assert {"source", "lang"} <= set(bot.api.menu("en")) and "sumber" not in bot.api.menu("en")
    assert {"sumber", "source", "bahasa", "lang"} <= set(bot.api.menu(None))
    for lang in (None, "id", "en"):
        assert "reload" not in bot.api.menu(lang)
        assert {"reload", "stats"} <= set(bot.api.menu(lang, admin))
        assert set(bot.api.menu(lang)) < set(bot.api.menu(lang, admin))
    descriptions = {
        lang: {c["command"]: c["description"] for c in bot.api.commands[key]}
        for (_, lang), key in zip(bot.api.commands, bot.api.commands, strict=True)
    }
    assert descriptions["id"]["help"] != descriptions["en"]["help"]
    bot.request.fail["setMyCommands"] = NetworkError("down")
    await bot.app.post_init(bot.app)
    assert "could not set the command menu" in caplog.text


async def test_requests_go_to_the_configured_api_url(bot):
    await bot.ask("halo")
    assert bot.request.urls
    assert all(u.startswith(f"{API}/bot{TOKEN}/") for u in bot.request.urls)


# -- groups, junk and limits ----------------------------------------------------------------


async def test_groups_only_answer_when_addressed(bot, built_db):
    name = BOT_USER["username"]
    bot_message = {"message_id": 1, "date": 0, "chat": {"id": GROUP, "type": "group"}}
    other = {**bot_message, "from": {"id": 77, "is_bot": False, "first_name": "X"}, "text": "hi"}
    ignored = [
        text_update("Berapa ITAS tahun 2020?", GROUP, 5),
        text_update("/help@OtherBot", GROUP, 5),
        text_update("@someone berapa ITAS", GROUP, 5),
        text_update("berapa ITAS", GROUP, 5, reply_to_message=other),
    ]
    for update in ignored:
        await bot.send(update)
    assert bot.api.sent == []
    answered = [
        text_update(f"@{name} Berapa ITAS tahun 2020?", GROUP, 5),
        text_update(
            "Berapa ITAS tahun 2020?",
            GROUP,
            5,
            reply_to_message={**bot_message, "from": BOT_USER, "text": "…"},
        ),
        text_update("/help", GROUP, 5),
        text_update(f"/sumber@{name}", GROUP, 5),
    ]
    for update in answered:
        await bot.send(update)
    assert len(bot.api.sent) == 4
    value = str(fact_value(built_db, "itas"))
    assert all(value in digits_in(m["text"]) for m in bot.api.sent[:2])
    assert bot.api.sent[0]["reply_parameters"]["message_id"] == answered[0]["message"]["message_id"]


@pytest.mark.parametrize(
    "payload",
    [
        {
            "sticker": {
                "file_id": "s",
                "file_unique_id": "s",
                "width": 1,
                "height": 1,
                "is_animated": False,
                "is_video": False,
                "type": "regular",
            }
        },
        {"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]},
        {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 1}},
        {"location": {"latitude": -6.2, "longitude": 107.0}},
        {"document": {"file_id": "d", "file_unique_id": "d"}},
    ],
)
async def test_non_text_messages_get_a_hint(bot, payload):
    await bot.send(text_update(None, 31, **payload))
    assert [m["text"] for m in bot.api.sent] == [html.escape(NON_TEXT_HINT)]
    await bot.send(text_update(None, GROUP, 31, **payload))
    assert len(bot.api.sent) == 1  # not addressed in a group


async def test_edited_messages_are_ignored(bot, caplog):
    update = text_update("Berapa ITAS tahun 2020?", 32)
    update["edited_message"] = {**update.pop("message"), "edit_date": 1}
    await bot.send(update)
    assert bot.api.sent == [] and "error" not in caplog.text.lower()


async def test_rate_limit_notice_once_then_silence(make_bot):
    bot = await make_bot(rate_limit_per_minute=3)
    for _ in range(6):
        await bot.ask("halo", chat_id=41)
    texts = [m["text"] for m in bot.api.sent]
    assert len(texts) == 4 and texts[3] == html.escape(RATE_NOTICE)
    assert len(await bot.ask("halo", chat_id=42)) == 1  # others are not affected


def test_rate_limiter_window_reopens():
    limiter = RateLimiter(2)
    assert [limiter.check(1, now=t) for t in (0, 1, 2, 3)] == ["ok", "ok", "notice", "silent"]
    assert [limiter.check(1, now=t) for t in (61, 61.5, 61.5, 61.5)] == [
        "ok",
        "ok",
        "notice",
        "silent",
    ]


async def test_errors_are_logged_and_answered_politely(bot, caplog):
    def broken(text, **kw):
        raise RuntimeError("boom")

    pipeline = bot.state.pipeline
    bot.state.pipeline = type("Broken", (), {"answer": staticmethod(broken)})()
    await bot.ask("halo", chat_id=51)
    assert [m["text"] for m in bot.api.sent] == [html.escape(SORRY)]
    assert "boom" in caplog.text and "chat 51" in caplog.text
    bot.state.pipeline = pipeline
    assert len(await bot.ask("halo", chat_id=51)) == 1


async def test_token_never_reaches_the_logs(bot, caplog):
    caplog.set_level(logging.DEBUG)
    redact = install_redaction([TOKEN])
    try:
        url = f"{API}/bot{TOKEN}/sendMessage"
        bot.request.fail["sendMessage"] = NetworkError(f"connection refused: {url}")
        await bot.ask("halo", chat_id=61)
        logging.getLogger("bot.test").debug("calling %s", url)
    finally:
        for handler in logging.getLogger().handlers:
            handler.removeFilter(redact)
    assert "connection refused" in caplog.text and "***" in caplog.text
    assert TOKEN not in caplog.text
