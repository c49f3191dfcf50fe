"""A count of people who hold permits at a point in time is the people metric's stock."""

from __future__ import annotations

import pytest

from bot.facts.ingest import propose

HEAD = "Kinerja 2023\n\nKantor Imigrasi Kelas I Bogor memaparkan kinerja tahun 2023.\n\n"


def facts_of(text, vocab):
    proposal = propose(HEAD + text, vocab)
    return {(f.metric, f.value) for f in proposal.facts}, proposal


@pytest.mark.parametrize(
    "text",
    [
        "As of December 31, 2023, a total of 5,902 foreign nationals held residence permits.",
        "Jumlah WNA pemegang izin tinggal hingga akhir tahun tercatat 5.902 orang.",
        "Per 30 Juni 2023 tercatat 5.902 WNA pemegang izin tinggal di Bogor.",
    ],
)
def test_people_holding_permits_at_a_point_in_time_are_the_residents(ingest_vocab, text):
    found, proposal = facts_of(text, ingest_vocab)
    assert found == {("foreign_residents", 5902)}
    assert "5" in proposal.facts[0].quote and proposal.facts[0].quote in proposal.text


@pytest.mark.parametrize(
    "text",
    [
        # no point in time
        "Sepanjang 2023 sebanyak 5.902 WNA pemegang izin tinggal diperiksa.",
        # a span of months, not a point
        "Januari hingga Juni 2023 tercatat 5.902 WNA pemegang izin tinggal.",
        # a group one person may hold two of: actions, not permits
        "As of December 31, 2023, 5,902 foreign nationals faced immigration actions.",
        # holders of one permit metric count that permit ("WNA pemegang ITAS" is ITAS)
        "Per 30 Juni 2023 jumlah WNA pemegang ITAS tercatat 5.902 orang.",
        # permits held by people count permits
        "Per 30 Juni 2023 izin tinggal yang dipegang WNA tercatat 5.902.",
    ],
)
def test_otherwise_the_figure_is_not_the_residents(ingest_vocab, text):
    found, _ = facts_of(text, ingest_vocab)
    assert ("foreign_residents", 5902) not in found


def test_a_breakdown_after_the_figure_does_not_hide_the_holders(ingest_vocab):
    text = (
        "Jumlah WNA pemegang izin tinggal per 30 September 2023 tercatat 7.118 orang, "
        "terdiri atas pemegang ITAS 5.220 orang dan ITAP 840 orang."
    )
    found, _ = facts_of(text, ingest_vocab)
    assert found == {("foreign_residents", 7118), ("itas", 5220), ("itap", 840)}
