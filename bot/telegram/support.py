"""Helpers of the Telegram front end that need no network: texts, the per-user rate limit,
button data, group addressing, message splitting and the admin reports."""

from __future__ import annotations

import asyncio
import html
import itertools
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.telegram.charts import ChartDesk
from bot.telegram.memory import ChatMemory
from bot.telegram.previews import PreviewStore
from bot.telegram.settings import Settings
from bot.telegram.stats import Stats

LANG_CHOICES = ("id", "en", "auto")
RATE_NOTICE = (
    "Pelan-pelan ya, terlalu banyak pesan; coba lagi sebentar lagi. / "
    "Please slow down: too many messages; try again in a minute."
)
NON_TEXT_HINT = (
    "Saya hanya membaca teks: ketik pertanyaan Anda. / I only read text: please type your question."
)
ADMIN_ONLY = "Maaf, perintah ini khusus admin. / Sorry, this command is for admins only."
PRIVATE_ONLY = (
    "Kirim perintah ini di chat pribadi dengan bot. / "
    "Please send this command in a private chat with the bot."
)
SORRY = "Maaf, terjadi kesalahan; coba lagi. / Sorry, something went wrong; please try again."
MAX_PROBLEMS = 25


@dataclass
class RateLimiter:
    """A sliding one-minute window per user: one notice when over the limit, then silence."""

    per_minute: int
    window: float = 60.0
    _hits: dict[int, deque] = field(default_factory=dict)
    _noticed: set[int] = field(default_factory=set)

    def check(self, user_id: int, now: float | None = None) -> str:
        """``"ok"`` (go on), ``"notice"`` (first refusal: tell the user) or ``"silent"``."""
        now = time.monotonic() if now is None else now
        if len(self._hits) > 10_000:
            self._forget(now)
        hits = self._hits.setdefault(user_id, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) < self.per_minute:
            hits.append(now)
            self._noticed.discard(user_id)
            return "ok"
        if user_id in self._noticed:
            return "silent"
        self._noticed.add(user_id)
        return "notice"

    def _forget(self, now: float) -> None:
        for user_id in [u for u, h in self._hits.items() if not h or h[-1] <= now - self.window]:
            del self._hits[user_id]
            self._noticed.discard(user_id)


class ButtonStore:
    """Callback data for question buttons (at most 64 bytes, as Telegram requires).

    A short question travels in the data itself (``q:<question>``); a longer one is kept
    here under a short key (``k:<n>``), the newest ``cap`` of them.
    """

    def __init__(self, cap: int = 2000):
        self.cap = cap
        self._queries: OrderedDict[str, str] = OrderedDict()
        self._ids = itertools.count(1)

    def data_for(self, query: str) -> str:
        """The callback data that asks ``query``."""
        data = f"q:{query}"
        if len(data.encode("utf-8")) <= 64:
            return data
        key = format(next(self._ids), "x")
        self._queries[key] = query
        while len(self._queries) > self.cap:
            self._queries.popitem(last=False)
        return f"k:{key}"

    def query_for(self, data: str) -> str | None:
        """The question behind callback data, or None when unknown or expired."""
        if data.startswith("q:") and len(data) > 2:
            return data[2:]
        if data.startswith("k:"):
            return self._queries.get(data[2:])
        return None


@dataclass
class BotState:
    """What the handlers share (kept in ``application.bot_data["state"]``)."""

    settings: Settings
    pipeline: object
    stats: Stats
    limiter: RateLimiter
    buttons: ButtonStore = field(default_factory=ButtonStore)
    reload_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    inline_pipeline: object | None = None  # see bot.telegram.inline
    memory: ChatMemory = field(default_factory=lambda: ChatMemory(None))  # bot.telegram.memory
    charts: ChartDesk = field(default_factory=ChartDesk)
    previews: PreviewStore | None = None  # release previews waiting for an admin


def addressed_to_bot(message, bot) -> bool:
    """True in private chats; in groups only for our commands, @mentions and replies to us."""
    if message.chat.type == "private":
        return True
    reply_to = message.reply_to_message
    if reply_to is not None and reply_to.from_user is not None and reply_to.from_user.id == bot.id:
        return True
    if message.text:
        entities, parse = message.entities, message.parse_entity
    else:
        entities, parse = message.caption_entities, message.parse_caption_entity
    username = (bot.username or "").lower()
    for entity in entities or ():
        piece = parse(entity)  # offsets count UTF-16 units; parse_entity handles that
        if entity.type == "bot_command" and entity.offset == 0:
            target = piece.partition("@")[2].lower()
            if not target or target == username:
                return True
        if entity.type == "mention" and piece.lower() == f"@{username}":
            return True
        if entity.type == "text_mention" and entity.user is not None and entity.user.id == bot.id:
            return True
    return False


def strip_mention(text: str, username: str | None) -> str:
    """The text without ``@username`` (any case)."""
    if not username:
        return text
    needle = f"@{username}".lower()
    while (at := text.lower().find(needle)) >= 0:
        text = text[:at] + text[at + len(needle) :]
    return " ".join(text.split())


def examples(base) -> tuple[str, ...]:
    """Example questions for /start and /help, made from what the fact base holds."""
    abbrs = [row["abbr"] for row in base.tables["metrics"] if row.get("abbr")]
    first, second = [*abbrs, "ITAS", "ITAS"][:2]
    return (
        f"Berapa {second} tahun {base.newest_year()}?",
        "Negara asal WNA terbanyak?",
        "How many people were deported?",
        f"What is {first}?",
    )


def welcome_text(base) -> str:
    """The /start greeting, in Indonesian and English (HTML)."""
    offices = base.tables["offices"]
    office_id = html.escape(offices[0]["short_id"]) if offices else ""
    office_en = html.escape(offices[0]["short_en"]) if offices else ""
    return (
        f"<b>Halo!</b> Saya menjawab pertanyaan statistik keimigrasian {office_id} "
        f"tahun {base.newest_year()}. Ketik pertanyaan Anda atau tekan contoh di bawah.\n\n"
        f"<b>Hello!</b> I answer immigration statistics questions about {office_en} "
        f"in {base.newest_year()}. Type your question or press an example below.\n\n"
        "/help · /sumber (/source) · /bahasa (/lang)"
    )


def help_text(base) -> str:
    """The /help text: what the bot knows (from the fact base) and examples (HTML)."""
    lines = ["<b>Yang bisa saya jawab / What I can answer</b>"]
    for row in base.tables["metrics"]:
        name = row.get("abbr") or row.get("name_id", "")
        lines.append(
            f"• {html.escape(name)}: {html.escape(row.get('name_id', ''))} / "
            f"{html.escape(row.get('name_en', ''))}"
        )
    lines.append("\nJuga: peringkat negara, persentase, selisih, total, definisi istilah.")
    lines.append("Also: country rankings, shares, differences, totals, definitions of terms.")
    lines.append("\n<b>Contoh / examples</b>")
    lines.extend(f"• {html.escape(q)}" for q in examples(base))
    lines.append("\n/sumber (/source): sumber data / data sources")
    lines.append("/bahasa (/lang) id|en|auto: bahasa jawaban / answer language")
    return "\n".join(lines)


def format_sources(rows: list[dict]) -> str:
    """The /sumber text: each source's title, publisher, date and link (HTML)."""
    if not rows:
        return "Belum ada sumber. / No sources yet."
    lines = ["<b>Sumber / Sources</b>"]
    for row in rows:
        title = html.escape(row.get("title") or row.get("id", ""))
        meta = " · ".join(
            html.escape(str(v))
            for v in (row.get("publisher"), row.get("published") or row.get("period"))
            if v
        )
        url = row.get("url") or ""
        link = "(tanpa tautan / no link)"
        if url:
            link = f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'

        lines.append(f"\n<b>{title}</b>\n{meta}\n{link}")
    return "\n".join(lines)


def format_problems(problems: list) -> str:
    """A refused reload: every problem as ``file:line: reason`` (plain text)."""
    lines = [
        f"Reload ditolak / refused: {len(problems)} masalah / problem(s). "
        "Fakta lama tetap dipakai / still answering from the last good facts."
    ]
    lines.extend(str(p) for p in problems[:MAX_PROBLEMS])
    if len(problems) > MAX_PROBLEMS:
        lines.append(f"… +{len(problems) - MAX_PROBLEMS}")
    return "\n".join(lines)


def format_reload(report) -> str:
    """A successful reload: facts before and after, rows added, removed and changed."""
    diff = report.diff
    lines = [
        "Reload OK" + ("" if report.build.changed else " (berkas tidak berubah / files unchanged)"),
        f"Fakta / facts: {len(report.before)} → {len(report.after)}",
        f"Ditambah / added: {len(diff['added'])}, dihapus / removed: {len(diff['removed'])}, "
        f"diubah / changed: {len(diff['changed'])}",
    ]
    for old, new in diff["changed"][:MAX_PROBLEMS]:
        lines.append(f"~ {_fact_name(new)}: {old['value']} → {new['value']}")
    lines.extend(f"+ {_fact_name(r)}: {r['value']}" for r in diff["added"][:MAX_PROBLEMS])
    lines.extend(f"- {_fact_name(r)}: {r['value']}" for r in diff["removed"][:MAX_PROBLEMS])
    return "\n".join(lines)


def _fact_name(row: dict) -> str:
    return " ".join(str(row[k]) for k in ("metric", "year", "country") if row.get(k))


def format_stats(stats: Stats, top: list[tuple[str, int]] | None) -> str:
    """The /stats report (plain text); ``top`` is None when the store could not be read."""
    since = datetime.fromtimestamp(stats.started, UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"Pertanyaan sejak / questions since {since}: {stats.total}",
        "Status: " + _counts(stats.by_status),
        "Bahasa / language: " + _counts(stats.by_lang),
        "Tak terjawab teratas / top unanswered:",
    ]
    if top is None:
        lines.append("(stats.db sibuk / busy; coba lagi / try again)")
    else:
        lines.extend(f"{i}. ({count}×) {text}" for i, (text, count) in enumerate(top, 1))
    if top == []:
        lines.append("–")
    if stats.dropped:
        lines.append(f"Tidak tersimpan / not stored (store busy): {stats.dropped}")
    return "\n".join(lines)


def _counts(counter) -> str:
    return ", ".join(f"{k} {v}" for k, v in counter.most_common()) or "–"
