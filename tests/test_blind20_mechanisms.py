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
