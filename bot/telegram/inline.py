"""Inline mode: ``@botname berapa ITAS 2020`` in any chat offers the answer as a result.

Inline queries are answered by a pipeline of their own over the same fact base, each in a
fresh conversation whose id lies above every Telegram chat id: an inline query never reads
or changes a chat's context, nor pushes one out of the bounded context store.
"""

from __future__ import annotations

import asyncio
import html
import itertools

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Update,
)
from telegram.constants import MessageLimit, ParseMode
from telegram.ext import ContextTypes

from bot.model.reply import Reply
from bot.pipeline import Pipeline
from bot.telegram.links import encode_question
from bot.telegram.support import BotState, examples

INLINE_CHAT_BASE = 2**53  # Telegram ids have at most 52 significant bits
MAX_QUERY = 200
MAX_RESULTS = 10
MAX_TITLE = 120
MAX_DESCRIPTION = 200
CACHE_SECONDS = 60
HINT = "Ketik pertanyaan · type a question"
_chat_ids = itertools.count(INLINE_CHAT_BASE)


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer the reply to an inline query as results the user can send into the chat."""
    query = update.inline_query
    text = " ".join(query.query.split())
    st: BotState = context.application.bot_data["state"]
    if not text or len(text) > MAX_QUERY:
        await query.answer([], cache_time=CACHE_SECONDS, button=hint_button(st))
        return
    results = await asyncio.to_thread(inline_results, st, text)
    await query.answer(results, cache_time=CACHE_SECONDS)


def hint_button(st: BotState) -> InlineQueryResultsButton:
    """A button above the (empty) results that opens the bot on an example question."""
    example = examples(st.pipeline.base)[0]
    return InlineQueryResultsButton(text=HINT, start_parameter=encode_question(example))


def inline_results(st: BotState, text: str) -> list[InlineQueryResultArticle]:
    """One result for the reply, or one per choice (each answered) when it asks to choose."""
    pipeline = inline_pipeline(st)
    reply = pipeline.answer(text, chat_id=next(_chat_ids))
    replies = [reply]
    if reply.status == "clarify" and reply.options:
        replies = [_choose(pipeline, text, o.query) for o in reply.options[:MAX_RESULTS]]
    return [article(pipeline, r, str(i)) for i, r in enumerate(replies)]


def _choose(pipeline: Pipeline, text: str, choice: str) -> Reply:
    chat_id = next(_chat_ids)
    pipeline.answer(text, chat_id=chat_id)
    return pipeline.answer(choice, chat_id=chat_id)


def inline_pipeline(st: BotState) -> Pipeline:
    """The inline queries' own pipeline, over the fact base the chats use now."""
    base = st.pipeline.base
    if st.inline_pipeline is None or st.inline_pipeline.base is not base:
        st.inline_pipeline = Pipeline(base)
    return st.inline_pipeline


def article(pipeline: Pipeline, reply: Reply, result_id: str) -> InlineQueryResultArticle:
    """The result: title the figure line, description the quote, message the whole reply."""
    lines = reply.text.splitlines() or ["…"]
    description = quotes(pipeline, reply) or " ".join(lines[1:])
    return InlineQueryResultArticle(
        id=result_id,
        title=lines[0][:MAX_TITLE],
        description=description[:MAX_DESCRIPTION] or None,
        input_message_content=InputTextMessageContent(
            html.escape(reply.text[: MessageLimit.MAX_TEXT_LENGTH]), parse_mode=ParseMode.HTML
        ),
    )


def quotes(pipeline: Pipeline, reply: Reply) -> str:
    """The verbatim quotes of the facts the reply states."""
    base = pipeline.base
    found = [base.fact(f["metric"], f["period"], f["country"], f["office"]) for f in reply.facts]
    return "; ".join(f'"{fact.quote}"' for fact in found if fact is not None)
