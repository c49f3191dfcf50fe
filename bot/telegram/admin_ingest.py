"""Admins teach the bot a new press release over Telegram.

A document (.txt, .md, .docx, .pdf) or ``/ingest`` with pasted text or a link is read and
proposed (``bot.facts.ingest``) off the event loop; the preview lists every proposed fact
with its quote and offers buttons: Simpan/Save, Batal/Cancel and "Hapus fakta…"/"Remove
facts…" (number buttons that toggle a fact out; ``/hapus 3 5`` or ``/drop 3 5`` does the
same typed). Nothing is written to the knowledge files before Save, which writes the release
with ``save_proposal`` and switches the bot over like ``/reload``; ``/undo`` takes the last
save back. The pending preview lives in ``PREVIEWS_DB`` (see ``previews``), one per chat.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
import tempfile
from pathlib import Path

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import MessageLimit
from telegram.error import TelegramError

from bot.errors import IngestError, KnowledgeError
from bot.facts.ingest import load_vocabulary, propose
from bot.facts.ingest.read import read_release
from bot.telegram.admin_texts import t
from bot.telegram.handlers import Context, is_admin, state, typing_while_slow
from bot.telegram.preview_text import (
    preview_text,
    refused_text,
    savable,
)
from bot.telegram.previews import Pending
from bot.telegram.support import NON_TEXT_HINT, strip_mention
from bot.telegram.texts import split_text

log = logging.getLogger(__name__)
MAX_BYTES = 2 * 1024 * 1024
SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf")
MIME_SUFFIXES = {
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
CALLBACK = re.compile(r"ing:([0-9a-f]{8}):(save|cancel|pick|t([0-9]{1,3}))")
OVERRIDE = re.compile(r"\s*(office|kantor|period|periode)=(\S+)", re.IGNORECASE)
URL = re.compile(r"https?://\S+", re.IGNORECASE)
PICK_MAX = 96  # number buttons (Telegram allows 100 buttons in a keyboard)
PICK_ROW = 8
PREVIEW_EXPIRED = (
    "Pratinjau ini sudah tidak berlaku; kirim rilisnya lagi. / "
    "This preview has expired; please send the release again."
)


def chat_lang(update: Update, context: Context) -> str:
    """The admin's chat language: as set with /bahasa, else that of their last question,
    else their Telegram app's ("en…" is English), else Indonesian."""
    chosen = state(context).memory.lang(update.effective_chat.id)
    contexts = getattr(state(context).pipeline, "contexts", None)
    last = contexts.last_lang(update.effective_chat.id) if contexts is not None else None
    code = (update.effective_user.language_code or "") if update.effective_user else ""
    return chosen or last or ("en" if code.lower().startswith("en") else "id")


async def document(update: Update, context: Context) -> None:
    """An admin's document is read and previewed; anyone else's gets the usual hint."""
    message, user = update.message, update.effective_user
    if user is None or user.id not in state(context).settings.admin_ids:
        log.info("document from non-admin user id %s: not read", user.id if user else None)
        await message.reply_text(html.escape(NON_TEXT_HINT))
        return
    lang, doc = chat_lang(update, context), message.document
    suffix = Path(doc.file_name or "").suffix.lower() or MIME_SUFFIXES.get(doc.mime_type, "")
    if suffix not in SUFFIXES:
        await message.reply_text(html.escape(t("bad_kind", lang)))
        return
    if (doc.file_size or 0) > MAX_BYTES:
        await _too_big(update, doc.file_size, lang)
        return
    office, period, _ = overrides(strip_mention(message.caption or "", context.bot.username))
    try:
        async with typing_while_slow(context.bot, update.effective_chat.id):
            data = bytes(await (await doc.get_file()).download_as_bytearray())
    except (TelegramError, RuntimeError) as exc:  # RuntimeError: Telegram gave no file path
        log.warning("could not download a document from admin %s: %s", user.id, exc)
        await message.reply_text(html.escape(t("unreadable", lang, why=t("no_download", lang))))
        return
    if len(data) > MAX_BYTES:
        await _too_big(update, len(data), lang)
        return
    await _propose_and_show(update, context, lang, _propose_file, data, suffix, office, period)


async def _too_big(update: Update, size: int, lang: str) -> None:
    text = t("too_big", lang, size=_megabytes(size), limit=_megabytes(MAX_BYTES))
    await update.message.reply_text(html.escape(text))


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


async def ingest(update: Update, context: Context) -> None:
    """Admin: ``/ingest`` followed by a release's text or its http(s) link."""
    if not await is_admin(update, context, "ingest"):
        return
    lang = chat_lang(update, context)
    parts = (update.message.text or "").split(maxsplit=1)
    office, period, body = overrides(parts[1] if len(parts) > 1 else "")
    if not body:
        limit = _megabytes(MAX_BYTES)
        await update.message.reply_text(html.escape(t("ingest_usage", lang, limit=limit)))
        return
    if URL.fullmatch(body):
        await _propose_and_show(update, context, lang, _propose_source, body, office, period)
    else:
        data = body.encode("utf-8")
        await _propose_and_show(update, context, lang, _propose_file, data, ".txt", office, period)


def overrides(text: str) -> tuple[str, str, str]:
    """``office=ID`` / ``kantor=ID`` and ``period=P`` / ``periode=P`` at the start of
    ``text``: the office, the period and the rest of the text."""
    found = {"office": "", "period": ""}
    while match := OVERRIDE.match(text):
        key = "office" if match[1].lower() in ("office", "kantor") else "period"
        found[key], text = match[2], text[match.end() :]
    return found["office"], found["period"], text.strip()


def _propose_file(knowledge_dir: Path, data: bytes, suffix: str, office: str, period: str):
    with tempfile.TemporaryDirectory(prefix="release-") as folder:
        path = Path(folder) / f"release{suffix}"
        path.write_bytes(data)
        return _propose_source(knowledge_dir, path, office, period)


def _propose_source(knowledge_dir: Path, source, office: str, period: str):
    release = read_release(source)
    return propose(release, load_vocabulary(knowledge_dir), office, period)


async def _propose_and_show(update: Update, context: Context, lang: str, how, *args) -> None:
    """Propose in a worker thread, keep the preview (replacing the chat's last) and show it."""
    st, chat = state(context), update.effective_chat
    try:
        async with typing_while_slow(context.bot, chat.id):
            proposal = await asyncio.to_thread(how, st.settings.knowledge_dir, *args)
    except IngestError as exc:
        await update.message.reply_text(html.escape(t("unreadable", lang, why=exc)))
        return
    except KnowledgeError as exc:  # the vocabulary comes from the knowledge files
        text = refused_text("read_refused", exc.problems, lang)
        for chunk in split_text(text, MessageLimit.MAX_TEXT_LENGTH):
            await update.message.reply_text(html.escape(chunk))
        return
    user_id = update.effective_user.id
    pending, replaced = await asyncio.to_thread(st.previews.put, chat.id, proposal, lang, user_id)
    log.info("preview of %d facts for admin %s", len(proposal.facts), user_id)
    if replaced:
        await context.bot.send_message(chat.id, html.escape(t("replaced", lang)))
    await send_preview(context, chat.id, pending)


async def send_preview(context: Context, chat_id: int, pending: Pending) -> None:
    """The preview in messages of at most 4096 characters, the buttons under the last."""
    tables = state(context).pipeline.base.tables
    text = preview_text(pending.proposal, pending.dropped, pending.lang, tables)
    chunks = split_text(text, MessageLimit.MAX_TEXT_LENGTH)
    for i, chunk in enumerate(chunks):
        markup = main_buttons(pending) if i == len(chunks) - 1 else None
        await context.bot.send_message(chat_id, html.escape(chunk), reply_markup=markup)


def _data(pending: Pending, action: str) -> str:
    return f"ing:{pending.token}:{action}"


def main_buttons(pending: Pending) -> InlineKeyboardMarkup:
    """Save and Cancel (Save only when the office and period are known), and the way to
    remove facts when there are several."""
    lang = pending.lang
    row = [InlineKeyboardButton(t("cancel", lang), callback_data=_data(pending, "cancel"))]
    if savable(pending.proposal):
        save = t("save", lang, n=pending.kept)
        row.insert(0, InlineKeyboardButton(save, callback_data=_data(pending, "save")))
    rows = [row]
    if len(pending.proposal.facts) > 1:
        pick = InlineKeyboardButton(t("pick", lang), callback_data=_data(pending, "pick"))
        rows.append([pick])
    return InlineKeyboardMarkup(rows)


def pick_buttons(pending: Pending) -> InlineKeyboardMarkup:
    """One button a fact number (✗ when removed; pressing toggles it), then Save/Cancel."""
    numbers = range(1, min(len(pending.proposal.facts), PICK_MAX) + 1)
    buttons = [_number_button(pending, n) for n in numbers]
    rows = [buttons[i : i + PICK_ROW] for i in range(0, len(buttons), PICK_ROW)]
    return InlineKeyboardMarkup([*rows, *main_buttons(pending).inline_keyboard[:1]])


def _number_button(pending: Pending, n: int) -> InlineKeyboardButton:
    label = f"✗{n}" if n in pending.dropped else str(n)
    return InlineKeyboardButton(label, callback_data=_data(pending, f"t{n}"))
