"""The Telegram application: handlers, command menus and the error handler.

``bot.telegram.runner`` runs it (polling or webhook) with at-least-once delivery.
"""

from __future__ import annotations

import html
import logging

from telegram import BotCommand, BotCommandScopeChat, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.telegram import admin_actions, admin_ingest
from bot.telegram import handlers as h
from bot.telegram.charts import PATTERN as CHART_BUTTON
from bot.telegram.charts import chart_pressed
from bot.telegram.delivery import Result, report
from bot.telegram.inline import inline_query
from bot.telegram.memory import ChatMemory
from bot.telegram.previews import PreviewStore
from bot.telegram.sending import REFUSALS, SendPolicy
from bot.telegram.settings import Settings
from bot.telegram.stats import Stats
from bot.telegram.support import SORRY, BotState, RateLimiter

log = logging.getLogger(__name__)
ALLOWED_UPDATES = ["message", "callback_query", "inline_query"]
COMMANDS = {
    None: (
        ("start", "Mulai · start"),
        ("help", "Bantuan · help"),
        ("sumber", "Sumber data"),
        ("source", "Data sources"),
        ("bahasa", "Bahasa jawaban: id, en, auto"),
        ("lang", "Answer language: id, en, auto"),
    ),
    "id": (
        ("start", "Mulai, dengan contoh pertanyaan"),
        ("help", "Yang bisa saya jawab"),
        ("sumber", "Sumber data"),
        ("bahasa", "Bahasa jawaban: id, en, auto"),
    ),
    "en": (
        ("start", "Start, with example questions"),
        ("help", "What I can answer"),
        ("source", "Data sources"),
        ("lang", "Answer language: id, en, auto"),
    ),
}
ADMIN_COMMANDS = {
    None: (
        ("reload", "Admin: muat ulang fakta · reload facts"),
        ("stats", "Admin: statistik · statistics"),
        ("ingest", "Admin: rilis baru (teks/URL) · new release"),
        ("undo", "Admin: batalkan simpan terakhir · undo last save"),
    ),
    "id": (
        ("reload", "Admin: muat ulang fakta"),
        ("stats", "Admin: statistik"),
        ("ingest", "Admin: rilis baru (teks atau URL; atau kirim berkas)"),
        ("hapus", "Admin: hapus fakta dari pratinjau, mis. /hapus 3 5"),
        ("undo", "Admin: batalkan rilis terakhir yang disimpan"),
    ),
    "en": (
        ("reload", "Admin: reload the facts"),
        ("stats", "Admin: statistics"),
        ("ingest", "Admin: new release (text or URL; or send the file)"),
        ("drop", "Admin: remove facts from the preview, e.g. /drop 3 5"),
        ("undo", "Admin: take the last saved release back"),
    ),
}


def build_application(
    settings: Settings, pipeline, stats: Stats, *, request=None, memory: ChatMemory | None = None
) -> Application:
    """The configured Application with every handler (``request`` replaces the HTTP layer;
    ``memory`` keeps chats across restarts, else they are kept in memory only)."""
    defaults = Defaults(
        parse_mode=ParseMode.HTML,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        allow_sending_without_reply=True,
    )
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(f"{settings.api_url}/bot")
        .base_file_url(f"{settings.api_url}/file/bot")
        .defaults(defaults)
        .rate_limiter(SendPolicy(settings.send_rate_per_second, settings.send_retry_seconds))
        .post_init(post_init)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    app = builder.build()
    limiter = RateLimiter(settings.rate_limit_per_minute)
    previews = PreviewStore(settings.previews_db)
    app.bot_data["state"] = BotState(settings, pipeline, stats, limiter, previews=previews)
    app.bot_data["state"].memory = ChatMemory(None) if memory is None else memory
    add_handlers(app)
    return app


def add_handlers(app: Application) -> None:
    """Register the gate, the commands, questions, buttons, inline queries and errors."""
    new = filters.UpdateType.MESSAGE  # edited messages are not handled
    app.add_handler(TypeHandler(Update, h.gate), group=-1)
    app.add_handler(CommandHandler("start", h.start, filters=new))
    app.add_handler(CommandHandler("help", h.help_command, filters=new))
    app.add_handler(CommandHandler(["sumber", "source"], h.sources, filters=new))
    app.add_handler(CommandHandler(["bahasa", "lang"], h.language, filters=new))
    # Blocking like the rest: the dispatcher runs other chats meanwhile, and a reload cut
    # short by a crash is not confirmed, so Telegram sends the /reload again.
    app.add_handler(CommandHandler("reload", h.reload_facts, filters=new))
    app.add_handler(CommandHandler("stats", h.show_stats, filters=new))
    app.add_handler(CommandHandler("ingest", admin_ingest.ingest, filters=new))
    app.add_handler(CommandHandler(["hapus", "drop"], admin_actions.drop, filters=new))
    app.add_handler(CommandHandler("undo", admin_actions.undo, filters=new))
    app.add_handler(MessageHandler(new & filters.Document.ALL, admin_ingest.document))
    app.add_handler(MessageHandler(new & filters.TEXT & ~filters.COMMAND, h.question))
    app.add_handler(MessageHandler(new & filters.COMMAND, h.unknown_command))
    app.add_handler(MessageHandler(new & ~filters.TEXT & ~filters.StatusUpdate.ALL, h.not_text))
    app.add_handler(CallbackQueryHandler(chart_pressed, pattern=CHART_BUTTON))
    # Preview buttons carry "ing:…"; everything else (empty data too) is a question button.
    app.add_handler(CallbackQueryHandler(h.button, pattern=r"^(?!ing:)"))
    app.add_handler(CallbackQueryHandler(admin_actions.button, pattern=r"^ing:"))
    app.add_handler(InlineQueryHandler(inline_query))
    app.add_error_handler(on_error)


async def post_init(app: Application) -> None:
    """Set the command menus (default, Indonesian, English) once connected; failures are
    only logged."""
    log.info("connected as @%s", app.bot.username)
    admins = sorted(app.bot_data["state"].settings.admin_ids)
    for lang, commands in COMMANDS.items():
        await _set_commands(app, commands, None, lang)
        for admin_id in admins:
            scope = BotCommandScopeChat(admin_id)
            await _set_commands(app, commands + ADMIN_COMMANDS[lang], scope, lang)


async def _set_commands(app: Application, commands: tuple, scope, lang: str | None) -> None:
    try:
        await app.bot.set_my_commands(
            [BotCommand(c, d) for c, d in commands], scope=scope, language_code=lang
        )
    except TelegramError as exc:
        log.warning("could not set the command menu (scope %s, %s): %s", scope, lang, exc)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """One log line for a reply Telegram refused or that could not be sent; a traceback and
    an apology for anything else (a bug)."""
    error = context.error
    if update is None and isinstance(error, NetworkError):
        log.warning("network problem talking to Telegram: %s", error)
        return
    if isinstance(error, REFUSALS):
        log.warning("%s: Telegram refused the reply: %s", _describe(update), error)
        report(Result.REFUSED)
        return
    if isinstance(error, (NetworkError, RetryAfter)):
        log.warning("%s: reply not sent, retries used up: %s", _describe(update), error)
        report(Result.UNDELIVERED)
        return
    log.error("error while handling %s", _describe(update), exc_info=error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await h.reply(update, context, html.escape(SORRY))
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
