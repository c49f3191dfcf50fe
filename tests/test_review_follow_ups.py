"""Follow-ups a review found adding or comparing the wrong figures: each turn's figure comes
from the fact base, and the last reply must state exactly the computation asked."""

from __future__ import annotations

import pytest

from bot.answers.formatting import decimal, number, percent
from bot.evaluate import numbers, plain


@pytest.mark.parametrize(
    ("turns", "countries"),
    [
        (["Korea?", "Jepang?", "China?", "India?", "jumlahin semua"], ["KR", "JP", "CN", "IN"]),
        (["India?", "Taiwan?", "China?", "add them all up"], ["IN", "TW", "CN"]),
        (["Korea dan Jepang?", "ditambah China?"], ["KR", "JP", "CN"]),
        (["Korea?", "tambah Jepang?", "tambah China?"], ["KR", "JP", "CN"]),
        (["top 3?", "ketiganya dijumlah"], ["KR", "JP", "CN"]),
        (["WNA Jepang brp", "China nya?", "ditambah Korea, total ketiganya?"], ["JP", "CN", "KR"]),
        (
            ["Japanese?", "and Chinese?", "add Korea, what's the total of all three?"],
            ["JP", "CN", "KR"],
        ),
    ],
)
def test_a_sum_after_several_turns_adds_every_one_named(last_reply, value_of, turns, countries):
    reply = last_reply(turns, chat_id=70)
    total = sum(value_of("foreign_residents", c) for c in countries)
    assert number(total, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["top 3?", "and the total number of foreigners?"],
        ["Korea?", "Jepang?", "and the total number of foreigners?"],
        ["which country ranked third?", "and the total number of foreigners?"],
    ],
)
def test_a_follow_up_naming_its_own_figure_is_that_figure(last_reply, base, turns):
    reply = last_reply(turns, chat_id=71)
    assert reply.facts == [base.fact("foreign_residents", base.newest_year()).as_reply_fact()]


def test_the_last_two_of_several_turns_are_the_last_two(last_reply, value_of):
    reply = last_reply(["ITAS?", "ITK?", "ITAP?", "kalau 2 terakhir dijumlah?"], chat_id=72)
    assert number(value_of("itk") + value_of("itap"), reply.lang) in reply.text, reply.text


def test_a_share_of_every_one_named_is_their_share_together(last_reply, value_of):
    turns = ["Korea?", "Jepang?", "China?", "berapa persen semuanya dari total WNA?"]
    reply = last_reply(turns, chat_id=73)
    together = sum(value_of("foreign_residents", c) for c in ("KR", "JP", "CN"))
    assert percent(100 * together / value_of("foreign_residents"), reply.lang) in reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["top 3?", "tambah Taiwan?"],
        ["top 2?", "plus India?"],
        ["top 3?", "kalau dikurangi Jepang?"],
    ],
)
def test_a_ranking_then_one_country_never_adds_it_to_the_last_one_only(last_reply, value_of, turns):
    reply = last_reply(turns, chat_id=74)
    for a, b in (("CN", "TW"), ("JP", "IN"), ("CN", "JP")):
        wrong = value_of("foreign_residents", a) + value_of("foreign_residents", b)
        assert number(wrong, reply.lang) not in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "berapa inovasi kantor imigrasi Bogor?",
        "berapa kantor yang meraih WBK?",
        "berapa instansi yang meraih penghargaan?",
        "berapa penghargaan WBK?",
        "tahun 2030 orang Jepang di Bekasi berapa?",
        "how many in 2030 people from Japan?",
    ],
)
def test_counts_and_years_the_release_does_not_give_are_no_data(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == []


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("percentage of ITAS of all permits?", "itas"),
        ("percentage of ITK of total stay permits?", "itk"),
    ],
)
def test_a_share_of_x_of_all_y_has_y_as_its_whole(pipeline, value_of, text, metric):
    reply = pipeline.answer(text)
    whole = sum(value_of(m) for m in ("itk", "itas", "itap"))
    assert percent(100 * value_of(metric) / whole, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "metric", "country"),
    [
        ("not Japan, I mean Korea, how many?", "foreign_residents", "KR"),
        ("affidavit 50 atau 500?", "affidavit", None),
    ],
)
def test_the_figure_the_user_settles_on_is_answered(pipeline, base, text, metric, country):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year(), country).as_reply_fact()]
    assert "Bukan" not in reply.text and "Not so" not in reply.text


@pytest.mark.parametrize(
    ("turns", "named"),
    [
        (["ITK?", "ITAS?", "ITAP?", "all three as a share of total foreigners?"], "itk itas itap"),
        (["Korea?", "Jepang?", "China?", "ketiganya berapa persen dari total WNA?"], "KR JP CN"),
        (["India?", "Korea?", "Taiwan?", "Japan?", "the last two as a share of all?"], "TW JP"),
    ],
)  # fmt: skip
def test_a_share_of_the_last_ones_named_counts_each(last_reply, value_of, turns, named):
    reply = last_reply(turns, chat_id=87)
    whole = value_of("foreign_residents")
    for name in named.split():
        part = value_of("foreign_residents", name) if name.isupper() else value_of(name)
        assert percent(100 * part / whole, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "minus", "left"),
    [
        (["total foreigners minus Chinese?"], "CN", ""),
        (["total WNA dikurangi China"], "CN", ""),
        (["8940 minus Korea?"], "KR", ""),
        (["top 3?", "kalau dikurangi Jepang?"], "JP", "KR CN"),
        (["top 2?", "minus Korea?"], "KR", "JP"),
        (["total WNA dikurang Korea"], "KR", ""),
        (["jumlah WNA dikurangi WNA Korea"], "KR", ""),
        (["total foreign residents minus the Korean residents?"], "KR", ""),
        (["8940 - Korea"], "KR", ""),
        (["8.940 - Korea?"], "KR", ""),
        (["top 3?", "total?", "minus Japan?"], "JP", "KR CN"),
        (["Korea, Jepang dan China berapa totalnya?", "dikurangi Jepang?"], "JP", "KR CN"),
    ],
)
def test_a_country_taken_out_of_a_whole(last_reply, value_of, turns, minus, left):
    reply = last_reply(turns, chat_id=88)
    if left:
        expected = sum(value_of("foreign_residents", c) for c in left.split())
    else:
        expected = value_of("foreign_residents") - value_of("foreign_residents", minus)
    assert number(expected, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["Korea dikurangi Jepang berapa?"],
        ["how many Koreans minus Japanese?"],
        ["WNA Korea?", "dikurangi Jepang?"],
        ["top 3?", "selisih Korea dan Jepang?"],
    ],
)
def test_one_country_minus_another_is_their_difference(last_reply, value_of, turns):
    reply = last_reply(turns, chat_id=89)
    gap = value_of("foreign_residents", "KR") - value_of("foreign_residents", "JP")
    assert number(gap, reply.lang) in reply.text, reply.text


def test_a_place_named_after_a_ranking_and_a_country(last_reply, value_of, ranked):
    reply = last_reply(["top 3", "Taiwan?", "selisih Taiwan dengan yang pertama?"], chat_id=95)
    gap = ranked[0].value - value_of("foreign_residents", "TW")
    assert number(gap, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text", ["total WNA dikurangi top 3?", "all foreigners minus the top three countries?"]
)
def test_the_first_places_taken_out_of_a_whole(pipeline, value_of, ranked, text):
    reply = pipeline.answer(text)
    left = value_of("foreign_residents") - sum(r.value for r in ranked[:3])
    assert number(left, reply.lang) in reply.text, reply.text
    assert reply.lang == ("en" if text.startswith("all") else "id"), reply.text


def test_several_countries_taken_out_of_the_total_asked_before(last_reply, value_of):
    reply = last_reply(["total WNA?", "minus Korea and Japan?"], chat_id=96)
    left = value_of("foreign_residents") - sum(
        value_of("foreign_residents", c) for c in ("KR", "JP")
    )
    assert number(left, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "kept"),
    [
        (["how many indians", "and taiwanese?", "which is less?"], "TW"),
        (["how many indians", "and taiwanese?", "which is more?"], "IN"),
        (["WNA India?", "Taiwan?", "mana yang lebih sedikit?"], "TW"),
        (["Korea?", "Jepang?", "which is less?"], "JP"),
    ],
)
def test_which_of_the_last_two_is_more_or_less(last_reply, value_of, turns, kept):
    reply = last_reply(turns, chat_id=99)
    assert reply.status == "answered", reply.text
    assert number(value_of("foreign_residents", kept), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize("turns", [["top 3?", "which is less?"], ["WNA Jepang?", "which is less?"]])
def test_which_is_less_never_names_a_country_not_asked(last_reply, value_of, turns):
    reply = last_reply(turns, chat_id=100)
    assert number(value_of("foreign_residents", "TW"), reply.lang) not in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "left_out"),
    [
        (["total WNA?", "minus Taiwan?", "minus India too?"], ["TW", "IN"]),
        (["total WNA?", "dikurangi Korea?", "dikurangi Jepang juga?"], ["KR", "JP"]),
        (["total WNA tanpa Korea", "dan tanpa Jepang juga"], ["KR", "JP"]),
    ],
)
def test_subtractions_in_turns_add_up(last_reply, value_of, turns, left_out):
    reply = last_reply(turns, chat_id=101)
    left = value_of("foreign_residents") - sum(value_of("foreign_residents", c) for c in left_out)
    assert number(left, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "intent"),
    [
        (["rata2 Korea dan Jepang?", "bukan, Korea dan China"], "average"),
        (["selisih Korea dan Jepang?", "bukan, Korea dan China"], "difference"),
    ],
)
def test_a_correction_keeps_the_computation(last_reply, value_of, turns, intent):
    reply = last_reply(turns, chat_id=102)
    kr, cn = value_of("foreign_residents", "KR"), value_of("foreign_residents", "CN")
    expected = (
        decimal((kr + cn) / 2, reply.lang) if intent == "average" else number(kr - cn, reply.lang)
    )
    assert reply.intent == intent and expected in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["how many Taiwanese?", "how many of them were deported?"],
        ["WNA Taiwan berapa?", "berapa dari mereka yang dideportasi?"],
        ["ITAS 2020?", "among them, how many were deported?"],
        ["berapa WNA Jepang?", "di antara mereka berapa yang ditindak pro justitia?"],
        # a follow-up naming only a detail narrows the figure before
        ["deportasi berapa?", "bulan Desember aja?"],
        ["how many ITK permits?", "ok, and for Q1 only?"],
        ["how many ITAP holders?", "is that new permits only?"],
    ],
)
def test_a_follow_up_that_narrows_the_figure_before_states_none(last_reply, base, turns):
    reply = last_reply(turns, chat_id=141)
    assert reply.status == "no_data" and reply.facts == [], reply.text
    stated = {str(f.value) for f in base.facts.values()}
    assert not numbers(plain(reply.text)) & stated, reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["how many ITAP permits?", "does that include extensions?"],
        ["apakah angka ITAP termasuk perpanjangan?"],
        ["does the ITAP figure include renewals?"],
    ],
)
def test_asking_whether_a_figure_includes_what_its_quote_says_answers(last_reply, base, turns):
    reply = last_reply(turns, chat_id=142)
    assert reply.status == "answered", reply.text
    assert reply.facts == [base.fact("itap", base.newest_year()).as_reply_fact()]


@pytest.mark.parametrize(
    ("turns", "given"),
    [
        (["how many foreigners in the top 3 countries combined?",
          "and how far is that from the total?"], "KR JP CN"),
        (["WNA Korea berapa?", "selisihnya dengan total WNA?"], "KR"),
        (["Korea dan Jepang digabung berapa?", "berapa kurangnya dari total?"], "KR JP"),
        # the rest after countries asked is the same whole less them
        (["how many Koreans live in Bekasi?", "and the rest combined?"], "KR"),
        (["WNA Korea dan Jepang?", "sisanya?"], "KR JP"),
    ],
)  # fmt: skip
def test_the_gap_between_figures_just_given_and_the_whole(last_reply, value_of, turns, given):
    reply = last_reply(turns, chat_id=143)
    gap = value_of("foreign_residents") - sum(
        value_of("foreign_residents", c) for c in given.split()
    )
    assert number(gap, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["which two countries have the most foreigners in Bekasi?", "and the rest?"],
        ["top 3?", "sisanya?"],
    ],
)
def test_the_rest_of_a_ranking_names_the_listed_countries_among_them(last_reply, ranked, turns):
    reply = last_reply(turns, chat_id=144)
    shown = 2 if "two" in turns[0] else 3
    for fact in ranked[shown:]:
        assert number(fact.value, reply.lang) in reply.text, reply.text
    assert {f["country"] for f in reply.facts} >= {f.country for f in ranked[shown:]}


@pytest.mark.parametrize(
    "turns",
    [
        ["Korea Selatan ada berapa orang?", "China?", "yg paling dikit?"],
        ["how many Japanese?", "and Chinese?", "which country has the fewest?"],
    ],
)
def test_a_superlative_after_single_countries_is_of_all(last_reply, ranked, turns):
    reply = last_reply(turns, chat_id=147)
    assert [f["country"] for f in reply.facts] == [ranked[-1].country], reply.text


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("pro justitia berapa dan yang dari Korea berapa", "pro_justitia"),
        ("ITK berapa dan berapa yang dari China", "itk"),
        ("WNA India berapa dan yang dideportasi berapa", "IN"),
        ("WNA Korea berapa dan yang punya ITAS berapa", "KR"),
        ("total WNA dan berapa yang punya ITAS", "foreign_residents"),
    ],
)
def test_a_part_joined_by_dan_yang_asks_among_those_just_named(pipeline, base, text, first):
    reply = pipeline.answer(text)
    metric, country = ("foreign_residents", first) if first.isupper() else (first, None)
    assert reply.facts == [base.fact(metric, base.newest_year(), country).as_reply_fact()]
    assert "merinci" in reply.text, reply.text  # the second part: no such breakdown


@pytest.mark.parametrize(
    "text",
    [
        "Sepanjang 2020 berapa WNA yang dideportasi dan berapa yang kena pro justitia?",
        "Berapa ITAS 2020 dan berapa orang yang dideportasi?",
    ],
)
def test_two_parallel_questions_joined_by_dan_yang_get_both(pipeline, text):
    reply = pipeline.answer(text)
    assert len(reply.facts) == 2 and reply.status == "answered", reply.text


@pytest.mark.parametrize(
    ("turns", "left", "right"),
    [
        (["Korea?", "kurangi Jepang"], ["KR"], ["JP"]),
        (["Korea?", "subtract Japan"], ["KR"], ["JP"]),
        (["berapa WNA Korea?", "kurangi WNA Jepang"], ["KR"], ["JP"]),
        (["ITAS?", "kurangi ITAP"], ["itas"], ["itap"]),
        (["ITK+ITAS+ITAP?", "minus ITAS?"], ["itk", "itas", "itap"], ["itas"]),
        (["top 3 combined?", "without Korea?"], ["KR", "JP", "CN"], ["KR"]),
    ],
)
def test_a_figure_taken_from_the_one_asked_before(last_reply, value_of, turns, left, right):
    reply = last_reply(turns, chat_id=150)
    a, b = (sum(value_of("foreign_residents", n) if n.isupper() else value_of(n) for n in side)
            for side in (left, right))  # fmt: skip
    assert number(a - b, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["how many koreans live here", "what percent is that from all foreigners"],
        ["WNA Korea brp", "berapa persen dari total WNA?"],
    ],
)
def test_a_share_of_the_figure_just_given_in_the_whole(last_reply, value_of, turns):
    reply = last_reply(turns, chat_id=152)
    share = 100 * value_of("foreign_residents", "KR") / value_of("foreign_residents")
    assert percent(share, reply.lang) in reply.text, reply.text


def test_the_year_before_in_shorthand_has_no_figure(last_reply):
    reply = last_reply(["deportasi 2020 brp", "thn sblmnya brp?"], chat_id=153)
    assert reply.status == "no_data" and reply.facts == [], reply.text
