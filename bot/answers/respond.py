"""Stage 6: the reply to an understood question: look the frame up and write the text in
the asker's language."""

from __future__ import annotations

from bot.answers import compose, guidance
from bot.answers.compose_years import compose_partial_change
from bot.answers.labels import office_name, sources_text
from bot.answers.messages import message
from bot.answers.no_data import compose_no_data
from bot.answers.query import run_query
from bot.answers.result import Result
from bot.answers.statements import compose_item_count, compose_statements
from bot.facts.base import FactBase
from bot.model.frame import Frame
from bot.model.reply import Reply


def respond(frame: Frame, base: FactBase, lang: str) -> Reply:
    """The reply to ``frame`` in ``lang``."""
    reply = Reply(
        text="", lang=lang, status=frame.status, intent=frame.intent, confidence=frame.confidence
    )
    if frame.status == "answered" and frame.intent in base.statement_intents:
        _answer_statement(reply, frame, base, lang)
    elif frame.status == "answered" and frame.intent == "source":
        reply.text = sources_text(base, lang, office=frame.office, year=frame.year)
    elif frame.status == "answered" and frame.intent == "define":
        reply.text = compose.compose_definition(frame, base, lang)
    elif frame.status == "smalltalk":
        reply.text = guidance.compose_smalltalk(frame.intent, base, lang)
    elif frame.status == "clarify" or frame.intent == "clarify":
        reply.options = guidance.clarify_options(frame, base, lang)
        reply.text = guidance.clarify_text(frame, base, lang, options=bool(reply.options))
    elif frame.status == "no_data":
        reply.text = compose_no_data(frame, base, lang)
    elif frame.status == "fallback":
        reply.text = guidance.compose_smalltalk("fallback", base, lang)
    else:
        _answer_figure(reply, frame, base, lang)
    return reply


def _answer_statement(reply: Reply, frame: Frame, base: FactBase, lang: str) -> None:
    named = frame.years[0] if frame.years else None
    if frame.reason == "count":
        reply.text = compose_item_count(base, frame.intent, lang, office=frame.office, year=named)
        if reply.text:
            return
    text = compose_statements(base, frame.intent, lang, office=frame.office, year=named)
    if not text and named and _mentioned(base, frame.intent, named):
        # "UU No 6 Tahun 2011", "dibanding 2019": a year the statement is about
        text = compose_statements(base, frame.intent, lang, office=frame.office)
    if not text and named and frame.entities.relative:
        # "what awards did they win this year": no release of this year yet; the newest
        # release's, said to be so (a year named outright stays unanswered)
        text = compose_statements(base, frame.intent, lang, office=frame.office)
        text = text and _of_newest(base, frame, named, lang) + "\n" + text
    if text:
        more = (compose_statements(base, i, lang, office=frame.office) for i in frame.more)
        reply.text = "\n\n".join([text, *(m for m in more if m)])
        return
    frame.status, frame.reason, frame.year = "no_data", "statement", named
    reply.status = "no_data"
    reply.text = compose_no_data(frame, base, lang)


def _of_newest(base: FactBase, frame: Frame, year: int, lang: str) -> str:
    office = frame.office or base.default_office
    rows = base.statements(frame.intent, office)
    newest = max(r["year"] for r in rows)
    return message(
        "statement_newest", lang, office=office_name(base, lang, office), year=year, newest=newest
    )


def _mentioned(base: FactBase, intent: str, year: int) -> bool:
    """Whether a statement of ``intent`` mentions ``year`` itself (not as its release's)."""
    rows = [r for r in base.tables["statements"] if r["intent"] == intent]
    return any(str(year) in r["quote"] or str(year) in r["summary_id"] for r in rows)


def _answer_figure(reply: Reply, frame: Frame, base: FactBase, lang: str) -> None:
    result = run_query(frame, base)
    if result.missing or not result.facts:
        _no_figure(reply, frame, result, base, lang)
        return
    reply.intent = result.kind
    reply.text, shown = compose.compose_figure(frame, result, base, lang)
    reply.facts = [f.as_reply_fact() for f in shown]
    more = (compose_statements(base, i, lang, office=frame.office) for i in frame.more)
    reply.text = "\n\n".join([reply.text, *(m for m in more if m)])


def _no_figure(reply: Reply, frame: Frame, result: Result, base: FactBase, lang: str) -> None:
    """No figure for what was asked: say so; a change with one year missing shows the year
    the base has."""
    frame.status, frame.reason = "no_data", result.missing or "fact"
    reply.status = "no_data"
    if result.kind == "change" and result.facts:
        reply.text, shown = compose_partial_change(frame, result, base, lang)
        reply.facts = [f.as_reply_fact() for f in shown]
        return
    reply.text = compose_no_data(frame, base, lang)
