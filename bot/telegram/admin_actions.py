"""What an admin does with a release preview: the buttons (save, cancel, remove facts),
``/hapus`` (``/drop``) and ``/undo``.

Every button press is checked against the chat's pending preview: a press from a non-admin,
with data of another shape, or with the token of an older, expired or cancelled preview
changes nothing and gets a polite answer. Saving and undoing hold the reload lock, so they
never run beside ``/reload`` or each other.
"""

from __future__ import annotations

import asyncio
import html
import logging

from telegram import Update
from telegram.constants import MessageLimit
from telegram.error import TelegramError

from bot.errors import IngestError, KnowledgeError
from bot.facts.save import save_proposal, undo_last
from bot.telegram.admin_ingest import (
    CALLBACK,
    PREVIEW_EXPIRED,
    chat_lang,
    main_buttons,
    pick_buttons,
)
from bot.telegram.admin_texts import t
from bot.telegram.handlers import Context, is_admin, state, typing_while_slow
from bot.telegram.preview_text import parse_numbers, refused_text, saved_text, undone_text
from bot.telegram.previews import Pending
from bot.telegram.support import ADMIN_ONLY, BotState
from bot.telegram.texts import split_text

log = logging.getLogger(__name__)


async def button(update: Update, context: Context) -> None:
    """A press on a preview's button (callback data ``ing:<token>:<action>``)."""
    query, chat, user = update.callback_query, update.effective_chat, update.effective_user
    if user is None or user.id not in state(context).settings.admin_ids:
        log.warning("refused a preview button for non-admin user id %s", user.id if user else None)
        await query.answer(ADMIN_ONLY)
        return
    match = CALLBACK.fullmatch(query.data or "")
    pending, expired = None, False
    if match is not None and chat is not None and query.message is not None:
        pending, expired = await asyncio.to_thread(
            state(context).previews.matching, chat.id, match[1]
        )
    if pending is None:
        await query.answer(PREVIEW_EXPIRED)
        if expired:
            text = t("expired_24h", chat_lang(update, context))
            await context.bot.send_message(chat.id, html.escape(text))
        return
    action = match[2]
    if action.startswith("t"):
        await _toggle(update, context, pending, int(match[3]))
    else:
        await {"save": _save, "cancel": _cancel, "pick": _pick}[action](update, context, pending)


async def _save(update: Update, context: Context, pending: Pending) -> None:
    st, query = state(context), update.callback_query
    if st.reload_lock.locked():
        await query.answer(t("busy", pending.lang))
        return
    async with st.reload_lock:
        # a second press of the same button waited for the first: look again
        pending, _ = await asyncio.to_thread(st.previews.matching, pending.chat_id, pending.token)
        if pending is None:
            await query.answer(PREVIEW_EXPIRED)
            return
        await query.answer(t("saving", pending.lang))
        async with typing_while_slow(context.bot, pending.chat_id):
            text, saved = await _save_and_switch(st, pending)
    if saved:
        await _remove_buttons(query)
    await _send(context, pending.chat_id, text)


async def _save_and_switch(st: BotState, pending: Pending) -> tuple[str, bool]:
    """Save the kept facts, rebuild and swap the base in: the report, and whether it saved."""
    settings, lang = st.settings, pending.lang
    try:
        report = await asyncio.to_thread(
            save_proposal,
            pending.proposal,
            settings.knowledge_dir,
            settings.facts_db,
            settings.undo_dir,
            drop=pending.dropped,
        )
        await asyncio.to_thread(st.pipeline.load, settings.facts_db)
    except KnowledgeError as exc:
        log.warning("save refused: %d problem(s) in %s", len(exc.problems), settings.knowledge_dir)
        return refused_text("refused", exc.problems, lang), False
    except IngestError:
        return t("need_where", lang), False
    except OSError as exc:  # save_proposal took back what it wrote
        log.warning("save failed: cannot write to %s: %s", settings.knowledge_dir, exc)
        return t("unwritable", lang, folder=settings.knowledge_dir, why=exc.strerror or exc), False
    await asyncio.to_thread(st.previews.discard, pending.chat_id)
    log.info("saved %s: %d facts (admin %s)", report.folder, len(report.kept), pending.user_id)
    return saved_text(report, lang, st.pipeline.base.tables), True


async def _cancel(update: Update, context: Context, pending: Pending) -> None:
    await asyncio.to_thread(state(context).previews.discard, pending.chat_id)
    await update.callback_query.answer()
    await _remove_buttons(update.callback_query)
    await _send(context, pending.chat_id, t("cancelled", pending.lang))


async def _pick(update: Update, context: Context, pending: Pending) -> None:
    query = update.callback_query
    await query.answer(t("pick_help", pending.lang))
    await _edit_buttons(query, pick_buttons(pending))


async def _toggle(update: Update, context: Context, pending: Pending, number: int) -> None:
    query = update.callback_query
    if not 1 <= number <= len(pending.proposal.facts):
        await query.answer(PREVIEW_EXPIRED)
        return
    pending = await asyncio.to_thread(
        state(context).previews.set_dropped, pending, pending.dropped ^ {number}
    )
    key = "toggled_off" if number in pending.dropped else "toggled_on"
    await query.answer(t(key, pending.lang, n=number))
    await _edit_buttons(query, pick_buttons(pending))


async def _remove_buttons(query) -> None:
    await _edit_buttons(query, None)


async def _edit_buttons(query, markup) -> None:
    try:
        await query.edit_message_reply_markup(markup)
    except TelegramError as exc:  # too old to edit, or unchanged: the press still counted
        log.debug("could not change the preview's buttons: %s", exc)


async def drop(update: Update, context: Context) -> None:
    """Admin: ``/hapus 3 5`` (``/drop 3 5``, ``3-5``) leaves facts of the preview out."""
    if not await is_admin(update, context, "hapus"):
        return
    chat, st = update.effective_chat, state(context)
    pending, expired = await asyncio.to_thread(st.previews.current, chat.id)
    lang = pending.lang if pending is not None else chat_lang(update, context)
    if pending is None:
        await _send(context, chat.id, t("expired_24h" if expired else "none_waiting", lang))
        return
    size = len(pending.proposal.facts)
    numbers = parse_numbers(" ".join(context.args or []))
    if not numbers or not all(1 <= n <= size for n in numbers):
        await _send(context, chat.id, t("drop_usage", lang, n=size))
        return
    pending = await asyncio.to_thread(
        st.previews.set_dropped, pending, pending.dropped | set(numbers)
    )
    listed = ", ".join(str(n) for n in sorted(pending.dropped))
    text = t("dropped_now", lang, numbers=listed, kept=pending.kept)
    await context.bot.send_message(chat.id, html.escape(text), reply_markup=main_buttons(pending))


async def undo(update: Update, context: Context) -> None:
    """Admin: take the last saved release back, rebuild and switch over."""
    if not await is_admin(update, context, "undo"):
        return
    st, chat, lang = state(context), update.effective_chat, chat_lang(update, context)
    if st.reload_lock.locked():
        await _send(context, chat.id, t("busy", lang))
        return
    async with st.reload_lock, typing_while_slow(context.bot, chat.id):
        text = await _undo_and_switch(st, lang)
    await _send(context, chat.id, text)


async def _undo_and_switch(st: BotState, lang: str) -> str:
    settings = st.settings
    try:
        folder, report = await asyncio.to_thread(
            undo_last, settings.knowledge_dir, settings.facts_db, settings.undo_dir
        )
        await asyncio.to_thread(st.pipeline.load, settings.facts_db)
    except FileNotFoundError:
        return t("undo_none", lang)
    except KnowledgeError as exc:
        log.warning("undo refused: %d problem(s) in %s", len(exc.problems), settings.knowledge_dir)
        return refused_text("undo_refused", exc.problems, lang)
    log.info("undid %s: %d -> %d facts", folder, len(report.before), len(report.after))
    return undone_text(folder, report, lang, st.pipeline.base.tables)


async def _send(context: Context, chat_id: int, text: str) -> None:
    for chunk in split_text(text, MessageLimit.MAX_TEXT_LENGTH):
        await context.bot.send_message(chat_id, html.escape(chunk))
