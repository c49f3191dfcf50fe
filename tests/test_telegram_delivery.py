"""Delivery in process: retries, confirmation only after answering, deduplication, order
within a chat, draining on stop, and the webhook's status codes."""

from __future__ import annotations

import asyncio
import html
import sqlite3
import time

import httpx
import pytest
from telegram import Update
from telegram_harness import canned, expected_answer
from tg_updates import text_update

from bot.model.reply import Reply
from bot.telegram import webhook
from bot.telegram.app import ALLOWED_UPDATES
from bot.telegram.delivery import DeliveryLog, Dispatcher, Result
from bot.telegram.polling import Poller, PollSettings
from bot.telegram.sending import SendPolicy
from bot.telegram.stats import Stats

QUESTION = "Berapa ITAS tahun 2020?"


class Polling:
    """A poller over a harness bot, running as a task until :meth:`stop`."""

    def __init__(self, bot, delivered: DeliveryLog | None = None, stop_timeout: float = 5.0):
        self.bot = bot
        self.delivered = delivered or DeliveryLog(None, bot_id=123)
        dispatcher = Dispatcher(bot.app, self.delivered)
        self.poller = Poller(
            bot.app.bot, dispatcher, PollSettings(ALLOWED_UPDATES, stop_timeout, poll_timeout=1)
        )
        self.event = asyncio.Event()
        self.task = asyncio.create_task(self.poller.run(self.event))

    async def stop(self) -> None:
        self.event.set()
        await asyncio.wait_for(self.task, 30)


async def until(predicate, timeout: float = 10.0) -> None:
    """Wait (on the event loop) until ``predicate()`` holds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


def slow_pipeline(bot, delays: dict[str, float]) -> list[str]:
    """Answer each text with itself after ``delays[text]`` seconds; returns the order."""
    done: list[str] = []

    def answer(text, *, chat_id=0, lang=None, now=None):
        time.sleep(delays.get(text, 0))
        done.append(text)
        return Reply(text, "id", "answered", "value", 1.0)

    bot.state.pipeline = type("Slow", (), {"answer": staticmethod(answer)})()
    return done


# -- sending --------------------------------------------------------------------------------


async def test_replies_are_retried_through_500s_and_429(make_bot, built_db, caplog):
    bot = await make_bot(send_retry_seconds=20)
    bot.api.fail("sendMessage", status=500, times=2)
    bot.api.fail("sendMessage", status=429, retry_after=1, times=1)
    start = time.monotonic()
    sent = await bot.ask(QUESTION, chat_id=5)
    assert [m["text"] for m in sent] == [html.escape(expected_answer(built_db, QUESTION).text)]
    assert time.monotonic() - start >= 1.0  # retry_after honoured
    assert bot.api.injected == {"sendmessage:status": 3}
    assert "Traceback" not in caplog.text


async def test_a_refusal_is_not_retried_and_logged_in_one_line(make_bot, caplog):
    bot = await make_bot(send_retry_seconds=20)
    bot.api.fail("sendMessage", status=403, times=5)
    sent = await bot.ask(QUESTION, chat_id=6)
    assert sent == [] and bot.api.injected == {"sendmessage:status": 1}
    refusals = [r for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusals) == 1 and refusals[0].exc_info is None
    assert "chat 6" in refusals[0].getMessage()


async def test_retries_stop_at_the_deadline(make_bot, caplog):
    bot = await make_bot(send_retry_seconds=1)
    bot.api.fail("sendMessage", "reset", seconds=30)
    start = time.monotonic()
    assert await bot.ask(QUESTION, chat_id=7) == []
    assert time.monotonic() - start < 3
    assert bot.api.injected["sendmessage:reset"] >= 2
    lines = [r for r in caplog.records if "not sent" in r.getMessage()]
    assert len(lines) == 1 and "Traceback" not in caplog.text


@pytest.mark.parametrize(("per_second", "at_least", "at_most"), [(10, 0.9, 3.0), (0, 0.0, 0.3)])
async def test_the_outgoing_rate_limit_is_a_setting_and_can_be_off(per_second, at_least, at_most):
    async def send(*args, **kwargs):
        return True

    policy = SendPolicy(per_second, retry_seconds=0)
    start = time.monotonic()
    for _ in range(20):
        await policy.process_request(send, (), {}, "sendMessage", {"chat_id": 1}, None)
    assert at_least <= time.monotonic() - start <= at_most


# -- polling --------------------------------------------------------------------------------


async def test_an_update_is_confirmed_only_after_its_reply_was_sent(make_bot, built_db):
    bot = await make_bot(send_retry_seconds=30)
    bot.api.fail("sendMessage", status=502, seconds=1.5)
    polling = Polling(bot)
    bot.api.push_update(text_update(QUESTION, 8))
    await until(lambda: bot.api.injected["sendmessage:status"] >= 1)
    await asyncio.sleep(0.5)  # polls go on meanwhile; the update must stay unconfirmed
    assert bot.api.pending() == 1 and bot.api.sent == []
    await until(lambda: bot.api.sent)
    await polling.stop()
    assert bot.api.pending() == 0
    assert bot.api.sent[0]["text"] == html.escape(expected_answer(built_db, QUESTION).text)


async def test_an_update_answered_before_a_restart_is_not_answered_again(make_bot, tmp_path):
    path = tmp_path / "delivery.db"
    update = {"update_id": 41, **text_update(QUESTION, 9)}
    first, log = await make_bot(), DeliveryLog(path, bot_id=123)
    task = Dispatcher(first.app, log).submit(Update.de_json(update, first.app.bot))
    assert await task is Result.ANSWERED and len(first.api.sent) == 1
    log.close()  # the process ends before Telegram heard the update was done
    second, again = await make_bot(), DeliveryLog(path, bot_id=123)
    task = Dispatcher(second.app, again).submit(Update.de_json(update, second.app.bot))
    assert await task is Result.DUPLICATE and second.api.sent == []
    assert not DeliveryLog(path, bot_id=7).seen(41)  # another bot's update ids


async def test_chats_run_concurrently_and_in_order_within_a_chat(make_bot):
    bot = await make_bot()
    done = slow_pipeline(bot, {"a1 slow": 0.8})
    polling = Polling(bot)
    for text, chat in [("a1 slow", 10), ("a2", 10), ("b1", 11), ("b2", 11)]:
        bot.api.push_update(text_update(text, chat))
    await until(lambda: len(bot.api.sent) == 4)
    await polling.stop()
    assert done.index("b2") < done.index("a1 slow") < done.index("a2")
    assert [m["text"] for m in bot.api.messages_for(10)] == ["a1 slow", "a2"]


async def test_stop_drains_within_the_timeout_and_leaves_the_rest(make_bot):
    bot = await make_bot()
    slow_pipeline(bot, {"quick": 0.3, "too slow": 2.0})
    polling = Polling(bot, stop_timeout=1.0)
    bot.api.push_update(text_update("quick", 12))
    bot.api.push_update(text_update("too slow", 13))
    await until(lambda: len(polling.poller.window) == 2)
    start = time.monotonic()
    await polling.stop()
    assert time.monotonic() - start < 3
    assert [m["text"] for m in bot.api.sent] == ["quick"]
    assert bot.api.pending() == 1  # "too slow" stays for Telegram to deliver again


async def test_polling_survives_telegram_going_away(make_bot, built_db, caplog):
    bot = await make_bot(send_retry_seconds=30)
    bot.api.fail("getUpdates", "reset", seconds=1.0)
    polling = Polling(bot)
    bot.api.push_update(text_update(QUESTION, 14))
    await until(lambda: bot.api.sent, timeout=15)
    await polling.stop()
    assert bot.api.pending() == 0
    assert "cannot fetch updates" in caplog.text and "Traceback" not in caplog.text


# -- webhook --------------------------------------------------------------------------------


@pytest.fixture
async def hook(make_bot, unused_tcp_port):
    bot = await make_bot(send_retry_seconds=0, webhook_secret="s3cret")
    receiver = webhook.Receiver(bot.app.bot, Dispatcher(bot.app, DeliveryLog(None, 123)), "s3cret")
    server = webhook.start_server(receiver, "127.0.0.1", unused_tcp_port, "tg/hook")
    url = f"http://127.0.0.1:{unused_tcp_port}/tg/hook"
    async with httpx.AsyncClient(timeout=10) as client:

        async def post(update: dict, secret: str = "s3cret") -> int:
            headers = {"X-Telegram-Bot-Api-Secret-Token": secret}
            response = await client.post(url, json=update, headers=headers)
            return response.status_code

        yield bot, receiver, post
    server.stop()


async def test_webhook_answers_200_only_after_the_reply(hook, built_db):
    bot, _, post = hook
    update = {"update_id": 1, **text_update(QUESTION, 15)}
    assert await post(update) == 200
    assert bot.api.sent[0]["text"] == html.escape(expected_answer(built_db, QUESTION).text)
    assert await post(update) == 200 and len(bot.api.sent) == 1  # Telegram retried: no twin


async def test_webhook_asks_telegram_to_retry_when_the_reply_failed(hook):
    bot, _, post = hook
    bot.api.fail("sendMessage", status=500, times=1)
    update = {"update_id": 2, **text_update(QUESTION, 16)}
    assert await post(update) == 500 and bot.api.sent == []
    assert await post(update) == 200 and len(bot.api.sent) == 1


async def test_webhook_refuses_a_wrong_secret_and_stops_cleanly(hook):
    bot, receiver, post = hook
    update = {"update_id": 3, **text_update(QUESTION, 17)}
    assert await post(update, secret="wrong") == 403 and bot.api.sent == []
    await receiver.drain(1.0)
    assert await post(update) == 503 and bot.api.sent == []


async def test_webhook_mode_registers_serves_and_drains(make_bot, unused_tcp_port, built_db):
    url = "https://bot.example.org/tg/hook"
    bot = await make_bot(
        webhook_url=url,
        webhook_secret="s3cret",
        webhook_listen="127.0.0.1",
        webhook_port=unused_tcp_port,
    )
    stop = asyncio.Event()
    dispatcher = Dispatcher(bot.app, DeliveryLog(None, bot_id=123))
    serving = asyncio.create_task(
        webhook.serve(bot.app, dispatcher, bot.settings, stop, ALLOWED_UPDATES)
    )
    await until(lambda: any(m == "setWebhook" for m, _ in bot.api.calls))
    [params] = [p for m, p in bot.api.calls if m == "setWebhook"]
    assert params["url"] == url and params["secret_token"] == "s3cret"
    assert params["allowed_updates"] == ALLOWED_UPDATES
    update = {"update_id": 5, **text_update(QUESTION, 19)}
    headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret"}
    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.post(
            f"http://127.0.0.1:{unused_tcp_port}/tg/hook", json=update, headers=headers
        )
    assert response.status_code == 200
    assert bot.api.sent[0]["text"] == html.escape(expected_answer(built_db, QUESTION).text)
    stop.set()
    await asyncio.wait_for(serving, 10)


# -- statistics -----------------------------------------------------------------------------


async def test_a_locked_stats_db_does_not_delay_answers(make_bot, tmp_path, caplog):
    path = tmp_path / "locked-stats.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("begin exclusive")
    bot = await make_bot(stats_db=path)
    canned(bot, Reply("tidak ada", "id", "no_data", "value", 0.5))
    start = time.monotonic()
    for i in range(5):
        assert len(await bot.ask(f"pertanyaan {i}", chat_id=18)) == 1
    assert time.monotonic() - start < 1.0
    assert bot.state.stats.by_status["no_data"] == 5
    await asyncio.sleep(0.6)  # longer than the store's busy timeout
    holder.execute("rollback")
    holder.close()
    assert bot.state.stats.stored() == 5
    assert "is busy" in caplog.text


def test_stats_queue_drops_and_counts_when_full(tmp_path):
    path = tmp_path / "s.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("begin exclusive")
    stats = Stats(path, max_queue=3)
    for i in range(200):
        stats.record(f"q{i}", "fallback", "id")
    time.sleep(0.6)  # the writer meets the lock
    holder.execute("rollback")
    holder.close()
    assert stats.flush(5)
    # the writer holds at most one batch of 100 while the store is locked, the queue 3
    assert stats.total == 200 and stats.dropped >= 200 - 100 - 3
    assert stats.stored() == 200 - stats.dropped
    stats.close()


def test_delivery_log_prunes_old_ids(tmp_path):
    log = DeliveryLog(tmp_path / "d.db", bot_id=1, keep_seconds=0)
    for update_id in range(1, 1001):
        log.add(update_id)
    assert not log.seen(1) and log.seen(1000)
