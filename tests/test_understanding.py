"""Utterance -> language, intent, status and entities, stage by stage."""

from __future__ import annotations

import pytest

from bot.understanding.entities import extract_entities
from bot.understanding.language import detect_language
from bot.understanding.lexis import lexis
from bot.understanding.normalize import normalize


def tokens_of(base, text):
    return normalize(
        text, abbreviations=lexis(base).lexicon.abbreviations, known=lexis(base).known_words
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Berapaaa ITAS!!!???", ["berapa", "itas"]),
        ("brp itas thn 2020", ["berapa", "itas", "tahun", "2020"]),
        ("jmlh wna yg dideportasi", ["jumlah", "wna", "yang", "dideportasi"]),
        ("<b>WNA</b>\u00a0Jepang", ["wna", "jepang"]),
        ("nilai2 pelayanan", ["nilai", "nilai", "pelayanan"]),
        ("pro-justitia", ["pro", "justitia"]),
        ("makasih infonya gan", ["makasih", "information"]),
        ("What's ITK?", ["what", "is", "itk"]),
        ("Türkiye", ["turkiye"]),
        ("pendeportasian2020", ["pendeportasian", "2020"]),
        ("berapaITAS", ["berapa", "itas"]),
        ("urutan 3rd", ["urutan", "3rd"]),
        ("🙂", []),
        ("plg bnyk lg", ["paling", "banyak", "lagi"]),
        ("WNA Tiongok", ["wna", "tiongok"]),  # a slip of a name is no two words
        # a hyphen that subtracts: beside a number and a name, or in a sum of names
        ("8940 - Korea", ["8940", "minus", "korea"]),
        ("Korea+Jepang-China", ["korea", "plus", "jepang", "minus", "china"]),
        ("Data 2020 - berapa ITAS?", ["data", "2020", "berapa", "itas"]),
        ("koreans + chinese, non-Japanese", ["koreans", "plus", "chinese", "non", "japanese"]),
        ("rata-rata + Korea", ["rata", "rata", "plus", "korea"]),
        # a denial cut off by a comma corrects: said as the lexicon's repair words
        ("bukan, India", ["eh", "bukan", "india"]),
        ("no, Indians", ["no", "wait", "indians"]),
        ("bukan India ya", ["bukan", "india"]),
    ],
)
def test_normalize(base, text, expected):
    assert tokens_of(base, text) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("berapa ITAS tahun 2020", "id"),
        ("how many ITAS were issued", "en"),
        ("brp org yg dideportasi", "id"),
        ("Japan", "en"),
        ("Jepang", None),
        ("ITAS 2020", None),
        ("thanks!", "en"),
        ("terima kasih", "id"),
        # words the lexicon lists in one language only tell it too
        ("total WNA selain top 3?", "id"),
        ("Korea dikurangi Jepang", "id"),
        ("Korea minus Japan", "en"),
        ("affidavit vs SKIM selisihnya?", "id"),  # intent cues tell it too
        # no listed word: common words rare in the other language break the tie
        ("you're useless, stupid bot", "en"),
        ("dasar bodoh", "id"),
    ],
)
def test_detect_language(base, text, lang):
    tokens = tokens_of(base, text)
    hints = extract_entities(tokens, base).lang_hints
    words = lexis(base)
    detected = detect_language(tokens, words.lexicon.telling_words, hints, words.telling)
    assert detected == lang or (lang is None and detected in (None, "id"))


ENTITY_CASES = [
    ("berapa ITAS 2020", {"metrics": ["itas"], "years": [2020]}),
    ("itass", {"metrics": ["itas"]}),
    ("kitas", {"metrics": ["itas"], "terms": ["KITAS"]}),
    ("izin tinggal terbtas", {"metrics": ["itas"]}),
    ("deprotasi", {"metrics": ["deportation"]}),
    ("berapa org yg diusir", {"metrics": ["deportation"]}),
    ("how many were expelled", {"metrics": ["deportation"]}),
    ("prosecuted foreigners", {"metrics": ["pro_justitia", "foreign_residents"]}),
    ("expats", {"metrics": ["foreign_residents"]}),
    ("WNA jepan", {"countries": ["JP"]}),
    ("tiwan", {"countries": ["TW"]}),
    ("Korsel", {"countries": ["KR"]}),
    ("deportasi + projus", {"metrics": ["deportation", "pro_justitia"]}),
    ("visit permits and permanent permits", {"metrics": ["itk", "itap"]}),
    ("which ministry gave the anti-corruption one", {"terms": ["WBK"]}),
    ("take out Korea, how many foreigners are left", {"excluded": [("country", "KR")]}),
    ("South Korean residents", {"countries": ["KR"]}),
    ("North Korea", {"countries": ["KP"]}),
    ("Tiongkok", {"countries": ["CN"]}),
    ("RRT", {"countries": ["CN"]}),
    ("Indian nationals", {"countries": ["IN"]}),
    ("Amerika Serikat", {"countries": ["US"]}),
    ("Australians", {"countries": ["AU"]}),
    ("ITAS di Jakarta", {"metrics": ["itas"], "places": ["Jakarta"]}),
    ("deportasi di Surabaya", {"places": ["Surabaya"]}),
    ("WNA di Bekasi", {"offices": ["bekasi"]}),
    ("ITAS tahun lalu", {"years": [], "relative": ["ago-1"]}),
    ("ITK the previous year", {"years": [], "relative": ["before-1"]}),
    ("5 negara terbanyak", {"count": 5}),
    ("urutan ketiga", {"ordinal": 3}),
    ("visa on arrival", {"topics": ["visa"]}),
    ("total izin tinggal", {"groups": ["stay_permits"]}),
    ("izin tinggal terbatas dan tetap", {"metrics": ["itas", "itap"]}),
    ("selain dideportasi, berapa yang pro justitia", {"metrics": ["pro_justitia"]}),
    ("Indain citizens", {"countries": ["IN"]}),
]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("saya wartawan, berapa yang dideportasi", "topics"),  # not "wisatawan"
        ("saya sedang riset deportasi", "places"),  # not "Serang"
        ("brp org yg kena pro justisia", "countries"),  # not "Kenya"
        ("selain dideportasi, berapa yang pro justitia", "groups"),
    ],
)
def test_common_words_are_not_taken_for_names(base, text, absent):
    assert getattr(extract_entities(tokens_of(base, text), base), absent) == []


@pytest.mark.parametrize(("text", "expected"), ENTITY_CASES)
def test_entities(base, text, expected):
    found = extract_entities(tokens_of(base, text), base)
    for name, value in expected.items():
        assert getattr(found, name) == value, (name, getattr(found, name))


@pytest.mark.parametrize(
    "text",
    ["itk", "itas", "itap", "skim"],
)
def test_short_codes_never_match_each_other_fuzzily(base, text):
    found = extract_entities([text], base)
    assert found.metrics == [text]
    assert found.score == 100


def test_short_code_typo_is_not_guessed(base):
    assert extract_entities(["itx"], base).metrics == []


INTENT_CASES = [
    ("berapa ITAS 2020", "value", "answered"),
    ("WNA Jepang berapa", "value", "answered"),
    ("negara asal WNA terbanyak", "top", "answered"),
    ("list the top countries", "ranking", "answered"),
    ("negara urutan kedua", "ranking", "answered"),
    ("which country has the fewest foreigners", "fewest", "answered"),
    ("berapa persen WNA India", "share", "answered"),
    ("what share of stay permits are ITAS", "share", "answered"),
    ("selisih ITAS dan ITK", "difference", "answered"),
    ("Japan vs China", "compare", "answered"),
    ("total izin tinggal", "sum", "answered"),
    ("ITK plus ITAP", "sum", "answered"),
    ("apa itu ITAP", "define", "answered"),
    ("what does SKIM stand for", "define", "answered"),
    ("apa saja inovasinya", "innovations", "answered"),
    ("who heads the office", "head_of_office", "answered"),
    ("kenapa paspor turun", "passport", "answered"),
    ("berapa paspor 2020", "value", "no_data"),
    ("ITAS 2019", "value", "no_data"),
    ("ITAS Jepang", "value", "no_data"),
    ("WNA Jerman", "value", "no_data"),
    ("deportasi di Bandung", "value", "no_data"),
    ("visa on arrival berapa", "value", "no_data"),
    ("halo", "greeting", "smalltalk"),
    ("how are you", "greeting", "smalltalk"),
    ("Good evening! Hope you're doing well.", "greeting", "smalltalk"),
    ("apa kabar min?", "greeting", "smalltalk"),
    ("min, siapa sih kpl kanim bekasi?", "head_of_office", "answered"),
    ("makasih ya", "thanks", "smalltalk"),
    ("help", "help", "smalltalk"),
    ("siapa kamu", "about_bot", "smalltalk"),
    ("berapa", "clarify", "clarify"),
    ("resep rendang", "fallback", "fallback"),
    ("", "fallback", "fallback"),
    ("can you help me with my math homework", "fallback", "fallback"),
    ("see you later", "goodbye", "smalltalk"),
    ("Kemenpan RB itu kementerian apa?", "define", "answered"),
    ("berapa persen ITAS", "clarify", "clarify"),
    ("prosecuted foreigners", "value", "answered"),
    ("min harga tiket pesawat ke jepang brp", "clarify", "fallback"),
]


@pytest.mark.parametrize(("text", "intent", "status"), INTENT_CASES)
def test_intent_and_status(pipeline, text, intent, status):
    reply = pipeline.answer(text)
    assert (reply.intent, reply.status) == (intent, status), reply.text
    assert 0.0 <= reply.confidence <= 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tahun dua ribu dua satu", ("tahun", "2021")),
        ("dua ribu dua puluh satu", ("2021",)),
        ("in two thousand twenty", ("in", "2020")),
        ("twenty twenty one", ("2021",)),
        ("enam ribu empat ratus tiga puluh tiga orang", ("6433", "orang")),
        ("lima besar", ("lima", "besar")),  # a lone number word stays a count
        ("dua negara", ("dua", "negara")),
        ("ribu", ("ribu",)),
        ("seribu tujuh ratus enam belas", ("1716",)),
        ("one thousand seven hundred and sixteen", ("1716",)),
        ("dua ribu sembilan belas", ("2019",)),
        ("two thousand and twenty", ("2020",)),
    ],
)
def test_numbers_in_words_become_digits(base, text, expected):
    from bot.understanding.analysis import tokens_of as message_tokens

    assert message_tokens(base, text) == expected


@pytest.mark.parametrize(
    "text", ["tahun dua ribu dua satu itas berapa", "ITAS in twenty twenty one?"]
)
def test_a_year_in_words_is_the_year_asked(pipeline, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data" and "2021" in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    ["ITK seribu tujuh ratus enam belas, benar?", "ITK one thousand seven hundred and sixteen?"],
)
def test_a_right_figure_in_words_is_confirmed(pipeline, text):
    reply = pipeline.answer(text)
    assert "Bukan" not in reply.text and "Not " not in reply.text, reply.text
