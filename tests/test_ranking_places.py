"""Places of a ranking listed together, the rest of a ranking, a gap as a percentage of the
larger figure, and a claimed number corrected within a message. Every expected figure
comes from the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import country, number, percent
from bot.answers.messages import message


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("negara peringkat 1 dan 2?", [1, 2]),
        ("negara kedua dan ketiga terbanyak?", [2, 3]),
        ("urutan ke 2 dan ke 3 negara asal WNA", [2, 3]),
        ("which countries are 2nd and 3rd?", [2, 3]),
        ("the first and third nationalities?", [1, 3]),
        ("peringkat 4 & 5 negara apa", [4, 5]),
        ("peringkat 3 sampai 5", [3, 4, 5]),
        ("negara urutan ke-2 sampai ke-4 berapa saja?", [2, 3, 4]),
        ("ranks 3 to 5", [3, 4, 5]),
        ("peringkat 1 sampai 3", [1, 2, 3]),
        ("the 2nd and 3rd", [2, 3]),
        ("yang kedua dan ketiga", [2, 3]),
    ],
)
def test_places_listed_together_are_each_shown(pipeline, ranked, text, places):
    reply = pipeline.answer(text)
    assert reply.status == "answered", reply.text
    assert [f["country"] for f in reply.facts] == [ranked[k - 1].country for k in places]


@pytest.mark.parametrize("text", ["peringkat 1 dan 9?", "the 2nd and 9th countries?"])
def test_a_place_past_the_ranking_is_said_missing(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data", reply.text
    assert "9" in reply.text


@pytest.mark.parametrize(
    ("turns", "places"),
    [
        (["negara peringkat 1 dan 2?", "total?"], (1, 2)),
        (["2nd and 3rd countries?", "sum?"], (2, 3)),
        (["what is the combined total of the number one and number two countries?"], (1, 2)),
        (["total peringkat 1 dan 2?"], (1, 2)),
        (["jumlah WNA negara kedua dan ketiga digabung"], (2, 3)),
        (["peringkat 3 sampai 5 totalnya"], (3, 4, 5)),
        (["peringkat 3 sampai 5 dong", "totalnya?"], (3, 4, 5)),
        (["the 2nd to 4th largest nationalities combined"], (2, 3, 4)),
        (["ranks 3 to 5", "numbers 2 to 4 combined?"], (2, 3, 4)),
        (["ranks 3-5 total?"], (3, 4, 5)),
        (["peringkat 1-3 totalnya?"], (1, 2, 3)),
        (["peringkat 3 s/d 5 berapa total?"], (3, 4, 5)),
        (["ranking 3-5 total"], (3, 4, 5)),
    ],
)
def test_a_sum_of_places_listed_adds_those_places(last_reply, ranked, turns, places):
    reply = last_reply(turns, chat_id=81)
    total = sum(ranked[k - 1].value for k in places)
    assert number(total, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "top"),
    [
        (["3 negara terbanyak", "sisanya?"], 3),
        (["top 3?", "and the rest?"], 3),
        (["top 2 countries", "what about the rest?"], 2),
        (["negara paling sedikit", "selebihnya?"], -1),
    ],
)
def test_the_rest_after_a_ranking_is_the_whole_less_those_shown(
    last_reply, ranked, value_of, turns, top
):
    reply = last_reply(turns, chat_id=82)
    shown = ranked[:top] if top > 0 else ranked[top:]
    rest = value_of(ranked[0].metric) - sum(f.value for f in shown)
    assert reply.intent == "complement", reply.text
    assert number(rest, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "fewer", "more"),
    [
        ("berapa persen India lebih sedikit dari Jepang", "IN", "JP"),
        ("by what percentage are Taiwanese fewer than Indians?", "TW", "IN"),
        ("persentase WNA Taiwan lebih kecil dibanding China berapa", "TW", "CN"),
    ],
)
def test_by_what_percent_one_falls_short_of_another(pipeline, value_of, text, fewer, more):
    reply = pipeline.answer(text)
    low, high = value_of("foreign_residents", fewer), value_of("foreign_residents", more)
    assert percent(100 * (high - low) / high, reply.lang) in reply.text, reply.text
    assert percent(100 * (high - low) / low, reply.lang) not in reply.text


@pytest.mark.parametrize(
    ("template", "confirmed"),
    [
        ("ITAS {wrong} eh {right}?", True),
        ("ITAS {right} eh {wrong}?", False),
        ("is it true ITAS was {wrong}, sorry I mean {right}?", True),
        ("is it true ITAS was {right}, sorry I mean {wrong}?", False),
    ],
)
def test_a_corrected_claim_is_checked_as_corrected(pipeline, value_of, template, confirmed):
    right = value_of("itas")
    wrong = int(str(right)[0] + str(right)[2] + str(right)[1] + str(right)[3:])
    assert wrong != right
    reply = pipeline.answer(template.format(right=right, wrong=wrong))
    same = message("stated_same", reply.lang, stated=number(right, reply.lang))
    assert (same in reply.text) is confirmed, reply.text
    assert number(wrong, reply.lang) not in reply.text


@pytest.mark.parametrize(
    ("turns", "place"),
    [
        (["peringkat 2 dan 3", "yang pertama?"], 1),
        (["the 2nd and 3rd largest?", "and the 4th?"], 4),
    ],
)
def test_a_place_asked_after_places_listed_is_that_place(last_reply, ranked, turns, place):
    reply = last_reply(turns, chat_id=83)
    assert [f["country"] for f in reply.facts] == [ranked[place - 1].country], reply.text


@pytest.mark.parametrize(
    "text",
    [
        "berapa ITAS di Bekasi, dan berapa di seluruh Indonesia?",
        "ITAS Bekasi berapa, dan secara nasional?",
    ],
)
def test_a_place_asked_after_the_office_is_not_given_the_office_figure(pipeline, value_of, text):
    reply = pipeline.answer(text)
    assert reply.text.count(number(value_of("itas"), reply.lang)) == 1, reply.text


@pytest.mark.parametrize(
    ("turns", "named"),
    [
        (["peringkat 1 dan 2", "Taiwan?", "total ketiganya?"], ["KR", "JP", "TW"]),
        (["peringkat 1 dan 2", "peringkat 3?", "total ketiganya"], ["KR", "JP", "CN"]),
        (["peringkat 1 dan 2", "peringkat 3 dan 4", "total keempatnya?"], ["KR", "JP", "CN", "IN"]),
        (["top 2", "India?", "all three combined?"], ["KR", "JP", "IN"]),
        (["top 3", "India?", "total of all four?"], ["KR", "JP", "CN", "IN"]),
        (["Korea dan Jepang", "China dan India", "total keempatnya?"], ["KR", "JP", "CN", "IN"]),
    ],
)
def test_a_count_after_a_ranking_adds_what_it_showed(last_reply, value_of, turns, named):
    reply = last_reply(turns, chat_id=83)
    total = sum(value_of("foreign_residents", c) for c in named)
    assert number(total, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "named"),
    [
        (["India?", "Taiwan?", "China?", "yang paling banyak dari ketiganya?"], ["IN", "TW", "CN"]),
        (["Korea?", "Japan?", "India?", "which of the three is largest?"], ["KR", "JP", "IN"]),
    ],
)
def test_the_largest_of_those_named_is_among_them(last_reply, ranked, turns, named):
    reply = last_reply(turns, chat_id=84)
    assert {f["country"] for f in reply.facts} == set(named), reply.text
    largest = max((f for f in ranked if f.country in named), key=lambda f: f.value)
    named_line = f"{country(largest.country, reply.lang)}, {number(largest.value, reply.lang)}"
    assert named_line in reply.text, reply.text  # "Terbanyak di antaranya: Tiongkok, 2.301"
    others = [f for f in ranked if f.country not in named]
    assert all(number(f.value, reply.lang) not in reply.text for f in others), reply.text


@pytest.mark.parametrize(
    ("text", "largest"),
    [
        ("mana yang terbanyak: ITK, ITAS atau ITAP?", True),
        ("which is largest: ITK, ITAS or ITAP?", True),
        ("which is the smallest: ITK, ITAS or ITAP?", False),
        ("mana yang paling sedikit: ITK, ITAS atau ITAP?", False),
        ("which permit has the most?", True),
        ("izin tinggal mana yang paling banyak?", True),
    ],
)
def test_the_end_of_figures_named_together_is_named(pipeline, value_of, text, largest):
    reply = pipeline.answer(text)
    values = {m: value_of(m) for m in ("itk", "itas", "itap")}
    end = (max if largest else min)(values, key=values.get)
    assert sorted(f["metric"] for f in reply.facts) == sorted(values), reply.text
    assert f"{end.upper()}, {number(values[end], reply.lang)}" in reply.text, reply.text


@pytest.mark.parametrize(
    "turns", [["izin tinggal total?", "ITAS?", "sisanya?"], ["ITAS?", "and the rest?"]]
)
def test_the_rest_after_one_permit_is_the_other_permits(last_reply, value_of, turns):
    reply = last_reply(turns, chat_id=85)
    assert number(value_of("itk") + value_of("itap"), reply.lang) in reply.text, reply.text
    assert number(value_of("itas"), reply.lang) not in reply.text


@pytest.mark.parametrize(
    ("text", "places"),
    [("ranks 2 to 4 average?", (2, 3, 4)), ("rata-rata peringkat 1 dan 2?", (1, 2))],
)
def test_an_average_of_places(pipeline, ranked, text, places):
    reply = pipeline.answer(text)
    mean = sum(ranked[k - 1].value for k in places) / len(places)
    assert number(round(mean), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("other than ITAS, which permit has the most?", "itk"),
        ("selain ITAS, izin tinggal apa yang terbanyak?", "itk"),
    ],
)
def test_the_largest_member_but_one_left_out(pipeline, value_of, text, left):
    reply = pipeline.answer(text)
    assert number(value_of(left), reply.lang) in reply.text, reply.text
    assert number(value_of("itas"), reply.lang) not in reply.text
