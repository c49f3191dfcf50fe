"""What a message says around its question, in both languages: a year, office or place
named alone before it, numbers that name or divide rather than claim a figure, rates that
narrow a yearly figure, means that only a whole year allows, and decimals that never hide
a number. Every expected figure comes from the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import decimal, number

# A year, office or place named before the question; a country before a colon; a rate;
# a mean over a part of a year; a measure left out of the people counted; figures counted
# differently, added or subtracted: the release gives none of these.
NO_DATA = [
    ("year named alone before", "Menurut data 2021, berapa ITAS?"),
    ("year named alone before", "At the Bekasi office in 2021, how many ITAS?"),
    ("year named alone before", "According to 2021 data, how many ITAS?"),
    ("year named alone before", "Data 2022: berapa deportasi?"),
    ("year named alone before", "For the year 2022, how many deportations?"),
    ("year named alone before", "Tahun 2019. Berapa WNA?"),
    ("year named alone before", "Back in 2018, how many Koreans were there?"),
    ("year named alone before", "Berdasarkan data tahun 2019, berapa WNA Jepang?"),
    ("office or place named alone before", "Di Kanim Tangerang, berapa WNA?"),
    ("office or place named alone before", "For the Jakarta office, how many ITAS?"),
    ("office or place named alone before", "Kalau di Surabaya, berapa ITAS?"),
    ("office or place named alone before", "At the Tangerang office: how many deportations?"),
    ("office or place named alone before", "Bandung: berapa WNA?"),
    ("country before a colon", "Korea: ITAS berapa?"),
    ("country before a colon", "Japan: how many ITK?"),
    ("rate narrowing a yearly figure", "berapa deportasi sehari"),
    ("rate narrowing a yearly figure", "how many ITAS a day"),
    ("rate narrowing a yearly figure", "berapa ITAS dalam seminggu"),
    ("rate narrowing a yearly figure", "how many deportations a week"),
    ("rate narrowing a yearly figure", "berapa ITAS per jam"),
    ("rate narrowing a yearly figure", "how many ITAS were issued each day in 2020"),
    ("mean over part of a year", "average ITAS per month in the second half of 2020"),
    ("mean over part of a year", "rata-rata ITAS per bulan paruh kedua 2020"),
    ("mean over part of a year", "rata-rata ITAS per bulan dalam 6 bulan terakhir"),
    ("mean over part of a year", "rata-rata ITAS per bulan selama 9 bulan pandemi"),
    ("mean over part of a year", "average deportations per month over the last 3 years"),
    ("mean over part of a year", "rata-rata ITAS per bulan dalam 2 tahun"),
    ("mean over part of a year", "average ITK per day in Q4"),
    ("mean over part of a year", "rata-rata ITAS per hari sejak pandemi"),
    ("a measure left out of the population", "berapa WNA selain ITAS"),
    ("a measure left out of the population", "berapa WNA yang tidak punya ITAS"),
    ("a measure left out of the population", "how many foreigners without ITAS"),
    ("an office the base does not know", "berapa WNA di Kanim Mojokerto?"),
    ("an office the base does not know", "berapa WNA di kanim Tanjung Priok?"),
    ("an office the base does not know", "For the Kantor Imigrasi Soekarno Hatta, how many ITK?"),
    ("a difference by place in the ranking", "selisih urutan 1 dan 2?"),
    ("a difference by place in the ranking", "difference between the top country and the 3rd?"),
    ("an article the figure is not given by", "berapa WNA yang melanggar Pasal 71?"),
    ("an article the figure is not given by", "how many foreigners violated article 71"),
    ("an article the figure is not given by", "berapa deportasi berdasarkan pasal 75"),
    ("an article the figure is not given by", "how many people were prosecuted under Article 48?"),
    ("a floor or a room", "berapa WNA di lantai 3"),
    ("an issuing post abroad", "Berapa ITAS yang diterbitkan KBRI Kuala Lumpur?"),
    ("an issuing post abroad", "how many ITAS did the Tokyo embassy issue"),
    ("a gender, also in slang", "WNA Korea yg cewek brp?"),
    ("a gender, also in slang", "How many of the affidavits were for boys vs girls?"),
    ("a gender, also in slang", "What's the gender split of ITAS holders?"),
    ("a topic narrowing a whole", "How many of the deportees were overstayers?"),
    ("a topic narrowing a whole", "dari yang dideportasi, berapa yang overstay?"),
    ("a forecast", "Kalau tren 2020 berlanjut, kira2 berapa ITAS tahun 2021?"),
    ("a forecast", "If the trend holds, how many ITAS in 2021?"),
    ("one half of a pair counted together", "berapa ITAP baru"),
    ("one half of a pair counted together", "how many ITAP renewals"),
    ("both halves asked apart", "ITAP baru brp, perpanjangan brp?"),
    ("both halves asked apart", "ITAP: how many new, how many renewed?"),
    ("an Indonesian town of another office", "berapa ITAS di Mojokerto"),
    (
        "an Indonesian town of another office",
        "how many foreigners at the Jember immigration office?",
    ),
    ("an Indonesian town of another office", "WNA Banyuwangi 2020 brp"),
    ("a city of the world", "berapa WNA di Seoul?"),
    ("a city of the world", "WNA dari Kyoto berapa"),
    ("a city of the world", "orang Korea di Busan berapa"),
    ("a city of the world", "how many foreigners from Beijing?"),
    ("a city of the world", "WNA di Taipei"),
    ("a city of the world", "Tokyo ITAS"),
    ("an article the figure is not given by", "how many people were prosecuted under article 6"),
    ("an article the figure is not given by", "berapa pro justitia UU 71"),
    ("a floor or a room", "ITAS di ruang 1"),
    ("an embassy or consulate", "konsulat India berapa WNA"),
    ("an embassy or consulate", "how many Koreans at the Korean embassy"),
    ("the whole country", "how many foreigners live in this country?"),
    ("leaving or entering the country", "berapa WNA yang keluar dari negara ini"),
    ("leaving or entering the country", "how many foreigners entered the country in 2020?"),
    ("a city of the world", "WNA Tokyo ada berapa"),
    ("a city of the world", "how many foreigners live in Kuala Lumpur?"),
    ("a city of the world", "Seoul foreigners, how many?"),
    ("a city of the world", "berapa ITAS yang terbit di Singapura kota"),
    ("a relative year first", "2 tahun lalu berapa ITAS?"),
    ("a relative year first", "dua tahun yang lalu berapa deportasi?"),
    ("counted differently", "rata-rata ITAS dan WNA aktif"),
]


@pytest.mark.parametrize(("kind", "text"), NO_DATA, ids=[f"{k}: {t}" for k, t in NO_DATA])
def test_what_the_release_does_not_say_is_no_data(pipeline, kind, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and reply.facts == [], reply.text


@pytest.mark.parametrize(
    ("text", "metric", "country"),
    [
        ("Saya tinggal di Cikarang. Berapa WNA Jepang?", "foreign_residents", "JP"),
        ("I live in Cikarang. How many Japanese are there?", "foreign_residents", "JP"),
        ("Menurut data 2020, berapa ITAS?", "itas", None),
        ("Di Bekasi, berapa WNA Korea?", "foreign_residents", "KR"),
        ("India: berapa WNA?", "foreign_residents", "IN"),
        ("China: how many foreigners?", "foreign_residents", "CN"),
    ],
)
def test_what_the_lead_names_joins_the_question_only_where_it_fits(
    pipeline, base, text, metric, country
):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year(), country).as_reply_fact()]


@pytest.mark.parametrize(
    ("text", "metric", "named"),
    [
        ("how many people were prosecuted under Article 72(2)?", "pro_justitia", 72),
        ("berapa orang dipidana menurut pasal 117", "pro_justitia", 117),
        ("berapa pelanggar pasal 71 yang dipidana?", "pro_justitia", 71),
    ],
)
def test_a_number_that_names_or_divides_is_no_claim_to_correct(pipeline, base, text, metric, named):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year()).as_reply_fact()]
    assert "Bukan" not in reply.text and "Not " not in reply.text


@pytest.mark.parametrize(
    "text",
    ["ada 8940 WNA, berapa yang dari Korea?", "there are 8940 foreigners; how many Koreans?"],
)
def test_another_stored_figure_in_the_question_is_no_claim(pipeline, value_of, text):
    reply = pipeline.answer(text)
    assert number(value_of("foreign_residents", "KR"), reply.lang) in reply.text
    assert "Bukan" not in reply.text and "Not " not in reply.text


@pytest.mark.parametrize(
    ("text", "claimed", "metric", "country"),
    [
        ("bener ITAS 6000?", 6000, "itas", None),
        ("is ITAS 6000?", 6000, "itas", None),
        ("WNA China 2.031 orang?", 2031, "foreign_residents", "CN"),  # a count, not a year
        ("are there 2031 Chinese people in Bekasi?", 2031, "foreign_residents", "CN"),
    ],
)
def test_a_wrong_figure_claimed_is_corrected_without_repeating_it(
    pipeline, value_of, text, claimed, metric, country
):
    reply = pipeline.answer(text)
    assert number(value_of(metric, country), reply.lang) in reply.text
    assert "Bukan" in reply.text or "Not " in reply.text
    assert number(claimed, reply.lang) not in reply.text  # every number written is stored


@pytest.mark.parametrize(
    ("text", "metric"), [("how many ITAS a year", "itas"), ("berapa ITAS setahun", "itas")]
)
def test_a_yearly_rate_is_the_figure(pipeline, base, text, metric):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact(metric, base.newest_year()).as_reply_fact()]


@pytest.mark.parametrize(
    ("value", "id_text", "en_text"),
    [
        (4 / 366, "0,011", "0.011"),
        (2968 / 2844, "1,04", "1.04"),
        (6433 / 1716, "3,7", "3.7"),
        (6433 / 12, "536,1", "536.1"),
        (36.0, "36", "36"),
    ],
)
def test_a_decimal_never_hides_the_number(value, id_text, en_text):
    assert (decimal(value, "id"), decimal(value, "en")) == (id_text, en_text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [("rasio Korea dan Jepang", "id"), ("ratio of Korean to Japanese residents", "en")],
)
def test_a_ratio_near_one_is_not_shown_as_one(pipeline, value_of, text, lang):
    reply = pipeline.answer(text)
    ratio = value_of("foreign_residents", "KR") / value_of("foreign_residents", "JP")
    assert decimal(ratio, lang) in reply.text and decimal(ratio, lang) != "1", reply.text


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Out of 9000 foreigners, how many Indians?", "IN"),
        ("Dari 9000 WNA, berapa yang India?", "IN"),
        # the asker's own number is no claim about the release
        ("My company, which employs 120 Japanese, wants to know how many Japanese live in "
         "Bekasi", "JP"),
        ("Kantor kami punya 200 karyawan Korea. Berapa WNA Korea di Bekasi?", "KR"),
    ],
)  # fmt: skip
def test_a_whole_the_asker_assumes_is_no_claim(pipeline, value_of, text, country):
    reply = pipeline.answer(text)
    assert number(value_of("foreign_residents", country), reply.lang) in reply.text
    assert "Bukan" not in reply.text and "Not " not in reply.text


@pytest.mark.parametrize(
    "text", ["My wife is Japanese, how many foreigners?", "Suami saya WNA India, berapa WNA?"]
)
def test_the_askers_family_is_no_subject(pipeline, base, text):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact("foreign_residents", base.newest_year()).as_reply_fact()]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("For our report on the Bekasi office in 2021, how many ITAS?", "2021"),
        ("Saya sedang riset tahun 2019, berapa deportasi?", "2019"),
        ("In the area covered by the Tangerang office, how many foreigners?", "Tangerang"),
    ],
)
def test_a_year_or_place_around_the_question_is_said_to_be_missing(pipeline, text, named):
    reply = pipeline.answer(text)
    assert reply.status == "answered"
    note = reply.text.splitlines()[-1]
    assert named in note and ("tidak memuat" in note or "no figure" in note), reply.text


@pytest.mark.parametrize(
    "text",
    [
        "Saya tinggal di Cikarang. Berapa WNA Jepang?",
        "Selamat pagi, saya wartawan. Berapa ITAS 2020?",
    ],
)
def test_no_note_when_nothing_around_the_question_is_missing(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "answered" and "(" not in reply.text.splitlines()[-1][:1], reply.text


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("saya dari Seoul, berapa WNA Korea di Bekasi?", "KR"),
        ("I moved here from Tokyo. How many Japanese live in Bekasi?", "JP"),
        ("berapa WNA di lima kecamatan Bekasi", None),
    ],
)
def test_a_city_said_about_the_asker_or_an_ordinary_word_is_no_place(pipeline, base, text, country):
    reply = pipeline.answer(text)
    if country:
        assert reply.facts == [
            base.fact("foreign_residents", base.newest_year(), country).as_reply_fact()
        ]
    else:
        assert "Lima" not in reply.text


def test_world_cities_come_from_babel_without_ordinary_words():
    from bot.understanding.gazetteer import world_cities

    cities = world_cities()
    assert {("seoul",), ("kuala", "lumpur"), ("tokyo",)} <= cities
    assert not {("lima",), ("wake",), ("davis",)} & cities


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("What share of all stay permits (ITK+ITAS+ITAP) were ITAS?", "itas"),
        ("ITK itu brp persen dr total izin tinggal (ITK+ITAS+ITAP)?", "itk"),
        ("ITAS share of stay permits (ITK, ITAS, ITAP)?", "itas"),
    ],
)
def test_a_whole_spelled_out_by_its_members_is_no_part(pipeline, base, text, part):
    reply = pipeline.answer(text)
    year = base.newest_year()
    assert reply.intent == "share"
    assert f"{part.upper()}:" in reply.text
    others = {"itk", "itas", "itap"} - {part}
    assert not any(f"{o.upper()}:" in reply.text for o in others), reply.text
    assert base.fact(part, year).as_reply_fact() in reply.facts


@pytest.mark.parametrize(
    "text", ["ITAP baru dan perpanjangan berapa", "ITAP termasuk perpanjangan"]
)
def test_both_halves_of_a_pair_are_the_figure(pipeline, base, text):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact("itap", base.newest_year()).as_reply_fact()]


@pytest.mark.parametrize(
    ("text", "said_of"),
    [
        ("which law did the deportees violate?", "pro justitia prosecution"),
        ("pasal apa yang dilanggar WNA yang dideportasi?", "Penindakan Pro Justitia"),
    ],
)
def test_a_statement_about_another_figure_says_whose_it_is(pipeline, text, said_of):
    reply = pipeline.answer(text)
    assert reply.status == "no_data", reply.text
    assert said_of in reply.text.splitlines()[0], reply.text


@pytest.mark.parametrize(
    "text", ["pasal apa yang dilanggar pelaku pro justitia?", "which articles were violated?"]
)
def test_a_statement_about_the_figure_asked_is_given(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "answered" and "71" in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["berapa ITAS 2020?", "persentasenya terhadap total izin tinggal (ITK, ITAS, dan ITAP)?"],
        ["how many ITAS?", "and its share of all stay permits (ITK, ITAS and ITAP)?"],
    ],
)
def test_a_follow_up_share_of_a_spelled_out_whole_keeps_its_part(pipeline, base, turns):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=61)
    assert "ITAS:" in reply.text and "ITK:" not in reply.text, reply.text


@pytest.mark.parametrize(
    "turns", [["WNA Korea?", "kalau Seoul?"], ["how many Japanese?", "how about Tokyo?"]]
)
def test_a_city_in_a_follow_up_is_a_place_without_figures(pipeline, turns):
    for turn in turns:
        reply = pipeline.answer(turn, chat_id=62)
    assert reply.status == "no_data" and reply.facts == [], reply.text


@pytest.mark.parametrize("text", ["WNA di kanton imigrasi bekasi", "berapa WNA di kantor imigrasi"])
def test_slips_and_ordinary_words_are_no_cities(pipeline, base, text):
    reply = pipeline.answer(text)
    assert reply.facts == [base.fact("foreign_residents", base.newest_year()).as_reply_fact()]


@pytest.mark.parametrize(
    ("text", "metrics"),
    [
        ("rincian izin tinggal", ["itk", "itas", "itap"]),
        ("split of stay permits by type", ["itk", "itas", "itap"]),
        ("combine ITAS and ITK", ["itas", "itk"]),
    ],
)
def test_breakdown_and_combine_words_keep_their_figures(pipeline, base, text, metrics):
    reply = pipeline.answer(text)
    year = base.newest_year()
    assert {f["metric"] for f in reply.facts} == set(metrics), reply.text
    total = sum(base.fact(m, year).value for m in metrics)
    assert any(str(total) in reply.text.replace(".", "").replace(",", "") for _ in [0])


@pytest.mark.parametrize(
    "text", ["inovasi untuk WNA apa saja?", "innovations for ITAS applicants?"]
)
def test_a_name_inside_a_statement_names_no_figure(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "answered" and "Drive Thru" in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "metric", "right"),
    [
        ("How do I extend my KITAS? I heard there were {v} ITAS holders, right?", "itas", 1),
        ("How do I extend my KITAS? I heard there were {w} ITAS holders, right?", "itas", 0),
        ("how to renew ITAP? is it {v} people?", "itap", 1),
        ("syarat ITAS apa aja? katanya ada {v} pemegang ITAS ya, benar?", "itas", 1),
        ("syarat ITAS apa aja? katanya ada {w} pemegang ITAS ya, benar?", "itas", 0),
    ],
)
def test_a_claim_beside_a_how_to_question_is_checked(pipeline, value_of, text, metric, right):
    value = value_of(metric)
    reply = pipeline.answer(text.format(v=value, w=value + 67))
    assert reply.status == "answered", reply.text
    assert reply.text.count("\n\n") == 1  # two answers: the procedure and the check
    assert number(value, reply.lang) in reply.text
    denied = "not match" in reply.text or "tidak sesuai" in reply.text
    assert denied == (not right), reply.text
