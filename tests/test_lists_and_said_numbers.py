"""Questions written as bullet lists, names typed in pieces, fractions and multiples said
in a claim, the rest of a ranking after some are dropped, a sum or a share carried on by a
follow-up, and the middle of a ranking. Every expected figure comes from the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import decimal, number, percent


@pytest.mark.parametrize(
    ("text", "metrics"),
    [
        ("tolong jawab:\n- ITAS\n- ITK\n- ITAP", ["itas", "itk", "itap"]),
        ("need these:\n• ITK\n• deportations", ["itk", "deportation"]),
        ("pertanyaan:\n1. jumlah ITAS\n2. jumlah ITAP", ["itas", "itap"]),
        ("a) ITAS 2020\nb) ITK 2020", ["itas", "itk"]),
    ],
)
def test_each_item_of_a_list_is_answered(pipeline, value_of, text, metrics):
    reply = pipeline.answer(text)
    for metric in metrics:
        assert number(value_of(metric), reply.lang) in reply.text, reply.text


def test_a_single_dash_is_no_list(pipeline, value_of):
    reply = pipeline.answer("WNA Korea - berapa ya?")
    assert reply.status == "answered", reply.text
    assert number(value_of("foreign_residents", "KR"), reply.lang) in reply.text


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("ki tas berapa tahun 2020", "itas"),
        ("jumlah w n a aktif di bekasi berapa", "foreign_residents"),
        ("afi davit ada berapa orang", "affidavit"),
        ("how many ki tap holders", "itap"),
    ],
)
def test_a_name_typed_in_pieces(pipeline, value_of, text, metric):
    reply = pipeline.answer(text)
    assert reply.status == "answered", reply.text
    assert number(value_of(metric), reply.lang) in reply.text


def test_words_that_only_join_into_a_name_stay_words(pipeline):
    assert pipeline.answer("a total of how many people").status != "answered"


@pytest.mark.parametrize(
    "text",
    [
        "gimana trend passport issuance di 2020?",
        "Did Bekasi really issue fewer passports in 2020 than in 2019?",
        "paspor kok bisa sepi banget?",
    ],
)
def test_which_way_passports_went_is_what_the_release_says(pipeline, base, text):
    reply = pipeline.answer(text)
    assert (reply.status, reply.intent) == ("answered", "passport"), reply.text
    assert base.statements("passport")[0][f"summary_{reply.lang}"] in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "berapa orang yang dideportasi tahun kemarin itu dua ribu dua puluh",
        "deportations last year, that is 2020?",
    ],
)
def test_a_relative_year_then_the_year_it_names(pipeline, base, value_of, text):
    reply = pipeline.answer(text)
    assert reply.status == "answered", reply.text
    assert number(value_of("deportation"), reply.lang) in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "selisih WNA Korea dan Jepang itu berapa persen",
        "the difference between Koreans and Japanese in percent?",
    ],
)
def test_a_difference_in_percent_is_the_gap(pipeline, value_of, text):
    reply = pipeline.answer(text)
    korea, japan = value_of("foreign_residents", "KR"), value_of("foreign_residents", "JP")
    assert percent(100 * (korea - japan) / japan, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("WNA Jepang sepertiga dari total WNA, betul?", ["JP"]),
        ("someone says a third of the foreigners are Korean - true?", ["KR"]),
        ("are Koreans and Japanese together more than half of all foreigners?", ["KR", "JP"]),
        ("Korea dan Jepang digabung lebih dari setengah dari total WNA?", ["KR", "JP"]),
    ],
)
def test_a_fraction_of_the_whole_said_is_a_share(pipeline, value_of, text, codes):
    reply = pipeline.answer(text)
    part = sum(value_of("foreign_residents", c) for c in codes)
    share = 100 * part / value_of("foreign_residents")
    assert percent(share, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("ITAS hampir empat kali ITK, bener?", "itas", "itk"),
        ("is ITAS about 4 times ITK?", "itas", "itk"),
    ],
)
def test_a_number_of_times_said_is_the_ratio(pipeline, value_of, text, first, second):
    reply = pipeline.answer(text)
    assert reply.intent == "ratio", reply.text
    ratio = value_of(first) / value_of(second)
    assert f"{ratio:.1f}".replace(".", "," if reply.lang == "id" else ".") in reply.text


@pytest.mark.parametrize(
    ("text", "metric", "country", "times", "by"),
    [
        ("ITAS kali dua berapa", "itas", None, 2, 1),
        ("ITAS x 2", "itas", None, 2, 1),
        ("ITK times 3", "itk", None, 3, 1),
        ("setengah dari WNA Jepang berapa", "foreign_residents", "JP", 1, 2),
        ("half of Japan", "foreign_residents", "JP", 1, 2),
        ("deportasi dibagi 4", "deportation", None, 1, 4),
        ("deportations divided by 4", "deportation", None, 1, 4),
        ("double the deportations?", "deportation", None, 2, 1),
        ("kalau WNA India naik dua kali lipat jadi berapa?", "foreign_residents", "IN", 2, 1),
    ],
)
def test_one_figure_with_the_askers_factor_is_computed(
    computed, pipeline, value_of, text, metric, country, times, by
):
    reply = pipeline.answer(text)
    value = value_of(metric, country)
    assert reply.intent == "scaled", reply.text
    assert number(value, reply.lang) in reply.text
    scaled = value * times / by
    assert computed(scaled, reply.lang) in reply.text, reply.text
    assert str(max(times, by)) in reply.text  # the asker's own number, said to be theirs


def test_a_what_if_after_a_figure(last_reply, value_of):
    reply = last_reply(["WNA Taiwan brp", "yg tadi dikali dua berapa"])
    assert number(value_of("foreign_residents", "TW") * 2, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["what were the top 5 nationalities", "drop Korea and Japan, what's left combined?"],
        ["5 negara teratas", "selain Korea dan Jepang, sisanya berapa?"],
    ],
)
def test_the_rest_of_a_ranking_after_some_are_dropped(last_reply, value_of, turns):
    reply = last_reply(turns)
    rest = sum(value_of("foreign_residents", c) for c in ("CN", "IN", "TW"))
    assert reply.intent == "sum", reply.text
    assert number(rest, reply.lang) in reply.text


def test_the_rest_of_a_ranking_sorted_is_listed(last_reply):
    reply = last_reply(["5 negara teratas", "selain Korea dan Jepang, sisanya urutkan"])
    assert [f["country"] for f in reply.facts] == ["CN", "IN", "TW"], reply.text


@pytest.mark.parametrize(
    "turns", [["ITK 2020", "now add ITAP to it", "and then SKIM too"],
              ["ITK 2020", "tambah ITAP", "SKIM juga"]],
)  # fmt: skip
def test_a_figure_added_too_extends_the_sum(last_reply, value_of, turns):
    reply = last_reply(turns)
    total = sum(value_of(m) for m in ("itk", "itap", "skim"))
    assert number(total, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["how many ITAS", "what share is that of all stay permits?", "same for ITK"],
        ["ITAS berapa", "berapa persen dari total izin tinggal?", "kalau ITK?"],
    ],
)
def test_a_share_asked_again_keeps_its_whole(last_reply, value_of, turns):
    reply = last_reply(turns)
    permits = sum(value_of(m) for m in ("itk", "itas", "itap"))
    assert percent(100 * value_of("itk") / permits, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["ITK berapa", "per bulan rata2 jadi berapa?", "kalau deportasi per bulan?"],
        ["average ITK per month?", "and deportations?"],
    ],
)
def test_an_average_carries_on_to_the_next_figure(last_reply, value_of, turns):
    reply = last_reply(turns)
    assert reply.intent == "average", reply.text
    assert number(value_of("deportation") // 12, reply.lang) in reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["what's the median of the five country counts"],
        ["negara urutan tengah apa?"],
        ["top 5 countries pls", "sort them from smallest to largest", "which one is in the middle"],
    ],
)
def test_the_middle_of_the_ranking(last_reply, ranked, turns):
    reply = last_reply(turns)
    middle = ranked[(len(ranked) - 1) // 2]
    assert [f["country"] for f in reply.facts] == [middle.country], reply.text


def test_a_median_of_a_detail_the_release_lacks_is_refused(pipeline):
    assert pipeline.answer("median age of foreigners in bekasi").status == "no_data"


@pytest.mark.parametrize(
    ("turns", "metrics"),
    [
        (["average ITK per month?", "and the total WNA?"], ["foreign_residents"]),
        (["ITAS berapa", "total ITK?"], ["itk"]),
        (["ITK 2020", "tambah total ITAP"], ["itk", "itap"]),
    ],
)
def test_a_figure_named_by_its_total_adds_nothing(last_reply, value_of, turns, metrics):
    reply = last_reply(turns)
    shown = sum(value_of(m) for m in metrics)
    assert number(shown, reply.lang) in reply.text, reply.text
    assert [f["metric"] for f in reply.facts] == metrics


@pytest.mark.parametrize(
    ("text", "metric", "per"),
    [
        ("deportees per 1,000 active foreigners?", "deportation", 1000),
        ("berapa deportasi per 1000 WNA", "deportation", 1000),
        ("ITAS per 100 WNA aktif", "itas", 100),
    ],
)
def test_a_rate_per_people_counted_is_computed(computed, pipeline, value_of, text, metric, per):
    reply = pipeline.answer(text)
    assert reply.intent == "rate", reply.text
    rate = value_of(metric) / value_of("foreign_residents") * per
    assert decimal(rate, reply.lang) in reply.text, reply.text


def test_a_rate_per_people_never_counted_is_refused(pipeline):
    assert pipeline.answer("berapa WNA per 1000 penduduk Bekasi?").status == "no_data"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ('"...pendeportasian sebanyak 72 orang, dan penindakan Pro Justisia..." how many '
         "were deported?", "en"),
        ('"Passport issuance plunged during the pandemic and many people stayed home" '
         "katanya, berapa WNA Jepang?", "id"),
    ],
)  # fmt: skip
def test_a_quoted_line_does_not_choose_the_reply_language(pipeline, text, lang):
    assert pipeline.answer(text).lang == lang


@pytest.mark.parametrize(
    "turns",
    [
        ["Kenapa paspor turun?", "berapa turunnya?", "persen?"],
        ["bagaimana dengan paspor?", "berapa persen?"],
    ],
)
def test_a_number_asked_of_a_thing_never_counted_is_no_data(last_reply, turns):
    assert last_reply(turns).status == "no_data"


@pytest.mark.parametrize(
    "text", ["di rilisnya disebut soal lockdown gak?", "does the release mention covid?"]
)
def test_whether_the_release_speaks_of_a_thing(pipeline, base, text):
    reply = pipeline.answer(text)
    assert (reply.status, reply.intent) == ("answered", "passport"), reply.text
    assert any(row[f"summary_{reply.lang}"] in reply.text for row in base.statements("passport"))


@pytest.mark.parametrize(
    "text",
    ["ITAS x 1,5", "ITAS times 1.5", "ITAP dikali dua belas", "ITAS kali 2 ribu",
     "ITAS kali 10%", "ITAS dibagi 2,5", "ITAS kali 1/2", "deportasi per 100 ribu WNA",
     "ITAS dikurangi 433", "ITAS kali satu setengah", "ITAS x -3", "ITAS kali 2 tambah 1",
     "ITAS kali dua atau tiga", "ITAS kali dua tahun"],
)  # fmt: skip
def test_a_number_not_whole_as_written_is_no_factor(pipeline, text):
    """A decimal, a fraction, a percent, a magnitude word or a subtraction of the asker's:
    refused rather than read as a whole factor (review 29)."""
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [], reply.text


@pytest.mark.parametrize(
    "text", ["ITAS, saya tanya dua kali loh", "sudah 3 kali saya tanya ITAS", "deportasi?"]
)
def test_times_that_multiply_nothing(pipeline, value_of, text):
    reply = pipeline.answer(text)
    assert reply.intent == "value", reply.text


@pytest.mark.parametrize(
    "text",
    ["setiap 1000 WNA ada berapa yang dideportasi", "for every 1000 foreigners, how many "
     "were deported?"],
)  # fmt: skip
def test_a_rate_whose_base_is_named_first(pipeline, value_of, text):
    reply = pipeline.answer(text)
    rate = value_of("deportation") / value_of("foreign_residents") * 1000
    assert decimal(rate, reply.lang) in reply.text, reply.text


def test_a_running_sum_keeps_every_term(last_reply, value_of):
    reply = last_reply(["ITAS", "tambah ITK", "tambah ITAP"])
    total = sum(value_of(m) for m in ("itas", "itk", "itap"))
    assert number(total, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text", ["ratio of ITAS to ITK as a percentage", "perbandingan ITAS dan ITK dalam persen"]
)
def test_a_ratio_in_percent_is_the_first_of_the_second(pipeline, value_of, text):
    reply = pipeline.answer(text)
    assert percent(100 * value_of("itas") / value_of("itk"), reply.lang) in reply.text


@pytest.mark.parametrize("text", ["how many is it as of 2020?", "what is it as a percentage?"])
def test_grammar_words_never_join_into_a_name(pipeline, text):
    assert not any(f["metric"] == "itas" for f in pipeline.answer(text).facts)


@pytest.mark.parametrize(
    ("text", "metric"),
    [("ITAS sekitar 6.400?", "itas"), ("deportasi 70an?", "deportation"),
     ("about 1,700 ITK?", "itk")],
)  # fmt: skip
def test_a_number_said_roughly_gets_no_verdict(pipeline, value_of, text, metric):
    reply = pipeline.answer(text)
    assert number(value_of(metric), reply.lang) in reply.text, reply.text
    assert "tidak sesuai" not in reply.text and "does not match" not in reply.text
