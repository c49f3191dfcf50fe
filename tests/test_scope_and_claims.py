"""What a message says around its question, in both languages: a year, office or place
named alone before it, numbers that name or divide rather than claim a figure, rates that
narrow a yearly figure, means that only a whole year allows, and decimals that never hide
a number. Every expected figure comes from the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import decimal, number


@pytest.mark.parametrize(
    "text",
    [
        "Menurut data 2021, berapa ITAS?",
        "According to 2021 data, how many ITAS?",
        "Data 2022: berapa deportasi?",
        "For the year 2022, how many deportations?",
        "Tahun 2019. Berapa WNA?",
        "Back in 2018, how many Koreans were there?",
        "Berdasarkan data tahun 2019, berapa WNA Jepang?",
    ],
)
def test_a_year_named_alone_before_the_question_is_its_year(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [], reply.text


@pytest.mark.parametrize(
    "text",
    [
        "Di Kanim Tangerang, berapa WNA?",
        "For the Jakarta office, how many ITAS?",
        "Kalau di Surabaya, berapa ITAS?",
        "At the Tangerang office: how many deportations?",
        "Bandung: berapa WNA?",
    ],
)
def test_an_office_or_place_named_alone_before_the_question_is_its_place(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [], reply.text


@pytest.mark.parametrize(
    ("text", "metric", "country"),
    [
        ("Saya tinggal di Cikarang. Berapa WNA Jepang?", "foreign_residents", "JP"),
        ("I live in Cikarang. How many Japanese are there?", "foreign_residents", "JP"),
        ("Menurut data 2020, berapa ITAS?", "itas", None),
        ("Di Bekasi, berapa WNA Korea?", "foreign_residents", "KR"),
        ("India: berapa WNA?", "foreign_residents", "IN"),
        ("China: how many foreigners?", "foreign_residents", "CN"),
    ],
)
def test_what_the_lead_names_joins_the_question_only_where_it_fits(
    pipeline, base, text, metric, country
):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year(), country).as_reply_fact()]


@pytest.mark.parametrize("text", ["Korea: ITAS berapa?", "Japan: how many ITK?"])
def test_a_country_before_a_colon_narrows_the_figure_after_it(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [], reply.text


@pytest.mark.parametrize(
    ("text", "metric", "named"),
    [
        ("how many people were prosecuted under Article 72(2)?", "pro_justitia", 72),
        ("berapa orang dipidana menurut pasal 117", "pro_justitia", 117),
        ("berapa deportasi per 1000 WNA", "deportation", 1000),
        ("deportation rate per 100 foreigners", "deportation", 100),
    ],
)
def test_a_number_that_names_or_divides_is_no_claim_to_correct(pipeline, base, text, metric, named):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year()).as_reply_fact()]
    assert "Bukan" not in reply.text and "Not " not in reply.text


@pytest.mark.parametrize(
    "text",
    ["ada 8940 WNA, berapa yang dari Korea?", "there are 8940 foreigners; how many Koreans?"],
)
def test_another_stored_figure_in_the_question_is_no_claim(pipeline, value_of, text):
    reply = pipeline.answer(text)
    assert number(value_of("foreign_residents", "KR"), reply.lang) in reply.text
    assert "Bukan" not in reply.text and "Not " not in reply.text


@pytest.mark.parametrize(("text", "lang"), [("bener ITAS 6000?", "id"), ("is ITAS 6000?", "en")])
def test_a_wrong_figure_claimed_is_still_corrected(pipeline, value_of, text, lang):
    reply = pipeline.answer(text)
    assert f"{number(6000, lang)}" in reply.text and number(value_of("itas"), lang) in reply.text
    assert "Bukan" in reply.text or "Not " in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "berapa deportasi sehari",
        "how many ITAS a day",
        "berapa ITAS dalam seminggu",
        "how many deportations a week",
        "berapa ITAS per jam",
        "how many ITAS were issued each day in 2020",
    ],
)
def test_a_rate_narrows_a_yearly_figure(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [], reply.text


@pytest.mark.parametrize(
    ("text", "metric"), [("how many ITAS a year", "itas"), ("berapa ITAS setahun", "itas")]
)
def test_a_yearly_rate_is_the_figure(pipeline, base, text, metric):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year()).as_reply_fact()]


@pytest.mark.parametrize(
    "text",
    [
        "average ITAS per month in the second half of 2020",
        "rata-rata ITAS per bulan paruh kedua 2020",
        "rata-rata ITAS per bulan dalam 6 bulan terakhir",
        "rata-rata ITAS per bulan selama 9 bulan pandemi",
        "average deportations per month over the last 3 years",
        "rata-rata ITAS per bulan dalam 2 tahun",
        "average ITK per day in Q4",
        "rata-rata ITAS per hari sejak pandemi",
    ],
)
def test_a_mean_per_month_is_only_over_the_whole_year(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [], reply.text


@pytest.mark.parametrize(
    ("value", "id_text", "en_text"),
    [
        (4 / 366, "0,011", "0.011"),
        (2968 / 2844, "1,04", "1.04"),
        (6433 / 1716, "3,7", "3.7"),
        (6433 / 12, "536,1", "536.1"),
        (36.0, "36", "36"),
    ],
)
def test_a_decimal_never_hides_the_number(value, id_text, en_text):
    assert (decimal(value, "id"), decimal(value, "en")) == (id_text, en_text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [("rasio Korea dan Jepang", "id"), ("ratio of Korean to Japanese residents", "en")],
)
def test_a_ratio_near_one_is_not_shown_as_one(pipeline, value_of, text, lang):
    reply = pipeline.answer(text)
    ratio = value_of("foreign_residents", "KR") / value_of("foreign_residents", "JP")
    assert decimal(ratio, lang) in reply.text and decimal(ratio, lang) != "1", reply.text
