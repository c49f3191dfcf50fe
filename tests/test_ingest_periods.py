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
