"""Questions built to provoke a wrong number: each must get no figure or the right one."""

from __future__ import annotations

import pytest

from bot.answers.formatting import decimal, number, percent
from bot.evaluate import numbers, plain

NO_FIGURE = [
    "berapa orang Korea Utara di Bekasi",
    "Democratic People's Republic of Korea",
    "how many stay permits for Japanese",
    "total izin tinggal orang Korea",
    "how many ITAS per month",
    "ITAS Januari 2020",
    "berapa perpanjangan ITAS",
    "berapa WNA aktif laki-laki",
    "berapa ITK yang ditolak",
    "berapa deportasi karena covid",
    "berapa WNA selain 5 negara",
    "ITAS per negara",
    "berapa ITAS di Bekasi Timur",
    "berapa ITAS tahun depan",
    "how many ITAS this year",
    "berapa ITAS 2 tahun lalu",
    "selisih ITAS dan WNA Jepang",
    "berapa WNA Jepang yang punya ITAS",
    "berapa persen WNA Jepang dari total izin tinggal",
    "median WNA",
    "syarat perpanjang KITAS apa aja",
    "siapa presiden pertama indonesia",
    "recommend me a good korean restaurant in bekasi",
    "sorry my english not good, is the weather nice",
    "ITAP baru saja (bukan perpanjangan) ada berapa?",
    "how many ITAP excluding renewals",
    "ITAS bukan perpanjangan berapa",
    "Berapa jumlah pegawai Kantor Imigrasi Bekasi?",
    "how many employees does the immigration office have",
    "What's the gender breakdown of the active foreigners? How many are women?",
    "How long does it take to process a KITAS at the Bekasi immigration office?",
    "berapa lama proses ITAS di kanim bekasi",
    "What was the Bekasi immigration office's budget for 2020?",
    "berapa biaya bikin paspor di bekasi",
    "How many of the Korean residents in Bekasi in 2020 were under 30 years old?",
    "Berapa WNA yang datang ke Bekasi untuk tujuan bekerja dibanding investasi tahun 2020?",
    "Berapa WNA yang masuk lewat Bandara Soekarno-Hatta dan tinggal di Bekasi tahun 2020?",
    "min, brp persen penurunan paspor bekasi 2020 dibanding 2019?",
]


@pytest.mark.parametrize("text", NO_FIGURE)
def test_questions_the_release_cannot_answer_state_no_figure(pipeline, base, text):
    reply = pipeline.answer(text)
    assert reply.status in ("no_data", "clarify", "fallback"), reply.text
    assert reply.facts == []
    stated = numbers(plain(reply.text)) - numbers(text) - {str(y) for y in range(1990, 2031)}
    assert not stated & {str(f.value) for f in base.facts.values()}, reply.text


@pytest.mark.parametrize(
    ("text", "metric", "country"),
    [
        ("how many ITAS in the report", "itas", None),
        ("according to the report, how many foreigners live in Bekasi?", "foreign_residents", None),
        ("berapa ITAS menurut rilis", "itas", None),
        ("how many ITAS did the head of office report", "itas", None),
        ("berapa WNA Cina Taipei", "foreign_residents", "TW"),
        ("itap baru dan perpanjangan 2020", "itap", None),
        ("how many ITAP (permanent stay permits, new plus renewals) in 2020", "itap", None),
        ("permanent stay permits including renewals", "itap", None),
        ("Sebutkan inovasinya, dan berapa WNA Jepang di sana?", "foreign_residents", "JP"),
        ("brp org india yg aktif di bks? 2020", "foreign_residents", "IN"),
        ("pls tell me number of KITAP issue in bekasi 2020, new and extention", "itap", None),
        (
            "I'm writing a piece on how the pandemic hit immigration services. My editor wants"
            " the number of limited stay permits the Bekasi office recorded in 2020.",
            "itas",
            None,
        ),
        (
            "Saya menulis tentang bagaimana pandemi memukul layanan imigrasi. Redaksi ingin"
            " angka izin tinggal terbatas Kanim Bekasi 2020.",
            "itas",
            None,
        ),
        (
            "For my company profile I'd like to quote the total number of active foreign"
            " nationals in Bekasi in 2020. What's the figure?",
            "foreign_residents",
            None,
        ),
    ],
)
def test_figure_questions_with_distracting_words(pipeline, base, text, metric, country):
    fact = base.fact(metric, base.newest_year(), country)
    assert pipeline.answer(text).facts == [fact.as_reply_fact()]


@pytest.mark.parametrize(
    ("text", "excluded"),
    [("how many non-Japanese foreigners", "JP"), ("berapa WNA selain Korea", "KR")],
)
def test_leaving_a_country_out_is_computed_from_the_total(pipeline, value_of, text, excluded):
    reply = pipeline.answer(text)
    rest = value_of("foreign_residents") - value_of("foreign_residents", excluded)
    assert reply.intent == "complement"
    assert number(rest, reply.lang) in reply.text
    assert "dihitung" in reply.text or "computed" in reply.text


def test_figures_that_overlap_are_not_added(pipeline, value_of):
    reply = pipeline.answer("total ITAS dan WNA")
    assert reply.intent == "compare"
    assert number(value_of("itas") + value_of("foreign_residents"), "id") not in reply.text


def test_a_named_whole_is_used_only_when_it_holds_the_part(pipeline, value_of):
    reply = pipeline.answer("berapa persen WNA Taiwan dari WNA India")
    assert "bukan bagian" in reply.text  # a comparison, said so; no share of India
    reply = pipeline.answer("persentase ITAS dari total izin tinggal")
    whole = sum(value_of(m) for m in ("itk", "itas", "itap"))
    assert percent(100 * value_of("itas") / whole, "id") in reply.text
    assert [f["metric"] for f in reply.facts].count("itas") == 1


def test_three_items_are_all_compared(pipeline, value_of):
    reply = pipeline.answer("compare ITK, ITAS and ITAP")
    for metric in ("itk", "itas", "itap"):
        assert number(value_of(metric), "en") in reply.text


@pytest.mark.parametrize(
    ("text", "metric", "country"),
    [
        ("hello, I am korean living in bekasi. how many people get KITAS in 2020", "itas", None),
        ("saya orang Jepang, berapa ITAS 2020?", "itas", None),
        ("I'm Korean, how many of my countrymen live in Bekasi?", "foreign_residents", "KR"),
        ("sorry my english not good. deport people how many?", "deportation", None),
        (
            "How many foreign nationals were expelled from Indonesia by the Bekasi office?",
            "deportation",
            None,
        ),
    ],
)
def test_words_about_the_asker_are_not_filters(pipeline, base, text, metric, country):
    fact = base.fact(metric, base.newest_year(), country)
    assert pipeline.answer(text).facts == [fact.as_reply_fact()]


def test_top_n_combined_is_their_sum(pipeline, base):
    reply = pipeline.answer("top 3 countries of foreign residents combined, how many people?")
    top = base.countries_with_facts("foreign_residents", base.newest_year())[:3]
    assert number(sum(f.value for f in top), "en") in reply.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bottom 2 countries", ["TW", "IN"]),
        ("negara paling sedikit kedua", ["IN"]),
        ("3 negara WNA paling sedikit", ["TW", "IN", "CN"]),
        ("negara dengan WNA lebih dari 1000 orang", ["KR", "JP", "CN"]),
        ("countries with fewer than 500 foreigners", ["IN", "TW"]),
    ],
)
def test_rankings_keep_direction_count_and_threshold(pipeline, text, expected):
    assert [f["country"] for f in pipeline.answer(text).facts] == expected


def test_a_compared_difference_is_said_to_be_computed(pipeline, value_of):
    reply = pipeline.answer("compare ITAS and ITK")
    assert number(value_of("itas") - value_of("itk"), "en") in reply.text
    assert "computed" in reply.text


@pytest.mark.parametrize(
    ("text", "offset", "agrees"),
    [("apakah benar ITAS {n}?", 567, False), ("bener gak ITAS {n}?", 0, True)],
)
def test_a_figure_to_check_is_confirmed_or_corrected(pipeline, value_of, text, offset, agrees):
    stated = value_of("itas") + offset
    reply = pipeline.answer(text.format(n=stated))
    assert reply.status == "answered"
    assert ("Ya, " in reply.text) is agrees and ("Bukan" in reply.text) is not agrees
    assert number(value_of("itas"), "id") in reply.text
    assert agrees or number(stated, "id") not in reply.text  # a wrong claim is not repeated


@pytest.mark.parametrize(
    "text",
    [
        "how many foreigners were arrested",
        "berapa WNA yang ditahan",
        "berapa WNA Eropa",
        "illegal foreigners in Bekasi",
        "how many ITAS expired",
        "Korean students in Bekasi",
    ],
)
def test_unknown_words_next_to_a_subject_stop_the_total(pipeline, base, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == []


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("WNA selain Korea dan Jepang", ("KR", "JP")),
        ("foreigners other than Koreans and Japanese", ("KR", "JP")),
        ("jumlah WNA tanpa China", ("CN",)),
    ],
)
def test_every_country_of_an_exclusion_list_is_left_out(pipeline, value_of, text, left):
    rest = value_of("foreign_residents") - sum(value_of("foreign_residents", c) for c in left)
    reply = pipeline.answer(text)
    assert number(rest, reply.lang) in reply.text


def test_a_group_less_a_member_adds_up_the_others(pipeline, value_of):
    reply = pipeline.answer("izin tinggal selain ITAS")
    assert number(value_of("itk") + value_of("itap"), "id") in reply.text
    assert {f["metric"] for f in reply.facts} == {"itk", "itap"}


@pytest.mark.parametrize(
    ("text", "metric", "country"),
    [
        ("ITK teh sabaraha atuh", "itk", None),
        ("wna jepang piye, akeh ora", "foreign_residents", "JP"),
        ("jumlha wna inda brp", "foreign_residents", "IN"),
        ("How many Indain citizens does Bekasi host?", "foreign_residents", "IN"),
        ("I work in HR for a Japanese company. How many ITAS were issued?", "itas", None),
    ],
)
def test_regional_words_and_slips_still_answer(pipeline, base, text, metric, country):
    fact = base.fact(metric, base.newest_year(), country)
    assert pipeline.answer(text).facts == [fact.as_reply_fact()]


def test_a_country_named_then_excluded_is_left_out(pipeline, value_of):
    reply = pipeline.answer("Korea excluded, sisanya berapa WNA nya")
    rest = value_of("foreign_residents") - value_of("foreign_residents", "KR")
    assert number(rest, "id") in reply.text


def test_shares_asked_together_are_also_added(pipeline, value_of):
    reply = pipeline.answer("korea and japan together what percent of all foreigners")
    both = value_of("foreign_residents", "KR") + value_of("foreign_residents", "JP")
    assert percent(100 * both / value_of("foreign_residents"), "en") in reply.text


@pytest.mark.parametrize(
    ("text", "metrics"),
    [
        ("average of the deportation and pro justitia figures?", ("deportation", "pro_justitia")),
        ("rata-rata ITK, ITAS dan ITAP", ("itk", "itas", "itap")),
    ],
)
def test_an_average_of_named_figures_is_their_mean(pipeline, value_of, text, metrics):
    reply = pipeline.answer(text)
    mean = sum(value_of(m) for m in metrics) / len(metrics)
    assert reply.intent == "average"
    assert decimal(mean, reply.lang) in reply.text or number(mean, reply.lang) in reply.text


@pytest.mark.parametrize(
    ("text", "found"),
    [("ITAS 4.528,1% lebih banyak", {"4528.1"}), ("3.216,5 (≈ 3.217) orang", {"3216.5", "3217"}),
     ("4,528.1% more", {"4528.1"}), ("8.940 − 2.968 = 5.972", {"8940", "2968", "5972"}),
     ("33,2%", {"33.2"})],
)  # fmt: skip
def test_the_scorer_reads_a_grouped_number_with_decimals_whole(text, found):
    """ "4.528,1" is one number, not 4.528 and 1 (a wrong number the scorer invented)."""
    assert numbers(plain(text)) == found
