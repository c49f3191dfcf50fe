"""A message that asks for something the base has and something it lacks gets the first
and a word on the second; a joined second question ("dan berapa di Jakarta?", "dan
selisihnya berapa?") is answered on its own. Every expected figure comes from the fact
base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import decimal, number
from bot.answers.messages import message


@pytest.mark.parametrize(
    "template",
    [
        "Berapa ITAS {year} dan ITAS {missing}?",
        "ITAS {missing} dan {year} berapa?",
        "how many ITAS in {missing} and {year}",
        "berapa ITAS {year}, dan kalau {missing}?",
    ],
)
def test_a_year_without_figures_beside_one_with(pipeline, base, value_of, template):
    year = base.newest_year()
    reply = pipeline.answer(template.format(year=year, missing=year - 1))
    assert reply.status == "answered", reply.text
    assert number(value_of("itas"), reply.lang) in reply.text
    assert message("years_missing_too", reply.lang, years=str(year - 1)) in reply.text


@pytest.mark.parametrize(
    "template",
    [
        "how many koreans were there in {missing} compared to {year}?",
        "bandingkan ITAS {year} dan {missing}",
        "deportasi tahun {missing} brp? mau bandingin sama {year}",
        "ITAS {missing}?",
    ],
)
def test_a_comparison_with_a_year_without_figures_is_refused(pipeline, base, template):
    year = base.newest_year()
    reply = pipeline.answer(template.format(year=year, missing=year - 1))
    assert reply.status == "no_data", reply.text
    assert reply.facts == []


@pytest.mark.parametrize(
    "text",
    [
        "how many Koreans are in Bekasi and how many in Jakarta?",
        "berapa WNA Korea di Bekasi dan berapa di Jakarta?",
    ],
)
def test_a_place_without_figures_asked_after_one_with(pipeline, value_of, text):
    reply = pipeline.answer(text)
    assert number(value_of("foreign_residents", "KR"), reply.lang) in reply.text, reply.text
    assert "Jakarta" in reply.text.split("\n\n")[-1]


@pytest.mark.parametrize(
    "text",
    [
        "Jumlah WNA China dan India digabung berapa, dan selisihnya berapa?",
        "China and India combined, and what is the difference?",
    ],
)
def test_a_joined_second_operation_is_answered_too(pipeline, value_of, text):
    reply = pipeline.answer(text)
    cn, india = value_of("foreign_residents", "CN"), value_of("foreign_residents", "IN")
    assert number(cn + india, reply.lang) in reply.text, reply.text
    assert number(cn - india, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["how many Koreans and Japanese, and how many times bigger is the first?"],
        ["Korea dan Jepang?", "yang pertama berapa kali lipat?"],
    ],
)
def test_the_first_of_two_named_is_the_first_named(last_reply, value_of, turns):
    reply = last_reply(turns, chat_id=90)
    kr, jp = value_of("foreign_residents", "KR"), value_of("foreign_residents", "JP")
    assert decimal(kr / jp, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "listed", "unlisted"),
    [
        ("WNA Hongkong dan Korea berapa?", "KR", "Hong Kong"),
        ("Mohon info: berapa WNA asal Hongkong dan Taiwan di Bekasi?", "TW", "Hong Kong"),
        ("WNA Taiwan & Hongkong berapa?", "TW", "Hong Kong"),
        ("how many Americans and Japanese?", "JP", "United States"),
    ],
)
def test_a_listed_country_beside_one_not_listed_gets_its_figure(
    pipeline, value_of, text, listed, unlisted
):
    reply = pipeline.answer(text)
    assert reply.status == "answered", reply.text
    assert [f["country"] for f in reply.facts] == [listed]
    assert number(value_of("foreign_residents", listed), reply.lang) in reply.text
    assert unlisted in reply.text


@pytest.mark.parametrize(
    "text",
    ["selisih WNA Thailand dan Korea?", "total WNA Thailand dan Korea?", "Thailand vs Japan?"],
)
def test_a_computation_with_a_country_not_listed_is_refused(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [], reply.text
