"""Consistency over everything the knowledge defines."""

from __future__ import annotations

import pytest
from conftest import KNOWLEDGE
from knowledge_edits import read_rows

from bot.answers.messages import MESSAGES

INTENT_ROWS = read_rows(KNOWLEDGE / "intents.csv")
EXAMPLES = [(r["intent"], r["lang"], r["text"]) for r in INTENT_ROWS if r["kind"] == "example"]
METRICS = read_rows(KNOWLEDGE / "metrics.csv")


@pytest.mark.parametrize("intent", sorted({r["intent"] for r in INTENT_ROWS}))
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_intent_has_examples_in_both_languages(intent, lang):
    assert any(i == intent and lg == lang for i, lg, _ in EXAMPLES)


@pytest.mark.parametrize(("intent", "lang", "text"), EXAMPLES)
def test_every_example_is_understood_as_its_intent(pipeline, intent, lang, text):
    reply = pipeline.answer(text)
    assert reply.intent == intent, reply.text
    assert reply.lang == lang


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_exists_in_both_languages_with_the_same_fields(key):
    import string

    fields = {
        lang: {f for _, f, _, _ in string.Formatter().parse(MESSAGES[key][lang]) if f}
        for lang in ("id", "en")
    }
    assert fields["id"] == fields["en"]


@pytest.mark.parametrize("metric", [m["id"] for m in METRICS if m["aliases_id"]])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_metric_can_be_asked_and_defined_by_its_names(pipeline, base, metric, lang):
    row = next(m for m in METRICS if m["id"] == metric)
    name = row[f"name_{lang}"]
    fact = base.fact(metric, base.newest_year(), None)
    reply = pipeline.answer(name, chat_id=1)
    if fact is None:  # a metric the release gives no figure for: none, or what it says
        assert reply.status in ("no_data", "answered") and reply.facts == [], reply.text
    else:
        assert reply.facts == [fact.as_reply_fact()]
    question = "apa itu " if lang == "id" else "what is "
    assert pipeline.answer(question + (row["abbr"] or name), chat_id=2).intent == "define"


@pytest.mark.parametrize("fact_key", ["KR", "JP", "CN", "IN", "TW"])
def test_every_listed_country_is_answered_by_its_names(pipeline, base, fact_key):
    from bot.answers.formatting import country

    fact = base.fact("foreign_residents", base.newest_year(), fact_key)
    for lang in ("id", "en"):
        assert pipeline.answer(country(fact_key, lang), chat_id=3).facts == [fact.as_reply_fact()]
