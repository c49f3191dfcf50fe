"""Mechanisms blind22 showed missing: a mean per week, an approximate rate asked ("roughly
how many ITK per week?"), and more (a bare operation on the figure before, "kali 2", is in
test_operations_asked.py). Every expected figure comes from the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import decimal, number, percent

WNA = "foreign_residents"


@pytest.mark.parametrize(
    ("text", "unit"),
    [("rata-rata ITK per minggu", 366 / 7), ("roughly how many ITK per week?", 366 / 7),
     ("kira-kira berapa ITAS per bulan", 12), ("average ITK per week in 2020", 366 / 7)],
)  # fmt: skip
def test_a_mean_per_week_or_asked_roughly(pipeline, value_of, text, unit):
    reply = pipeline.answer(text)
    assert reply.intent == "average", reply.text
    metric = "itas" if "ITAS" in text else "itk"
    mean = value_of(metric) / unit  # the weeks of 2020, a leap year: 366 / 7
    assert decimal(mean, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize("text", ["ITK per minggu", "ITAS per bulan"])
def test_a_breakdown_asked_without_a_mean_word_is_refused(pipeline, text):
    assert pipeline.answer(text).status == "no_data"


@pytest.mark.parametrize(
    ("text", "metric", "country", "times"),
    [("dua kali jumlah WNA Korea Selatan berapa?", WNA, "KR", 2),
     ("tiga kali jumlah ITAP", "itap", None, 3), ("3 times ITAP", "itap", None, 3)],
)  # fmt: skip
def test_a_factor_before_the_number_of_a_figure(pipeline, value_of, text, metric, country, times):
    reply = pipeline.answer(text)
    assert reply.intent == "scaled", reply.text
    assert number(value_of(metric, country) * times, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "part"),
    [(["berapa ITK dan ITAS 2020?", "yang kedua berapa persen dari total izin tinggal?"], "itas"),
     (["ITAS and ITK?", "the first one as a percentage of all stay permits?"], "itas")],
)  # fmt: skip
def test_a_share_of_one_of_the_figures_named_before(last_reply, value_of, turns, part):
    reply = last_reply(turns)
    whole = sum(value_of(m) for m in ("itk", "itas", "itap"))
    assert percent(100 * value_of(part) / whole, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [["Korea sama Jepang udah lebih dari separuh WNA kan?"],
     ["how many Koreans?", "and Japan?", "combined?", "what share of all foreigners is that?"]],
)  # fmt: skip
def test_a_share_of_two_countries_together(last_reply, value_of, turns):
    reply = last_reply(turns)
    both = value_of(WNA, "KR") + value_of(WNA, "JP")
    assert percent(100 * both / value_of(WNA), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "intent"),
    [("what persent of foreiner is from china?", "share"),
     ("is india more then taiwan? how many diffrent", "difference"),
     ("japan is how many time of taiwan", "ratio"),
     ("if you take the Koreans out, how many active foreigners remain?", "complement")],
)  # fmt: skip
def test_english_as_people_type_it(pipeline, text, intent):
    reply = pipeline.answer(text)
    assert (reply.status, reply.intent) == ("answered", intent), reply.text


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [("How many Indian nationals were active in 2020 and what percentage of all active "
      "foreigners?", ("foreign_residents", "IN"), ("foreign_residents", None)),
     ("Berapa total izin tinggal (ITK + ITAS + ITAP) dan berapa persen di antaranya yang "
      "ITAS?", ("itas", None), None)],
)  # fmt: skip
def test_a_share_asked_second_is_of_the_first_question(pipeline, value_of, text, part, whole):
    reply = pipeline.answer(text)
    of = value_of(*whole) if whole else sum(value_of(m) for m in ("itk", "itas", "itap"))
    assert percent(100 * value_of(*part) / of, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    ["excluding the top 3 countries, how many foreign nationals are left?",
     "selain 3 negara teratas, sisanya berapa WNA?"],
)  # fmt: skip
def test_all_but_the_top_three_left(pipeline, value_of, text):
    reply = pipeline.answer(text)
    assert number(value_of(WNA, "IN") + value_of(WNA, "TW"), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    ["Berapa ITAS tahun 2020 dan kira-kira berapa rata-rata per bulannya?",
     "How many ITAS in 2020, and roughly how many per month on average?"],
)  # fmt: skip
def test_a_hedged_second_question_is_cut_off_and_answered(computed, pipeline, value_of, text):
    reply = pipeline.answer(text)
    assert number(value_of("itas"), reply.lang) in reply.text, reply.text
    assert computed(value_of("itas") / 12, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    ["Question 1: how many SKIM in 2020? Question 2: how many affidavits? Question 3: the "
     "sum of both.",
     "Pertanyaan 1: berapa SKIM? Pertanyaan 2: berapa affidavit? Pertanyaan 3: jumlah "
     "keduanya."],
)  # fmt: skip
def test_an_operation_introduced_by_a_colon_is_asked_on_its_own(pipeline, value_of, text):
    reply = pipeline.answer(text)
    for figure in (
        value_of("skim"),
        value_of("affidavit"),
        value_of("skim") + value_of("affidavit"),
    ):
        assert number(figure, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "lang"),
    [("korea and japan togather how much", "en"), ("korea japan conbined", "en"),
     ("gabungam korea dan jepang", "id"), ("Korea sama Jepang digabng berapa", "id")],
)  # fmt: skip
def test_a_long_cue_word_with_one_slip_still_cues(pipeline, value_of, text, lang):
    reply = pipeline.answer(text)
    assert (reply.intent, reply.lang) == ("sum", lang), reply.text
    total = value_of(WNA, "KR") + value_of(WNA, "JP")
    assert number(total, lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "intent"),
    [("korea and japan aveagre", "average"), ("korea and japan tugethar", "sum"),
     ("I am reading the news", "head_of_office"), ("loading", "head_of_office")],
)  # fmt: skip
def test_two_slips_or_a_real_word_near_a_cue_do_not_cue(pipeline, text, intent):
    reply = pipeline.answer(text)
    assert intent not in reply.intent, reply.text


@pytest.mark.parametrize(
    ("text", "most"),
    [("which of the countries Korea, Japan, China has the most?", True),
     ("negara mana yang paling sedikit di antara Korea, Jepang, China?", False),
     ("which of the East Asian countries (Korea, Japan, China) has the fewest?", False)],
)  # fmt: skip
def test_a_superlative_among_named_countries_names_its_one(pipeline, value_of, text, most):
    reply = pipeline.answer(text)
    values = {c: value_of(WNA, c) for c in ("KR", "JP", "CN")}
    end = (max if most else min)(values, key=values.get)
    lines = reply.text.splitlines()
    said = lines[lines.index("(2020)") + 1]  # the line after the list names the one asked
    assert number(values[end], reply.lang) in said, reply.text


@pytest.mark.parametrize(
    "turns",
    [["top 5 countries?", "add up two of them"], ["lima besar", "jumlahkan dua"],
     ["top 5", "total two of them"]],
)  # fmt: skip
def test_a_sum_of_some_places_not_said_which_is_refused(ranked, last_reply, turns):
    reply = last_reply(turns)
    assert reply.status == "no_data", reply.text
    assert number(sum(f.value for f in ranked), reply.lang) not in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "metric"),
    [("how many ITAS last year?", "itas"), ("ITAS in the last two years", "itas"),
     ("ITAS last 2020?", "itas"), ("how many WNA last time?", WNA),
     ("what was the last figure for ITAS?", "itas")],
)  # fmt: skip
def test_last_in_other_senses_asks_no_places(pipeline, value_of, text, metric):
    reply = pipeline.answer(text)
    assert reply.status == "answered", reply.text
    assert number(value_of(metric), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text", ["ITAS compared to last year", "berapa ITAS dibanding tahun lalu?"]
)
def test_a_change_from_last_year_is_still_a_change(pipeline, text):
    assert pipeline.answer(text).status == "no_data"  # (only one year in the base)


@pytest.mark.parametrize(
    "text",
    ["itas brp persen dari total izin tinggal? and itk?",
     "what percent of all stay permits is ITAS? and ITK?"],
)  # fmt: skip
def test_a_bare_name_after_and_asks_the_same_of_it(pipeline, value_of, text):
    reply = pipeline.answer(text)
    assert reply.intent == "share+share", reply.text
    permits = sum(value_of(m) for m in ("itk", "itas", "itap"))
    for metric in ("itas", "itk"):
        assert percent(value_of(metric) / permits * 100, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "intents"),
    [("berapa ITAS 2020? dan ITK?", "value+value"),
     ("berapa persen ITAS dari total izin tinggal? dan berapa ITK?", "share+value"),
     ("what percent of foreigners are Korean? and ITAS?", "share+value"),
     ("berapa persen WNA Korea? dan ITAS?", "share+value")],
)  # fmt: skip
def test_a_second_question_with_its_own_cue_asks_its_own(pipeline, text, intents):
    assert pipeline.answer(text).intent == intents


@pytest.mark.parametrize(
    "text", ["berapa WNA data terakhir?", "WNA tahun terakhir berapa?", "WNA terakhir kali berapa?"]
)
def test_terakhir_for_the_latest_data_is_no_fewest(pipeline, value_of, text):
    reply = pipeline.answer(text)
    assert reply.intent == "value", reply.text
    assert number(value_of(WNA), reply.lang) in reply.text, reply.text
