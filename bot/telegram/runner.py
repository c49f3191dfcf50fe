"""``python -m bot run``: start-up checks, then polling or a webhook until SIGTERM/SIGINT."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys

from telegram.error import InvalidToken, NetworkError

from bot.errors import ConfigError, KnowledgeError
from bot.telegram import webhook
from bot.telegram.app import ALLOWED_UPDATES, build_application, open_pipeline
from bot.telegram.delivery import DeliveryLog, Dispatcher
from bot.telegram.logs import setup_logging
from bot.telegram.memory import ChatMemory
from bot.telegram.polling import Poller, PollSettings
from bot.telegram.settings import Settings, load_settings, unwritable_data_dir
from bot.telegram.stats import Stats

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    """Run the bot until SIGINT/SIGTERM. Returns the exit status (2: fix the set-up)."""
    argparse.ArgumentParser(
        prog="python -m bot run",
        description="Run the Telegram bot (settings from the environment or .env).",
    ).parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    if problem := unwritable_data_dir(settings):
        print(problem, file=sys.stderr)
        return 2
    setup_logging(settings)
    try:
        pipeline = open_pipeline(settings)
    except KnowledgeError as exc:
        print(f"The knowledge files in {settings.knowledge_dir} are invalid:", file=sys.stderr)
        print("\n".join(f"  {p}" for p in exc.problems), file=sys.stderr)
        return 2
    pipeline.warm_up()
    stats = Stats(settings.stats_db)
    delivered = DeliveryLog(settings.delivery_db, settings.bot_id)
    memory = ChatMemory(settings.memory_db, settings.bot_id)
    log.info("chat memory: %d conversation(s) kept from before", memory.load())
    app = None
    try:
        app = build_application(settings, pipeline, stats, memory=memory)
        asyncio.run(serve(app, settings, delivered))
    except InvalidToken:
        print("Telegram rejected TELEGRAM_BOT_TOKEN: check it with @BotFather", file=sys.stderr)
        return 2
    except NetworkError as exc:
        log.error("cannot reach Telegram at %s: %s", settings.api_url, exc)
        return 1
    finally:
        if app is not None:
            app.bot_data["state"].charts.close()  # the drawing process, if one started
        stats.close()
        delivered.close()
        memory.close()
    return 0


async def serve(app, settings: Settings, delivered: DeliveryLog) -> None:
    """Connect, receive updates until a stop signal, finish what was received, shut down."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    async with app:  # initialize (getMe) ... shutdown
        await app.post_init(app)
        await app.start()
        dispatcher = Dispatcher(app, delivered)
        if settings.webhook_url:
            await webhook.serve(app, dispatcher, settings, stop, ALLOWED_UPDATES)
        else:
            await _poll(app, dispatcher, settings, stop)
        log.info("stopping")
        await app.stop()


async def _poll(app, dispatcher: Dispatcher, settings: Settings, stop: asyncio.Event) -> None:
    try:
        await app.bot.delete_webhook()  # Telegram refuses getUpdates while a webhook is set
    except NetworkError as exc:
        log.warning("could not remove a webhook: %s", exc)
    log.info("polling %s for updates", settings.api_url)
    poll = PollSettings(ALLOWED_UPDATES, settings.stop_timeout)
    await Poller(app.bot, dispatcher, poll).run(stop)
