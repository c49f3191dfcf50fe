"""What a figure's own clause says it counts: its predicate, "others", a verb left out."""

from __future__ import annotations

import pytest

from bot.facts.ingest import propose

HEAD = "Kinerja 2023\n\nKantor Imigrasi Kelas I Bogor memaparkan kinerja tahun 2023.\n\n"


def facts_of(text, vocab):
    proposal = propose(HEAD + text, vocab)
    return {(f.office, f.metric, f.value) for f in proposal.facts}, proposal


@pytest.mark.parametrize(
    "text",
    [
        "Selain deportasi, dua orang WNA diproses secara pro justitia.",
        "Besides deportations, 2 foreigners were prosecuted.",
    ],
)
def test_a_metric_after_an_exclusion_word_is_not_what_the_figure_counts(ingest_vocab, text):
    found, _ = facts_of(text, ingest_vocab)
    assert found == {("bogor", "pro_justitia", 2)}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Untuk deportasi, sebanyak 30 WNA pemegang ITAS.", "deportation before it"),
        ("Untuk ITAS, sebanyak 30 WNA pemegang ITAP dideportasi.", "itas before it"),
    ],
)
def test_a_metric_of_an_earlier_clause_and_another_of_its_own_leave_it_unread(
    ingest_vocab, text, reason
):
    found, proposal = facts_of(text, ingest_vocab)
    assert not found
    assert any(reason in s.reason for s in proposal.skipped)


@pytest.mark.parametrize(
    "text",
    ["Pendeportasian (sebanyak 87 WNA) dilakukan tahun ini.", "Deportasi: 87 WNA dideportasi."],
)
def test_a_metric_before_the_number_still_counts_it(ingest_vocab, text):
    found, _ = facts_of(text, ingest_vocab)
    assert found == {("bogor", "deportation", 87)}


@pytest.mark.parametrize(
    "text",
    [
        "Forty foreigners were deported, while two others were prosecuted.",
        "Sebanyak 40 WNA dideportasi, sedangkan 2 WNA lainnya diproses pro justitia.",
    ],
)
def test_others_with_a_predicate_of_their_own_count_it(ingest_vocab, text):
    found, _ = facts_of(text, ingest_vocab)
    assert found == {("bogor", "deportation", 40), ("bogor", "pro_justitia", 2)}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Forty foreigners were deported, and 27 others were deported too.", "rest of that"),
        ("Sebanyak 40 WNA dideportasi, dan 27 WNA lainnya.", "names no metric"),
        ("The remaining 27 foreigners were deported.", "besides whom"),
        ("Sebanyak 40 WNA dideportasi. Sisanya sebanyak 27 orang dideportasi.", "rest of that"),
    ],
)
def test_others_that_may_be_the_rest_of_a_count_are_skipped(ingest_vocab, text, reason):
    found, proposal = facts_of(text, ingest_vocab)
    assert not any(value == 27 for _, _, value in found)
    assert any(s.written == "27" and reason in s.reason for s in proposal.skipped)


@pytest.mark.parametrize(
    "text",
    [
        "Kanim Bogor mendeportasi 58 WNA dan Kanim Depok 17 WNA.",
        "Kanim Bogor deported 58 foreigners and Kanim Depok 17.",
        "Kanim Bogor mendeportasi 58 WNA, Kanim Depok 17 WNA dan Kanim Bekasi 20 WNA.",
    ],
)
def test_a_figure_whose_verb_is_left_out_counts_what_the_one_before_counts(ingest_vocab, text):
    found, _ = facts_of(text, ingest_vocab)
    third = {("bekasi", "deportation", 20)} if "Bekasi" in text else set()
    assert found == {("bogor", "deportation", 58), ("depok", "deportation", 17), *third}


@pytest.mark.parametrize(
    "text",
    [
        "Kanim Bogor mendeportasi 58 WNA dan Kanim Depok 17 perkara.",
        "Kanim Bogor mendeportasi 58 WNA dan Kanim Depok 17 WNA pada 2022.",
        "Kanim Bogor mendeportasi 58 WNA asal Tiongkok dan Kanim Depok 17 WNA.",
        "Kanim Bogor mendeportasi 58 WNA dan tahun lalu 17 WNA.",
        "Kanim Bogor mendeportasi 58 WNA dan Kanim Bogor 17 WNA.",
        "Petugas mendeportasi 58 WNA dan Kanim Depok 17 WNA.",
        "Kanim Bogor mendeportasi 39 WNA dibanding 2022 sebanyak 58 WNA dan Kanim Depok 17 WNA.",
    ],
)
def test_a_gap_that_is_not_only_another_office_reads_nothing(ingest_vocab, text):
    found, _ = facts_of(text, ingest_vocab)
    assert not any(value == 17 for _, _, value in found)
