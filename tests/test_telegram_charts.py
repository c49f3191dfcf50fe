"""Charts through python-telegram-bot: a photo when asked for, a "Lihat grafik" button
under a reply that lists several figures, the photo when it is pressed; drawn in a worker
thread while other chats are answered."""

from __future__ import annotations

import asyncio
import html
import time

from png_check import png_size
from telegram_harness import expected_answer
from tg_updates import callback_update, text_update

from bot.answers.charts.caption import CAPTION_LIMIT
from bot.answers.charts.spec import chart_spec
from bot.answers.charts.texts import text as chart_text
from bot.answers.formatting import number
from bot.facts.base import FactBase
from bot.model.text import digits_in
from bot.telegram import charts
from bot.telegram.texts import EXPIRED_BUTTON

ASK_CHART = "grafik 5 negara WNA terbanyak"
RANKING = "5 negara WNA terbanyak"


def ranking_values(built_db, question: str, lang: str | None = None) -> list[int]:
    return [f["value"] for f in expected_answer(built_db, question, lang=lang).facts]


async def test_a_chart_asked_for_is_sent_as_a_photo_with_figures_and_source(bot, built_db):
    sent = await bot.ask(ASK_CHART, chat_id=301)
    assert sent == []  # the photo replaces the text reply
    [photo] = bot.api.photos_for(301)
    width, height = png_size(photo["photo"])
    assert width >= 600 and height >= 400
    reply = expected_answer(built_db, ASK_CHART)
    assert photo["caption"] == html.escape(reply.text)
    assert len(html.unescape(photo["caption"])) <= CAPTION_LIMIT
    caption = html.unescape(photo["caption"])
    assert all(number(v, "id") in caption for v in ranking_values(built_db, ASK_CHART))
    assert "Sumber: TVBERITA" in caption and "kutipan" in caption
    assert photo["parse_mode"] == "HTML"


async def test_an_english_chart_request(bot, built_db):
    question = "show me a chart of the top 5 countries of foreign residents"
    await bot.ask(question, chat_id=302)
    [photo] = bot.api.photos_for(302)
    caption = html.unescape(photo["caption"])
    assert caption == expected_answer(built_db, question).text
    assert all(number(v, "en") in caption for v in ranking_values(built_db, question))
    assert "Source:" in caption


async def test_a_reply_listing_figures_offers_a_chart_button(bot, built_db):
    [message] = await bot.ask(RANKING, chat_id=303)
    assert message["text"] == html.escape(expected_answer(built_db, RANKING).text)
    [[button]] = message["reply_markup"]["inline_keyboard"]
    assert button["text"] == chart_text("button", "id")
    assert bot.api.photos_for(303) == []
    await bot.send(callback_update(button["callback_data"], chat_id=303))
    [photo] = bot.api.photos_for(303)
    assert png_size(photo["photo"]) >= (600, 400)
    assert photo["caption"] == message["text"]
    assert bot.api.callback_answers[-1].get("text") is None  # the spinner stops, no notice


async def test_one_figure_offers_no_chart_and_asking_for_one_says_why(bot, built_db):
    [message] = await bot.ask("berapa ITAS 2020", chat_id=304)
    assert message.get("reply_markup") is None
    sent = await bot.ask("grafik ITAS 2020", chat_id=305)
    assert sent[0]["text"] == html.escape(expected_answer(built_db, "grafik ITAS 2020").text)
    assert sent[1]["text"] == html.escape(chart_text("none", "id"))
    assert bot.api.photos_for(305) == []


async def test_an_unknown_chart_button_is_expired(bot):
    await bot.send(callback_update("chart:zz", chat_id=306))
    assert bot.api.callback_answers[-1]["text"] == EXPIRED_BUTTON
    assert bot.api.photos_for(306) == []


async def test_a_long_reply_keeps_figures_and_source_in_the_caption(bot, base: FactBase):
    reply = bot.state.pipeline.answer(RANKING, chat_id=307)
    long_reply = type(reply)(**{**reply.__dict__, "text": reply.text + "\n" + "x" * 1200})
    chart = charts.Chart(chart_spec(long_reply, base), long_reply, "test", True)
    await charts.send_chart(bot.app.bot, bot.state.charts, 307, chart)
    [photo] = bot.api.photos_for(307)
    caption = html.unescape(photo["caption"])
    assert len(caption) <= CAPTION_LIMIT
    assert {str(f["value"]) for f in reply.facts} <= digits_in(caption)
    assert "Sumber: TVBERITA" in caption
    [rest] = bot.api.messages_for(307)
    assert html.unescape(rest["text"]) == long_reply.text


async def test_drawing_keeps_other_chats_answered_and_shows_upload_photo(bot, built_db):
    desk = bot.state.charts
    drawn = desk.png

    def slow_png(chart):
        time.sleep(1.0)  # a slow first chart, in the worker thread
        return drawn(chart)

    desk.png = slow_png
    chart_task = asyncio.create_task(bot.send(text_update(ASK_CHART, 308)))
    await asyncio.sleep(0.2)
    started = time.monotonic()
    [quick] = await bot.ask("berapa ITAS 2020", chat_id=309)
    assert time.monotonic() - started < 0.8  # not behind the chart
    assert bot.api.photos_for(308) == []
    await chart_task
    assert len(bot.api.photos_for(308)) == 1
    assert {"chat_id": 308, "action": "upload_photo"} in bot.api.chat_actions
    assert quick["text"] == html.escape(expected_answer(built_db, "berapa ITAS 2020").text)
