"""Any text gives a valid reply object and never raises."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.reply import STATUSES

WORDS = (
    "berapa",
    "itas",
    "itk",
    "itap",
    "jepang",
    "korea",
    "2019",
    "2020",
    "persen",
    "selisih",
    "apa",
    "itu",
    "kalau",
    "dan",
    "how",
    "many",
    "the",
    "of",
    "total",
    "top",
    "paling",
    "sedikit",
    "jakarta",
    "bekasi",
    "visa",
    "paspor",
    "5",
    "ketiga",
    "halo",
)
FIELDS = {"chat_id", "text", "lang", "status", "intent", "confidence", "facts", "options"}


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=5000))
def test_any_text_gives_a_valid_reply(pipeline, text):
    reply = pipeline.answer(text, chat_id=1)
    data = reply.to_dict()
    assert set(data) == FIELDS
    assert data["status"] in STATUSES
    assert data["lang"] in ("id", "en")
    assert 0.0 <= data["confidence"] <= 1.0
    assert data["text"]
    json.dumps(data, ensure_ascii=False)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(
        st.sampled_from(WORDS),
        max_size=12,
    )
)
def test_word_salad_of_known_words_never_states_an_unknown_number(pipeline, base, words):
    reply = pipeline.answer(" ".join(words), chat_id=2)
    assert reply.status in STATUSES
    stored = {f.value for f in base.facts.values()}
    for fact in reply.facts:
        assert fact["value"] in stored
