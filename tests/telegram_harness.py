"""Test harness for the Telegram layer: an initialized Application whose requests go to a
fake request layer, and helpers to feed it updates (a pytest plugin, see conftest.py)."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

import pytest
from fake_bot_api import FakeBotAPI
from fake_bot_http import Dropped, attach_files, decode_params
from telegram import Update
from telegram.error import NetworkError
from telegram.request import BaseRequest
from tg_updates import BOT_USER, text_update

from bot.facts import store as facts_store
from bot.model.reply import Reply
from bot.pipeline import Pipeline
from bot.telegram.app import build_application
from bot.telegram.memory import ChatMemory
from bot.telegram.settings import Settings
from bot.telegram.stats import Stats

TOKEN = "123:TEST"
API = "http://fake.invalid"
ADMIN = 4242
GROUP = -100
BOT_NAME = BOT_USER["username"]
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
        if "/file/bot" in url:  # a file download (File.download_*)
            token, _, path = unquote(url).split("/file/bot", 1)[1].partition("/")
            return self.api.download(token, path)
        token, name = url.rsplit("/", 2)[-2].removeprefix("bot"), url.rsplit("/", 1)[-1]
        if name in self.fail:
            raise self.fail[name]
        params = decode_params(request_data.json_parameters if request_data else {})
        if request_data is not None and request_data.contains_files:
            files = {name: part[1] for name, part in request_data.multipart_data.items()}
            params = attach_files(params, files)
        try:
            if name == "getUpdates":  # a long poll waits: not on the event loop
                status, payload = await asyncio.to_thread(self.api.handle, token, name, params)
            else:
                status, payload = self.api.handle(token, name, params)
        except Dropped as drop:
            await asyncio.sleep(drop.fault.hang)
            raise NetworkError("httpx.RemoteProtocolError: connection reset") from None
        return status, json.dumps(payload).encode()


def fact_value(db: Path, metric: str, country: str | None = None) -> int:
    """The stored figure of one fact (tests never write figures themselves)."""
    rows = facts_store.read_tables(db)["facts"]
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
def make_settings(built_db, tmp_path):
    """Settings for a harness bot: ``make_settings(**overrides)``."""
    made = []

    def make(**overrides) -> Settings:
        settings = Settings(
            token=TOKEN,
            api_url=API,
            admin_ids=frozenset({ADMIN}),
            knowledge_dir=KNOWLEDGE,
            facts_db=built_db,
            stats_db=tmp_path / f"stats{len(made)}.db",
            memory_db=tmp_path / f"memory{len(made)}.db",
            previews_db=tmp_path / f"previews{len(made)}.db",
            send_retry_seconds=0,  # a failing request fails at once unless a test says so
        )
        made.append(settings)
        return replace(settings, **overrides)

    return make


@pytest.fixture
async def make_bot(make_settings):
    """A factory of initialized bots: ``await make_bot(**settings_overrides)``."""
    apps = []

    async def make(remember: bool = False, **overrides) -> Bot:
        """``remember``: keep chats in ``settings.memory_db`` (read back at start)."""
        settings = make_settings(**overrides)
        api = FakeBotAPI(TOKEN)
        request = FakeRequest(api)
        pipeline = Pipeline.from_db(settings.facts_db)
        memory = None
        if remember:
            memory = ChatMemory(settings.memory_db, settings.bot_id)
            memory.load()
        stats = Stats(settings.stats_db)
        app = build_application(settings, pipeline, stats, request=request, memory=memory)
        await app.initialize()
        await app.start()  # no updater: tests feed updates through process_update
        apps.append(app)
        return Bot(app, api, request, settings)

    yield make
    for app in apps:
        await app.stop()
        await app.shutdown()
        app.bot_data["state"].stats.close()
        app.bot_data["state"].memory.close()


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
