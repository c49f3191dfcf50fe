"""Follow-up questions reuse the previous question; context expires after 30 minutes."""

from __future__ import annotations

import pytest

from bot.answers.formatting import number, percent
from bot.understanding.context import CONTEXT_TTL_SECONDS


@pytest.mark.parametrize(
    ("turns", "metric", "country"),
    [
        (["berapa ITAS 2020", "kalau ITAP?"], "itap", None),
        (["jumlah deportasi 2020", "kalau pro justitia?"], "pro_justitia", None),
        (["how many Japanese nationals?", "and Chinese?"], "foreign_residents", "CN"),
        (["berapa WNA Korea Selatan", "kalau India?"], "foreign_residents", "IN"),
        (["how many Koreans?", "what about India?"], "foreign_residents", "IN"),
        (["ITAS 2020", "kalau ITK"], "itk", None),
    ],
)
def test_followup_replaces_one_slot(pipeline, base, turns, metric, country):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=7, now=1000.0)
    fact = base.fact(metric, base.newest_year(), country)
    assert reply.status == "answered"
    assert reply.facts == [fact.as_reply_fact()]


def test_followup_year_gives_no_data(pipeline):
    pipeline.answer("how many ITK?", chat_id=3, now=0)
    reply = pipeline.answer("and in 2019?", chat_id=3, now=1)
    assert reply.status == "no_data" and "2019" in reply.text


def test_followup_share_and_definition(pipeline, value_of):
    pipeline.answer("berapa WNA Jepang", chat_id=4, now=0)
    share = 100 * value_of("foreign_residents", "JP") / value_of("foreign_residents")
    assert percent(share, "id") in pipeline.answer("berapa persen?", chat_id=4, now=1).text
    pipeline.answer("berapa ITAP", chat_id=4, now=2)
    reply = pipeline.answer("apa itu?", chat_id=4, now=3)
    assert reply.intent == "define" and "Izin Tinggal Tetap" in reply.text


def test_followup_difference_uses_the_two_last_countries(pipeline, value_of):
    for turn in ("berapa WNA Korea Selatan", "dan Jepang?"):
        pipeline.answer(turn, chat_id=9, now=0)
    diff = value_of("foreign_residents", "KR") - value_of("foreign_residents", "JP")
    assert number(diff, "id") in pipeline.answer("selisihnya?", chat_id=9, now=1).text


def test_chats_do_not_share_context(pipeline):
    pipeline.answer("berapa ITAS 2020", chat_id=1, now=0)
    assert pipeline.answer("kalau ITAP?", chat_id=2, now=1).facts[0]["metric"] == "itap"
    assert pipeline.answer("2019", chat_id=2, now=2).status == "no_data"
    assert pipeline.answer("kalau 2020?", chat_id=1, now=3).facts[0]["metric"] == "itas"


def test_context_expires_after_thirty_minutes(pipeline):
    pipeline.answer("how many Japanese nationals?", chat_id=11, now=0)
    assert pipeline.answer("and Chinese?", chat_id=11, now=CONTEXT_TTL_SECONDS - 1).facts
    reply = pipeline.answer("berapa persen?", chat_id=11, now=2 * CONTEXT_TTL_SECONDS + 5)
    assert reply.status in ("clarify", "fallback")


def test_chat_keeps_its_language_for_neutral_messages(pipeline):
    pipeline.answer("how many ITAS were issued?", chat_id=12, now=0)
    assert pipeline.answer("ITAP", chat_id=12, now=1).lang == "en"
    assert pipeline.answer("ITAP", chat_id=13, now=1).lang == "id"


def test_small_talk_and_junk_do_not_repeat_the_last_answer(pipeline):
    pipeline.answer("berapa ITAS 2020", chat_id=14, now=0)
    assert pipeline.answer("terima kasih", chat_id=14, now=1).status == "smalltalk"
    assert pipeline.answer("qwerty", chat_id=14, now=2).status == "fallback"


def test_country_followup_keeps_a_metric_without_breakdown(pipeline):
    pipeline.answer("jumlah deportasi 2020", chat_id=15, now=0)
    reply = pipeline.answer("dari india brp org?", chat_id=15, now=1)
    assert reply.status == "no_data" and reply.facts == []


def test_sum_followup_adds_to_the_previous_metric(pipeline, value_of):
    pipeline.answer("jumlah ITAS 2020", chat_id=16, now=0)
    reply = pipeline.answer("kalo ditambah ITK sama ITAP jadi brp?", chat_id=16, now=1)
    total = sum(value_of(m) for m in ("itk", "itas", "itap"))
    assert number(total, "id") in reply.text


def test_followup_names_a_sibling_by_its_last_word(pipeline, value_of):
    pipeline.answer("izin tinggal terbatas 2020 brp", chat_id=17, now=0)
    reply = pipeline.answer("kalo yg tetap?", chat_id=17, now=1)
    assert [f["value"] for f in reply.facts] == [value_of("itap")]


def test_a_correction_replaces_the_metric(pipeline, value_of):
    pipeline.answer("berapa ITAS", chat_id=18, now=0)
    reply = pipeline.answer("maaf maksud saya ITK", chat_id=18, now=1)
    assert [f["value"] for f in reply.facts] == [value_of("itk")]


@pytest.mark.parametrize(
    "text", ["berapa persen WNA Taiwan dari WNA India", "number of ITAS", "kalau ITAP?"]
)
def test_repeated_questions_answer_alike_whatever_came_before(pipeline, text):
    pipeline.answer("berapa WNA Jepang", chat_id=40, now=0)
    first = pipeline.answer(text, chat_id=41, now=1)
    pipeline.answer(text, chat_id=40, now=2)  # in a chat with context this time
    again = pipeline.answer(text, chat_id=42, now=3)
    assert (again.text, again.facts) == (first.text, first.facts)


@pytest.mark.parametrize(
    ("turns", "lang"),
    [
        (["How many South Koreans live in Bekasi?", "and the rest of the top five?"], "en"),
        (["berapa WNA Korea Selatan?", "sisanya dari lima besar?"], "id"),
    ],
)
def test_the_rest_of_a_ranking_lists_the_others_in_their_places(last_reply, base, turns, lang):
    reply = last_reply(turns, chat_id=21)
    listed = base.countries_with_facts("foreign_residents", base.newest_year())[:5]
    assert number(listed[0].value, lang) not in reply.text  # the one asked before
    for place, fact in enumerate(listed[1:], 2):
        assert f"{place}. " in reply.text and number(fact.value, lang) in reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["list the five biggest foreign communities", "sort them from smallest to largest"],
        ["daftar 5 negara dengan WNA terbanyak", "urutkan dari yang paling sedikit"],
    ],
)
def test_sorting_a_list_from_the_smallest_keeps_every_item(last_reply, base, turns):
    reply = last_reply(turns, chat_id=22)
    listed = base.countries_with_facts("foreign_residents", base.newest_year())[:5]
    values = [number(f.value, reply.lang) for f in reversed(listed)]
    positions = [reply.text.index(v) for v in values]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    ("turns", "others"),
    [
        (
            ["how many limited stay permits?", "and the other types of stay permit?"],
            ("itk", "itap"),
        ),
        (["berapa ITAS?", "izin tinggal jenis lainnya?"], ("itk", "itap")),
    ],
)
def test_the_other_members_of_a_group(last_reply, value_of, turns, others):
    reply = last_reply(turns, chat_id=23)
    assert reply.intent == "sum"
    assert number(sum(value_of(m) for m in others), reply.lang) in reply.text
    assert number(value_of("itas"), reply.lang) not in reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["How many ITK were issued?", "And ITAS?", "ITAP?", "sum of all three?"],
        ["berapa ITK", "kalau ITAS?", "ITAP?", "jumlahkan ketiganya"],
    ],
)
def test_all_three_sums_the_last_three_figures(last_reply, value_of, turns):
    reply = last_reply(turns, chat_id=24)
    total = sum(value_of(m) for m in ("itk", "itas", "itap"))
    assert number(total, reply.lang) in reply.text


def test_the_top_other_than_a_country_says_so(pipeline, base):
    reply = pipeline.answer("negara dengan WNA terbanyak selain Korea")
    second = base.countries_with_facts("foreign_residents", base.newest_year())[1]
    assert "selain Korea Selatan" in reply.text
    assert number(second.value, "id") in reply.text


@pytest.mark.parametrize(
    ("turns", "year"),
    [
        (["How many active foreigners were there in 2020?", "what about two years earlier?"], 2018),
        (["berapa WNA aktif 2020?", "kalau 3 tahun sebelumnya?"], 2017),
    ],
)
def test_years_counted_back_from_the_year_asked(last_reply, turns, year):
    reply = last_reply(turns, chat_id=25)
    assert reply.status == "no_data" and str(year) in reply.text
    assert reply.facts == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [("gmn kak, penerbitan paspor 2020 naik ato turun?", "id"),
     ("did passport issuance go up or down in 2020?", "en")],
)  # fmt: skip
def test_which_way_a_figure_went_is_the_statement_when_no_count_exists(pipeline, text, lang):
    reply = pipeline.answer(text)
    assert reply.status == "answered" and reply.intent == "passport"
    assert reply.lang == lang and reply.facts == []
