"""Mechanisms blind21 showed missing: words typed as one run, a question leaning on the
question before it in the same message, phrasal verbs and health states, both terms
defined, a count that is "one of them", and "that per month" after a yearly figure. Every
expected figure comes from the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import decimal, number, percent

WNA = "foreign_residents"


@pytest.mark.parametrize(
    ("text", "metric", "lang"),
    [
        ("wnaaktifdibekasiberapa", "foreign_residents", "id"),
        ("berapajumlahitasdibekasi", "itas", "id"),
        ("howmanyITKin2020", "itk", "en"),
        ("howmanyITAPholders", "itap", "en"),
    ],
)
def test_words_typed_without_spaces(pipeline, value_of, text, metric, lang):
    reply = pipeline.answer(text)
    assert (reply.status, reply.lang) == ("answered", lang), reply.text
    assert number(value_of(metric), reply.lang) in reply.text


@pytest.mark.parametrize("word", ["keimigrasan", "forigners", "affadavits", "perpanjngan"])
def test_a_typo_is_never_cut_into_common_words(pipeline, word):
    """A misspelt word is left whole for the fuzzy matcher ("forigners" is no "for ign
    ers")."""
    assert pipeline._tokens(word) == (word,)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I'm a Taiwanese student doing a class project. What was the number of Taiwanese "
         "nationals in 2020, and what percentage of all active foreigners is that?", "TW"),
        ("Saya mahasiswa kelas internasional. Berapa WNA Jepang tahun 2020, dan itu berapa "
         "persen dari seluruh WNA aktif?", "JP"),
    ],
)  # fmt: skip
def test_a_question_leans_on_the_question_before_not_on_the_context(pipeline, value_of, text, code):
    reply = pipeline.answer(text)
    share = 100 * value_of(WNA, code) / value_of(WNA)
    assert percent(share, reply.lang) in reply.text, reply.text
    assert "class" not in reply.intent


@pytest.mark.parametrize(
    "text",
    [
        "Could you work out the percentage of South Korean residents from the release?",
        "can you figure out what share of the foreigners are Korean",
    ],
)
def test_work_out_asks_a_computation_not_a_purpose(pipeline, value_of, text):
    reply = pipeline.answer(text)
    share = 100 * value_of(WNA, "KR") / value_of(WNA)
    assert percent(share, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    ["Berapa jumlah WNA yang positif Covid di Bekasi tahun 2020?",
     "how many foreigners were infected in 2020?", "berapa WNA yang meninggal"],
)  # fmt: skip
def test_a_health_state_narrows_the_population(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [], reply.text


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("apa kepanjangan ITK dan ITAP?", ["Izin Tinggal Kunjungan", "Izin Tinggal Tetap"]),
        ("what do KITAS and KITAP mean", ["Izin Tinggal Terbatas", "Izin Tinggal Tetap"]),
    ],
)  # fmt: skip
def test_every_term_asked_is_defined(pipeline, text, names):
    reply = pipeline.answer(text)
    for name in names:
        assert name in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    [
        "Bekasi is one of them. Can you give me the five nationalities and their counts?",
        "Tolong sebutkan lima negara asal WNA dan jumlahnya.",
    ],
)
def test_one_of_them_counts_nothing(pipeline, value_of, text):
    reply = pipeline.answer(text)
    for code in ("KR", "JP", "CN", "IN", "TW"):
        assert number(value_of(WNA, code), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "months"),
    [(["How many ITAS?", "what's that per month?"], 12),
     (["ITAS 2020", "itu per bulan berapa?"], 12)],
)  # fmt: skip
def test_that_per_month_is_the_mean_of_the_figure_before(
    computed, last_reply, value_of, turns, months
):
    reply = last_reply(turns)
    assert reply.intent == "average", reply.text
    mean = value_of("itas") / months
    assert computed(mean, reply.lang) in reply.text


def test_a_breakdown_per_month_is_still_refused(pipeline):
    assert pipeline.answer("ITAS per bulan").status == "no_data"


@pytest.mark.parametrize(
    "text", ["Kalau ITAS dibagi jumlah WNA aktif, hasilnya berapa persen?",
             "ITAS divided by the number of active foreigners, in percent?"],
)  # fmt: skip
def test_a_figure_divided_by_the_population_is_a_percentage(pipeline, value_of, text):
    reply = pipeline.answer(text)
    share = 100 * value_of("itas") / value_of(WNA)
    assert percent(share, reply.lang) in reply.text, reply.text


def test_a_ratio_with_the_population_keeps_both(pipeline, value_of):
    reply = pipeline.answer("ITAS dibagi WNA")
    assert decimal(value_of("itas") / value_of(WNA), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    ["If you take out the Koreans and the Japanese, how many active foreigners remain?",
     "WNA aktif selain yang Korea dan yang Jepang berapa?"],
)  # fmt: skip
def test_every_name_of_an_exclusion_list_is_left_out(pipeline, value_of, text):
    reply = pipeline.answer(text)
    rest = value_of(WNA) - value_of(WNA, "KR") - value_of(WNA, "JP")
    assert number(rest, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "part"),
    [("Dari total izin tinggal (ITK, ITAS, ITAP), ITK itu berapa persen?", "itk"),
     ("Of all stay permits (ITK, ITAS and ITAP), what percent is ITAP?", "itap")],
)  # fmt: skip
def test_a_part_named_again_after_its_whole_is_the_part(pipeline, value_of, text, part):
    reply = pipeline.answer(text)
    whole = sum(value_of(m) for m in ("itk", "itas", "itap"))
    assert percent(100 * value_of(part) / whole, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    ["WNA China itu berapa persen dari gabungan Korea Selatan, Jepang, dan China?",
     "China as a percentage of Korea, Japan and China combined"],
)  # fmt: skip
def test_a_share_of_countries_combined(pipeline, value_of, text):
    reply = pipeline.answer(text)
    whole = sum(value_of(WNA, c) for c in ("KR", "JP", "CN"))
    assert percent(100 * value_of(WNA, "CN") / whole, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    ["Menurut imigrasi Bekasi 2020, ada berapa WNA aktif di Bekasi, dan dari negara mana "
     "saja yang paling banyak?",
     "According to the 2020 release, how many active foreigners are there, and which "
     "countries do most of them come from?"],
)  # fmt: skip
def test_a_second_question_after_a_comma_is_answered_too(pipeline, value_of, text):
    reply = pipeline.answer(text)
    assert number(value_of(WNA), reply.lang) in reply.text, reply.text
    assert number(value_of(WNA, "KR"), reply.lang) in reply.text


@pytest.mark.parametrize(
    ("text", "metric"),
    [("Waktu jumpa pers, Pak Wahyu bilang deportasi berapa orang ya?", "deportation"),
     ("At the press conference the head of office said ITAS how many?", "itas")],
)  # fmt: skip
def test_a_figure_right_before_its_counting_word_is_asked(pipeline, value_of, text, metric):
    reply = pipeline.answer(text)
    assert number(value_of(metric), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [["WNA China berapa", "itu peringkat ke berapa dari 5 negara?"],
     ["China peringkat ke berapa dari 5 negara?"],
     ["how many Chinese residents?", "what place is that?"]],
)  # fmt: skip
def test_the_place_of_the_country_asked(last_reply, value_of, turns):
    reply = last_reply(turns)
    assert reply.intent == "position", reply.text
    assert number(value_of(WNA, "CN"), reply.lang) in reply.text
    assert number(value_of(WNA, "IN"), reply.lang) not in reply.text  # no whole list


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Menurut kamu, apakah Imigrasi Bekasi sudah bekerja dengan baik?", "id"),
     ("What do you think, is the office doing well?", "en")],
)  # fmt: skip
def test_an_opinion_is_declined(pipeline, text, lang):
    reply = pipeline.answer(text)
    assert reply.status in ("no_data", "fallback") and reply.facts == [], reply.text


def test_a_figure_asked_for_an_opinion_is_still_given(pipeline, value_of):
    reply = pipeline.answer("menurut kamu berapa ITAS 2020?")
    assert number(value_of("itas"), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "metrics"),
    [("Kami butuh data orang asing. Tolong sebutkan jumlah ITK, ITAS, dan ITAP tahun 2020.",
      ["itk", "itas", "itap"]),
     ("We need data on foreigners. Could you give me the number of deportations?",
      ["deportation"])],
)  # fmt: skip
def test_a_need_said_in_general_is_what_the_request_after_it_spells_out(
    pipeline, value_of, text, metrics
):
    reply = pipeline.answer(text)
    for metric in metrics:
        assert number(value_of(metric), reply.lang) in reply.text, reply.text
    assert number(value_of(WNA), reply.lang) not in reply.text


@pytest.mark.parametrize("turns", [["WNA aktif? terus ITAS?"], ["butuh data WNA aktif"]])
def test_the_population_asked_on_its_own_is_answered(last_reply, value_of, turns):
    reply = last_reply(turns)
    assert number(value_of(WNA), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize("text", ["Imigrasi Bekasi itu TPI atau Non TPI?",
                                  "is the Bekasi office TPI or non TPI?"])  # fmt: skip
def test_whether_the_office_is_tpi_is_its_full_name(pipeline, base, text):
    reply = pipeline.answer(text)
    assert reply.intent == "office_name", reply.text
    assert "Non TPI" in reply.text
