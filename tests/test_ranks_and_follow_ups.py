"""Ranks, places in a ranking and follow-ups that lean back, the way a tenth blind set
asked them, in both languages; and the words that keep a question what it is (the
asker's own child, a month, a procedure). Every expected figure comes from the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import decimal, number, percent


def _ranked(base):
    return base.countries_with_facts("foreign_residents", base.newest_year(), "bekasi")


@pytest.mark.parametrize(
    "text", ["india urutan keberapa sih di daftar wna terbanyak?", "is india in the top 3?"]
)
def test_the_place_of_a_named_country_in_the_ranking(pipeline, base, text):
    reply = pipeline.answer(text)
    ranked = _ranked(base)
    india = next(f for f in ranked if f.country == "IN")
    assert number(india.value, reply.lang) in reply.text
    assert str(ranked.index(india) + 1) in reply.text.split(":")[0], reply.text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("WHICH NATIONALITY IS 2ND??", 2),
        ("negara urutan kedua?", 2),
        ("which country is third?", 3),
    ],
)
def test_an_ordinal_of_nationalities_is_a_place_in_the_ranking(pipeline, base, text, place):
    reply = pipeline.answer(text)
    assert reply.facts[0]["country"] == _ranked(base)[place - 1].country, reply.text


@pytest.mark.parametrize(
    ("turns", "place"),
    [
        (["wna korea brp", "yang kedua?"], 2),
        (["how many koreans in bekasi", "which group is 3rd?"], 3),
    ],
)
def test_an_ordinal_after_a_country_asks_that_place(pipeline, base, turns, place):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=51)
    assert [f["country"] for f in reply.facts] == [_ranked(base)[place - 1].country], reply.text


@pytest.mark.parametrize(
    "text", ["wna paling dikit dr 5 negara itu mana", "mana yang paling sedikit di antara 5 negara"]
)
def test_the_fewest_among_the_countries_named_is_one(pipeline, base, text):
    reply = pipeline.answer(text)
    assert [f["country"] for f in reply.facts] == [_ranked(base)[-1].country], reply.text


@pytest.mark.parametrize(
    ("turns", "lang"),
    [
        (["how many chinese", "and indians", "how many times more chinese?"], "en"),
        (["berapa WNA China", "kalau India?", "China berapa kali lipat?"], "id"),
    ],
)
def test_a_comparison_naming_one_side_takes_the_other_from_before(pipeline, value_of, turns, lang):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=52)
    ratio = value_of("foreign_residents", "CN") / value_of("foreign_residents", "IN")
    assert decimal(ratio, lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "lang"),
    [("kalo itas sama itk gedean mana?", "id"), ("is ITAS bigger than ITK?", "en")],
)
def test_slang_and_plain_comparisons_show_both_figures(pipeline, value_of, text, lang):
    reply = pipeline.answer(text)
    for metric in ("itas", "itk"):
        assert number(value_of(metric), lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    [
        "total of the 4 east asian countries (korea japan china taiwan)?",
        "total 4 negara Asia Timur (Korea, Jepang, China, Taiwan) berapa?",
    ],
)
def test_a_region_that_only_describes_the_countries_named(pipeline, value_of, text):
    reply = pipeline.answer(text)
    total = sum(value_of("foreign_residents", c) for c in ("KR", "JP", "CN", "TW"))
    assert number(total, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("anak saya kewarganegaraan ganda, affidavit thn 2020 di bekasi ada berapa", "affidavit"),
        ("my kids have dual citizenship: how many affidavits in 2020?", "affidavit"),
        ("cak, imigrasi bekasi 2020 ngedeport wong piro?", "deportation"),
    ],
)
def test_the_askers_own_words_do_not_narrow_the_figure(pipeline, base, text, metric):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year()).as_reply_fact()]


@pytest.mark.parametrize(
    "text",
    [
        "how many foreigners came to bekasi in march 2020?",
        "berapa WNA bulan september 2020",
        "how do I apply for a KITAS?",
        "cara mengajukan ITAS?",
    ],
)
def test_a_month_or_a_procedure_gets_no_figure(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [], reply.text


@pytest.mark.parametrize(
    ("turns", "lang"),
    [
        (
            ["how many Indian nationals live in Bekasi?", "and Taiwanese? add the two together"],
            "en",
        ),
        (["berapa WNA India?", "kalau Taiwan? jumlahkan keduanya"], "id"),
    ],
)
def test_an_operation_after_a_question_works_on_what_was_named(pipeline, value_of, turns, lang):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=53)
    total = value_of("foreign_residents", "IN") + value_of("foreign_residents", "TW")
    assert number(total, lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "lang"),
    [
        (["Korean residents?", "and Japanese?", "which group is bigger, and by how much?"], "en"),
        (["WNA Korea?", "kalau Jepang?", "mana yang lebih besar, selisihnya berapa?"], "id"),
    ],
)
def test_which_is_bigger_and_by_how_much_takes_both_sides(pipeline, value_of, turns, lang):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=54)
    gap = value_of("foreign_residents", "KR") - value_of("foreign_residents", "JP")
    assert number(gap, lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    [
        "how many foreigners were kicked out of the country?",
        "berapa WNA yang diusir dari negara ini?",
    ],
)
def test_leaving_the_country_asks_no_country(pipeline, base, text):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact("deportation", base.newest_year()).as_reply_fact()], reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["berapa deportasi?", "berapa WNA di negara ini?"],
        ["how many deportations?", "how many foreigners live in this country?"],
    ],
)
def test_the_whole_country_the_asker_is_in_gets_no_office_figure(pipeline, base, turns):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=55)
    home = sorted(base.places_of_kind(("negara",)))[0]
    assert reply.status == "no_data" and home in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("difference between the largest and the smallest nationality on the list?", "en"),
        ("selisih negara terbanyak dan tersedikit?", "id"),
    ],
)
def test_the_largest_less_the_smallest_listed_says_they_are_the_ends(pipeline, base, text, lang):
    reply = pipeline.answer(text)
    ranked = _ranked(base)
    assert number(ranked[0].value - ranked[-1].value, lang) in reply.text, reply.text
    assert str(len(ranked)) in reply.text.splitlines()[1], reply.text


@pytest.mark.parametrize(
    ("text", "named", "place"),
    [
        ("Fact check: Japanese nationals are the largest foreign group in Bekasi. True?", "JP", 1),
        ("Media menulis WNA China urutan kedua terbanyak di Bekasi. Apakah benar?", "CN", 2),
        ("is India the smallest group?", "IN", 5),
        ("apakah Jepang urutan pertama?", "JP", 1),
    ],
)
def test_a_claimed_place_shows_the_place_held_and_who_holds_the_one_claimed(
    pipeline, base, text, named, place
):
    reply = pipeline.answer(text)
    ranked = _ranked(base)
    claimed = ranked[min(place, len(ranked)) - 1]
    held = next(f for f in ranked if f.country == named)
    shown = {f["country"] for f in reply.facts}
    assert shown == {claimed.country, held.country}, reply.text
    assert f"{ranked.index(held) + 1}." in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "lang"),
    [
        (
            [
                "kak orang jepang berapa",
                "yang india berapa",
                "jadi lebih banyak jepang berapa orang",
            ],
            "id",
        ),
        (
            ["Apakah jumlah WNA dari lima negara terbanyak sama dengan total? Tolong jumlahkan."],
            "id",
        ),
    ],
)
def test_more_by_how_many_and_the_sum_of_the_top_ones(pipeline, base, value_of, turns, lang):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=64)
    if len(turns) > 1:
        expected = value_of("foreign_residents", "JP") - value_of("foreign_residents", "IN")
    else:
        expected = sum(f.value for f in _ranked(base)[:5])
    assert number(expected, lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("sum of the two smallest groups", "en"),
        ("jumlah dua negara paling sedikit, jumlahkan", "id"),
    ],
)
def test_a_sum_of_the_smallest_adds_the_last_ones(pipeline, base, text, lang):
    reply = pipeline.answer(text)
    assert number(sum(f.value for f in _ranked(base)[-2:]), lang) in reply.text, reply.text


def test_a_number_of_something_else_names_no_figure(pipeline):
    assert pipeline.answer("Bekasi punya 72 kecamatan. benar?").facts == []


@pytest.mark.parametrize(
    ("turns", "first", "count"),
    [
        (["top 3 negara wna terbanyak?", "ketiganya dijumlah berapa persen dr wna aktif?"], 0, 3),
        (["list the top 5 nationalities", "what's the share of the bottom two together?"], 3, 2),
        (["what share of foreigners are the top three nationalities combined?"], 0, 3),
        (["berapa persen dua negara paling sedikit digabung dari total WNA?"], 3, 2),
    ],
)
def test_a_share_of_a_slice_of_the_ranking_together(pipeline, base, value_of, turns, first, count):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=65)
    together = sum(f.value for f in _ranked(base)[first : first + count])
    share = 100 * together / value_of("foreign_residents")
    assert percent(share, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "metrics"),
    [
        (["itas berapa", "itk berapa", "itap berapa", "jumlahin semua"], ["itas", "itk", "itap"]),
        (["how many ITAS", "and ITK", "how many ITAP", "add them all up"], ["itas", "itk", "itap"]),
    ],
)
def test_a_sum_of_all_adds_every_figure_named_lately(pipeline, value_of, turns, metrics):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=66)
    assert number(sum(value_of(m) for m in metrics), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "a", "b"),
    [
        (["how many ITK", "and ITAS", "how many times bigger is ITAS?"], "itas", "itk"),
        (["berapa ITK", "kalau ITAS", "ITAS berapa kali lipat?"], "itas", "itk"),
    ],
)
def test_a_ratio_with_the_last_named_pairs_with_the_one_before(pipeline, value_of, turns, a, b):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=67)
    assert decimal(value_of(a) / value_of(b), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text", ["total bule aktif di bekasi brp dong, semua negara", "total foreigners, all countries"]
)
def test_the_total_over_all_countries_is_the_releases_total(pipeline, base, text):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact("foreign_residents", base.newest_year()).as_reply_fact()]
