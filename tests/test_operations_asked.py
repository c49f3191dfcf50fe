"""The operation a question asks, read from how it is said: a ratio in the order asked,
two counts multiplied (refused), the asker's factor said right beside a figure ("setengah
ITAS", "ITAS doubled", "dua kali ITAS") and the words that look like one but are not.
Every expected figure comes from the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import decimal, number, percent

WNA = "foreign_residents"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("rasio ITK terhadap ITAS", ("itk", None), ("itas", None)),
        ("ratio of ITK to ITAS", ("itk", None), ("itas", None)),
        ("Taiwan berapa kali Korea", ("foreign_residents", "TW"), ("foreign_residents", "KR")),
        (
            "India is how many times Japan?",
            ("foreign_residents", "IN"),
            ("foreign_residents", "JP"),
        ),
        ("ITK dibagi ITAS", ("itk", None), ("itas", None)),
    ],
)
def test_a_ratio_is_given_in_the_order_asked(pipeline, value_of, text, first, second):
    """The smaller first: the ratio asked ("0,27") and the other way round ("3,7")."""
    reply = pipeline.answer(text)
    a, b = value_of(*first), value_of(*second)
    assert reply.intent == "ratio", reply.text
    assert decimal(a / b, reply.lang) in reply.text, reply.text
    assert decimal(b / a, reply.lang) in reply.text, reply.text
    assert reply.text.index(number(a, reply.lang)) < reply.text.index(number(b, reply.lang))


@pytest.mark.parametrize(
    ("turns", "first", "second"),
    [
        (["ITAS dibagi ITK", "kalau ITK dibagi ITAS?"], "itk", "itas"),
        (["ITAS divided by ITK", "and ITK divided by ITAS?"], "itk", "itas"),
    ],
)
def test_a_ratio_turned_round_in_a_follow_up(last_reply, value_of, turns, first, second):
    reply = last_reply(turns)
    assert decimal(value_of(first) / value_of(second), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ITAS kali ITK", "id"),
        ("Jepang dikali India berapa", "id"),
        ("ITAP x affidavit", "id"),
        ("Japan times India", "en"),
        ("ITAS multiplied by ITK?", "en"),
    ],
)
def test_two_counts_multiplied_are_refused(pipeline, text, lang):
    """People times people is no figure: refused, and the operations it can do named."""
    reply = pipeline.answer(text)
    assert (reply.status, reply.lang, reply.facts) == ("no_data", lang, []), reply.text
    assert ("dibagi" if lang == "id" else "divided") in reply.text


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("ITK lebih dari 10 kali ITAP?", "itk", "itap"),
        ("is ITAS more than 3 times ITK?", "itas", "itk"),
    ],
)
def test_a_multiple_claimed_in_digits_is_checked_as_a_ratio(
    pipeline, value_of, text, first, second
):
    reply = pipeline.answer(text)
    assert reply.intent == "ratio", reply.text
    assert decimal(value_of(first) / value_of(second), reply.lang) in reply.text


@pytest.mark.parametrize(
    ("text", "metric", "country", "times", "by"),
    [
        ("setengah ITAS", "itas", None, 1, 2),
        ("ITAS setengahnya", "itas", None, 1, 2),
        ("WNA Jepang setengahnya berapa", "foreign_residents", "JP", 1, 2),
        ("sepertiga WNA Korea berapa orang", "foreign_residents", "KR", 1, 3),
        ("dua kali ITAS", "itas", None, 2, 1),
        ("2x ITAS", "itas", None, 2, 1),
        ("tiga kali lipat WNA Jepang", "foreign_residents", "JP", 3, 1),
        ("deportasi lipat tiga", "deportation", None, 3, 1),
        ("half the ITAS", "itas", None, 1, 2),
        ("double ITAS", "itas", None, 2, 1),
        ("ITAS doubled?", "itas", None, 2, 1),
        ("what if India doubled", "foreign_residents", "IN", 2, 1),
        ("quadruple the SKIM", "skim", None, 4, 1),
    ],
)
def test_a_factor_said_beside_a_figure_is_computed(
    computed, pipeline, value_of, text, metric, country, times, by
):
    reply = pipeline.answer(text)
    value = value_of(metric, country)
    assert reply.intent == "scaled", reply.text
    scaled = value * times / by
    assert number(value, reply.lang) in reply.text
    assert computed(scaled, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    [
        "ITAS setengah tahun pertama",  # half a year: a part of the year, no factor
        "lebih dari setengah WNA dari Korea?",  # a fraction claimed
        "Korea setengah WNA?",
        "saya sudah tanya dua kali ITAS berapa",  # asked twice
        "ITAS in the first half of 2020",
        "are more than half of the foreigners Korean?",
    ],
)
def test_words_of_halves_and_times_that_scale_nothing(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.intent != "scaled", reply.text


@pytest.mark.parametrize(
    ("turns", "metric", "country", "times", "by"),
    [
        (["ITAS kali dua", "ITK juga"], "itk", None, 2, 1),
        (["ITAS kali 2", "kalau deportasi?"], "deportation", None, 2, 1),
        (["setengah dari WNA Jepang", "kalau Korea?"], "foreign_residents", "KR", 1, 2),
        (["double the deportations", "and the ITAP?"], "itap", None, 2, 1),
        (["deportasi", "double it"], "deportation", None, 2, 1),
        (["deportations", "double it", "and halve it?"], "deportation", None, 1, 2),
        (["ITK", "kalau tiga kali lipat?"], "itk", None, 3, 1),
        (["WNA Jepang berapa", "setengahnya berapa"], "foreign_residents", "JP", 1, 2),
        # a bare operation on the figure before
        (["ITK berapa", "kali 2"], "itk", None, 2, 1),
        (["WNA Jepang?", "bagi 12"], "foreign_residents", "JP", 1, 12),
        (["WNA Taiwan?", "kali 10"], "foreign_residents", "TW", 10, 1),
        (["berapa ITAS?", "setengahnya?"], "itas", None, 1, 2),
        (["how many ITAS were issued?", "now divide that by 12"], "itas", None, 1, 12),
        (["how many deportations?", "what's 10% of that?"], "deportation", None, 10, 100),
        # on one of the figures named before
        (["- ITAS\n- ITK", "yang pertama dibagi dua"], "itas", None, 1, 2),
        (["1. ITAS\n2. ITK", "yang kedua dikali dua"], "itk", None, 2, 1),
        (["Korea dan Jepang", "yang kedua dikali 3"], "foreign_residents", "JP", 3, 1),
        (["Korea and Japan", "double the first one"], "foreign_residents", "KR", 2, 1),
    ],
)
def test_a_follow_up_keeps_or_takes_the_askers_factor(
    computed, last_reply, value_of, turns, metric, country, times, by
):
    reply = last_reply(turns)
    assert reply.intent == "scaled", reply.text
    scaled = value_of(metric, country) * times / by
    assert computed(scaled, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["ITAS kali dua", "berapa ITK"],  # a question of its own
        ["ITAS 2020", "kalau setengah tahun pertama?"],  # half a year: a period
    ],
)
def test_a_follow_up_of_its_own_drops_the_factor(last_reply, turns):
    assert last_reply(turns).intent != "scaled"


@pytest.mark.parametrize(
    ("turns", "parts"),
    [
        (["Korea dan Jepang", "jumlahnya?"], [(WNA, "KR"), (WNA, "JP")]),
        (["Korea and Japan", "the total?"], [(WNA, "KR"), (WNA, "JP")]),
        (["ITAS dan ITK jumlahnya berapa?"], [("itas", None), ("itk", None)]),
        (["WNA Korea dan Jepang, dua negara terbanyak, jumlahnya"],
         [("foreign_residents", "KR"), ("foreign_residents", "JP")]),
        (["Taiwan and India, total?"], [("foreign_residents", "TW"), ("foreign_residents", "IN")]),
    ],
)  # fmt: skip
def test_a_total_asked_after_the_names_adds_them_up(last_reply, value_of, turns, parts):
    reply = last_reply(turns)
    assert reply.intent == "sum", reply.text
    assert number(sum(value_of(*p) for p in parts), reply.lang) in reply.text


def test_the_number_of_each_named_after_it_is_no_sum(pipeline):
    assert pipeline.answer("berapa jumlah WNA asal Taiwan dan India").intent == "compare"


@pytest.mark.parametrize(
    ("text", "metric", "country", "pct"),
    [
        ("50% dari Taiwan", "foreign_residents", "TW", 50),
        ("10 persen dari ITAS berapa", "itas", None, 10),
        ("50% of Taiwan", "foreign_residents", "TW", 50),
        ("what is 25 percent of the deportations", "deportation", None, 25),
    ],
)
def test_a_percentage_of_one_figure_is_computed(
    computed, pipeline, value_of, text, metric, country, pct
):
    reply = pipeline.answer(text)
    assert reply.intent == "scaled", reply.text
    part = value_of(metric, country) * pct / 100
    assert computed(part, reply.lang) in reply.text, reply.text
    assert f"{pct}%" in reply.text  # the asker's own number, said to be theirs


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("10% dari WNA itu Korea?", "KR"),  # a percentage claimed of the whole
        ("30 percent of foreigners are Japanese?", "JP"),
        ("are more than half of the foreigners Korean?", "KR"),  # a fraction after a bound
        ("Korea lebih dari setengah WNA?", "KR"),
        ("hampir setengah WNA itu Korea ya", "KR"),
        ("Korea sepertiga WNA?", "KR"),  # a fraction between the part and its whole
        ("India less than a tenth?", "IN"),  # no tenth place
        ("is China more than a quarter?", "CN"),  # no quarter of the year
        ("China a quarter of foreigners?", "CN"),
    ],
)
def test_a_percentage_or_fraction_claimed_is_checked_as_a_share(pipeline, value_of, text, code):
    reply = pipeline.answer(text)
    assert reply.intent == "share", reply.text
    share = 100 * value_of(WNA, code) / value_of(WNA)
    assert percent(share, reply.lang) in reply.text


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        ("what percent of China is India", "IN", "CN"),
        ("what percentage of Korea is Japan?", "JP", "KR"),
        ("perbandingan Korea dengan Jepang dalam persen", "KR", "JP"),
        ("perbandingan India dengan China dalam persen", "IN", "CN"),
        ("compare Korea and Japan in percent", "KR", "JP"),
    ],
)
def test_one_country_as_a_percentage_of_another(pipeline, value_of, text, part, whole):
    reply = pipeline.answer(text)
    share = 100 * value_of("foreign_residents", part) / value_of("foreign_residents", whole)
    assert percent(share, reply.lang) in reply.text, reply.text


def test_each_share_compared_is_of_the_whole(pipeline, value_of):
    reply = pipeline.answer("bandingkan persentase WNA Korea dan Jepang")
    for code in ("KR", "JP"):
        share = 100 * value_of("foreign_residents", code) / value_of("foreign_residents")
        assert percent(share, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("seriusan deportasi 72 tapi pro justisia cuma dua?", "deportation", "pro_justitia"),
        ("so ITAS was 6433 but how many ITK?", "itas", "itk"),
    ],
)
def test_a_claim_set_against_a_question_is_checked_too(pipeline, value_of, text, first, second):
    reply = pipeline.answer(text)
    for metric in (first, second):
        assert number(value_of(metric), reply.lang) in reply.text, reply.text
    assert ("sesuai" if reply.lang == "id" else "matches") in reply.text


@pytest.mark.parametrize(("text", "lang"), [("top 2 negara dikali dua", "id"),
                                            ("the top 2 countries times two", "en")])  # fmt: skip
def test_a_refused_operation_names_what_it_was_asked_of(pipeline, text, lang):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [], reply.text
    assert "—" not in reply.text  # no gap left by the template


@pytest.mark.parametrize(
    ("text", "metric", "by"),
    [("seperlima ITAS", "itas", 5), ("a tenth of the deportations", "deportation", 10)],
)
def test_smaller_fractions_of_one_figure(computed, pipeline, value_of, text, metric, by):
    reply = pipeline.answer(text)
    assert reply.intent == "scaled", reply.text
    part = value_of(metric) / by
    assert computed(part, reply.lang) in reply.text, reply.text


def test_a_quarter_of_the_year_still_narrows(pipeline):
    assert pipeline.answer("ITAS in the first quarter").status == "no_data"


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [("Taiwan dua pertiga India?", "TW", "IN"),
     ("is Taiwan about two thirds of India?", "TW", "IN")],
)  # fmt: skip
def test_a_fraction_between_two_names_is_the_first_of_the_second(
    pipeline, value_of, text, part, whole
):
    reply = pipeline.answer(text)
    share = 100 * value_of(WNA, part) / value_of(WNA, whole)
    assert percent(share, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    ["ITAS dua pertiga dari total izin tinggal?", "ITAS three quarters of all stay permits?"],
)
def test_a_fraction_of_a_group_claimed_is_a_share(pipeline, value_of, text):
    reply = pipeline.answer(text)
    whole = sum(value_of(m) for m in ("itk", "itas", "itap"))
    assert percent(100 * value_of("itas") / whole, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "metric", "base_metric", "per"),
    [(["ITAS per 100 WNA", "ITK juga"], "itk", WNA, 100),
     (["deportasi per 1000 WNA", "pro justisia juga"], "pro_justitia", WNA, 1000),
     (["deportations per 1,000 foreigners", "and ITAP?"], "itap", WNA, 1000)],
)  # fmt: skip
def test_a_follow_up_keeps_the_rate(last_reply, value_of, turns, metric, base_metric, per):
    reply = last_reply(turns)
    assert reply.intent == "rate", reply.text
    rate = value_of(metric) / value_of(base_metric) * per
    assert decimal(rate, reply.lang) in reply.text, reply.text
