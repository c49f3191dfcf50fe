"""Mechanisms the remaining misses of blind20 and blind22 showed: a loanword that leans to
one language, a sum whose terms are all named, and more. Every expected figure comes from
the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import number

WNA = "foreign_residents"


@pytest.mark.parametrize(
    ("turns", "lang"),
    [(["SKIM plus affidavit?"], "en"), (["Korea minus Taiwan = ?"], "en"),
     (["Korea + India = ?"], "id"), (["ITAS plus ITK berapa"], "id"),
     (["berapa ITAS", "SKIM plus affidavit?"], "id"), (["ITAS? ", "ITAS minus ITAP"], "id")],
)  # fmt: skip
def test_a_loanword_tells_the_language_only_when_nothing_else_does(last_reply, turns, lang):
    assert last_reply(turns).lang == lang


@pytest.mark.parametrize(
    ("turns", "terms"),
    [(["ITAS", "SKIM plus affidavit?"], ["skim", "affidavit"]),
     (["ITAS?", "SKIM + affidavit berapa"], ["skim", "affidavit"]),
     (["ITK + ITAP?", "ITAS + SKIM?"], ["itas", "skim"]),
     (["ITAS", "tambah ITK dan ITAP"], ["itas", "itk", "itap"]),
     (["ITAS", "plus ITK"], ["itas", "itk"]),
     (["ITAS", "ITK plus ITAP too"], ["itas", "itk", "itap"]),
     (["ITAS", "ITK plus ITAP juga"], ["itas", "itk", "itap"])],
)  # fmt: skip
def test_a_sum_adds_what_it_names_unless_it_adds_to_the_figure_before(
    last_reply, value_of, turns, terms
):
    reply = last_reply(turns)
    assert reply.intent == "sum", reply.text
    assert number(sum(map(value_of, terms)), reply.lang) in reply.text, reply.text
    assert sorted(f["metric"] for f in reply.facts) == sorted(terms), reply.text


TOP_FIVE, FEWEST_FIRST = "5 negara teratas?", "urutkan dari yang terkecil"


@pytest.mark.parametrize(
    ("turns", "places", "intent"),
    [([TOP_FIVE, "jumlah dua yang terakhir?"], [-2, -1], "sum"),
     ([TOP_FIVE, "the last two combined"], [-2, -1], "sum"),
     ([TOP_FIVE, "the last 3?"], [-3, -2, -1], None),
     ([TOP_FIVE, "second to last?"], [-2], "value"),
     ([TOP_FIVE, "yang kedua dari terakhir berapa?"], [-2], "value"),
     ([TOP_FIVE, "selisih yang pertama dan yang terakhir"], [0, -1], "difference"),
     (["list the top 5 nationalities", "the last one as a % of the first?"], [-1, 0], "share"),
     ([FEWEST_FIRST, "yang terakhir berapa?"], [-1], "value"),
     ([FEWEST_FIRST, "the last two combined"], [-2, -1], "sum")],
)  # fmt: skip
def test_places_counted_from_the_end_of_the_list_shown(last_reply, ranked, turns, places, intent):
    shown = [f.country for f in ranked][:5]
    shown = shown[::-1] if turns[0] == FEWEST_FIRST else shown
    reply = last_reply(turns)
    assert intent is None or reply.intent == intent, reply.text
    assert [f["country"] for f in reply.facts] == [shown[k] for k in places], reply.text


@pytest.mark.parametrize(
    "turns",
    [[TOP_FIVE, "berapa WNA data terakhir?"], [TOP_FIVE, "WNA tahun terakhir berapa?"],
     ["top 5", "how many WNA last year?"], ["top 5", "terakhir kali berapa?"]],
)  # fmt: skip
def test_the_latest_or_last_time_is_no_place_in_the_list(last_reply, turns):
    reply = last_reply(turns)
    assert len([f for f in reply.facts if f["country"]]) != 1, reply.text


@pytest.mark.parametrize(
    ("text", "intent"),
    [("whats the value the office hold? like profesional etc", "service_values"),
     ("what does the office stand for, like transparan?", "service_values"),
     ("kantor itu menjunjung apa aja, misalnya sinergi?", "service_values"),
     ("yang semacam eazy paspor itu apa aja?", "innovations")],
)  # fmt: skip
def test_an_item_a_statement_lists_asks_that_statement(pipeline, text, intent):
    reply = pipeline.answer(text)
    assert (reply.status, reply.intent) == ("answered", intent), reply.text
