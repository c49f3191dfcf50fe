"""The number reader: every writing style, in both languages, and what is never a figure."""

from __future__ import annotations

import pytest

from bot.facts.ingest.numbers import find_numbers, parse_digits


def only(text, vocab):
    found = find_numbers(text, vocab)
    assert len(found) == 1, [(m.written, m.kind) for m in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("ITK sebanyak 6.168 orang", "6.168", 6168),
        ("1,503 limited stay permits", "1,503", 1503),
        ("sebanyak 6168 orang", "6168", 6168),
        ("paspor yang diterbitkan sebanyak112.345 paspor", "112.345", 112345),
        ("tercatat sebanyak1.245.845 orang", "1.245.845", 1245845),
        ("processed 2,463,815 arrivals", "2,463,815", 2463815),
        ("sebanyak 58 orang", "58", 58),
        ("(3.012 orang)", "3.012", 3012),
        ("rincian 2215, China", "2215", 2215),
    ],
)
def test_counts_in_digits(ingest_vocab, text, written, value):
    m = only(text, ingest_vocab)
    assert (m.written, m.value, m.kind, m.is_figure) == (written, value, "count", True)
    assert text[m.start : m.end] == written


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("mendeportasi dua puluh tiga WNA", "dua puluh tiga", 23),
        ("sebanyak sembilan orang WNA", "sembilan", 9),
        ("three Turks were deported", "three", 3),
        ("nine people were prosecuted", "nine", 9),
        ("twenty-three foreigners", "twenty-three", 23),
        ("seratus dua puluh lima orang", "seratus dua puluh lima", 125),
        ("dua ratus lima puluh orang", "dua ratus lima puluh", 250),
        ("sebelas orang", "sebelas", 11),
        ("tujuh belas perkara", "tujuh belas", 17),
        ("two hundred fifty people", "two hundred fifty", 250),
    ],
)
def test_counts_in_words(ingest_vocab, text, written, value):
    m = only(text, ingest_vocab)
    assert (m.written, m.value, m.kind, m.words) == (written, value, "count", True)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("naik 13,01 persen", "measure"),
        ("sebanyak 70,35% pemohon", "percent"),
        ("turun 4,5%", "percent"),
        ("up more than 280 percent", "measure"),
        ("dipangkas menjadi 2,5 hari kerja", "measure"),
        ("tetap 4 hari kerja", "measure"),
        ("within 30 days of arrival", "measure"),
        ("a 24-page report", "measure"),
        ("dalam enam bulan terakhir", "measure"),
        ("after two years of pandemic", "measure"),
        ("naik hampir tiga kali lipat", "measure"),
        ("Senin (10/1/2022)", "date"),
        ("on Thursday (5/1/2023)", "date"),
        ("per 30 Juni 2024", "date"),
        ("Pasal 75", "label"),
        ("Jalan Warung Buncit Raya No. 207", "label"),
        ("ayat (2)", "label"),
        ("pandemi Covid-19", "code"),
        ("KTT G20", "code"),
        ("visa B211A", "code"),
        ("dinyatakan lengkap (P21)", "code"),
        ("sepanjang 2021", "year"),
        ("sebanyak 2 kali dalam sebulan", "frequency"),
        ("sekitar 6 ribu", "rounded"),
        ("mencapai Rp 45,7 miliar", "rounded"),
        ("lebih dari 50 ribu paspor", "rounded"),
        ("telepon 021", "code"),
        ("dengan 5 Negara terbanyak antara lain", "rank"),
        ("masuk lima besar", "rank"),
        ("the five largest groups", "rank"),
        ("the top 5 countries", "rank"),
    ],
)
def test_never_a_figure(ingest_vocab, text, kind):
    found = find_numbers(text, ingest_vocab)
    assert found and all(not m.is_figure for m in found)
    assert found[0].kind == kind, [(m.written, m.kind) for m in found]


@pytest.mark.parametrize(
    "text", ["tertinggi 3.106 orang", "menerbitkan 96.412 paspor terbanyak", "terbanyak 41 dari"]
)
def test_a_figure_beside_a_leading_word_is_still_a_figure(ingest_vocab, text):
    assert only(text, ingest_vocab).is_figure


def test_a_law_article_and_its_year_are_labels(ingest_vocab):
    found = find_numbers("Pasal 75 UU RI No 6 Tahun 2011 tentang Keimigrasian", ingest_vocab)
    assert [m.written for m in found if m.kind == "year"] == []
    assert not any(m.is_figure for m in found)


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("sekitar 6 ribu", "sekitar"),
        ("lebih dari 1.500 orang", "lebih dari"),
        ("hampir 2 ribu pemohon", "hampir"),
        ("about 2,000 people", "about"),
        ("more than 1,500 foreigners", "more than"),
        ("up to 30,000 passengers", "up to"),
        ("kurang lebih 300 orang", "kurang lebih"),
    ],
)
def test_vague_amounts_are_marked(ingest_vocab, text, marker):
    m = only(text, ingest_vocab)
    assert m.vague == marker and not m.is_figure


@pytest.mark.parametrize("text", ["puluhan WNA", "ratusan WNA", "belasan WNA", "Dozens of others"])
def test_vague_words_are_no_number(ingest_vocab, text):
    assert find_numbers(text, ingest_vocab) == []


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("mencapai Rp 45.712.386.500.", 45712386500, "rupiah"),
        ("sebesar Rp. 38.904.120.000", 38904120000, "rupiah"),
        ("sebesar Rp31.506.250.000", 31506250000, "rupiah"),
        ("Rp 1.250.000.000,00", 1250000000, "rupiah"),
    ],
)
def test_money(ingest_vocab, text, value, currency):
    m = only(text, ingest_vocab)
    assert (m.kind, m.value, m.currency, m.is_figure) == ("money", value, currency, True)


def test_one_is_no_figure(ingest_vocab):
    assert find_numbers("salah satu WNA, one of the foreigners", ingest_vocab) == []


@pytest.mark.parametrize(
    ("written", "value"),
    [("6.433", 6433), ("6,433", 6433), ("1.245.845", 1245845), ("12", 12), ("13,01", None)],
)
def test_parse_digits(written, value):
    assert parse_digits(written)[0] == value
