"""Any text gives a valid reply object and never raises."""

from __future__ import annotations

import json
from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.evaluate import numbers, plain
from bot.model.reply import STATUSES
from bot.pipeline import Pipeline

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
def test_word_salad_of_known_words_never_states_an_unknown_number(base, words):
    question = " ".join(words)
    reply = Pipeline(base).answer(question, chat_id=2)  # no context from an earlier example
    assert reply.status in STATUSES
    stated = numbers(plain(reply.text)) - numbers(plain(question))
    assert stated <= derivable(reply, base, question), reply.text


def derivable(reply, base, question: str = "") -> set[str]:
    """Every number a reply may state: stored figures, years, ranks, statement quotes, and
    sums of some of the facts it lists ("Korea and Japan together"), their differences,
    their one-decimal percentages of one another (a gap's too), and a figure times or
    divided by a number of the question ("ITAS kali 5")."""
    values = [f["value"] for f in reply.facts]
    sums = {sum(c) for n in range(1, len(values) + 1) for c in combinations(values, n)}
    allowed = {str(f.value) for f in base.facts.values()} | {str(y) for y in range(1990, 2035)}
    allowed |= {str(n) for n in range(11)} | {str(s) for s in sums}
    allowed |= {str(abs(a - b)) for a in sums for b in sums}
    for a in sums:
        for b in sums:
            if b:
                allowed.add(f"{100 * a / b:.1f}")
            for c in sums:
                if c:
                    allowed.add(f"{100 * abs(a - b) / c:.1f}")
    for factor in (int(n) for n in numbers(question) if n.isdigit() and 0 < int(n) <= 1000):
        for value in values:
            allowed |= {str(value * factor), f"{value / factor:.1f}", str(round(value / factor))}
            allowed |= {f"{value / b * factor:.1f}" for b in values if b}  # "per 1000 WNA"
    for row in base.tables["statements"]:
        allowed |= numbers(row["quote"]) | numbers(row["summary_id"]) | numbers(row["summary_en"])
    return allowed
