"""The Telegram handlers, in process: updates go through ``Application.process_update`` and a
fake request layer records what the bot would have sent to the Bot API."""

from __future__ import annotations

import asyncio
import html
import json
import logging
import shutil
import threading
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from fake_bot_api import BOT_USER, FakeBotAPI, callback_update, decode_params, text_update
from knowledge_edits import change_figure, fact_line, set_fact
from telegram import Update
from telegram.error import NetworkError
from telegram.request import BaseRequest

from bot import factbase
from bot.errors import ConfigError
from bot.pipeline import Pipeline
from bot.reply import Option, Reply
from bot.settings import MissingTokenError, Settings, load_settings
from bot.stats import Stats
from bot.telegram_app import build_application, install_redaction, main
from bot.telegram_support import (
    ADMIN_ONLY,
    EXAMPLES,
    EXPIRED_BUTTON,
    NON_TEXT_HINT,
    RATE_NOTICE,
    SORRY,
    ButtonStore,
    RateLimiter,
    split_text,
)
from bot.text import digits_in

TOKEN = "123:TEST"
API = "http://fake.invalid"
ADMIN = 4242
GROUP = -100
KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


class FakeRequest(BaseRequest):
    """Answers Bot API calls from a :class:`FakeBotAPI` without any network."""

    def __init__(self, api: FakeBotAPI):
        self.api = api
        self.urls: list[str] = []
        self.fail: dict[str, Exception] = {}

    @property
    def read_timeout(self) -> float:
        return 1.0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(self, url, method, request_data=None, **timeouts) -> tuple[int, bytes]:
        self.urls.append(url)
        token, name = url.rsplit("/", 2)[-2].removeprefix("bot"), url.rsplit("/", 1)[-1]
        if name in self.fail:
            raise self.fail[name]
        params = decode_params(request_data.json_parameters if request_data else {})
        status, payload = self.api.handle(token, name, params)
        return status, json.dumps(payload).encode()


def fact_value(db: Path, metric: str, country: str | None = None) -> int:
    """The stored figure of one fact (tests never write figures themselves)."""
    rows = factbase.read_tables(db)["facts"]
    return next(r["value"] for r in rows if r["metric"] == metric and r["country"] == country)


class Bot:
    """An initialized Application plus helpers to feed updates and read what was sent."""

    def __init__(self, app, api: FakeBotAPI, request: FakeRequest, settings: Settings):
        self.app, self.api, self.request, self.settings = app, api, request, settings
        self.state = app.bot_data["state"]
        self.updates = 0

    async def send(self, update: dict) -> None:
        self.updates += 1
        update = {"update_id": self.updates, **update}
        await self.app.process_update(Update.de_json(update, self.app.bot))

    async def ask(self, text: str, chat_id: int = 1, **kw) -> list[dict]:
        before = len(self.api.sent)
        await self.send(text_update(text, chat_id, **kw))
        return self.api.sent[before:]

    async def wait_sent(self, n: int, timeout: float = 10.0) -> list[dict]:
        """Wait (for non-blocking handlers) until ``n`` messages were sent in all."""
        for _ in range(int(timeout / 0.02)):
            if len(self.api.sent) >= n:
                return self.api.sent
            await asyncio.sleep(0.02)
        raise TimeoutError(f"only {len(self.api.sent)} of {n} messages: {self.api.sent}")


@pytest.fixture
async def make_bot(built_db, tmp_path):
    """A factory of initialized bots: ``await make_bot(**settings_overrides)``."""
    apps = []

    async def make(**overrides) -> Bot:
        settings = Settings(
            token=TOKEN,
            api_url=API,
            admin_ids=frozenset({ADMIN}),
            knowledge_dir=KNOWLEDGE,
            facts_db=built_db,
            stats_db=tmp_path / f"stats{len(apps)}.db",
        )
        settings = replace(settings, **overrides)
        api = FakeBotAPI(TOKEN)
        request = FakeRequest(api)
        pipeline = Pipeline.from_db(settings.facts_db)
        app = build_application(settings, pipeline, Stats(settings.stats_db), request=request)
        await app.initialize()
        await app.start()  # no updater: tests feed updates through process_update
        apps.append(app)
        return Bot(app, api, request, settings)

    yield make
    for app in apps:
        await app.stop()
        await app.shutdown()


@pytest.fixture
async def bot(make_bot):
    return await make_bot()


def expected_answer(db: Path, *questions: str, chat_id: int = 99, lang: str | None = None):
    """What a fresh pipeline answers to the last of ``questions`` (asked in order)."""
    pipeline = Pipeline.from_db(db)
    for question in questions:
        reply = pipeline.answer(question, chat_id=chat_id, lang=lang)
    return reply


def canned(bot: Bot, reply: Reply) -> list[str]:
    """Make the bot's pipeline answer ``reply`` to everything; returns the texts it got."""
    seen: list[str] = []

    def answer(text, *, chat_id=0, lang=None, now=None):
        seen.append(text)
        return reply

    bot.state.pipeline = type("Canned", (), {"answer": staticmethod(answer)})()
    return seen


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
    assert [b["text"] for b in buttons] == list(EXAMPLES)
    for button, question in zip(buttons, EXAMPLES, strict=True):
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
    for metric in factbase.read_tables(built_db)["metrics"]:
        assert html.escape(metric["name_en"]) in sent[0]["text"]


@pytest.mark.parametrize("command", ["/sumber", "/source"])
async def test_sources(bot, built_db, command):
    sent = await bot.ask(command)
    for source in factbase.read_tables(built_db)["sources"]:
        assert html.escape(source["title"]) in sent[0]["text"]
        assert html.escape(source["publisher"]) in sent[0]["text"]


async def test_post_init_sets_command_menus_and_survives_failure(bot, caplog):
    await bot.app.post_init(bot.app)
    calls = [p for m, p in bot.api.calls if m == "setMyCommands"]
    assert len(calls) == 2
    assert "reload" not in {c["command"] for c in calls[0]["commands"]}
    assert calls[1]["scope"] == {"type": "chat", "chat_id": ADMIN}
    assert "reload" in {c["command"] for c in calls[1]["commands"]}
    bot.request.fail["setMyCommands"] = NetworkError("down")
    await bot.app.post_init(bot.app)
    assert "could not set the command menu" in caplog.text


async def test_requests_go_to_the_configured_api_url(bot):
    await bot.ask("halo")
    assert bot.request.urls
    assert all(u.startswith(f"{API}/bot{TOKEN}/") for u in bot.request.urls)


# -- admin ----------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["/reload", "/stats"])
async def test_admin_commands_refused_for_others(make_bot, tmp_path, caplog, command, monkeypatch):
    bot = await make_bot()
    monkeypatch.setattr(factbase, "build", lambda *a: pytest.fail("build must not run"))
    await bot.ask(command, chat_id=555)
    await bot.wait_sent(1)
    await asyncio.sleep(0.05)
    assert [m["text"] for m in bot.api.sent] == [html.escape(ADMIN_ONLY)]
    assert "555" in caplog.text and "non-admin" in caplog.text


async def test_reload_swaps_in_an_edited_figure(make_bot, knowledge_copy, tmp_path, built_db):
    db = tmp_path / "copy.db"
    factbase.build(knowledge_copy, db)
    bot = await make_bot(knowledge_dir=knowledge_copy, facts_db=db)
    new_value = fact_value(db, "itas") + 1111
    change_figure(knowledge_copy, "itas", new_value)
    await bot.ask("/reload", chat_id=ADMIN)
    sent = await bot.wait_sent(2)
    facts = len(factbase.read_tables(db)["facts"])
    assert f"{facts} → {facts}" in html.unescape(sent[1]["text"])
    assert "changed: 1" in sent[1]["text"] and str(new_value) in sent[1]["text"]
    answer = await bot.ask("Berapa ITAS tahun 2020?", chat_id=21)
    assert str(new_value) in digits_in(answer[0]["text"])


async def test_broken_reload_is_refused_and_old_facts_kept(make_bot, knowledge_copy, tmp_path):
    db = tmp_path / "copy.db"
    factbase.build(knowledge_copy, db)
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
    release, real_build = threading.Event(), factbase.build

    def slow_build(*args):
        assert release.wait(10)
        return real_build(*args)

    monkeypatch.setattr(factbase, "build", slow_build)
    await bot.ask("/reload", chat_id=ADMIN)
    await bot.wait_sent(1)  # "rebuilding…"
    answer = await bot.ask("Berapa ITAS tahun 2020?", chat_id=23)
    assert answer and str(fact_value(db, "itas")) in digits_in(answer[0]["text"])
    release.set()
    sent = await bot.wait_sent(3)
    assert sent[2]["chat_id"] == ADMIN and "Reload OK" in sent[2]["text"]


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


# -- settings -------------------------------------------------------------------------------

VALID = {"TELEGRAM_BOT_TOKEN": TOKEN}


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"TELEGRAM_BOT_TOKEN": "not a token"}, "TELEGRAM_BOT_TOKEN"),
        ({"ADMIN_IDS": "12,abc"}, "ADMIN_IDS"),
        ({"ADMIN_IDS": "1;2"}, "ADMIN_IDS"),
        ({"TELEGRAM_API_URL": "api.telegram.org"}, "TELEGRAM_API_URL"),
        ({"TELEGRAM_API_URL": "ftp://example.org"}, "TELEGRAM_API_URL"),
        ({"RATE_LIMIT_PER_MINUTE": "0"}, "RATE_LIMIT_PER_MINUTE"),
        ({"RATE_LIMIT_PER_MINUTE": "ten"}, "RATE_LIMIT_PER_MINUTE"),
        ({"WEBHOOK_PORT": "70000"}, "WEBHOOK_PORT"),
        ({"WEBHOOK_URL": "http://bot.example.org/hook"}, "WEBHOOK_URL"),
        ({"WEBHOOK_URL": "https://bot.example.org/hook"}, "WEBHOOK_SECRET"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
    ],
)
def test_malformed_settings_raise_one_clear_line(env, variable):
    with pytest.raises(ConfigError) as info:
        load_settings({**VALID, **env})
    message = str(info.value)
    assert message.startswith(variable) and "\n" not in message
    assert TOKEN not in message


def test_settings_defaults_and_parsing():
    settings = load_settings(
        {**VALID, "ADMIN_IDS": " 1, 2 ,", "TELEGRAM_API_URL": "http://127.0.0.1:9/"}
    )
    assert settings.admin_ids == {1, 2}
    assert settings.api_url == "http://127.0.0.1:9"
    assert settings.rate_limit_per_minute == 20 and settings.webhook_port == 8443
    assert settings.webhook_url is None and TOKEN not in repr(settings)
    hooked = load_settings(
        {**VALID, "WEBHOOK_URL": "https://bot.example.org/tg/hook", "WEBHOOK_SECRET": "s3cret"}
    )
    assert hooked.webhook_path == "tg/hook"


@pytest.mark.parametrize("mode", ["polling", "webhook"])
def test_main_runs_polling_or_webhook(monkeypatch, built_db, tmp_path, mode):
    from telegram.ext import Application

    runs = {}
    monkeypatch.setattr("bot.config.load_dotenv_file", lambda: None)
    monkeypatch.setattr("bot.telegram_app.setup_logging", lambda settings: None)
    for name in ("polling", "webhook"):
        monkeypatch.setattr(
            Application, f"run_{name}", lambda self, n=name, **kw: runs.update({n: kw})
        )
    env = {**VALID, "FACTS_DB": str(built_db), "STATS_DB": str(tmp_path / "s.db")}
    if mode == "webhook":
        env |= {"WEBHOOK_URL": "https://bot.example.org/tg/hook", "WEBHOOK_SECRET": "s3cret"}
        env |= {"WEBHOOK_PORT": "8000", "WEBHOOK_LISTEN": "127.0.0.1"}
    for key in ("WEBHOOK_URL", "WEBHOOK_SECRET", "ADMIN_IDS", "TELEGRAM_API_URL"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert main([]) == 0
    assert list(runs) == [mode]
    assert runs[mode]["allowed_updates"] == ["message", "callback_query"]
    if mode == "webhook":
        assert runs[mode]["secret_token"] == "s3cret"
        assert runs[mode]["url_path"] == "tg/hook" and runs[mode]["port"] == 8000
        assert runs[mode]["webhook_url"] == "https://bot.example.org/tg/hook"
        assert runs[mode]["listen"] == "127.0.0.1"


def test_missing_token():
    with pytest.raises(MissingTokenError, match="TELEGRAM_BOT_TOKEN"):
        load_settings({})


@pytest.mark.parametrize(
    ("env", "needle"),
    [({}, "TELEGRAM_BOT_TOKEN"), ({**VALID, "ADMIN_IDS": "x"}, "ADMIN_IDS")],
)
def test_main_prints_one_line_and_exits_2(monkeypatch, capsys, env, needle):
    monkeypatch.setattr("bot.config.load_dotenv_file", lambda: None)
    for key in ("TELEGRAM_BOT_TOKEN", "ADMIN_IDS"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert main([]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and needle in err
