"""Period expressions and the release's period."""

from __future__ import annotations

import pytest

from bot.facts.ingest.document import analyse
from bot.facts.ingest.numbers import find_numbers
from bot.facts.ingest.periods import find_cues, format_period
from bot.facts.ingest.tokens import tokenize


@pytest.mark.parametrize(
    ("args", "written"),
    [
        ((2021,), "2021"),
        ((2024, 1, 6), "2024-H1"),
        ((2024, 7, 12), "2024-H2"),
        ((2024, 1, 3), "2024-Q1"),
        ((2024, 10, 12), "2024-Q4"),
        ((2024, 3, 3), "2024-03"),
        ((2023, 1, 9), "2023-01..09"),
    ],
)
def test_format_period(args, written):
    assert format_period(*args) == written


def cue_periods(text, vocab, release="2024"):
    tokens = tokenize(text)
    cues = find_cues(tokens, find_numbers(text, vocab, tokens), vocab)
    return [c.period(release) for c in cues]


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("sepanjang tahun 2021", ["2021"]),
        ("periode Januari hingga Juni 2024", ["2024-H1"]),
        ("Januari–September 2023", ["2023-01..09"]),
        ("January to March 2024", ["2024-Q1"]),
        ("Semester I 2024", ["2024-H1"]),
        ("semester pertama tahun ini", ["2024-H1"]),
        ("triwulan I 2024", ["2024-Q1"]),
        ("kuartal ketiga 2023", ["2023-Q3"]),
        ("the second quarter of 2023", ["2023-Q2"]),
        ("first half of 2022", ["2022-H1"]),
        ("Bulan Juni 2024 saja", ["2024-06"]),
        ("per akhir Desember 2024", ["2024"]),
        ("per 30 Juni 2024", ["2024"]),
        ("dibanding tahun sebelumnya", ["2023"]),
        ("Senin (10/1/2022)", []),
        ("Pasal 75 UU RI No 6 Tahun 2011", []),
        ("periode Januari s.d. September 2023", ["2023-01..09"]),
        ("Januari s/d September 2023", ["2023-01..09"]),
        ("Juli 2023 hingga Desember 2023", ["2023-H2"]),
        ("kuartal III/2023", ["2023-Q3"]),
        ("selama sembilan bulan pertama 2023", ["2023-01..09"]),
        ("in the first nine months of 2023", ["2023-01..09"]),
        ("the first 6 months of 2024", ["2024-H1"]),
        ("dalam 3 bulan terakhir 2023", ["2023"]),
        ("selama 9 hari pertama 2023", ["2023"]),
    ],
)
def test_period_expressions(ingest_vocab, text, periods):
    assert cue_periods(text, ingest_vocab) == periods


def test_a_comparison_dates_only_the_figure_after_it(ingest_vocab):
    text = "ITAS naik menjadi 7.102 orang dibanding tahun 2020 sebanyak 6.433 orang."
    tokens = tokenize(text)
    cues = find_cues(tokens, find_numbers(text, ingest_vocab, tokens), ingest_vocab)
    assert [(c.year, c.compare) for c in cues] == [(2020, True)]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "Kinerja 2023\n\nKanim Bogor memaparkan kinerja tahun 2023, Senin (8/1/2024).",
            "2023",
        ),
        (
            "Semester I 2024\n\nKantor Imigrasi Depok merilis kinerja Januari hingga Juni 2024.",
            "2024-H1",
        ),
        (
            "Laporan\n\nKantor Imigrasi Depok merilis kinerja Januari hingga September 2023.",
            "2023-01..09",
        ),
        ("Throughout 2022\n\nThe office recorded a rebound in 2022 (5/1/2023).", "2022"),
    ],
)
def test_release_period(ingest_vocab, text, period):
    assert analyse(text, ingest_vocab).period == period


def test_the_period_given_replaces_the_detected_one(ingest_vocab):
    text = "Kinerja 2023\n\nKantor Imigrasi Bogor memaparkan kinerja tahun 2023."
    assert analyse(text, ingest_vocab, period="2023-H2").period == "2023-H2"


def dated(text, vocab):
    from bot.facts.ingest import propose

    head = "Kinerja 2023\n\nKantor Imigrasi Kelas I Bogor memaparkan kinerja tahun 2023.\n\n"
    return {(f.metric, f.period, f.value) for f in propose(head + text, vocab).facts}


def test_a_period_right_after_a_figure_dates_it_and_no_later_one(ingest_vocab):
    text = "Officers deported 64 foreigners, up from 51 in 2022, and brought 3 cases to court."
    assert dated(text, ingest_vocab) == {
        ("deportation", "2023", 64),
        ("deportation", "2022", 51),
        ("pro_justitia", "2023", 3),
    }


def test_a_period_right_after_a_figure_comes_before_an_earlier_one(ingest_vocab):
    text = "Pada 2023 kami menerbitkan 500 paspor pada semester I dan 600 paspor pada semester II."
    assert dated(text, ingest_vocab) == {
        ("passports", "2023-H1", 500),
        ("passports", "2023-H2", 600),
    }


def test_a_compared_period_still_dates_the_figure_after_it(ingest_vocab):
    text = "ITAS naik menjadi 7.102 orang dibanding tahun 2022 sebanyak 6.433 orang."
    assert dated(text, ingest_vocab) == {("itas", "2023", 7102), ("itas", "2022", 6433)}


def cues_of(text, vocab):
    tokens = tokenize(text)
    return find_cues(tokens, find_numbers(text, vocab, tokens), vocab)


def test_two_months_joined_by_and_are_unsure_unless_a_word_says_between(ingest_vocab):
    assert [(c.months, c.unsure) for c in cues_of("pada Januari dan Juni 2024", ingest_vocab)] == [
        ((1, 6), True)
    ]
    assert [
        (c.months, c.unsure) for c in cues_of("antara Januari dan Juni 2024", ingest_vocab)
    ] == [((1, 6), False)]
    found = dated(
        "Paspor yang terbit pada Januari dan Juni 2023 sebanyak 500 paspor.", ingest_vocab
    )
    assert not found


def test_a_month_without_a_year_is_the_releases_before_a_figure_unsure_after(ingest_vocab):
    text = "In September alone, 7,412 passports were issued."
    assert dated(text, ingest_vocab) == {("passports", "2023-09", 7412)}
    assert not dated("Three Turks were deported in December after a brawl.", ingest_vocab)
    assert [c.months for c in cues_of("the office may issue more", ingest_vocab)] == []


def test_a_figure_compared_with_one_named_before_it_needs_its_own_period(ingest_vocab):
    text = "A total of 27 foreigners were deported, compared with 19 in the same period last year."
    assert dated(text, ingest_vocab) == {("deportation", "2023", 27)}


def test_a_lead_with_s_d_gives_the_release_its_months(ingest_vocab):
    text = (
        "Kinerja Imigrasi Bogor\n\nKantor Imigrasi Kelas I Bogor memaparkan kinerja periode "
        "Januari s.d. September 2023. Kami menerbitkan 500 paspor."
    )
    doc = analyse(text, ingest_vocab)
    assert doc.period == "2023-01..09"
    assert len([s for s in doc.sentences if s.paragraph == 1]) == 2
