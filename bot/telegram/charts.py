"""Charts in Telegram: a photo when the message asks for one ("grafik", "chart"), else a
"Lihat grafik" / "Show chart" button under a reply that lists several figures; pressing it
sends the photo. Drawing runs in a worker thread ("sending photo…" meanwhile), so the
event loop keeps answering; matplotlib is imported at the first chart."""

from __future__ import annotations

import asyncio
import html
import itertools
from collections import OrderedDict
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters, Update
from telegram.constants import ChatAction, MessageLimit
from telegram.ext import ContextTypes

from bot.answers.charts.ask import asks_for_chart
from bot.answers.charts.cache import ChartCache, base_identity
from bot.answers.charts.caption import caption_parts
from bot.answers.charts.drawer import ChartDrawer
from bot.answers.charts.spec import ChartSpec, chart_spec
from bot.answers.charts.texts import text as chart_text
from bot.model.reply import Reply
from bot.telegram.actions import typing_while_slow
from bot.telegram.texts import EXPIRED_BUTTON, split_text

PREFIX = "chart:"
PATTERN = rf"^{PREFIX}"
NOTED_STATUSES = ("answered", "no_data")  # a reply that may be charted, not a question back


@dataclass(frozen=True)
class Chart:
    """A reply's chart (``spec`` None: its figures make none) and whether it was asked for."""

    spec: ChartSpec | None
    reply: Reply
    base_id: str
    asked: bool


class ChartDesk:
    """The charts offered under replies (the newest ``cap``) and the drawn PNGs."""

    def __init__(self, cap: int = 2000, *, own_process: bool = True):
        self.cap = cap
        self.cache = ChartCache()
        self._offered: OrderedDict[str, Chart] = OrderedDict()
        self._ids = itertools.count(1)
        self._drawer = ChartDrawer() if own_process else None

    def offer(self, chart: Chart) -> str:
        """The callback data of a button that sends ``chart``."""
        key = format(next(self._ids), "x")
        self._offered[key] = chart
        while len(self._offered) > self.cap:
            self._offered.popitem(last=False)
        return PREFIX + key

    def offered(self, data: str) -> Chart | None:
        """The chart behind callback data, or None when unknown (expired, or a restart)."""
        return self._offered.get(data.removeprefix(PREFIX)) if data.startswith(PREFIX) else None

    def png(self, chart: Chart) -> bytes:
        """The chart's PNG, from the cache or drawn now (blocks: use a worker thread)."""
        draw = self._drawer.draw if self._drawer else None  # None: in this thread
        return self.cache.png(chart.spec, chart.base_id, draw)

    def close(self) -> None:
        """Stop the drawing process, if one was started."""
        if self._drawer:
            self._drawer.close()


def chart_of(pipeline, reply: Reply, text: str) -> Chart | None:
    """The chart of ``reply`` to ``text`` over the pipeline's base (None for a stand-in
    pipeline). Call it in the worker thread that answered."""
    base = getattr(pipeline, "base", None)
    if base is None:
        return None
    spec = chart_spec(reply, base)
    return Chart(spec, reply, base_identity(base), asks_for_chart(text, base))


def chart_button(desk: ChartDesk, chart: Chart | None) -> InlineKeyboardMarkup | None:
    """A "Lihat grafik" / "Show chart" button for a reply whose figures make a chart."""
    if chart is None or chart.spec is None:
        return None
    label = chart_text("button", chart.spec.lang)
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=desk.offer(chart))]])


async def send_if_asked(
    bot, desk: ChartDesk, chat_id: int, chart: Chart | None, quote: ReplyParameters | None
) -> bool:
    """Send the chart asked for, in place of the text reply; False when none was asked
    for or its figures make none (the text goes out as usual)."""
    if chart is None or not chart.asked or chart.spec is None:
        return False
    await send_chart(bot, desk, chat_id, chart, quote)
    return True


async def say_why_not(bot, chat_id: int, chart: Chart | None) -> None:
    """After the text reply: a chart was asked for and its figures make none."""
    if chart and chart.asked and chart.spec is None and chart.reply.status in NOTED_STATUSES:
        await bot.send_message(chat_id, html.escape(chart_text("none", chart.reply.lang)))


async def send_chart(
    bot, desk: ChartDesk, chat_id: int, chart: Chart, quote: ReplyParameters | None = None
) -> None:
    """Draw (in a worker thread) and send the photo; the caption holds the figures and the
    source, and a reply too long for it follows as text."""
    async with typing_while_slow(bot, chat_id, ChatAction.UPLOAD_PHOTO):
        png = await asyncio.to_thread(desk.png, chart)
    caption, rest = caption_parts(chart.spec, chart.reply.text)
    await bot.send_photo(
        chat_id, png, caption=html.escape(caption), filename="grafik.png", reply_parameters=quote
    )
    for chunk in split_text(rest, MessageLimit.MAX_TEXT_LENGTH) if rest else []:
        await bot.send_message(chat_id, html.escape(chunk))


async def chart_pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The "Lihat grafik" button: send the chart of the reply it was under."""
    query = update.callback_query
    desk: ChartDesk = context.application.bot_data["state"].charts
    chart = desk.offered(query.data or "")
    if chart is None or query.message is None:
        await query.answer(EXPIRED_BUTTON)
        return
    await query.answer()
    await send_chart(context.bot, desk, query.message.chat.id, chart)
