"""The words of the admin's release flow: fact lines, shortened quotes, fact numbers typed
after /hapus, and every text in both languages."""

from __future__ import annotations

import re
import string

import pytest

from bot.facts.ingest.proposal import ProposedFact
from bot.telegram.admin_texts import TEXTS
from bot.telegram.preview_text import Names, fact_line, parse_numbers, shorten

TABLES = {
    "metrics": [{"id": "itas", "abbr": "ITAS", "name_id": "Izin Tinggal Terbatas"}],
    "offices": [{"id": "bekasi", "short_id": "Kantor Imigrasi Bekasi", "short_en": "Bekasi"}],
}


def fact(**changes) -> ProposedFact:
    quote = "Izin Tinggal Terbatas (ITAS) naik menjadi 7.102 orang"
    values = dict(office="bekasi", metric="itas", country=None, period="2021", value=7102)
    values |= dict(written="7.102", quote=quote, confidence=0.9, start=0, end=0)
    return ProposedFact(**(values | changes))


class Release:
    def __init__(self):
        self.source, self.offices = {"office": "bekasi"}, []


def test_a_fact_line_names_metric_country_period_value_and_quote():
    names = Names(TABLES, Release())
    line = fact_line(3, fact(), "id", names)
    assert (
        line == "3. ITAS · 2021 · 7.102 — “Izin Tinggal Terbatas (ITAS) naik menjadi 7.102 orang”"
    )
    line = fact_line(4, fact(country="KR", confidence=0.5), "en", names, dropped=True)
    assert line.startswith("✗ 4. ITAS · South Korea · 2021 · 7,102 (?) — ")
    assert line.endswith("(removed)")
    other = fact_line(5, fact(office="depok", conflict="two values in one text: 7102, 7201"), "en",
                      names)  # fmt: skip
    assert "· depok ·" in other and other.endswith(
        "\n   ⚠ conflict: two values in one text: 7102, 7201"
    )


def test_a_long_quote_is_cut_around_its_figure_at_word_ends():
    quote = " ".join(f"kata{i}" for i in range(40)) + " sebanyak 6.433 orang " + "lagi " * 40
    short = shorten(quote, "6.433", width=60)
    assert "sebanyak 6.433 orang" in short and short.startswith("…") and short.endswith("…")
    words = short.strip("…").split()
    assert len(short) <= 62 and words[0].startswith("kata") and words[-1] == "lagi"
    assert shorten("pendek 12", "12") == "pendek 12"
    assert shorten("a  b\n c") == "a b c"


@pytest.mark.parametrize(
    ("typed", "numbers"),
    [("3 5", [3, 5]), ("3,5", [3, 5]), ("3-5 9", [3, 4, 5, 9]), ("", []), ("tiga", None),
     ("3 x", None), ("-1", None)],
)  # fmt: skip
def test_fact_numbers_typed_after_hapus(typed, numbers):
    assert parse_numbers(typed) == numbers


def test_every_text_has_both_languages_with_the_same_fields():
    fields = string.Formatter()
    for key, (indonesian, english) in TEXTS.items():
        names = [{f for _, f, _, _ in fields.parse(text) if f} for text in (indonesian, english)]
        assert names[0] == names[1], key
        assert indonesian != english or re.fullmatch(r"\W*", indonesian), key
