"""Questions the way people write them in a chat, one table per phenomenon, in both
languages: stray words, context around the question, arithmetic on request, two questions
in one message, and replies that give the right reason. (Follow-ups that point back are in
test_context.py.) Every expected figure comes from the fact base."""

from __future__ import annotations

import re

import pytest

from bot.answers.formatting import decimal, number, percent


def _states(reply, value: int) -> bool:
    return number(value, reply.lang) in reply.text


# 1. Stray words: typos of function words, filler, verbs of issuing, words about the asker,
# nouns that restate the subject. None of them narrows the figure.
@pytest.mark.parametrize(
    ("text", "metric", "country"),
    [
        ("hwo many ITAS in 2020", "itas", None),
        ("brapah ITAS 2020", "itas", None),
        ("ITAS 2020 penting, asap pls", "itas", None),
        ("cepetan ya, berapa ITAS 2020", "itas", None),
        ("berapa ITAS yang diterbitkan tahun 2020", "itas", None),
        ("how many ITAS were granted in 2020", "itas", None),
        ("saya dosen, berapa WNA Jepang di Bekasi", "foreign_residents", "JP"),
        ("for my thesis, how many Japanese live in Bekasi", "foreign_residents", "JP"),
        ("angkanya ITK 2020 berapa", "itk", None),
        ("ITK figures for 2020 please", "itk", None),
        ("statistik deportasi 2020", "deportation", None),
        ("deportation statistics 2020", "deportation", None),
    ],
)
def test_stray_words_do_not_narrow_the_figure(pipeline, base, text, metric, country):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year(), country).as_reply_fact()]


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("berapa ITAS per bulan", "per bulan"),
        ("how many ITAS per month", "per month"),
        ("berapa WNA perempuan di Bekasi", "perempuan"),
        ("how many female foreigners live in Bekasi", "female"),
        ("berapa WNA yang ditahan", "ditahan"),
        ("how many illegal foreigners", "illegal"),
        ("what was the ITAS number in Q3 2020?", "q 3"),
        ("ITAS Q1 2020 brp", "q 1"),
        ("how old are most foreigners in Bekasi", "how old"),
        ("berapa umur kebanyakan WNA di Bekasi", "berapa umur"),
        ("ITAS kuartal II 2020 berapa?", "kuartal"),
        ("how many ITAS were issued last month?", "last month"),
        ("deportasi bulan lalu", "bulan lalu"),
        ("ITAS paruh pertama 2020", "paruh pertama"),
        ("how many ITAS in the first half of 2020", "first half"),
        ("ITK Jan 2020", "jan"),
        ("deportasi sebelum pandemi", "sebelum pandemi"),
        ("ITAS during Ramadan", "ramadan"),
        ("WNA tidak aktif berapa", "tidak aktif"),
        ("Berapa WNA yang berusia di bawah 30 tahun?", "berusia"),
    ],
)
def test_words_that_narrow_are_named_in_the_refusal(pipeline, text, detail):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == []
    assert detail in reply.text


# 2. Context around the question does not choose the figure.
@pytest.mark.parametrize(
    ("text", "metric", "country"),
    [
        (
            "Selamat pagi, saya wartawan yang sedang menulis soal pasal 75 UU Keimigrasian. "
            "Berapa ITAS yang diterbitkan Kanim Bekasi tahun 2020? Terima kasih.",
            "itas",
            None,
        ),
        (
            "Good morning, I'm a reporter writing about Article 75 of the immigration law. "
            "How many ITAS did the Bekasi office issue in 2020? Thank you.",
            "itas",
            None,
        ),
        ("berapa jumlah orang asing yang dipulangkan paksa tahun 2020", "deportation", None),
        ("how many foreigners were sent home by force in 2020", "deportation", None),
        (
            "Saya bekerja di pabrik Korea di Cikarang. Berapa WNA Jepang di Bekasi?",
            "foreign_residents",
            "JP",
        ),
        (
            "I work for a Korean company in Cikarang. How many Japanese live in Bekasi?",
            "foreign_residents",
            "JP",
        ),
        # "who"/"which" after a name, in what the asker tells of themself, ask nothing
        (
            "Hi. I'm an Indian engineer who has worked in Cikarang for years. I followed the "
            "deportation cases under Article 72, which worried my family. My question is: how "
            "many visit stay permits were issued in 2020?",
            "itk",
            None,
        ),
        (
            "Halo. We run a Korean school which serves many expat families and we read about "
            "pro justitia cases. How many Japanese residents are there in Bekasi?",
            "foreign_residents",
            "JP",
        ),
        # ", which ..." right after a name goes on about it; it asks nothing
        (
            "After reading about ITAS, which is common, I want to know how many Japanese "
            "residents there are.",
            "foreign_residents",
            "JP",
        ),
        ("I live in Jakarta, which had 5000 ITAS. How many ITAS did Bekasi have?", "itas", None),
    ],
)
def test_context_does_not_take_over_the_question(pipeline, base, text, metric, country):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year(), country).as_reply_fact()]


# 3. Arithmetic on request, computed from stored facts and said to be computed.
@pytest.mark.parametrize(
    ("text", "compute"),
    [
        ("jumlahkan ITK, ITAS dan ITAP", lambda v: number(v("itk") + v("itas") + v("itap"), "id")),
        ("sum of ITK, ITAS and ITAP", lambda v: number(v("itk") + v("itas") + v("itap"), "en")),
        ("rata-rata ITK dan ITAP", lambda v: decimal((v("itk") + v("itap")) / 2, "id")),
        ("average of ITK and ITAP", lambda v: decimal((v("itk") + v("itap")) / 2, "en")),
        ("ITAS berapa kali lipat ITK", lambda v: decimal(v("itas") / v("itk"), "id")),
        ("how many times larger is ITAS than ITK", lambda v: decimal(v("itas") / v("itk"), "en")),
        (
            "deportasi ditambah pro justitia",
            lambda v: number(v("deportation") + v("pro_justitia"), "id"),
        ),
        (
            "deportation plus pro justitia",
            lambda v: number(v("deportation") + v("pro_justitia"), "en"),
        ),
    ],
)
def test_arithmetic_is_computed_and_labelled(pipeline, value_of, text, compute):
    reply = pipeline.answer(text)
    assert compute(value_of) in reply.text, reply.text
    assert "dihitung" in reply.text or "computed" in reply.text


@pytest.mark.parametrize(
    ("turns", "lang"),
    [
        (["berapa WNA Jepang", "berapa persen dari jumlah WNA tadi?"], "id"),
        (["how many Japanese?", "what percentage of all foreigners is that?"], "en"),
        (["berapa WNA Jepang?", "berapa persen dari total WNA aktif?"], "id"),  # no "tadi"
        (["how many Japanese?", "what percent of all active foreigners?"], "en"),
    ],
)
def test_a_share_of_a_figure_just_given(pipeline, value_of, turns, lang):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=31)
    share = 100 * value_of("foreign_residents", "JP") / value_of("foreign_residents")
    assert percent(share, lang) in reply.text


# 5. Two questions in one message get both answers.
@pytest.mark.parametrize(
    "text",
    [
        "siapa kepala kantornya dan berapa ITAS 2020?",
        "who heads the office, and how many ITAS were there in 2020?",
    ],
)
def test_two_questions_in_one_message(pipeline, base, value_of, text):
    reply = pipeline.answer(text)
    head = base.statements("head_of_office")[0]
    assert _states(reply, value_of("itas"))
    assert head[f"summary_{reply.lang}"].split()[-1].strip(".") in reply.text


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("ITAS 2020 and how many ITK?", ("itas", None), ("itk", None)),
        ("jumlah WNA di Bekasi dan berapa yang dari Taiwan?", ("foreign_residents", None),
         ("foreign_residents", "TW")),
        ("total active foreigners in Bekasi and how many of them are Taiwanese?",
         ("foreign_residents", None), ("foreign_residents", "TW")),
    ],
)  # fmt: skip
def test_a_bare_subject_joined_to_a_question_asks_too(pipeline, base, text, first, second):
    reply = pipeline.answer(text)
    year = base.newest_year()
    assert reply.facts == [base.fact(m, year, c).as_reply_fact() for m, c in (first, second)]


@pytest.mark.parametrize(
    "text", ["saya mahasiswa ITAS dan berapa ITK?", "I live in Bekasi and how many Japanese?"]
)
def test_a_clause_about_the_asker_joined_to_a_question_does_not_ask(pipeline, text):
    reply = pipeline.answer(text)
    assert len(reply.facts) == 1, reply.text


# 6. Replies say the right reason.
@pytest.mark.parametrize(
    ("text", "must", "must_not"),
    [
        ("berapa ITAS per bulan", "per bulan", "negara"),
        ("how many ITAS per month", "per month", "country"),
        ("bandingkan ITAS 2019 dan 2020", "2020", None),
        ("compare ITAS in 2019 and 2020", "2020", None),
    ],
)
def test_a_refusal_names_what_is_missing(pipeline, text, must, must_not):
    reply = pipeline.answer(text)
    assert must in reply.text
    assert must_not is None or must_not not in reply.text.lower()
    assert "  " not in reply.text and " ." not in reply.text and "—" not in reply.text.split(":")[0]


@pytest.mark.parametrize(
    "text",
    ["berapa paspor yang terbit lewat Drive Thru", "how many passports did Drive Thru issue"],
)
def test_a_count_of_an_innovation_says_no_count_is_given(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == []
    assert "tidak memuat angka paspor" in reply.text or "give no passports" in reply.text


@pytest.mark.parametrize("text", ["what is ITAS", "what does ITAP mean"])
def test_english_definitions_are_whole_english_sentences(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.lang == "en" and reply.status == "answered"
    first = reply.text.splitlines()[0]
    assert first[0].isupper() and first.rstrip().endswith(".")
    assert not {"adalah", "yang", "untuk"} & set(first.lower().split())


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("What percentage of all active foreigners were Japanese or Chinese?", "en"),
        ("berapa persen WNA Jepang atau China dari total WNA", "id"),
    ],
)
def test_a_share_of_one_or_the_other_gives_their_share_together(pipeline, value_of, text, lang):
    reply = pipeline.answer(text)
    both = value_of("foreign_residents", "JP") + value_of("foreign_residents", "CN")
    assert percent(100 * both / value_of("foreign_residents"), lang) in reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["Tolong sebutkan jumlah WNA aktif per negara", "yang selain 3 teratas totalnya berapa?"],
        ["How many active foreigners?", "how many were from outside the top three countries?"],
    ],
)
def test_all_but_the_first_of_a_ranking(pipeline, base, value_of, turns):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=41)
    top = base.countries_with_facts("foreign_residents", base.newest_year())[:3]
    rest = value_of("foreign_residents") - sum(f.value for f in top)
    assert reply.intent == "complement" and _states(reply, rest)


@pytest.mark.parametrize(
    "text",
    [
        "min, data wna aktif 2020 itu dr brp negara?",
        "how many countries do the foreigners come from?",
    ],
)
def test_how_many_countries_lists_the_countries_named(pipeline, base, text):
    reply = pipeline.answer(text)
    listed = base.countries_with_facts("foreign_residents", base.newest_year())
    assert reply.intent == "ranking" and str(len(listed)) in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "What nationality were the people deported in 2020?",
        "orang yang dideportasi itu dari negara apa?",
    ],
)
def test_the_countries_of_a_figure_without_a_breakdown_are_no_data(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == []


@pytest.mark.parametrize(
    ("turns", "lang"),
    [
        (["Which country ranked third by active foreign residents?", "how many people?"], "en"),
        (["negara urutan ketiga WNA terbanyak?", "berapa orang?"], "id"),
    ],
)
def test_the_country_a_ranking_named_is_the_next_subject(pipeline, base, turns, lang):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=42)
    third = base.countries_with_facts("foreign_residents", base.newest_year())[2]
    assert reply.facts == [third.as_reply_fact()]


@pytest.mark.parametrize(
    "text",
    [
        "Siapa kepala Kantor Imigrasi Bekasi dan penghargaan apa saja yang diraih?",
        "Who heads the Bekasi office and what awards did it win?",
    ],
)
def test_two_statements_asked_together(pipeline, base, text):
    reply = pipeline.answer(text)
    for intent in ("head_of_office", "awards"):
        summary = base.statements(intent)[0][f"summary_{reply.lang}"]
        assert summary in reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["Siapa kepala Kanim Bekasi?", "kalau kepala Kanim Bogor siapa?"],
        ["who heads the Bogor office?"],
    ],
)
def test_a_statement_of_another_office_is_no_data(pipeline, turns):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=43)
    assert reply.status == "no_data" and "Bogor" in reply.text


@pytest.mark.parametrize(
    "text",
    ["di antara 3 besar, mana yang paling sedikit?", "among the top three, which is the smallest?"],
)
def test_the_fewest_among_the_first_n_says_so(pipeline, base, text):
    reply = pipeline.answer(text)
    third = base.countries_with_facts("foreign_residents", base.newest_year())[2]
    assert reply.facts == [third.as_reply_fact()]
    assert "3" in reply.text.split(":")[0]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("what % of active foreigners got deported", "en"),
        ("Berapa persen jumlah deportasi dibandingkan jumlah WNA aktif?", "id"),
        ("what share of foreigners were deported", "en"),
        ("what percent of active foreigners is that number of deportations?", "en"),
        ("berapa persen dari WNA aktif jumlah orang yang dideportasi?", "id"),
    ],
)
def test_a_share_of_a_figure_counted_apart_is_a_ratio_with_its_caveat(
    pipeline, value_of, text, lang
):
    reply = pipeline.answer(text)
    share = 100 * value_of("deportation") / value_of("foreign_residents")
    assert percent(share, lang) in reply.text, reply.text
    assert "bukan" in reply.text.lower() or "not" in reply.text.lower()
    assert "tidak menyebut" in reply.text or "does not give" in reply.text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("min yang kena pro justisia berapa orang terus melanggar pasal apa", "id"),
        ("how many people were prosecuted pro justitia, and under which articles?", "en"),
    ],
)
def test_a_statement_asked_beside_its_figure_comes_with_it(pipeline, base, text, lang):
    reply = pipeline.answer(text)
    law = base.statements("law_articles")[0][f"summary_{lang}"]
    assert reply.facts == [base.fact("pro_justitia", base.newest_year()).as_reply_fact()]
    assert law in reply.text, reply.text


def test_a_share_counted_apart_is_never_above_the_whole(pipeline):
    turns = [
        "How many foreigners were deported in 2020?",
        "How many active foreigners?",
        "So what percent of active foreigners is that number of deportations?",
    ]
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=63)
    percents = [float(p.replace(",", ".")) for p in re.findall(r"(\d+(?:[.,]\d+)?)%", reply.text)]
    assert all(p <= 100 for p in percents), reply.text


@pytest.mark.parametrize(
    "text", ["What are the opening hours of the Drive Thru service?", "jam buka drive thru kapan"]
)
def test_a_detail_the_release_does_not_give_of_a_statement_is_no_data(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and "Drive Thru" in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    ["Name the new public services the office introduced in 2020.", "layanan baru apa saja?"],
)
def test_new_public_services_are_the_innovations(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "answered" and "Drive Thru" in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Dengan hormat, kami ucapkan terima kasih atas kerja samanya.", "thanks"),
        ("makasih ya infonya, ngebantu bgt", "thanks"),
        ("who presented these figures?", "press_conference"),
        # "who" asks no number: the counting word only names the figure spoken of
        ("Siapa yang menyampaikan data 8.940 WNA aktif itu?", "press_conference"),
        ("who announced the number of active foreigners?", "press_conference"),
    ],
)
def test_formal_thanks_and_who_presented(pipeline, text, intent):
    assert pipeline.answer(text).intent == intent


@pytest.mark.parametrize(
    ("text", "metric", "country"),
    [
        ("kak itu dua ribu tiga ratus satu itu orang mana ya", "foreign_residents", "CN"),
        ("what is the 6433 figure?", "itas", None),
        ("50 itu jumlah apa ya kak", "affidavit", None),  # small numbers pointed at
        ("ada yg 4 orang itu data apa?", "skim", None),
        ("what is that 72 people figure?", "deportation", None),
    ],
)
def test_a_stored_figure_named_by_its_value_is_that_figure(pipeline, base, text, metric, country):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year(), country).as_reply_fact()]


def test_a_number_that_is_no_stored_figure_names_nothing(pipeline):
    assert pipeline.answer("1234 itu apa").facts == []


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ada brp inovasi total?", "innovations"),
        ("someone told me the office launched 7 innovations in 2020. true?", "innovations"),
        ("berapa banyak penghargaan yang diraih?", "awards"),
        ("how many service values are there", "service_values"),
    ],
)
def test_a_count_of_what_a_statement_lists_is_counted_and_said_so(pipeline, base, text, intent):
    reply = pipeline.answer(text)
    items = [i for row in base.statements(intent) for i in row["items"].split("|") if i]
    assert reply.status == "answered" and number(len(items), reply.lang) in reply.text
    assert "dihitung" in reply.text or "counted" in reply.text
    assert "7" not in reply.text.split("\n")[0]  # the claimed count is not repeated


@pytest.mark.parametrize(
    "text",
    [
        "Drive Thru ada berapa?",
        "Berapa kantor imigrasi yang meraih WBK bersama Kanim Bekasi tahun 2020?",
        "how many offices won the anti-corruption award with Bekasi?",
        "kapan tanggal jumpa persnya?",
        "on what date was the press conference?",
    ],
)
def test_a_count_or_date_the_release_does_not_give_of_a_statement_is_no_data(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == []


@pytest.mark.parametrize(
    "text", ["berita ini dari media apa?", "where does the data come from?", "sumbernya apa min"]
)
def test_the_source_of_the_figures_names_the_releases(pipeline, base, text):
    reply = pipeline.answer(text)
    assert reply.intent == "source"
    assert all(row["title"] in reply.text for row in base.tables["sources"])


@pytest.mark.parametrize(
    ("text", "more", "less"),
    [
        ("berapa persen WNA korea lebih banyak dibanding jepang?", "KR", "JP"),
        ("by what percent do Koreans outnumber the Japanese?", "KR", "JP"),
    ],
)
def test_by_what_percent_one_exceeds_another(pipeline, value_of, text, more, less):
    reply = pipeline.answer(text)
    a, b = value_of("foreign_residents", more), value_of("foreign_residents", less)
    assert percent(100 * (a - b) / b, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize("text", ["persentase korsel vs jepang brp?", "share of Korea vs Japan"])
def test_the_shares_of_two_side_by_side_are_each_share(pipeline, value_of, text):
    reply = pipeline.answer(text)
    whole = value_of("foreign_residents")
    for code in ("KR", "JP"):
        assert percent(100 * value_of("foreign_residents", code) / whole, reply.lang) in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "How many of the 1716 visit permits in Bekasi were for tourism?",
        "dari 1716 ITK di Bekasi tahun 2020 berapa yang untuk wisata?",
    ],
)
def test_a_topic_after_a_place_still_narrows_the_figure(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == []


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("how many ITK in bekasi 2020, my visa agent says its a lot", "itk"),
        ("berapa ITAS 2020, agen visa saya bilang banyak", "itas"),
    ],
)
def test_a_topic_that_is_the_askers_own_narrows_nothing(pipeline, base, text, metric):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year()).as_reply_fact()]


@pytest.mark.parametrize(
    "text",
    ["what qualities of public service is the office aiming for?",
     "kualitas pelayanan seperti apa yang ingin dicapai kantor?",
     "pelayanan publik yg dituntut masyarakat tuh kyk gmn?"],
)  # fmt: skip
def test_the_service_quality_aimed_for_is_the_release_statement(pipeline, base, text):
    reply = pipeline.answer(text)
    row = base.statements("service_values")[0]
    assert reply.intent == "service_values" and row["quote"] in reply.text, reply.text


@pytest.mark.parametrize(
    "text", ["dia bilang apa soal paspor?", "bagaimana dengan paspor?", "what about passports?"]
)
def test_a_thing_named_but_never_counted_is_answered_with_what_the_release_says(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "answered" and reply.intent == "passport", reply.text


@pytest.mark.parametrize(
    "text", ["berapa paspor yang diterbitkan?", "passports issued 2019 bekasi",
             "syarat bikin paspor apa aja", "cara perpanjang paspor gmn kak?"]
)  # fmt: skip
def test_a_count_or_a_how_to_about_passports_is_still_no_data(pipeline, text):
    assert pipeline.answer(text).status == "no_data"


@pytest.mark.parametrize(
    ("text", "parts", "each"),
    [
        ("what share of foreigners come from India and Taiwan together?", "IN TW", False),
        ("berapa persen gabungan Korea dan Jepang dari total WNA?", "KR JP", False),
        ("Berapa persentase WNA asal Korea Selatan, Jepang, dan China terhadap total WNA?",
         "KR JP CN", True),
    ],
)  # fmt: skip
def test_a_share_together_and_each_share_as_asked(pipeline, value_of, text, parts, each):
    reply = pipeline.answer(text)
    codes = parts.split()
    whole = value_of("foreign_residents")
    together = sum(value_of("foreign_residents", c) for c in codes)
    assert percent(100 * together / whole, reply.lang) in reply.text, reply.text
    one = percent(100 * value_of("foreign_residents", codes[0]) / whole, reply.lang)
    assert (one in reply.text) == each, reply.text


@pytest.mark.parametrize(
    ("text", "country"),
    [("WNA asal JP", "JP"), ("WNA from KR?", "KR"), ("negeri sakura", "JP"),
     ("WNA negeri ginseng brp", "KR"), ("berapa orang dari negeri tirai bambu?", "CN"),
     # chat shorthand: a name without its vowels, two letters swapped
     ("jumlh wna jpng", "JP"), ("brp wna chn", "CN"), ("how many forigners from chnia", "CN"),
     ("WNA negeri Kimchi", "KR"), ("WNA Hindustan", "IN"), ("WNA Republic of China", "TW"),
     # common words typed without a space are read apart
     ("howmany japanese livein bekasi", "JP"), ("brpWNA koreain bekasi", "KR")],
)  # fmt: skip
def test_a_country_written_short_or_by_a_nickname_is_named(pipeline, base, text, country):
    reply = pipeline.answer(text)
    assert reply.facts == [
        base.fact("foreign_residents", base.newest_year(), country).as_reply_fact()
    ]


@pytest.mark.parametrize(
    "text",
    ["ITAS + 100", "ITAS dan ITK kali dua", "berapa WNA per 1000 penduduk Bekasi?",
     "WNA Korea dan Jepang dibagi 2"],
)  # fmt: skip
def test_a_figure_with_a_number_of_the_askers_is_not_computed(pipeline, text):
    """An addition of the asker's number, several figures scaled at once, or a rate per
    people the releases never count."""
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [], reply.text


@pytest.mark.parametrize(
    ("text", "metric", "country"),
    [
        ("Japanese or Chinese combined, how many?", None, "JP CN"),
        ("dari lima negara asal WNA terbanyak di Bekasi, berapa WNA asal India?", None, "IN"),
        ("Bang, brp org yg dideportasi taun kmrn? yg 2020 maksudnya", "deportation", ""),
        ("top 3 plus Taiwan?", None, "KR JP CN TW"),
        ("how many foreigner got deportated from bekasi in 2020", "deportation", ""),
    ],
)
def test_words_around_a_figure_do_not_change_it(pipeline, value_of, text, metric, country):
    reply = pipeline.answer(text)
    codes = country.split()
    value = value_of(metric) if metric else sum(value_of("foreign_residents", c) for c in codes)
    assert number(value, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("countries with at least 2844 residents", ["KR", "JP"]),
        ("negara dengan WNA minimal 2000", ["KR", "JP", "CN"]),
        ("countries with at most 489 residents", ["IN", "TW"]),
    ],
)
def test_at_least_and_at_most_keep_the_bound(pipeline, text, kept):
    reply = pipeline.answer(text)
    assert [f["country"] for f in reply.facts] == kept, reply.text
