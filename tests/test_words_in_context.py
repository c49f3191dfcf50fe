"""Words read by what stands beside them: a relative year next to the year it names, a
detail that names the asker's workplace, "dibagi 12 bulan", a reduplicated word with a
prefix, a country as the whole of a share without "dari", a count of a whole's members,
thanks with other words, the office's own name, a place in the ranking as the other side
of a difference. Every expected figure comes from the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import number, percent
from bot.understanding.analysis import tokens_of


@pytest.mark.parametrize(
    "text",
    [
        "how many foreigners got prosecuted last year 2020 at bekasi",
        "pro justitia tahun lalu (2020) berapa",
        "pro justitia 2020 kemarin ada berapa orang",
    ],
)
def test_a_relative_year_beside_a_written_year_is_that_year(pipeline, base, value_of, text):
    reply = pipeline.answer(text)
    assert reply.status == "answered", reply.text
    assert reply.facts[0]["year"] == base.newest_year()
    assert number(value_of("pro_justitia"), reply.lang) in reply.text


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("saya staf admin di kantor kelurahan, butuh data jumlah WNA asal Taiwan di bekasi", "TW"),
        ("I work at the district office and need the number of Indian residents", "IN"),
    ],
)
def test_a_workplace_narrows_no_figure(pipeline, value_of, text, country):
    reply = pipeline.answer(text)
    assert reply.status == "answered", reply.text
    assert number(value_of("foreign_residents", country), reply.lang) in reply.text


@pytest.mark.parametrize(
    "text", ["berapa WNA per kelurahan", "brp pegawai kantor imigrasi bekasi", "WNA by district"]
)
def test_a_detail_of_the_figure_still_narrows(pipeline, text):
    assert pipeline.answer(text).status == "no_data"


@pytest.mark.parametrize(
    "turns",
    [
        ["deportasi 2020 kalau dibagi 12 bulan rata2nya?"],
        ["deportasi 2020", "kalau dibagi 12 bulan rata2nya?"],
        ["kalau dirata2 per bulan, deportasi 2020 brp org"],
        ["deportations in 2020 divided by 12 months?"],
    ],
)
def test_divided_by_the_year_s_months_is_a_monthly_mean(last_reply, value_of, turns):
    reply = last_reply(turns)
    assert reply.intent == "average", reply.text
    assert number(value_of("deportation") // 12, reply.lang) in reply.text


def test_divided_by_some_months_is_not_computed(pipeline):
    assert pipeline.answer("deportasi dibagi 9 bulan berapa").status == "no_data"


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("dirata2", ("dirata", "rata")),
        ("nilai2", ("nilai", "nilai")),
        ("berapa2", ("berapa", "berapa")),
        ("orang2", ("orang", "orang")),
    ],
)
def test_a_reduplicated_word_repeats_its_base(base, text, tokens):
    assert tokens_of(base, text) == tokens


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        ("taiwan itu brp persen nya india", "TW", "IN"),
        ("india brp persennya china", "IN", "CN"),
        ("japanese count as percent of korean count", "JP", "KR"),
        ("Taiwan berapa persen India?", "TW", "IN"),
    ],
)
def test_a_country_right_after_the_share_word_is_the_whole(pipeline, value_of, text, part, whole):
    reply = pipeline.answer(text)
    share = 100 * value_of("foreign_residents", part) / value_of("foreign_residents", whole)
    assert percent(share, reply.lang) in reply.text, reply.text
    all_residents = 100 * value_of("foreign_residents", part) / value_of("foreign_residents")
    assert percent(all_residents, reply.lang) not in reply.text


def test_each_share_asked_apart_stays_a_share_of_all(pipeline, value_of):
    reply = pipeline.answer("korea berapa persen jepang berapa persen")
    for code in ("KR", "JP"):
        share = 100 * value_of("foreign_residents", code) / value_of("foreign_residents")
        assert percent(share, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["ITAS berapa persen dari total 3 izin tinggal?"],
        ["ITAS brp", "terus itu brp persen dr total 3 izin tinggal"],
        ["ITAS as a percentage of all 3 stay permits?"],
    ],
)
def test_a_count_of_the_whole_s_members_is_no_count_asked(last_reply, value_of, turns):
    reply = last_reply(turns)
    permits = sum(value_of(m) for m in ("itk", "itas", "itap"))
    assert percent(100 * value_of("itas") / permits, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("makasih bnyk ya kak, sangat membantu buat tugas kuliahku", "id"),
        ("thanks a lot, this really helps with my thesis deadline", "en"),
    ],
)
def test_thanks_with_other_words_is_thanks(pipeline, text, lang):
    reply = pipeline.answer(text)
    assert (reply.status, reply.intent, reply.lang) == ("smalltalk", "thanks", lang)


@pytest.mark.parametrize(
    "text", ["recommend me a good restaurant in bekasi", "restoran enak di bekasi"]
)
def test_a_thing_no_release_counts_is_off_topic(pipeline, text):
    assert pipeline.answer(text).status == "fallback"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("what's the full name of the Bekasi office", "en"),
        ("nama lengkap kantor imigrasi bekasi apa", "id"),
        ("nama resmi kanim bekasi apa", "id"),
    ],
)
def test_the_office_s_full_name(pipeline, base, text, lang):
    reply = pipeline.answer(text)
    row = base.statements("office_name")[0]
    assert (reply.intent, reply.lang) == ("office_name", lang), reply.text
    assert row[f"summary_{lang}"] in reply.text


def test_the_full_name_of_the_head_names_the_head(pipeline, base):
    reply = pipeline.answer("siapa nama lengkap kepala kantor imigrasi bekasi?")
    row = base.statements("head_of_office")[0]
    assert row["summary_id"] in reply.text


@pytest.mark.parametrize(
    ("turns", "place", "other"),
    [
        (["negara wna terbanyak kedua apa", "brp selisihnya sama yg pertama"], 2, 1),
        (["which nationality is third?", "difference with the first?"], 3, 1),
        (["selisih Jepang dengan yang pertama", "kalau China dibanding urutan kedua?"], 3, 2),
    ],
)
def test_a_place_in_the_ranking_is_the_other_side(last_reply, ranked, turns, place, other):
    reply = last_reply(turns)
    assert reply.status == "answered", reply.text
    shown = {f["country"] for f in reply.facts}
    assert shown == {ranked[place - 1].country, ranked[other - 1].country}, reply.text


def test_the_first_named_is_the_first_of_the_chat(last_reply):
    reply = last_reply(["Japan?", "Taiwan?", "difference between Taiwan and the first one?"])
    assert {f["country"] for f in reply.facts} == {"JP", "TW"}, reply.text


@pytest.mark.parametrize(
    "text", ["stay permit for visitors count 2020??", "berapa izin tinggal pengunjung 2020"]
)
def test_a_permit_for_visitors_is_the_visit_permit(pipeline, value_of, text):
    reply = pipeline.answer(text)
    assert number(value_of("itk"), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "metric"),
    [
        (["how many ITAP?", "what does it stand for?"], "itap"),
        (["berapa ITAS?", "singkatan dari apa?"], "itas"),
    ],
)
def test_a_grammar_word_names_no_sibling(last_reply, turns, metric):
    reply = last_reply(turns)
    assert reply.intent == "define", reply.text
    assert reply.text.startswith(metric.upper()), reply.text
