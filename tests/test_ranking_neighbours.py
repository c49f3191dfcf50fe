"""The place next to a country's in a ranking ("which country is largest after Korea?"), the
countries above or below one country's figure ("which countries have fewer than China?"),
and a ranking with countries left out before a comma ("kecuali Korea dan Jepang, siapa
terbanyak?"). Every expected figure comes from the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import number
from bot.answers.messages import message


def _place(ranked, code: str) -> int:
    return [f.country for f in ranked].index(code) + 1


@pytest.mark.parametrize(
    ("text", "after", "step"),
    [
        ("which country is largest after Korea?", "KR", 1),
        ("setelah Jepang, negara mana yang terbanyak?", "JP", 1),
        ("negara terbanyak sesudah China?", "CN", 1),
        ("which nationality comes after Japan?", "JP", 1),
        ("which nationality is the smallest after Taiwan?", "TW", -1),
        ("negara paling sedikit setelah Taiwan", "TW", -1),
    ],
)
def test_the_place_after_a_country_is_the_next(pipeline, ranked, text, after, step):
    reply = pipeline.answer(text)
    target = ranked[_place(ranked, after) - 1 + step]
    named = [f for f in ranked if f is not target]
    assert reply.status == "answered", reply.text
    assert number(target.value, reply.lang) in reply.text, reply.text
    assert all(number(f.value, reply.lang) not in reply.text for f in named), reply.text


@pytest.mark.parametrize(
    "text", ["which country is largest after Taiwan?", "negara terbanyak setelah Taiwan?"]
)
def test_nothing_comes_after_the_last_place(pipeline, ranked, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data", reply.text
    assert all(number(f.value, reply.lang) not in reply.text for f in ranked)


@pytest.mark.parametrize(
    "text", ["WNA terbanyak setelah Thailand?", "which country is largest after Thailand?"]
)
def test_after_a_country_not_listed_is_no_data(pipeline, ranked, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data", reply.text
    assert "Thailand" in reply.text


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("other than Korea, which country has most foreigners?", ["KR"]),
        ("kecuali Korea dan Jepang, siapa terbanyak?", ["KR", "JP"]),
        ("Besides Japan, which nationality is the largest?", ["JP"]),
        ("selain Korea, negara mana yang paling banyak?", ["KR"]),
    ],
)
def test_countries_left_out_before_a_comma_are_left_out(pipeline, ranked, text, left_out):
    reply = pipeline.answer(text)
    first = next(f for f in ranked if f.country not in left_out)
    assert number(first.value, reply.lang) in reply.text, reply.text
    assert all(number(f.value, reply.lang) not in reply.text for f in ranked if f is not first)


def test_leaving_out_something_else_before_a_comma_keeps_the_question(pipeline, value_of):
    reply = pipeline.answer("Selain data paspor, berapa WNA Korea, dan berapa WNA Jepang?")
    for code in ("KR", "JP"):
        assert number(value_of("foreign_residents", code), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "beside", "fewer"),
    [
        ("negara yang WNA-nya lebih sedikit dari India?", "IN", True),
        ("which countries have fewer people than China?", "CN", True),
        ("which country has more foreigners than Japan?", "JP", False),
        ("negara mana saja yang lebih banyak dari India?", "IN", False),
        ("countries below Japan?", "JP", True),
        ("negara di atas India apa saja?", "IN", False),
        ("negara yang WNA-nya tidak lebih banyak dari India?", "IN", True),
        ("which countries do not have more people than China?", "CN", True),
        # no word for "countries": the one country named after the comparison is its bound
        ("berapa WNA di bawah Jepang?", "JP", True),
        ("di bawah India ada siapa?", "IN", True),
        ("how many foreigners above India?", "IN", False),
        ("WNA yang lebih sedikit dari China berapa?", "CN", True),
        # ... and added up when a total is asked
        ("WNA di bawah Korea totalnya", "KR", True),
        ("total WNA di bawah Jepang", "JP", True),
        ("negara yang WNA-nya lebih sedikit daripada China, totalnya berapa", "CN", True),
        ("berapa total WNA di atas China?", "CN", False),
        ("more than Japan?", "JP", False),  # its "more than" asks no difference alone
    ],
)
def test_countries_beyond_another_countrys_figure_are_listed(pipeline, ranked, text, beside, fewer):
    reply = pipeline.answer(text)
    limit = next(f.value for f in ranked if f.country == beside)
    beyond = [f for f in ranked if (f.value < limit if fewer else f.value > limit)]
    assert [f["country"] for f in reply.facts] == [f.country for f in beyond], reply.text
    others = [f for f in ranked if f not in beyond and f.country != beside]
    assert all(number(f.value, reply.lang) not in reply.text for f in others), reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["Berapa jumlah WNA selain lima negara itu?"],
        ["how many foreigners are not from the five countries listed?"],
        ["top 5", "sisanya?"],
        ["WNA selain Korea, Jepang, China, India dan Taiwan?"],
        ["WNA negara lain berapa?"],
        ["foreigners from other countries?"],
    ],
)
def test_every_listed_country_left_out_is_no_data(last_reply, ranked, turns):
    # the release lists 5 countries "dengan jumlah WNA terbanyak": others are not counted
    reply = last_reply(turns, chat_id=93)
    assert reply.status == "no_data" and reply.facts == [], reply.text
    assert message("others", reply.lang) in reply.text


@pytest.mark.parametrize(
    ("text", "top"),
    [
        ("WNA selain 3 negara teratas?", 3),
        ("selain 2 negara terbanyak, berapa WNA?", 2),
    ],
)
def test_all_but_the_first_countries_is_the_whole_less_them(pipeline, value_of, ranked, text, top):
    reply = pipeline.answer(text)
    left = value_of("foreign_residents") - sum(f.value for f in ranked[:top])
    assert reply.intent == "complement", reply.text
    assert f"= {number(left, reply.lang)} " in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("yang terbanyak di bawah Korea Selatan siapa", 2),
        ("siapa yang paling sedikit di atas India?", 3),
        ("other than Korea and Japan, which country is third?", 3),
    ],
)
def test_one_place_asked_beside_a_country_or_exclusion(pipeline, ranked, text, place):
    reply = pipeline.answer(text)
    shown = [f for f in ranked if number(f.value, reply.lang) in reply.text]
    assert ranked[place - 1] in shown, reply.text
    assert len(shown) <= 2, reply.text  # the place, and at most the country it is beside


@pytest.mark.parametrize(
    "text",
    [
        "Japan is behind Korea by how many?",
        "how far behind Korea is Japan?",
        "Jepang menyusul Korea, berapa selisihnya?",
    ],
)
def test_behind_another_country_compares_the_two(pipeline, value_of, text):
    reply = pipeline.answer(text)
    gap = value_of("foreign_residents", "KR") - value_of("foreign_residents", "JP")
    assert number(gap, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "beside", "times", "fewer"),
    [
        ("countries with more than 2 times India?", "IN", 2, False),
        ("negara yang lebih dari 5 kali lipat India?", "IN", 5, False),
        ("negara dengan WNA kurang dari 2 kali Taiwan", "TW", 2, True),
    ],
)
def test_a_multiple_of_a_countrys_figure_bounds_the_list(
    pipeline, ranked, text, beside, times, fewer
):
    reply = pipeline.answer(text)
    limit = times * next(f.value for f in ranked if f.country == beside)
    beyond = [f for f in ranked if (f.value < limit if fewer else f.value > limit)]
    assert [f["country"] for f in reply.facts] == [f.country for f in beyond], reply.text
    assert f"{times} × " in reply.text and number(limit, reply.lang) in reply.text, reply.text
