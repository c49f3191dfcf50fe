"""How the shape of a message is read, in both languages: a question after a short word's
full stop, numbered questions, a colon after an operation, a counting word after a
statement cue, a share that names only its whole, a long word with two slips, seasonal
greetings and a ranking asked without a subject. Every expected figure comes from the
fact base."""

from __future__ import annotations

import calendar

import pytest

from bot.answers.formatting import decimal, number
from bot.understanding.clauses import sentences

ASKERS = frozenset({"berapa", "how", "what", "siapa"})
SHORT_FORMS = frozenset({"aja", "ok", "no", "ket"})


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("penasaran aja. Berapa ITAS 2020?", ["penasaran aja", "Berapa ITAS 2020"]),
        ("just curious ok. How many ITAS?", ["just curious ok", "How many ITAS"]),
        ("UU No. 6 tahun 2011", ["UU No. 6 tahun 2011"]),
        ("surat ket. keimigrasian", ["surat ket. keimigrasian"]),
    ],
)
def test_a_full_stop_after_a_short_word_ends_a_sentence_only_before_a_question(text, pieces):
    found = sentences(text, SHORT_FORMS, frozenset(), ASKERS)
    assert [piece for piece, _, _ in found] == pieces


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("dua hal: (1) WNA, (2) berapa Korea?", ["dua hal", "WNA,", "berapa Korea"]),
        (
            "two things: a) foreigners b) how many Koreans",
            ["two things", "foreigners", "how many Koreans"],
        ),
        ("melanggar Pasal 72 ayat (2) jo Pasal 117", ["melanggar Pasal 72 ayat (2) jo Pasal 117"]),
    ],
)
def test_numbered_items_are_questions_of_their_own(text, pieces):
    found = sentences(text, frozenset(), frozenset(), ASKERS)
    assert [piece for piece, _, _ in found] == pieces
    items = found[1:] if len(pieces) > 1 else []
    assert all(asked for _, asked, _ in items)


@pytest.mark.parametrize(
    "text",
    [
        "Halo, dua hal: (1) total WNA aktif di Bekasi, (2) berapa yang dari Korea Selatan?",
        "Hello, two things: (1) total active foreigners in Bekasi, (2) how many are South Korean?",
    ],
)
def test_numbered_questions_each_get_their_answer(pipeline, value_of, text):
    reply = pipeline.answer(text)
    for value in (value_of("foreign_residents"), value_of("foreign_residents", "KR")):
        assert number(value, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Total semua izin dan dokumen digabung: ITK, ITAS, ITAP, SKIM dan affidavit?", "id"),
        ("Total of all permits and documents together: ITK, ITAS, ITAP, SKIM and affidavit?", "en"),
    ],
)
def test_an_operation_before_a_colon_applies_to_the_figures_after_it(
    pipeline, value_of, text, lang
):
    reply = pipeline.answer(text)
    total = sum(value_of(m) for m in ("itk", "itas", "itap", "skim", "affidavit"))
    assert number(total, lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "metric", "country"),
    [
        (
            "Quick question for a report on dual nationality children: how many affidavits?",
            "affidavit",
            None,
        ),
        (
            "Untuk laporan soal anak berkewarganegaraan ganda: berapa affidavit 2020?",
            "affidavit",
            None,
        ),
        ("Not asking about Malaysians, just curious: how many ITAS in 2020?", "itas", None),
    ],
)
def test_an_introduction_before_a_colon_stays_context(pipeline, base, text, metric, country):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year(), country).as_reply_fact()]


@pytest.mark.parametrize(
    "text",
    [
        "saya baca pasal 71 jadi penasaran berapa WNA yang diproses pro justisia 2020",
        "Saya baca Pasal 71 dan Pasal 116 UU Keimigrasian, penasaran aja. Berapa WNA yang "
        "diproses pro justisia di Bekasi 2020?",
        "I read the law articles in the report, how many people were prosecuted pro justitia?",
    ],
)
def test_a_counting_word_before_a_figure_asks_it_whatever_statement_came_first(
    pipeline, base, text
):
    reply = pipeline.answer(text)
    assert reply.intent == "value"
    assert reply.facts == [base.fact("pro_justitia", base.newest_year()).as_reply_fact()]


@pytest.mark.parametrize(
    "text", ["pro justisia melanggar pasal berapa?", "pasal berapa yang dilanggar 2 WNA itu?"]
)
def test_a_counting_word_asking_the_article_still_asks_the_statement(pipeline, text):
    assert pipeline.answer(text).intent == "law_articles"


def test_a_share_naming_only_its_whole_with_nothing_before_is_not_guessed(pipeline):
    reply = pipeline.answer("berapa persen dari total WNA aktif?", chat_id=42)
    assert reply.status != "answered"


@pytest.mark.parametrize(
    ("text", "metric"),
    [("hwo many permenant stay permit", "itap"), ("berapa izin tinggal tebratsa 2020", "itas")],
)
def test_a_long_word_with_two_slips_is_still_read(pipeline, base, text, metric):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year()).as_reply_fact()]


@pytest.mark.parametrize(
    "text",
    ["Selamat tahun baru min! semoga sehat selalu", "happy new year!", "merry christmas admin"],
)
def test_seasonal_greetings_are_small_talk(pipeline, text):
    assert pipeline.answer(text).status == "smalltalk"


@pytest.mark.parametrize(
    "text",
    [
        "Siang kak, negara mana yang warganya paling banyak tinggal di Bekasi? dan jumlahnya?",
        "Hi! which nationality has the most people living in Bekasi, and how many?",
    ],
)
def test_a_ranking_without_a_subject_is_no_greeting(pipeline, base, text):
    reply = pipeline.answer(text)
    top = max(base.countries_with_facts("foreign_residents", base.newest_year(), "bekasi"),
              key=lambda fact: fact.value)  # fmt: skip
    assert number(top.value, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "metric", "unit", "lang"),
    [
        ("On average, how many ITK per month in 2020?", "itk", "month", "en"),
        ("rata-rata ITK per bulan tahun 2020 berapa?", "itk", "month", "id"),
        ("average deportations per day in 2020", "deportation", "day", "en"),
        ("rata-rata deportasi per hari", "deportation", "day", "id"),
    ],
)
def test_a_mean_per_month_or_day_of_a_yearly_figure_is_computed_and_labelled(
    pipeline, base, text, metric, unit, lang
):
    reply = pipeline.answer(text)
    fact = base.fact(metric, base.newest_year())
    days = 366 if calendar.isleap(fact.year) else 365
    divisor = 12 if unit == "month" else days
    mean = fact.value / divisor
    shown = number(int(mean), lang) if mean == int(mean) else decimal(mean, lang)
    assert reply.status == "answered" and reply.intent == "average"
    assert f"{number(fact.value, lang)} / {number(divisor, lang)}" in reply.text, reply.text
    assert f"= {shown} " in reply.text
    assert "dihitung" in reply.text or "computed" in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "rata-rata WNA aktif per bulan",  # counted at a date: no monthly mean
        "average active foreigners per month",
        "berapa ITAS per bulan",  # no mean asked: a monthly breakdown, which the release lacks
        "how many ITAS per month",
    ],
)
def test_no_mean_per_month_where_it_means_nothing(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == []


def test_a_mean_per_month_needs_the_metric_counted_over_the_period(built_db):
    from bot.facts.base import FactBase
    from bot.pipeline import Pipeline

    base = FactBase.from_db(built_db)
    for row in base.tables["metrics"]:
        row["counted"] = ""  # a metrics.csv that does not say
    reply = Pipeline(base).answer("rata-rata ITK per bulan")
    assert reply.status == "no_data"


@pytest.mark.parametrize(
    ("turns", "lang"),
    [
        (["ITAS berapa?", "dibagi 12 bulan jadi berapa per bulan?"], "id"),
        (["how many ITAS in 2020?", "divided by 12 months, how many per month?"], "en"),
    ],
)
def test_a_division_per_month_asked_after_a_figure(pipeline, base, turns, lang):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=43)
    fact = base.fact("itas", base.newest_year())
    assert f"{number(fact.value, lang)} / {number(12, lang)}" in reply.text, reply.text
    assert decimal(fact.value / 12, lang) in reply.text


@pytest.mark.parametrize(
    ("text", "lang"), [("ITAS dibagi ITK berapa?", "id"), ("ITAS divided by ITK", "en")]
)
def test_one_figure_divided_by_another_is_their_ratio(pipeline, value_of, text, lang):
    reply = pipeline.answer(text)
    assert reply.intent == "ratio"
    assert decimal(value_of("itas") / value_of("itk"), lang) in reply.text, reply.text
