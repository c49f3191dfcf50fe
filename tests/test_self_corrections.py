"""Corrections inside one message ("eh", "maksud saya", "I mean") and "we" after the
asker says where they are from. Every expected figure comes from the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import number


@pytest.mark.parametrize(
    ("text", "metric", "country"),
    [
        ("berapa ITAS eh maksud saya ITK tahun 2020", "itk", None),
        ("WNA Jepang eh Korea berapa", "foreign_residents", "KR"),
        ("itk tahun kemarin eh tahun 2020 berapa", "itk", None),
        ("itk tahun kemarin eh tahun dua ribu dua puluh maksudnya berapa", "itk", None),
        ("ITAP 2019 ralat 2020 berapa", "itap", None),
        ("how many Japanese, sorry, I mean Koreans live in Bekasi", "foreign_residents", "KR"),
        ("how many ITAS, I mean ITK, in 2020?", "itk", None),
        ("deportations last year, or rather in 2020?", "deportation", None),
        ("How many Taiwanese? sorry I mean Indians", "foreign_residents", "IN"),
        ("WNA China berapa, eh India deh", "foreign_residents", "IN"),
        ("berapa ITAS? eh ITK maksudnya", "itk", None),
        ("berapa ITAP? sorry typo maksudnya ITAS", "itas", None),
        ("Korea berapa orang? eh, Jepang", "foreign_residents", "JP"),
        ("brp itk.. eh bukan, maksudku itas", "itas", None),
        ("affidavit brp? eh salah maksudnya SKIM", "skim", None),
        ("how many ITK, no wait, sorry I mean ITAP", "itap", None),
        # a later question of the message that takes the first back is asked alone
        ("Jepang berapa? bukan, China berapa?", "foreign_residents", "CN"),
        ("How many Koreans? No, how many Indians?", "foreign_residents", "IN"),
        # what "bukan" leaves out in passing is not asked
        ("pls min, butuh angka ITK 2020. bukan ITAS ya. makasih", "itk", None),
        ("I need the ITAP figure. not ITAS please", "itap", None),
        ("How many Koreans? Actually, make that Japanese.", "foreign_residents", "JP"),
        ("WNA India berapa? salah, Taiwan", "foreign_residents", "TW"),
    ],
)
def test_a_correction_replaces_what_it_corrects(pipeline, base, text, metric, country):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year(), country).as_reply_fact()]


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("eh min berapa ITAS 2020", "itas"),  # filler, not a correction
        ("sorry, how many ITAS in 2020", "itas"),
        ("ITK 2020 maksudnya berapa orang", "itk"),  # nothing of the same kind follows
    ],
)
def test_correcting_words_with_nothing_to_correct_change_nothing(pipeline, base, text, metric):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year()).as_reply_fact()]


def test_a_correction_word_before_a_definition_still_asks_it(pipeline):
    assert pipeline.answer("ITAS maksudnya apa").intent == "define"


@pytest.mark.parametrize(
    ("text", "own", "other"),
    [
        ("I am Japanese. Are we more than Koreans in Bekasi?", "JP", "KR"),
        ("saya orang India, apakah kami lebih banyak dari WNA Taiwan?", "IN", "TW"),
    ],
)
def test_we_after_the_asker_names_a_country_is_that_country(pipeline, base, text, own, other):
    reply = pipeline.answer(text)
    year = base.newest_year()
    assert base.fact("foreign_residents", year, own).as_reply_fact() in reply.facts
    assert base.fact("foreign_residents", year, other).as_reply_fact() in reply.facts


def test_we_without_a_country_named_narrows_nothing(pipeline, base):
    reply = pipeline.answer("are we allowed to ask how many ITAS in 2020?")
    assert reply.facts == [base.fact("itas", base.newest_year()).as_reply_fact()]


@pytest.mark.parametrize(
    ("text", "holders", "metric"),
    [
        ("how many permanent residents were deported?", "permanent residents", "deportation"),
        ("berapa pemegang ITAS yang dideportasi", "ITAS", "deportation"),
        ("deportasi yang dipidana berapa", "deportasi", "pro_justitia"),
    ],
)
def test_holders_of_one_figure_counted_in_another_are_no_data(pipeline, text, holders, metric):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == []
    assert f'"{holders}"' in reply.text


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("WNA yang dideportasi berapa", "deportation"),
        ("how many foreigners got deported", "deportation"),
    ],
)
def test_the_population_before_a_figure_is_its_people(pipeline, base, text, metric):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year()).as_reply_fact()]


@pytest.mark.parametrize(
    ("turns", "country"),
    [
        (["Korea berapa?", "eh bukan, Taiwan"], "TW"),
        (["Korea berapa?", "eh salah, maksudku India", "eh bukan, Taiwan"], "TW"),
        (["Korea berapa?", "eh bukan Korea tapi Taiwan"], "TW"),
        (["how many Koreans?", "sorry, I mean Indians", "no wait, Taiwanese"], "TW"),
        (["WNA Korea?", "bukan, India"], "IN"),
        (["WNA China?", "bukan China, India"], "IN"),
        (["wna india brp", "eh bukan india, taiwan maksudnya"], "TW"),
        (["how many Koreans?", "no, Indians"], "IN"),
        (["WNA Korea?", "bukan Jepang ya"], "KR"),  # "not Japan": Korea still asked
    ],
)
def test_a_correction_in_a_later_turn_asks_what_it_names(last_reply, value_of, turns, country):
    reply = last_reply(turns, chat_id=86)
    assert reply.facts and reply.facts[0]["country"] == country, reply.text
    assert number(value_of("foreign_residents", country), reply.lang) in reply.text


@pytest.mark.parametrize(
    ("turns", "added"),
    [
        (["Korea?", "Jepang?", "eh bukan, China", "total keduanya?"], ["KR", "CN"]),
        (["ITK?", "ITAS? eh maksudnya ITAP", "total keduanya?"], ["itk", "itap"]),
        (["skim 2020 brp", "eh kalau affidavit", "total keduanya?"], ["skim", "affidavit"]),
        (
            ["Korea?", "Jepang?", "China?", "eh bukan China, India", "total ketiganya?"],
            ["KR", "JP", "IN"],
        ),
    ],
)
def test_what_a_correction_replaced_is_not_counted_later(last_reply, value_of, turns, added):
    reply = last_reply(turns, chat_id=94)
    total = sum(value_of("foreign_residents", a) if a.isupper() else value_of(a) for a in added)
    assert number(total, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "intent"),
    [
        (["berapa itas", "eh maksudnya itap"], "value"),
        (["how many ITAS?", "sorry I meant KITAP"], "value"),
        (["berapa itas", "eh maksudnya apa itu ITAP?"], "define"),
    ],
)
def test_a_correction_word_that_means_meaning_asks_no_meaning(last_reply, turns, intent):
    reply = last_reply(turns, chat_id=98)
    assert reply.intent == intent and "ITAP" in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "metric"),
    [
        (["berapa ITAS?", "bukan ITAS, ITAP"], "itap"),
        (["berapa ITAS?", "bukan, ITAP"], "itap"),
        (["how many ITK?", "no, ITAS"], "itas"),
        (["berapa ITK?", "bukan ITAS ya"], "itk"),  # "not ITAS": ITK still asked
        (["deportasi brp?", "bukan yg pro justitia loh"], "deportation"),
        (["berapa ITAS?", "eh salah, maksudnya ITAP"], "itap"),
        (["berapa WNA Jepang", "eh salah, maksudnya ITAP"], "itap"),  # no ITAP by country
    ],
)
def test_a_correction_of_a_figure_in_a_later_turn(last_reply, base, turns, metric):
    reply = last_reply(turns, chat_id=145)
    assert reply.facts == [base.fact(metric, base.newest_year()).as_reply_fact()], reply.text


@pytest.mark.parametrize(
    ("turns", "count"),
    [
        (["top 3?", "bukan top 3, top 5"], 5),
        (["3 teratas?", "eh bukan 3 teratas, 4 teratas"], 4),
    ],
)
def test_a_correction_of_how_many_places_lists_that_many(last_reply, ranked, turns, count):
    reply = last_reply(turns, chat_id=146)
    assert [f["country"] for f in reply.facts] == [f.country for f in ranked[:count]], reply.text
