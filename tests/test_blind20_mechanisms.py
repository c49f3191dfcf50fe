"""Mechanisms the remaining misses of blind20 and blind22 showed: a loanword that leans to
one language, a sum whose terms are all named, and more. Every expected figure comes from
the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import decimal, number, percent
from bot.understanding.skeletons import is_shortened, shortens

WNA = "foreign_residents"


@pytest.mark.parametrize(
    ("turns", "lang"),
    [(["SKIM plus affidavit?"], "en"), (["Korea minus Taiwan = ?"], "en"),
     (["Korea + India = ?"], "id"), (["ITAS plus ITK berapa"], "id"),
     (["berapa ITAS", "SKIM plus affidavit?"], "id"), (["ITAS? ", "ITAS minus ITAP"], "id")],
)  # fmt: skip
def test_a_loanword_tells_the_language_only_when_nothing_else_does(last_reply, turns, lang):
    assert last_reply(turns).lang == lang


@pytest.mark.parametrize(
    ("turns", "terms"),
    [(["ITAS", "SKIM plus affidavit?"], ["skim", "affidavit"]),
     (["ITAS?", "SKIM + affidavit berapa"], ["skim", "affidavit"]),
     (["ITK + ITAP?", "ITAS + SKIM?"], ["itas", "skim"]),
     (["ITAS", "tambah ITK dan ITAP"], ["itas", "itk", "itap"]),
     (["ITAS", "plus ITK"], ["itas", "itk"]),
     (["ITAS", "ITK plus ITAP too"], ["itas", "itk", "itap"]),
     (["ITAS", "ITK plus ITAP juga"], ["itas", "itk", "itap"])],
)  # fmt: skip
def test_a_sum_adds_what_it_names_unless_it_adds_to_the_figure_before(
    last_reply, value_of, turns, terms
):
    reply = last_reply(turns)
    assert reply.intent == "sum", reply.text
    assert number(sum(map(value_of, terms)), reply.lang) in reply.text, reply.text
    assert sorted(f["metric"] for f in reply.facts) == sorted(terms), reply.text


TOP_FIVE, FEWEST_FIRST = "5 negara teratas?", "urutkan dari yang terkecil"


@pytest.mark.parametrize(
    ("turns", "places", "intent"),
    [([TOP_FIVE, "jumlah dua yang terakhir?"], [-2, -1], "sum"),
     ([TOP_FIVE, "the last two combined"], [-2, -1], "sum"),
     ([TOP_FIVE, "the last 3?"], [-3, -2, -1], None),
     ([TOP_FIVE, "second to last?"], [-2], "value"),
     ([TOP_FIVE, "yang kedua dari terakhir berapa?"], [-2], "value"),
     ([TOP_FIVE, "selisih yang pertama dan yang terakhir"], [0, -1], "difference"),
     (["list the top 5 nationalities", "the last one as a % of the first?"], [-1, 0], "share"),
     ([FEWEST_FIRST, "yang terakhir berapa?"], [-1], "value"),
     ([FEWEST_FIRST, "the last two combined"], [-2, -1], "sum")],
)  # fmt: skip
def test_places_counted_from_the_end_of_the_list_shown(last_reply, ranked, turns, places, intent):
    shown = [f.country for f in ranked][:5]
    shown = shown[::-1] if turns[0] == FEWEST_FIRST else shown
    reply = last_reply(turns)
    assert intent is None or reply.intent == intent, reply.text
    assert [f["country"] for f in reply.facts] == [shown[k] for k in places], reply.text


@pytest.mark.parametrize(
    "turns",
    [[TOP_FIVE, "berapa WNA data terakhir?"], [TOP_FIVE, "WNA tahun terakhir berapa?"],
     ["top 5", "how many WNA last year?"], ["top 5", "terakhir kali berapa?"]],
)  # fmt: skip
def test_the_latest_or_last_time_is_no_place_in_the_list(last_reply, turns):
    reply = last_reply(turns)
    assert len([f for f in reply.facts if f["country"]]) != 1, reply.text


@pytest.mark.parametrize(
    ("text", "intent"),
    [("whats the value the office hold? like profesional etc", "service_values"),
     ("what does the office stand for, like transparan?", "service_values"),
     ("kantor itu menjunjung apa aja, misalnya sinergi?", "service_values"),
     ("yang semacam eazy paspor itu apa aja?", "innovations")],
)  # fmt: skip
def test_an_item_a_statement_lists_asks_that_statement(pipeline, text, intent):
    reply = pipeline.answer(text)
    assert (reply.status, reply.intent) == ("answered", intent), reply.text


@pytest.mark.parametrize(
    ("text", "codes"),
    [("persentase WNA dari Asia Timur (Korsel, Jepang, China, Taiwan)", "KR JP CN TW"),
     ("what share of active foreigners are from the four East Asian countries", "KR JP CN TW"),
     ("WNA Asia Timur (Korea, Jepang) berapa?", "KR JP"),
     ("the East Asian countries Korea and China, how many together?", "KR CN")],
)  # fmt: skip
def test_a_region_named_with_its_countries_adds_those_up(pipeline, value_of, text, codes):
    reply = pipeline.answer(text)
    total = sum(value_of(WNA, code) for code in codes.split())
    assert reply.status == "answered", reply.text
    assert number(total, reply.lang) in reply.text, reply.text
    assert sorted(f["country"] for f in reply.facts if f["country"]) == sorted(codes.split())


@pytest.mark.parametrize(
    ("text", "intent", "codes"),
    [("persentase WNA masing-masing dari Asia Timur (Korsel, Jepang, China, Taiwan)", "share",
      "KR JP CN TW"),
     ("WNA from the East Asian countries Korea and Japan, each?", "compare", "KR JP"),
     ("rata-rata WNA Asia Timur (Korea, Jepang, China)", "average", "KR JP CN"),
     ("selisih WNA Asia Timur Korea dan Jepang", "difference", "KR JP"),
     ("which of the East Asian countries (Korea, Japan, China) has the fewest?", "compare",
      "KR JP CN")],
)  # fmt: skip
def test_a_region_asked_country_by_country_is_not_added_up(pipeline, value_of, text, intent, codes):
    reply = pipeline.answer(text)
    total = sum(value_of(WNA, code) for code in codes.split())
    assert reply.intent == intent, reply.text
    assert number(total, reply.lang) not in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    ["how many foreigners from East Asia?", "the three East Asian countries combined?",
     "berapa WNA Korea, Jepang dan Eropa?", "WNA Asia Timur berapa?"],
)  # fmt: skip
def test_a_region_alone_or_beside_other_countries_is_no_figure(pipeline, ranked, text):
    reply = pipeline.answer(text)
    assert reply.status == "no_data", reply.text
    assert all(number(f.value, reply.lang) not in reply.text for f in ranked), reply.text


@pytest.mark.parametrize(
    "text",
    ["Tolong hitung rasio ITAS terhadap ITK, lalu rata-rata ITK per bulan.",
     "please compute the ratio of ITAS to ITK, then the average ITK per month",
     "Saya mahasiswa. Tolong hitung rasio ITAS terhadap ITK, kemudian rata-rata ITK per bulan"],
)  # fmt: skip
def test_a_request_that_goes_on_to_another_item_answers_both(pipeline, value_of, text):
    reply = pipeline.answer(text)
    lang = reply.lang
    assert decimal(value_of("itas") / value_of("itk"), lang) in reply.text, reply.text
    assert number(round(value_of("itk") / 12), lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text", ["Could you share the 2021 figure for active foreign residents?",
             "tolong info ITAS untuk tahun 2019 lalu"],
)  # fmt: skip
def test_a_request_split_only_at_a_word_that_moves_on(pipeline, text):
    assert pipeline.answer(text).status == "no_data"


@pytest.mark.parametrize(
    ("turns", "metric"),
    [(["6,433 is the KITAS number right? what's the KITAP one then"], "itap"),
     (["what is the ITAS one?"], "itas"),
     (["ITAS berapa?", "what's the ITK one?"], "itk")],
)  # fmt: skip
def test_a_word_standing_in_for_the_figure_asks_the_figure(last_reply, value_of, turns, metric):
    reply = last_reply(turns)
    assert number(value_of(metric), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize("text", ["what is ITAS?", "apa itu ITAP?", "what is the ITK permit?"])
def test_a_name_alone_after_what_is_is_defined(pipeline, text):
    assert pipeline.answer(text).intent == "define"


@pytest.mark.parametrize(
    ("turns", "codes"),
    [(["brp WNA Korsel", "Jepang", "China", "India", "Taiwan", "dijumlah semua berapa?"],
      "KR JP CN IN TW"),
     (["brp WNA Korsel", "Jepang", "China", "India", "Taiwan dijumlah semua berapa?"],
      "KR JP CN IN TW"),
     (["Korea?", "Japan?", "and China, all added up?"], "KR JP CN"),
     (["brp WNA Korsel", "Jepang", "China", "India",
       "Taiwan — dijumlah semua pas ga sama total WNA aktif?"], "KR JP CN IN TW"),
     (["Korea?", "India?", "Japan?", "Taiwan?", "China?", "add them all up"],
      "KR IN JP TW CN")],
)  # fmt: skip
def test_all_added_up_is_every_country_the_chat_named(last_reply, value_of, turns, codes):
    reply = last_reply(turns)
    assert reply.intent == "sum", reply.text
    assert number(sum(value_of(WNA, c) for c in codes.split()), reply.lang) in reply.text
    assert sorted(f["country"] for f in reply.facts) == sorted(codes.split()), reply.text


@pytest.mark.parametrize(
    ("turns", "codes"),
    [(["top 3 nationalities?", "sort them ascending"], "CN JP KR"),
     (["top 3", "urutkan mereka dari yang terkecil"], "CN JP KR"),
     (["Korea, Japan and China sorted ascending"], "CN JP KR"),
     (["Korea, Jepang dan China, urutkan dari kecil ke besar"], "CN JP KR")],
)  # fmt: skip
def test_sorting_the_countries_shown_sorts_those_smallest_first(last_reply, turns, codes):
    reply = last_reply(turns)
    assert [f["country"] for f in reply.facts] == codes.split(), reply.text


@pytest.mark.parametrize(
    ("turns", "place"),
    [(["top 5 countries of foreigners pls", "sort them from smallest to largest",
       "which one is in the middle"], 2),
     (["top 3", "which one is in the middle?"], 1), (["top 5", "yang tengah siapa?"], 2)],
)  # fmt: skip
def test_the_middle_is_the_middle_of_the_list_shown(last_reply, ranked, turns, place):
    reply = last_reply(turns)
    assert [f["country"] for f in reply.facts] == [ranked[place].country], reply.text


@pytest.mark.parametrize(
    ("text", "metric", "country"),
    [("izin tggl ttp brp?", "itap", None), ("brp izn tnggl ttp", "itap", None),
     ("brp izin tggl tbts?", "itas", None), ("izin tinggal kunjngn 2020", "itk", None),
     ("how many limited stay prmt in 2020", "itas", None),
     ("prmnnt stay permit?", "itap", None), ("org jpng brp", WNA, "JP")],
)  # fmt: skip
def test_a_name_typed_without_its_vowels_is_read(pipeline, value_of, text, metric, country):
    reply = pipeline.answer(text)
    assert reply.status == "answered", reply.text
    assert [(f["metric"], f["country"]) for f in reply.facts] == [(metric, country)], reply.text
    assert number(value_of(metric, country), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("typed", "word", "fits"),
    [("ttp", "tetap", True), ("tggl", "tinggal", True), ("jpg", "jepang", False),
     ("izn", "izin", True), ("tgl", "tinggal", False), ("jpng", "japan", False),
     ("tp", "tetap", False)],
)  # fmt: skip
def test_a_shortening_keeps_the_consonants_in_order(typed, word, fits):
    assert (is_shortened(typed) and shortens(typed, word)) is fits


@pytest.mark.parametrize(
    ("turns", "codes", "intent"),
    [(["How many Koreans?", "And Japanese?", "the first as a % of the second"], "KR JP",
      "share"),
     (["Korea?", "Jepang?", "selisih yang pertama dan yang kedua?"], "KR JP", "difference"),
     (["top 5", "the first as a % of the second"], "KR JP", "share"),
     (["Korea?", "Japan?", "the last one?"], "JP", "value")],
)  # fmt: skip
def test_places_among_the_countries_named_one_by_one(last_reply, turns, codes, intent):
    reply = last_reply(turns)
    assert reply.intent == intent, reply.text
    assert [f["country"] for f in reply.facts] == codes.split(), reply.text


@pytest.mark.parametrize(
    ("text", "metric", "country"),
    [("taiwn brp", WNA, "TW"), ("jpng brp", WNA, "JP"), ("how many koreaa?", WNA, "KR")],
)  # fmt: skip
def test_a_name_read_through_a_slip_is_no_unknown_word(pipeline, value_of, text, metric, country):
    reply = pipeline.answer(text)
    assert reply.status == "answered", reply.text
    assert number(value_of(metric, country), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    ["berapa WNA aktif di Bekasi dan dari berapa negara?",
     "how many foreigners and from how many countries?",
     "jumlah WNA aktif berapa, dan dari berapa negara asalnya?"],
)  # fmt: skip
def test_a_count_of_countries_after_and_is_a_question_of_its_own(pipeline, value_of, text):
    reply = pipeline.answer(text)
    assert number(value_of(WNA), reply.lang) in reply.text, reply.text
    assert all(number(value_of(WNA, c), reply.lang) in reply.text for c in ("KR", "TW"))


@pytest.mark.parametrize(
    ("turns", "metric", "unit"),
    [(["how many ITAP?", "per month?"], "itap", 12),
     (["ITK per month?", "and per week?"], "itk", 366 / 7),
     (["ITAS berapa", "sebulan?"], "itas", 12),
     (["deportasi berapa", "kalau per bulan berapa?"], "deportation", 12)],
)  # fmt: skip
def test_a_rate_alone_after_a_figure_asks_its_mean(last_reply, value_of, turns, metric, unit):
    reply = last_reply(turns)
    assert reply.intent == "average", reply.text
    assert decimal(value_of(metric) / unit, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "turns", [["ITAS per bulan"], ["WNA berapa", "per bulan?"], ["per month?"]]
)
def test_a_rate_of_no_yearly_count_has_no_mean(last_reply, turns):
    assert last_reply(turns).status in ("no_data", "fallback")


@pytest.mark.parametrize(
    ("text", "part", "members"),
    [("itas brp persen dari total izin?", "itas", ("itk", "itas", "itap")),
     ("what % of total permits is ITK?", "itk", ("itk", "itas", "itap")),
     ("persen deportasi dari total penindakan?", "deportation", ("deportation", "pro_justitia"))],
)  # fmt: skip
def test_a_whole_named_by_the_first_word_of_its_group(pipeline, value_of, text, part, members):
    reply = pipeline.answer(text)
    whole = sum(value_of(m) for m in members)
    assert reply.intent == "share", reply.text
    assert percent(100 * value_of(part) / whole, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "status"),
    [('from the news: "Passport issuance in Bekasi plunged during the pandemic" — by how '
      "much exactly?", "no_data"),
     ("penerbitan paspor anjlok berapa?", "no_data"),
     ("paspor turun berapa persen?", "no_data"),
     ("kenapa penerbitan paspor turun?", "answered"),
     ("why passport numbers go down in 2020", "answered")],
)  # fmt: skip
def test_a_count_the_release_never_gives_is_no_data_with_what_it_says(pipeline, text, status):
    reply = pipeline.answer(text)
    assert reply.status == status, reply.text
    assert any(w in reply.text for w in ("turun", "fell")), reply.text


@pytest.mark.parametrize(
    "text",
    ["berapa orang kena pro justitia and why", "how many were prosecuted pro justitia, and why?",
     "pro justitia berapa orang, kenapa?"],
)  # fmt: skip
def test_why_beside_a_figure_adds_the_statements_about_it(pipeline, value_of, text):
    reply = pipeline.answer(text)
    assert number(value_of("pro_justitia"), reply.lang) in reply.text, reply.text
    assert "Pasal 71" in reply.text or "Article 71" in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "status"),
    [("what awards did they win this year period", "answered"),
     ("penghargaan tahun ini apa saja?", "answered"),
     ("siapa kepala kantor tahun ini?", "answered"),
     ("what awards did they win in 2019?", "no_data"),
     ("how many ITAS this year", "no_data")],
)  # fmt: skip
def test_this_year_without_its_release_gives_the_newest_statement_said_so(pipeline, text, status):
    reply = pipeline.answer(text)
    assert reply.status == status, reply.text
    if status == "answered":
        assert "2020" in reply.text.splitlines()[0], reply.text


@pytest.mark.parametrize(
    ("text", "side", "others"),
    [("selisih jumlah WNA aktif dengan total izin tinggal berapa?", WNA, ("itk", "itas", "itap")),
     ("what's the difference between the number of active foreigners and the total stay "
      "permits (ITK+ITAS+ITAP) issued?", WNA, ("itk", "itas", "itap")),
     ("selisih WNA dan ITAS", WNA, ("itas",)),
     ("difference between foreign residents and ITAS", WNA, ("itas",))],
)  # fmt: skip
def test_a_gap_between_figures_counted_differently_is_given_with_a_note(
    pipeline, value_of, text, side, others
):
    reply = pipeline.answer(text)
    gap = value_of(side) - sum(value_of(m) for m in others)
    assert reply.status == "answered", reply.text
    assert number(gap, reply.lang) in reply.text, reply.text
    assert "Catatan: angka-angka ini dihitung dengan cara berbeda" in reply.text or (
        "Note: these figures are counted differently" in reply.text
    ), reply.text


def test_a_gap_between_figures_counted_alike_has_no_note(pipeline):
    reply = pipeline.answer("selisih ITAS dan ITK")
    assert "Catatan" not in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "metric", "country", "step"),
    [(["Korea Selatan berapa orang", "yang tadi berapa persen dari total",
       "kalau angka orangnya dibulatkan ke ratusan?"], WNA, "KR", 100),
     (["ITAS rounded to the nearest thousand?"], "itas", None, 1000),
     (["berapa ITK dibulatkan ke ribuan"], "itk", None, 1000),
     (["how many Japanese?", "rounded to hundreds?"], WNA, "JP", 100)],
)  # fmt: skip
def test_a_figure_asked_rounded_is_rounded_and_said_computed(
    last_reply, value_of, turns, metric, country, step
):
    reply = last_reply(turns)
    value = value_of(metric, country)
    assert reply.intent == "rounded", reply.text
    assert number(int(value / step + 0.5) * step, reply.lang) in reply.text, reply.text
    assert number(value, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "codes"),
    [("how many foreigners, Korea out", "KR"), ("WNA with Korea left out?", "KR"),
     ("WNA selain Jepang, tidak termasuk Korea", "JP KR")],
)  # fmt: skip
def test_a_country_left_out_is_taken_from_the_whole(pipeline, value_of, text, codes):
    reply = pipeline.answer(text)
    rest = value_of(WNA) - sum(value_of(WNA, c) for c in codes.split())
    assert number(rest, reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "part", "whole"),
    [(["Share of ITAS out of ITK+ITAS+ITAP combined, one decimal please"], "itas",
      ("itk", "itas", "itap")),
     (["itap brp?", "itu berapa persen dari itas?"], "itap", ("itas",)),
     (["ITAP as a % of ITAS"], "itap", ("itas",))],
)  # fmt: skip
def test_out_of_names_a_whole_and_a_sibling_whole_is_no_part(
    last_reply, value_of, turns, part, whole
):
    reply = last_reply(turns)
    share = 100 * value_of(part) / sum(value_of(m) for m in whole)
    assert reply.intent == "share", reply.text
    assert percent(share, reply.lang) in reply.text, reply.text


def test_a_refusal_names_the_whole_it_speaks_of(pipeline):
    reply = pipeline.answer("persen dari total izin tinggal selain ITAS?")
    assert " — " not in reply.text and "izin tinggal" in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [["top 5", "what's the last figure for foreigners?"],
     ["top 5", "the last count of foreigners?"],
     ["top 5", "berapa jumlah WNA yang terakhir?"],
     ["top 5", "angka yang terakhir untuk WNA berapa?"],
     ["top 5", "foreigners for the last two releases combined?"],
     ["top 5", "WNA in the last 2 years?"]],
)  # fmt: skip
def test_the_latest_figure_is_no_place_in_the_list_shown(last_reply, value_of, turns):
    reply = last_reply(turns)
    assert [f["country"] for f in reply.facts] == [None], reply.text
    assert number(value_of(WNA), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "codes"),
    [(["top 5", "second last"], "IN"), (["top 5", "kedua terakhir"], "IN"),
     (["Korea", "Japan", "China", "the first two combined?"], "KR JP"),
     (["top 5", "jumlah dua yang pertama"], "KR JP")],
)  # fmt: skip
def test_places_counted_next_to_last_or_from_the_start(last_reply, turns, codes):
    reply = last_reply(turns)
    assert sorted(f["country"] for f in reply.facts) == sorted(codes.split()), reply.text


@pytest.mark.parametrize(
    "turns",
    [["Korea?", "Japan?", "inovasi apa saja", "yang terakhir apa?"],
     ["Korea?", "Japan?", "penghargaan apa saja", "the last one?"]],
)  # fmt: skip
def test_the_last_of_a_statement_is_no_country_named_before(last_reply, turns):
    assert not [f for f in last_reply(turns).facts if f["country"]]


@pytest.mark.parametrize(
    "text",
    ["Korea berapa persen dari Asia Timur (Korea, Jepang, China, Taiwan)",
     "what share of East Asians (Korea, Japan, China, Taiwan) are Japanese",
     "Taiwan as a % of the East Asian countries (Korea, Japan, China, Taiwan)"],
)  # fmt: skip
def test_a_country_asked_apart_from_its_region_is_no_group(pipeline, value_of, text):
    together = sum(value_of(WNA, c) for c in ("KR", "JP", "CN", "TW"))
    reply = pipeline.answer(text)
    assert number(together, reply.lang) not in reply.text.split("=")[0], reply.text


@pytest.mark.parametrize(
    ("text", "shortened"),
    [("top 3 | yg di tgh brp", "tgh"), ("WNA brp jng sampai salah", "jng"),
     ("jns WNA", "jns"), ("ITAS amt?", "amt")],
)  # fmt: skip
def test_three_letter_shorthand_drops_no_more_than_vowels(last_reply, text, shortened):
    reply = last_reply(text.split(" | "))
    assert not [f for f in reply.facts if f["country"]], (shortened, reply.text)


@pytest.mark.parametrize(
    ("turns", "terms"),
    [(["ITAS", "ITK", "ITAP, all added up?"], ("itas", "itk", "itap")),
     (["ITAS", "ITK", "ITAP", "SKIM", "dijumlah semua?"], ("itas", "itk", "itap", "skim")),
     (["ITK", "ITAS plus ITAP, ditambah yang tadi"], ("itk", "itas", "itap"))],
)  # fmt: skip
def test_every_figure_named_is_added_up(last_reply, value_of, turns, terms):
    reply = last_reply(turns)
    assert number(sum(value_of(m) for m in terms), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "value"),
    [("ITAS rounded to the nearest 500", lambda v: int(v / 500 + 0.5) * 500),
     ("ITAS rounded to the nearest ten thousand", lambda v: int(v / 10000 + 0.5) * 10000),
     ("ITAS dibulatkan ke puluhan ribu", lambda v: int(v / 10000 + 0.5) * 10000),
     ("ITAS rounded up to the nearest thousand", lambda v: -(-v // 1000) * 1000),
     ("ITAS dibulatkan ke bawah ke ratusan", lambda v: v // 100 * 100)],
)  # fmt: skip
def test_rounding_takes_the_step_and_the_way_said(pipeline, value_of, text, value):
    reply = pipeline.answer(text)
    assert number(value(value_of("itas")), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [["How many ITAS all year round?"], ["how many deportations in the first round?"],
     ["ITAS kali 2", "dibulatkan ke ribuan?"], ["berapa persen WNA Korea", "rounded?"],
     ["SKIM dibulatkan"], ["pro justitia dibulatkan ke puluhan"]],
)  # fmt: skip
def test_no_rounding_of_a_computed_figure_or_down_to_nothing(last_reply, turns):
    reply = last_reply(turns)
    assert reply.intent != "rounded" or "0 orang" not in reply.text, reply.text
    assert "rounded to" not in reply.text and "dibulatkan ke kelipatan" not in reply.text


def test_a_gap_in_percent_between_figures_counted_differently_is_refused(pipeline):
    assert pipeline.answer("selisih WNA dan ITAS dalam persen").status == "no_data"


def test_plus_minus_is_no_english_word(pipeline):
    assert pipeline.answer("ITAS plus-minus").lang == "id"


@pytest.mark.parametrize(
    "text",
    ["For 2020, how many foreigners did Kanim Bekasi deport, and separately how many did it "
     "prosecute? Please don't combine them.",
     "berapa WNA yang dideportasi, dan terpisah berapa yang diproses pidana?"],
)  # fmt: skip
def test_two_figures_asked_separately_are_both_given_apart(pipeline, value_of, text):
    reply = pipeline.answer(text)
    for metric in ("deportation", "pro_justitia"):
        assert number(value_of(metric), reply.lang) in reply.text, reply.text
    both = value_of("deportation") + value_of("pro_justitia")
    assert number(both, reply.lang) not in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "metrics"),
    [("ITK 2020 brp? oh iya sekalian affidavit", ("itk", "affidavit")),
     ("berapa ITAS? eh sekalian SKIM juga", ("itas", "skim"))],
)  # fmt: skip
def test_a_short_clause_adding_a_figure_asks_it_too(pipeline, value_of, text, metrics):
    reply = pipeline.answer(text)
    for metric in metrics:
        assert number(value_of(metric), reply.lang) in reply.text, reply.text


def test_a_remark_with_also_about_a_country_asks_nothing(pipeline, value_of):
    reply = pipeline.answer("wkwk ternyata byk jg org jepang, kl korea brp?")
    assert [f["country"] for f in reply.facts] == ["KR"], reply.text


@pytest.mark.parametrize(
    "text",
    ["ITAS rounded to 2 decimals", "ITAS rounded to the nearest 2 thousand",
     "ITAS rounded to the nearest million", "ITAS? | round it to 2", "Korea rounded to 3 digits",
     "ITAS? | rounded to half a thousand"],
)  # fmt: skip
def test_a_step_not_read_is_never_guessed(last_reply, text):
    reply = last_reply(text.split(" | "))
    assert reply.intent != "rounded", reply.text


@pytest.mark.parametrize(
    ("text", "rounded"),
    [("ITAS dibulatkan ke 50 terdekat", lambda v: int(v / 50 + 0.5) * 50),
     ("ITAS dibulatkan ke sepuluh ribuan", lambda v: int(v / 10000 + 0.5) * 10000)],
)  # fmt: skip
def test_a_step_said_with_its_number_is_read(pipeline, value_of, text, rounded):
    reply = pipeline.answer(text)
    assert number(rounded(value_of("itas")), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "words"),
    [("ITAS rounded up to the nearest thousand", "rounded up"),
     ("ITK dibulatkan ke bawah ke ribuan", "ke bawah")],
)  # fmt: skip
def test_rounding_up_or_down_is_said_so_not_nearest(pipeline, text, words):
    reply = pipeline.answer(text)
    assert words in reply.text and "nearest" not in reply.text, reply.text
    assert "terdekat" not in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "status"),
    [(["itas 2020 brp", "kalo yg khusus wna korea aja?"], "no_data"),
     (["deportasi?", "specifically the Koreans?"], "no_data"),
     (["berapa WNA", "kalo yg khusus korea aja?"], "answered"),
     (["ITAS?", "kalau WNA Korea?"], "answered")],
)  # fmt: skip
def test_specifically_narrows_the_figure_asked_before(last_reply, turns, status):
    assert last_reply(turns).status == status
