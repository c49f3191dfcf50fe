"""Long messages: which clauses ask (a request joined to a question, what a colon
introduces, a reason after the question), ranges of a ranking, and shares of a whole
that may count people twice. Every expected figure comes from the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import number, percent
from bot.evaluate import numbers, plain


@pytest.mark.parametrize(
    "text",
    [
        "My supervisor says Bekasi has about 10,000 foreigners. Can you confirm the number of "
        "active foreigners in Bekasi and which nationality is really the largest?",
        "Saya dengar WNA di Bekasi sekitar 10 ribu. Tolong cek jumlah WNA aktif di Bekasi dan "
        "negara mana yang paling banyak?",
    ],
)
def test_a_request_joined_to_a_question_asks_too(pipeline, base, value_of, text):
    reply = pipeline.answer(text)
    top = base.countries_with_facts("foreign_residents", base.newest_year())[0]
    assert number(value_of("foreign_residents"), reply.lang) in reply.text
    assert number(top.value, reply.lang) in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "Atasan minta saya bikin slide soal komunitas Jepang. Yang saya butuhkan: jumlah WNA "
        "Jepang dan porsinya (persen) dari total WNA aktif. Tolong ya.",
        "My boss wants slides on the Japanese community. What I need: the number of Japanese "
        "residents and their share (percent) of all active foreigners. Thanks.",
    ],
)
def test_what_a_request_introduces_after_a_colon_is_asked(pipeline, value_of, text):
    reply = pipeline.answer(text)
    share = 100 * value_of("foreign_residents", "JP") / value_of("foreign_residents")
    assert percent(share, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        (
            "i wonder how many KITAS the office issued in march and april 2020 only, because i "
            "think they were closed?",
            "march",
        ),
        ("berapa ITAS bulan maret 2020, karena kantornya katanya tutup?", "maret"),
    ],
)
def test_a_reason_after_the_question_asks_nothing(pipeline, text, detail):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [] and detail in reply.text


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("urutan wna terbanyak dong kak dari no 1 sampe 5", 5),
        ("rank the nationalities from 1 to 3", 3),
    ],
)
def test_a_range_from_the_first_is_the_first_n(pipeline, base, text, count):
    reply = pipeline.answer(text)
    ranked = base.countries_with_facts("foreign_residents", base.newest_year())[:count]
    # the first ``count`` in order (a ranking may go on to list every country)
    assert [f["country"] for f in reply.facts][:count] == [f.country for f in ranked]
    assert reply.intent != "top"


@pytest.mark.parametrize(
    "text",
    [
        "dari total tindakan (deportasi + pro justitia), berapa persen yang berupa deportasi?",
        "what share of immigration actions were deportations",
    ],
)
def test_a_share_of_a_whole_that_may_count_twice_says_so(pipeline, value_of, text):
    reply = pipeline.answer(text)
    whole = value_of("deportation") + value_of("pro_justitia")
    assert percent(100 * value_of("deportation") / whole, reply.lang) in reply.text
    assert "orang yang sama" in reply.text or "same people" in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "two thousand three hundred and one people, which nationality is that?",
        "dua ribu tiga ratus satu orang, itu warga negara mana?",
    ],
)
def test_a_figure_spelled_out_before_the_question_is_the_one_asked(pipeline, base, text):
    reply = pipeline.answer(text)
    assert base.fact("foreign_residents", base.newest_year(), "CN").as_reply_fact() in reply.facts


@pytest.mark.parametrize(
    "text",
    [
        "Tolong hitung total WNA dari Korea Selatan, Jepang, dan China, lalu berapa sisanya "
        "dari total WNA aktif.",
        "Please add up the foreigners from South Korea, Japan and China, then how many are the "
        "rest of all active foreigners?",
    ],
)
def test_a_total_and_the_rest_asked_together_give_both(pipeline, base, value_of, text):
    reply = pipeline.answer(text)
    named = sum(value_of("foreign_residents", c) for c in ("KR", "JP", "CN"))
    assert number(named, reply.lang) in reply.text, reply.text
    assert number(value_of("foreign_residents") - named, reply.lang) in reply.text


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "kak temen saya di surabaya bilang disana banyak wna jepang kalau di bekasi wna "
            "jepang berapa",
            "JP",
        ),
        (
            "my friend in Jakarta says there are many Koreans there, but how many Koreans in "
            "Bekasi?",
            "KR",
        ),
    ],
)
def test_a_place_someone_else_spoke_of_before_a_turn_to_the_office_is_context(
    pipeline, base, text, country
):
    reply = pipeline.answer(text)
    fact = base.fact("foreign_residents", base.newest_year(), country)
    assert reply.facts == [fact.as_reply_fact()]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("WNA Jepang di Bekasi berapa, kalau di Surabaya?", "Surabaya"),
        ("Koreans in Bekasi, but in Medan?", "Medan"),
    ],
)
def test_a_place_asked_after_the_turn_is_still_refused(pipeline, base, text, place):
    reply = pipeline.answer(text)
    last = reply.text.split("\n\n")[-1]  # Bekasi's figure may come first, when asked
    assert place in last and not numbers(plain(last)) & {str(f.value) for f in base.facts.values()}
    assert all(f["office"] == base.default_office for f in reply.facts)


@pytest.mark.parametrize(
    "text",
    [
        "Draf judul: 'Korea Selatan dan Jepang sumbang lebih dari 5.800 WNA di Bekasi'. Angka "
        "pastinya berapa?",
        "Koreans and Japanese make up most foreigners here. How many is that?",
    ],
)
def test_figures_the_context_adds_up_are_added_when_asked(pipeline, value_of, text):
    reply = pipeline.answer(text)
    total = value_of("foreign_residents", "KR") + value_of("foreign_residents", "JP")
    assert number(total, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Selamat pagi, saya menulis skripsi tentang dampak Covid-19 terhadap pelayanan "
            "keimigrasian. Di rilis disebutkan penerbitan paspor turun drastis. Menurut Kepala "
            "Kanim, apa penyebab penurunan tersebut? Terima kasih.",
            "id",
        ),
        (
            "I'm writing about Covid and immigration services. The release says passport "
            "issuance fell sharply. According to the head of office, what caused that decline?",
            "en",
        ),
    ],
)
def test_a_statement_question_takes_its_subject_from_the_clause_naming_it(
    pipeline, base, text, lang
):
    reply = pipeline.answer(text)
    cause = next(r for r in base.statements("passport", None) if "cause" in r["summary_en"])
    assert cause[f"summary_{lang}"] in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    [
        "Selamat siang. Saya dari Kantor Imigrasi Jakarta Selatan. Apakah bot ini juga "
        "memiliki data ITAS untuk kantor kami?",
        "Hello, I work at the Jakarta Selatan immigration office. Do you have the ITAS "
        "figure for our office?",
    ],
)
def test_our_office_is_the_office_the_asker_names(pipeline, base, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [], reply.text


@pytest.mark.parametrize(
    "text",
    [
        "Mohon penjelasan, pasal apa yang dilanggar oleh dua orang WNA yang ditindak secara "
        "pro justitia?",
        "Please explain: which articles did the two foreigners prosecuted pro justitia violate?",
    ],
)
def test_a_statement_asked_with_explain_is_the_statement(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.intent == "law_articles", reply.text


@pytest.mark.parametrize(
    ("text", "metrics"),
    [
        ("wna korea brp trs deportasi brp", ["foreign_residents", "deportation"]),
        ("how many ITK then how many ITAP?", ["itk", "itap"]),
        # "dan" after a part ending in its question word, or before a count named anew
        ("WNA India brp dan pro justisia brp kasus", ["foreign_residents", "pro_justitia"]),
        ("how many ITAP and how many SKIM?", ["itap", "skim"]),
        ("Berapa WNA India serta jumlah deportasi 2020?", ["foreign_residents", "deportation"]),
        ("how many Taiwanese and how many deported?", ["foreign_residents", "deportation"]),
        ("how many Indians and the number of SKIM?", ["foreign_residents", "skim"]),
    ],
)  # fmt: skip
def test_two_questions_joined_by_then_get_both(pipeline, text, metrics):
    reply = pipeline.answer(text)
    assert [f["metric"] for f in reply.facts] == metrics, reply.text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("berapa selisih jumlah ITAS dan jumlah ITK", "difference"),
        ("berapa total jumlah ITAS dan jumlah ITK", "sum"),
        ("what is the average of the number of ITAS and the number of ITK?", "average"),
    ],
)
def test_an_operation_over_two_counts_named_anew_stays_one_question(pipeline, text, intent):
    reply = pipeline.answer(text)
    assert reply.intent == intent, reply.text


@pytest.mark.parametrize(
    ("text", "intents"),
    [
        ("Mohon jumlah deportasi dan nama kepala kantor.", "value+head_of_office"),
        ("berapa affidavit, dan siapa yang memaparkan datanya?", "value+press_conference"),
        ("how many SKIM, and who said the passport drop was due to the pandemic?",
         "value+head_of_office"),
        # each question and operation of a message is answered
        ("wna aktif bks brp, korsel brp?", "value+value"),
        ("Saya wartawan: berapa WNA aktif di Bekasi dan negara asal mana yang terbanyak?",
         "value+top"),
        ("Berapa jumlah affidavit, dan berapa kali lipat dibanding SKIM?", "value+ratio"),
        ("Sebutkan jumlah ITK dan ITAS, lalu hitung rasio ITAS terhadap ITK.", "compare+ratio"),
        ("deportation plus pro justitia, what is the total, and what percent of that is "
         "deportation?", "sum+share"),
    ],
)  # fmt: skip
def test_a_figure_and_a_statement_asked_together_get_both(pipeline, text, intents):
    reply = pipeline.answer(text)
    assert reply.intent == intents, reply.text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Hello, I'm a researcher who studies public service reform. I'm curious which service "
         "innovations the Bekasi office rolled out in 2020. Could you list them for me?",
         "innovations"),
        ("Saya penerjemah. Selisih WNA Jepang dan WNA China berapa? Sekalian, negara mana yang "
         "paling sedikit di antara lima negara itu?", "difference+fewest"),
    ],
)  # fmt: skip
def test_a_request_that_points_back_asks_about_what_came_before(pipeline, text, intent):
    reply = pipeline.answer(text)
    assert reply.intent == intent, reply.text
