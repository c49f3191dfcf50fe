"""The Telegram front end: ``python -m bot run`` (polling, or a webhook when configured)."""

from __future__ import annotations

import argparse
import html
import logging
import sys

from telegram import BotCommand, BotCommandScopeChat, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.errors import ConfigError, KnowledgeError
from bot.telegram import handlers as h
from bot.telegram.settings import Settings, load_settings
from bot.telegram.stats import Stats
from bot.telegram.support import SORRY, BotState, RateLimiter

log = logging.getLogger(__name__)
ALLOWED_UPDATES = ["message", "callback_query"]
COMMANDS = (
    ("start", "Mulai · start"),
    ("help", "Bantuan · help"),
    ("sumber", "Sumber data"),
    ("source", "Data sources"),
    ("bahasa", "Bahasa jawaban: id, en, auto"),
    ("lang", "Answer language: id, en, auto"),
)
ADMIN_COMMANDS = (
    ("reload", "Admin: muat ulang fakta · reload facts"),
    ("stats", "Admin: statistik · statistics"),
)


class RedactFilter(logging.Filter):
    """Replaces secrets (the bot token...) with ``***`` in every record, tracebacks included."""

    def __init__(self, secrets: list[str | None]):
        super().__init__()
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        """``text`` with every secret replaced."""
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place; never drops it."""
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to the formatter
            return True
        clean = self.redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def install_redaction(secrets: list[str | None]) -> RedactFilter:
    """Add a :class:`RedactFilter` to every handler of the root logger."""
    redact = RedactFilter(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)
    return redact


def setup_logging(settings: Settings) -> None:
    """Log to stderr at ``LOG_LEVEL``; httpx only from WARNING; secrets never shown."""
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(settings.log_level)
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    secret_part = settings.token.partition(":")[2]  # real tokens: 35 characters
    install_redaction(
        [settings.token, secret_part if len(secret_part) >= 16 else None, settings.webhook_secret]
    )


def build_application(settings: Settings, pipeline, stats: Stats, *, request=None) -> Application:
    """The configured Application with every handler (``request`` replaces the HTTP layer)."""
    defaults = Defaults(
        parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
    )
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(f"{settings.api_url}/bot")
        .base_file_url(f"{settings.api_url}/file/bot")
        .defaults(defaults)
        .rate_limiter(AIORateLimiter(max_retries=3))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    app = builder.build()
    limiter = RateLimiter(settings.rate_limit_per_minute)
    app.bot_data["state"] = BotState(settings, pipeline, stats, limiter)
    add_handlers(app)
    return app


def add_handlers(app: Application) -> None:
    """Register the gate, the commands, questions, buttons and the error handler."""
    new = filters.UpdateType.MESSAGE  # edited messages are not handled
    app.add_handler(TypeHandler(Update, h.gate), group=-1)
    app.add_handler(CommandHandler("start", h.start, filters=new))
    app.add_handler(CommandHandler("help", h.help_command, filters=new))
    app.add_handler(CommandHandler(["sumber", "source"], h.sources, filters=new))
    app.add_handler(CommandHandler(["bahasa", "lang"], h.language, filters=new))
    app.add_handler(CommandHandler("reload", h.reload_facts, filters=new, block=False))
    app.add_handler(CommandHandler("stats", h.show_stats, filters=new))
    app.add_handler(MessageHandler(new & filters.TEXT & ~filters.COMMAND, h.question))
    app.add_handler(MessageHandler(new & filters.COMMAND, h.unknown_command))
    app.add_handler(MessageHandler(new & ~filters.TEXT & ~filters.StatusUpdate.ALL, h.not_text))
    app.add_handler(CallbackQueryHandler(h.button))
    app.add_error_handler(on_error)


async def post_init(app: Application) -> None:
    """Set the command menus once connected; a failure there is only logged."""
    log.info("connected as @%s", app.bot.username)
    await _set_commands(app, COMMANDS, None)
    for admin_id in sorted(app.bot_data["state"].settings.admin_ids):
        await _set_commands(app, COMMANDS + ADMIN_COMMANDS, BotCommandScopeChat(admin_id))


async def _set_commands(app: Application, commands: tuple, scope) -> None:
    try:
        await app.bot.set_my_commands([BotCommand(c, d) for c, d in commands], scope=scope)
    except TelegramError as exc:
        log.warning("could not set the command menu (scope %s): %s", scope, exc)


async def post_shutdown(app: Application) -> None:
    """Close the statistics store."""
    app.bot_data["state"].stats.close()


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log an error with its context and apologise in the chat; polling goes on."""
    error = context.error
    if update is None and isinstance(error, NetworkError):
        log.warning("network problem talking to Telegram: %s", error)
        return
    log.error("error while handling %s", _describe(update), exc_info=error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id, html.escape(SORRY))
        except TelegramError as exc:
            log.warning("could not apologise in chat %s: %s", update.effective_chat.id, exc)


def _describe(update: object) -> str:
    if not isinstance(update, Update):
        return "no update"
    chat, user = update.effective_chat, update.effective_user
    return (
        f"update {update.update_id} (chat {chat.id if chat else None}, "
        f"user {user.id if user else None})"
    )


def open_pipeline(settings: Settings):
    """The pipeline over ``FACTS_DB``, built first from ``KNOWLEDGE_DIR`` when missing."""
    from bot.pipeline import Pipeline

    if not settings.facts_db.is_file():
        log.info(
            "no fact base at %s: building it from %s", settings.facts_db, settings.knowledge_dir
        )
    return Pipeline.open(settings.knowledge_dir, settings.facts_db)


def main(argv: list[str] | None = None) -> int:
    """Run the bot until SIGINT/SIGTERM. Returns the exit status (2: configuration problem)."""
    argparse.ArgumentParser(
        prog="python -m bot run",
        description="Run the Telegram bot (settings from the environment or .env).",
    ).parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    setup_logging(settings)
    try:
        pipeline = open_pipeline(settings)
    except KnowledgeError as exc:
        print(f"The knowledge files in {settings.knowledge_dir} are invalid:", file=sys.stderr)
        print("\n".join(f"  {p}" for p in exc.problems), file=sys.stderr)
        return 2
    stats = Stats(settings.stats_db)
    try:
        _run(build_application(settings, pipeline, stats), settings)
    except InvalidToken:
        print("Telegram rejected TELEGRAM_BOT_TOKEN: check it with @BotFather", file=sys.stderr)
        return 2
    except NetworkError as exc:
        log.error("cannot reach Telegram at %s: %s", settings.api_url, exc)
        return 1
    finally:
        stats.close()
    return 0


def _run(app: Application, settings: Settings) -> None:
    if settings.webhook_url:
        log.info(
            "receiving updates by webhook on %s:%s", settings.webhook_listen, settings.webhook_port
        )
        app.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=settings.webhook_path,
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret,
            allowed_updates=ALLOWED_UPDATES,
        )
    else:
        log.info("polling %s for updates", settings.api_url)
        app.run_polling(allowed_updates=ALLOWED_UPDATES)
