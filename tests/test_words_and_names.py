"""Words the matcher must read as a person means them: a country's name written as one
word, "&" for "and", "the number 338", "number one", slang thanks, and how-to questions
the release cannot answer. Every expected figure comes from the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import number, percent
from bot.evaluate import numbers, plain


@pytest.mark.parametrize(
    ("text", "name"),
    [("WNA Hongkong ada brp?", "Hong Kong"), ("how many Newzealanders?", "New Zealand")],
)
def test_a_country_written_as_one_word_is_that_country(pipeline, base, text, name):
    reply = pipeline.answer(text)
    assert reply.status == "no_data", reply.text
    assert name in reply.text
    assert not numbers(plain(reply.text)) & {str(f.value) for f in base.facts.values()}


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("brp org dideportasi & brp WNA Taiwan?", [("deportation", None), ("foreign_residents", "TW")]),  # noqa: E501
        ("how many ITK & ITAS?", [("itk", None), ("itas", None)]),
    ],
)  # fmt: skip
def test_an_ampersand_joins_like_and(pipeline, value_of, text, figures):
    reply = pipeline.answer(text)
    for metric, code in figures:
        assert number(value_of(metric, code), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("what does the number 338 refer to in the report?", "TW"),
        ("angka 2301 itu apa?", "CN"),
    ],
)
def test_a_figure_named_by_its_number(pipeline, base, text, country):
    reply = pipeline.answer(text)
    assert [f["country"] for f in reply.facts] == [country], reply.text


@pytest.mark.parametrize(
    "text",
    ["China was number one among foreigners in Bekasi, wasn't it?", "China nomor satu kan?"],
)
def test_a_claimed_place_is_checked_against_the_ranking(pipeline, base, text):
    first = base.countries_with_facts(base.breakdown_metric(), base.newest_year())[0]
    reply = pipeline.answer(text)
    assert reply.intent == "position", reply.text
    assert number(first.value, reply.lang) in reply.text


@pytest.mark.parametrize("text", ["ok sip", "mantap", "sip makasih"])
def test_indonesian_slang_thanks_get_indonesian(pipeline, text):
    reply = pipeline.answer(text)
    assert (reply.status, reply.lang) == ("smalltalk", "id"), reply.text


@pytest.mark.parametrize(
    "text",
    [
        "how do I extend my KITAS?",
        "gimana cara perpanjang ITAS?",
        "how can I renew my ITAP?",
        "how many times can I extend ITK?",
        "ITK bisa diperpanjang berapa kali?",
        "how many times can ITAS be extended?",
        "how many days is an ITK valid?",
        "ITK berlaku berapa hari?",
    ],
)
def test_how_to_questions_state_no_figure(pipeline, base, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data", reply.text
    assert reply.facts == []


@pytest.mark.parametrize(
    ("text", "metrics"),
    [
        ("berapa izin tinggal terbatas dan tetap?", ["itas", "itap"]),
        ("jumlah izin tinggal kunjungan dan terbatas", ["itk", "itas"]),
        ("how many limited and permanent stay permits?", ["itas", "itap"]),
        ("visit, limited and permanent stay permits in 2020?", ["itk", "itas", "itap"]),
        ("visit and limited permits", ["itk", "itas"]),
        ("visit, limited permits", ["itk", "itas"]),
        ("izin tinggal sementara dan tetap berapa?", ["itas", "itap"]),
    ],
)
def test_names_sharing_a_head_written_once_are_each_named(pipeline, text, metrics):
    reply = pipeline.answer(text)
    assert sorted(f["metric"] for f in reply.facts) == sorted(metrics), reply.text


@pytest.mark.parametrize(
    "text",
    [
        "ITK itu berapa persen dari total izin tinggal kunjungan, terbatas dan tetap?",
        "Of all visit, limited and permanent stay permits, what share were visit permits?",
    ],
)
def test_a_whole_written_with_a_shared_head_is_their_sum(pipeline, value_of, text):
    reply = pipeline.answer(text)
    whole = value_of("itk") + value_of("itas") + value_of("itap")
    assert percent(100 * value_of("itk") / whole, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Could you share that figure: the number of ITK in 2020?", "itk"),
        ("pls share the ITAS number", "itas"),
        ("tolong share jumlah ITAP 2020", "itap"),
        ("share the ITK figure for 2020 pls", "itk"),
        ("share that ITAS number", "itas"),
    ],
)
def test_share_as_the_verb_of_a_request_asks_the_figure(pipeline, base, text, metric):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year()).as_reply_fact()], reply.text


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Mohon disampaikan jumlah WNA asal RRT di wilayah kerja Kantor Imigrasi Bekasi.", "CN"),
        ("how many Japanese live in the working area of the Bekasi office?", "JP"),
    ],
)
def test_a_fixed_phrase_narrows_nothing(pipeline, base, text, country):
    reply = pipeline.answer(text)
    fact = base.fact("foreign_residents", base.newest_year(), country)
    assert reply.facts == [fact.as_reply_fact()], reply.text


@pytest.mark.parametrize("text", ["berapa WNA yang datang untuk kerja?", "how many came for work?"])
def test_the_same_word_alone_still_narrows(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [], reply.text


@pytest.mark.parametrize(
    "turns",
    [
        [
            "How many limited stay permits in 2020?",
            "what percent is that of all three stay permit types (visit, limited, permanent)?",
        ],
        ["ITAS 2020 berapa?", "itu berapa persen dari ketiga izin tinggal?"],
    ],
)
def test_a_whole_counted_or_spelled_out_by_its_members_takes_the_figure_before(
    last_reply, value_of, turns
):
    reply = last_reply(turns, chat_id=95)
    whole = value_of("itk") + value_of("itas") + value_of("itap")
    assert percent(100 * value_of("itas") / whole, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        ("persen Taiwan dari India", "TW", "IN"),
        ("Taiwanese as a percentage of Indians?", "TW", "IN"),
        ("persentase Korea dari Jepang", "KR", "JP"),
        ("WNA China berapa persen dari jumlah WNA Korea?", "CN", "KR"),
        ("ITAP itu berapa persen dari ITAS?", "itap", "itas"),
        ("pro justitia as a percentage of deportations?", "pro_justitia", "deportation"),
        ("berapa persen ITK dari ITAS", "itk", "itas"),
        ("what share of ITAS were ITAP?", "itap", "itas"),
    ],
)
def test_a_figure_as_a_percentage_of_one_it_is_no_part_of(pipeline, value_of, text, part, whole):
    reply = pipeline.answer(text)
    a, b = (value_of("foreign_residents", n) if n.isupper() else value_of(n) for n in (part, whole))
    assert reply.status == "answered" and percent(100 * a / b, reply.lang) in reply.text
    assert "bukan bagian" in reply.text or "no part of" in reply.text, reply.text


@pytest.mark.parametrize(
    "text", ["berapa persen WNA Korea dari ITAS?", "deportasi berapa persen dari ITAS?"]
)
def test_a_percentage_of_a_figure_counted_otherwise_is_refused(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [], reply.text


@pytest.mark.parametrize(
    "text", ["total of visit stay permits processed", "limited stay permits", "izin tinggal tetap"]
)
def test_one_name_is_not_spelled_out_as_a_list(pipeline, base, text):
    from bot.model.text import clean_tokens
    from bot.understanding.ellipsis import spelled_out

    tokens = list(clean_tokens(text))
    assert spelled_out(tokens, base) == tokens


@pytest.mark.parametrize(
    "text",
    [
        "yg dideportasi org mana aja",
        "Apakah terdapat rincian jumlah deportasi berdasarkan kewarganegaraan?",
        "deportations by citizenship?",
        # contact details are a topic without figures
        "What is the office phone number?",
        "nomor telepon kantor imigrasi bekasi?",
    ],
)
def test_nationality_and_contact_questions_state_no_figure(pipeline, text):
    """Nationality words ask a country breakdown, which deportations lack; contact
    details are a topic the releases give no figure for."""
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [], reply.text


@pytest.mark.parametrize(
    "text",
    [
        "Kami dari Dinas Tenaga Kerja Kota Bekasi ingin mengetahui jumlah WNA aktif.",
        "We are from the Ministry of Manpower, how many active foreigners are there?",
    ],
)
def test_an_office_name_with_work_in_it_narrows_nothing(pipeline, value_of, text):
    reply = pipeline.answer(text)
    assert number(value_of("foreign_residents"), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "count"), [(["total wna 5 negara", "rata2nya?"], 5), (["top 5", "average?"], 5)]
)
def test_an_average_after_countries_counted_is_per_country(last_reply, ranked, turns, count):
    reply = last_reply(turns, chat_id=97)
    mean = sum(f.value for f in ranked[:count]) / count
    assert number(round(mean), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("word", "lang"),
    [("useless", "en"), ("weather", "en"), ("banyak", "id"), ("bodoh", "id"),
     ("data", None), ("total", None), ("itas", None), ("korea", None)],
)  # fmt: skip
def test_common_words_rare_in_the_other_language_tell_it(base, word, lang):
    from bot.understanding.lexis import lexis

    telling = lexis(base).telling
    assert [code for code, words in telling.items() if word in words] == ([lang] if lang else [])


@pytest.mark.parametrize(
    ("turns", "part", "whole"),
    [
        (["India berapa persen dari India dan Taiwan"], "IN", "IN TW"),
        (["Korea berapa persen dari Korea, Jepang dan China?"], "KR", "KR JP CN"),
        (["Korea dan Jepang berapa?", "dari mereka berapa persen yang Korea"], "KR", "KR JP"),
        (["top 3?", "berapa persen Korea dari mereka?"], "KR", "KR JP CN"),
    ],
)
def test_a_share_of_several_countries_added_up(last_reply, value_of, turns, part, whole):
    reply = last_reply(turns, chat_id=151)
    total = sum(value_of("foreign_residents", c) for c in whole.split())
    share = percent(100 * value_of("foreign_residents", part) / total, reply.lang)
    assert share in reply.text, reply.text


def test_a_country_of_several_it_is_not_among_is_no_share(pipeline):
    reply = pipeline.answer("What percent is India of Korea and Japan combined?")
    assert reply.status == "no_data" and reply.facts == [], reply.text
