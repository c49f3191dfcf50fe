"""Replies per status: figures from the fact base, formatted per language, with sources."""

from __future__ import annotations

import pytest

from bot.answers.formatting import number, percent
from bot.evaluate import numbers, plain
from bot.model.reply import STATUSES


@pytest.mark.parametrize(
    ("text", "lang", "metric", "country"),
    [
        ("berapa ITAS 2020", "id", "itas", None),
        ("how many ITAS were issued in 2020?", "en", "itas", None),
        ("jumlah ITK", "id", "itk", None),
        ("number of permanent stay permits", "en", "itap", None),
        ("brp org yg dideportasi", "id", "deportation", None),
        ("how many foreigners live in Bekasi", "en", "foreign_residents", None),
        ("WNA asal Jepang", "id", "foreign_residents", "JP"),
        ("how many Taiwanese", "en", "foreign_residents", "TW"),
    ],
)
def test_value_reply_states_the_stored_fact_with_quote(pipeline, base, text, lang, metric, country):
    reply = pipeline.answer(text)
    fact = base.fact(metric, base.newest_year(), country)
    assert (reply.status, reply.lang) == ("answered", lang)
    assert number(fact.value, lang) in reply.text
    assert fact.quote in reply.text
    assert str(base.newest_year()) in reply.text
    assert reply.facts == [fact.as_reply_fact()]
    assert "\n" in reply.text and ("Sumber:" in reply.text or "Source:" in reply.text)


def test_numbers_follow_the_reply_language(pipeline, shown):
    assert shown("itas", lang="id") in pipeline.answer("berapa ITAS").text
    assert shown("itas", lang="en") in pipeline.answer("how many ITAS").text
    assert shown("itas", lang="id") != shown("itas", lang="en")


def test_share_is_computed_with_one_decimal_and_said_to_be(pipeline, value_of):
    reply = pipeline.answer("berapa persen WNA dari Korea Selatan")
    expected = 100 * value_of("foreign_residents", "KR") / value_of("foreign_residents")
    assert percent(expected, "id") in reply.text
    assert "dihitung" in reply.text
    reply = pipeline.answer("what percentage of foreigners are Korean")
    assert percent(expected, "en") in reply.text
    assert "computed" in reply.text


def test_difference_and_sum_are_computed(pipeline, value_of):
    diff = value_of("foreign_residents", "KR") - value_of("foreign_residents", "JP")
    assert number(diff, "id") in pipeline.answer("selisih WNA Korea dan Jepang").text
    total = sum(value_of(m) for m in ("itk", "itas", "itap"))
    reply = pipeline.answer("total stay permits")
    assert number(total, "en") in reply.text
    assert {f["metric"] for f in reply.facts} == {"itk", "itas", "itap"}


def test_ranking_lists_countries_largest_first(pipeline, base):
    reply = pipeline.answer("daftar negara asal WNA")
    listed = base.countries_with_facts("foreign_residents", base.newest_year())
    positions = [reply.text.index(number(f.value, "id")) for f in listed]
    assert positions == sorted(positions)
    assert len(reply.facts) == len(listed)


def test_rank_beyond_the_list_is_said_plainly(pipeline, base):
    reply = pipeline.answer("negara urutan kesepuluh")
    assert reply.status == "no_data" and reply.facts == []
    stated = numbers(plain(reply.text)) - {str(base.newest_year())}
    assert all(len(n) <= 2 for n in stated)


@pytest.mark.parametrize(
    ("text", "lang", "must"),
    [
        ("berapa ITAS tahun 2019", "id", "2019"),
        ("how many ITAS in 2021?", "en", "2021"),
        ("berapa ITAS di Jakarta", "id", "Jakarta"),
        ("how many deportations in Surabaya", "en", "Surabaya"),
        ("berapa WNA dari Amerika Serikat", "id", "Amerika Serikat"),
        ("how many Australians live in Bekasi", "en", "Australia"),
        ("how many North Koreans", "en", "North Korea"),
        ("ITAS for Japanese", "en", "by country"),
        ("visa on arrival", "en", "visa"),
        ("berapa visa kunjungan", "id", "visa"),
    ],
)
def test_no_data_says_what_is_missing_and_states_no_figure(pipeline, base, text, lang, must):
    reply = pipeline.answer(text)
    assert (reply.status, reply.lang) == ("no_data", lang)
    assert must in reply.text
    assert reply.facts == []
    stated = numbers(plain(reply.text)) - numbers(text) - {str(y) for y in base.years()}
    assert not stated & {str(f.value) for f in base.facts.values()}


def test_passport_count_is_no_data_with_the_decline_statement(pipeline):
    reply = pipeline.answer("berapa paspor yang diterbitkan 2020")
    assert reply.status == "no_data"
    assert "turun" in reply.text and "Covid" in reply.text


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("apa saja inovasi imigrasi Bekasi", ["Eazy Paspor", "Drive Thru"]),
        ("penghargaan apa yang diraih", ["Wilayah Bebas dari Korupsi", "Ramah HAM"]),
        ("who is the head of the office?", ["Wahyu Hidayat"]),
        ("pasal apa yang dilanggar", ["Pasal 71", "UU RI No 6 Tahun 2011"]),
        ("apakah kantor naik kelas", ["Kelas I"]),
        ("why did passport issuance drop?", ["pandemic"]),
    ],
)
def test_statements_quote_the_release(pipeline, base, text, phrases):
    reply = pipeline.answer(text)
    assert reply.status == "answered"
    for phrase in phrases:
        assert phrase in reply.text
    quotes = [s["quote"] for s in base.tables["statements"] if s["intent"] == reply.intent]
    assert quotes and all(q in reply.text for q in quotes)


@pytest.mark.parametrize(
    ("text", "lang", "phrase"),
    [
        ("apa itu ITAS?", "id", "Izin Tinggal Terbatas"),
        ("what is ITK?", "en", "visit stay permit"),
        ("apa kepanjangan SKIM", "id", "Surat Keterangan Keimigrasian"),
        ("what is a KITAS", "en", "Kartu Izin Tinggal Terbatas"),
        ("what does affidavit mean", "en", "dual citizenship"),
    ],
)
def test_definitions(pipeline, text, lang, phrase):
    reply = pipeline.answer(text)
    assert (reply.status, reply.intent, reply.lang) == ("answered", "define", lang)
    assert phrase in reply.text


def test_clarify_offers_options_that_answer(pipeline):
    reply = pipeline.answer("berapa")
    assert reply.status == "clarify" and reply.options
    follow = pipeline.answer(reply.options[0].query, chat_id=5)
    assert follow.status == "answered"


def test_every_status_is_a_known_one(pipeline):
    for text in ("berapa ITAS", "ITAS 2019", "berapa", "asdf qwer", "halo"):
        assert pipeline.answer(text).status in STATUSES


def test_help_lists_what_can_be_asked(pipeline):
    reply = pipeline.answer("bantuan")
    assert reply.status == "smalltalk" and "ITAS" in reply.text


def test_forced_language_wins(pipeline):
    assert pipeline.answer("berapa ITAS", lang="en").lang == "en"


def test_huge_text_is_cut_and_answered(pipeline, base):
    reply = pipeline.answer("berapa ITAS " + "lagi " * 100_000)
    assert reply.status == "answered"
    assert reply.facts == [base.fact("itas", base.newest_year(), None).as_reply_fact()]


@pytest.mark.parametrize("text", ["berapa persen ITAS", "what percentage are ITK"])
def test_share_without_a_named_whole_asks_for_it(pipeline, base, value_of, text):
    reply = pipeline.answer(text, chat_id=30)
    assert reply.status == "clarify" and reply.options
    answered = pipeline.answer(reply.options[0].query, chat_id=31)
    metric = next(m for m in ("itk", "itas", "itap") if m.upper() in reply.options[0].query.split())
    whole = sum(value_of(m) for m in ("itk", "itas", "itap"))
    assert percent(100 * value_of(metric) / whole, answered.lang) in answered.text
