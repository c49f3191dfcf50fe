"""Telegram handlers: commands, questions and buttons. A thin layer over the pipeline.

Every reply is sent as HTML with everything that came from elsewhere escaped. The shared
objects (pipeline, stats, settings...) live in ``application.bot_data["state"]``.
"""

from __future__ import annotations

import asyncio
import html
import logging
import sqlite3

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters, Update
from telegram.constants import ChatType, MessageLimit
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.errors import KnowledgeError
from bot.facts.build import reload
from bot.pipeline import MAX_CHARS
from bot.telegram import charts
from bot.telegram.actions import typing_while_slow
from bot.telegram.links import decode_payload
from bot.telegram.support import (
    ADMIN_ONLY,
    LANG_CHOICES,
    NON_TEXT_HINT,
    PRIVATE_ONLY,
    RATE_NOTICE,
    BotState,
    addressed_to_bot,
    examples,
    format_problems,
    format_reload,
    format_sources,
    format_stats,
    help_text,
    strip_mention,
    welcome_text,
)
from bot.telegram.texts import EXPIRED_BUTTON, split_text

log = logging.getLogger(__name__)
Context = ContextTypes.DEFAULT_TYPE


def state(context: Context) -> BotState:
    """The shared objects of this bot."""
    return context.application.bot_data["state"]


async def gate(update: Update, context: Context) -> None:
    """Drop what the bot must ignore and apply the per-user rate limit (runs first)."""
    message = update.message
    if update.inline_query is not None:
        return  # typed letter by letter: the message limit would cut a question short
    if message is None and update.callback_query is None:
        raise ApplicationHandlerStop  # edited messages, channel posts, polls...
    if message is not None and not addressed_to_bot(message, context.bot):
        raise ApplicationHandlerStop
    user = update.effective_user
    if user is not None and user.id in state(context).settings.admin_ids:
        return  # an admin removing facts one button at a time must not be cut short
    verdict = state(context).limiter.check(user.id if user else 0)
    if verdict == "ok":
        return
    notice = verdict == "notice"
    if notice:
        log.info("rate limit reached by user %s", user.id if user else None)
    if update.callback_query is not None:
        await update.callback_query.answer(RATE_NOTICE if notice else None)  # stop the spinner
    elif notice and update.effective_chat is not None:
        await reply(update, context, html.escape(RATE_NOTICE))
    raise ApplicationHandlerStop


async def reply(update: Update, context: Context, text: str, **kwargs) -> None:
    """Send ``text`` into the update's chat, quoting the asker's message in groups."""
    if update.message is not None:
        await update.message.reply_text(text, **kwargs)
    else:
        await context.bot.send_message(update.effective_chat.id, text, **kwargs)


async def start(update: Update, context: Context) -> None:
    """Answer a deep link's question, or greet in both languages with example buttons."""
    if context.args:
        await answer_into_chat(update, context, decode_payload(" ".join(context.args)))
        return
    store = state(context).buttons
    base = state(context).pipeline.base
    rows = [[InlineKeyboardButton(q, callback_data=store.data_for(q))] for q in examples(base)]
    await update.effective_message.reply_text(
        welcome_text(base), reply_markup=InlineKeyboardMarkup(rows)
    )


async def help_command(update: Update, context: Context) -> None:
    """Say what the bot can answer, with examples."""
    await update.effective_message.reply_text(help_text(state(context).pipeline.base))


async def sources(update: Update, context: Context) -> None:
    """List the source documents of the facts (title, publisher, date, link)."""
    base = state(context).pipeline.base
    await update.effective_message.reply_text(format_sources(base.tables.get("sources", [])))


async def language(update: Update, context: Context) -> None:
    """Set this chat's answer language (id, en or auto), or show it with buttons."""
    choice = (context.args or [""])[0].lower()
    if choice in LANG_CHOICES:
        await _set_language(update, context, choice)
        return
    current = state(context).memory.lang(update.effective_chat.id) or "auto"
    buttons = [InlineKeyboardButton(c, callback_data=f"lang:{c}") for c in LANG_CHOICES]
    await update.effective_message.reply_text(
        f"Bahasa jawaban / answer language: <b>{current}</b>\n"
        "/bahasa id · /bahasa en · /bahasa auto",
        reply_markup=InlineKeyboardMarkup([buttons]),
    )


async def _set_language(update: Update, context: Context, choice: str) -> None:
    state(context).memory.set_lang(update.effective_chat.id, None if choice == "auto" else choice)
    await context.bot.send_message(
        update.effective_chat.id, f"Bahasa / language: <b>{html.escape(choice)}</b> ✓"
    )


async def is_admin(update: Update, context: Context, command: str) -> bool:
    """True for an admin; anyone else is refused politely (one log line with the user id)."""
    user = update.effective_user
    if user is not None and user.id in state(context).settings.admin_ids:
        return True
    log.warning("refused /%s for non-admin user id %s", command, user.id if user else None)
    await update.effective_message.reply_text(html.escape(ADMIN_ONLY))
    return False


async def reload_facts(update: Update, context: Context) -> None:
    """Admin: rebuild the fact base from the knowledge files and swap it in."""
    if not await is_admin(update, context, "reload"):
        return
    st = state(context)
    if st.reload_lock.locked():
        await update.effective_message.reply_text("Reload sedang berjalan / already running.")
        return
    async with st.reload_lock:
        await update.effective_message.reply_text("Membangun ulang… / rebuilding…")
        text = await _rebuild(st)
    for chunk in split_text(text):
        await update.effective_message.reply_text(html.escape(chunk))


async def _rebuild(st: BotState) -> str:
    settings = st.settings
    try:
        report = await asyncio.to_thread(reload, settings.knowledge_dir, settings.facts_db)
        await asyncio.to_thread(st.pipeline.load, settings.facts_db)
    except KnowledgeError as exc:
        log.warning(
            "reload refused: %d problem(s) in %s", len(exc.problems), settings.knowledge_dir
        )
        return format_problems(exc.problems)
    log.info(
        "reloaded %s: %d -> %d facts", settings.facts_db, len(report.before), len(report.after)
    )
    return format_reload(report)


async def show_stats(update: Update, context: Context) -> None:
    """Admin: questions since start by status and language, and top unanswered questions."""
    if not await is_admin(update, context, "stats"):
        return
    if update.effective_chat.type != ChatType.PRIVATE:
        await update.effective_message.reply_text(html.escape(PRIVATE_ONLY))
        return
    st = state(context)
    try:
        top = await asyncio.to_thread(st.stats.top_unanswered, 10)
    except sqlite3.Error as exc:
        log.warning("/stats: cannot read %s: %s", st.settings.stats_db, exc)
        top = None
    for chunk in split_text(format_stats(st.stats, top)):
        await update.effective_message.reply_text(html.escape(chunk))


async def question(update: Update, context: Context) -> None:
    """Answer a text message with the pipeline."""
    message = update.message
    text = strip_mention(message.text, context.bot.username).strip()
    if not text:
        await help_command(update, context)
        return
    await answer_into_chat(update, context, text)


async def button(update: Update, context: Context) -> None:
    """Handle an inline button: a language choice or a question to answer."""
    query = update.callback_query
    data = query.data or ""
    if data.startswith("lang:") and data[5:] in LANG_CHOICES and query.message is not None:
        await query.answer()
        await _set_language(update, context, data[5:])
        return
    text = state(context).buttons.query_for(data)
    if text is None or query.message is None:
        await query.answer(EXPIRED_BUTTON)
        return
    await query.answer()
    await answer_into_chat(update, context, text)


async def not_text(update: Update, context: Context) -> None:
    """Reply to stickers, photos, voice notes... with a one-line hint."""
    await update.message.reply_text(html.escape(NON_TEXT_HINT))


async def unknown_command(update: Update, context: Context) -> None:
    """Point to /help for a command the bot does not know (private chats only)."""
    if update.effective_chat.type == ChatType.PRIVATE:
        await update.message.reply_text("Perintah tidak dikenal / unknown command: /help")


async def answer_into_chat(update: Update, context: Context, text: str) -> None:
    """Ask the pipeline and send the reply (split, escaped, with buttons to clarify or to
    see its chart; the chart itself when asked for); count it for /stats afterwards."""
    st = state(context)
    chat = update.effective_chat
    async with typing_while_slow(context.bot, chat.id):
        answer, chart = await asyncio.to_thread(_answer, st, text[:MAX_CHARS], chat.id, update)
    quote = None
    if update.message is not None and chat.type != ChatType.PRIVATE:
        quote = ReplyParameters(update.message.message_id, allow_sending_without_reply=True)
    if await charts.send_if_asked(context.bot, st.charts, chat.id, chart, quote):
        st.stats.record(text[:MAX_CHARS], answer.status, answer.lang)
        return
    markup = _choice_buttons(st, answer.options) or charts.chart_button(st.charts, chart)
    chunks = split_text(answer.text or "…", MessageLimit.MAX_TEXT_LENGTH)
    for i, chunk in enumerate(chunks):
        last = i == len(chunks) - 1
        await context.bot.send_message(
            chat.id,
            html.escape(chunk),
            reply_markup=markup if last else None,
            reply_parameters=quote if i == 0 else None,
        )
    await charts.say_why_not(context.bot, chat.id, chart)
    st.stats.record(text[:MAX_CHARS], answer.status, answer.lang)  # queued: never waits


def _answer(st: BotState, text: str, chat_id: int, update: Update):
    """The reply in the chat's language, remembered, and its chart (a worker thread)."""
    answer = st.memory.answer(st.pipeline, text, chat_id, update.update_id)
    return answer, charts.chart_of(st.pipeline, answer, text)


def _choice_buttons(st: BotState, options) -> InlineKeyboardMarkup | None:
    if not options:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(o.label[:64], callback_data=st.buttons.data_for(o.query))]
            for o in options
        ]
    )
