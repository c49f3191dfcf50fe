"""Metric names split around a number: a marker next to the name refines the metric
("permohonan paspor ditunda"), and a unit word names the metric of its family."""

from __future__ import annotations

import pytest

from bot.facts.ingest import propose
from bot.facts.ingest.families import same_stem

HEAD = "Kinerja 2023\n\nKantor Imigrasi Kelas I Bogor memaparkan kinerja tahun 2023.\n\n"


def facts_of(text, vocab):
    proposal = propose(HEAD + text, vocab)
    return {(f.metric, f.value) for f in proposal.facts}, proposal


@pytest.mark.parametrize(
    ("a", "b"),
    [("menunda", "penundaan"), ("ditunda", "penundaan"), ("postponing", "postponed"),
     ("postponements", "postponed"), ("menolak", "ditolak")],
)  # fmt: skip
def test_forms_of_one_word_share_a_stem(a, b):
    assert same_stem(a, b)


@pytest.mark.parametrize(
    ("a", "b"), [("tunda", "tuntut"), ("keluar", "keluarga"), ("masuk", "masak")]
)
def test_other_words_do_not(a, b):
    assert not same_stem(a, b)


def test_families_come_from_the_metric_names(ingest_vocab):
    families = ingest_vocab.families
    assert {"ditunda", "penundaan", "postponed"} <= families.markers["passport_postponed"]
    assert families.refines["passport_postponed"] == {"passports", "passport_applications"}
    assert families.base_of(families.units["permohonan"]) == "passport_applications"
    assert families.base_of(families.units["orang"]) is None


@pytest.mark.parametrize(
    "text",
    [
        "Sebanyak 1.027 permohonan paspor ditunda karena pemohon terindikasi PMI.",
        "Kami juga menunda penerbitan paspor terhadap 1.027 pemohon.",
        "Imigrasi melakukan penundaan penerbitan paspor terhadap 1.027 permohonan paspor.",
        "In addition, 1,027 passport applications were postponed.",
        "The office postponed 1,027 passport applications.",
    ],
)
def test_a_marker_next_to_the_name_refines_the_metric(ingest_vocab, text):
    found, proposal = facts_of(text, ingest_vocab)
    assert found == {("passport_postponed", 1027)}
    assert proposal.facts[0].quote in proposal.text


def test_a_marker_in_another_clause_refines_nothing(ingest_vocab):
    text = "Kami menerbitkan 5.000 paspor, sedangkan penundaan dilakukan terhadap 40 pemohon."
    found, _ = facts_of(text, ingest_vocab)
    assert ("passports", 5000) in found and ("passport_postponed", 5000) not in found


def test_a_marker_after_another_number_is_that_numbers(ingest_vocab):
    found, _ = facts_of("Dari 5.000 pengajuan 4.500 paspor diterbitkan.", ingest_vocab)
    assert ("passports", 4500) in found


def test_a_unit_word_names_the_base_of_its_family_after_a_figure_of_it(ingest_vocab):
    text = "Kanim Bogor menerbitkan 142.785 paspor dari 149.330 permohonan yang masuk."
    found, _ = facts_of(text, ingest_vocab)
    assert found == {("passports", 142785), ("passport_applications", 149330)}


def test_a_unit_word_with_a_marker_names_the_refinement(ingest_vocab):
    text = (
        "We received 23,902 passport applications and issued 21,487 passports.\n\n"
        "A further 64 applications were postponed because of suspected irregular work."
    )
    found, _ = facts_of(text, ingest_vocab)
    assert ("passport_postponed", 64) in found


def test_a_unit_word_after_a_figure_of_another_family_is_skipped(ingest_vocab):
    text = "Kami menerbitkan 300 ITAS. Untuk izin tinggal, kami menerima 500 permohonan."
    found, proposal = facts_of(text, ingest_vocab)
    assert found == {("itas", 300)}
    assert any("permohonan" in s.reason for s in proposal.skipped)


def test_a_unit_word_of_many_metrics_names_none(ingest_vocab):
    text = "Kami mendeportasi 40 WNA. Selain itu 12 orang lainnya diperiksa."
    found, _ = facts_of(text, ingest_vocab)
    assert found == {("deportation", 40)}


def test_a_refinement_named_before_the_number_in_its_clause_is_what_it_counts(ingest_vocab):
    text = "Penundaan penerbitan paspor sebanyak 100 permohonan paspor."
    found, _ = facts_of(text, ingest_vocab)
    assert found == {("passport_postponed", 100)}


def test_two_unrelated_metrics_around_a_number_leave_it_unread(ingest_vocab):
    found, proposal = facts_of("Selain deportasi kami menerbitkan 100 paspor.", ingest_vocab)
    assert not found
    assert any("deportation before it and passports after it" in s.reason for s in proposal.skipped)


def test_the_name_after_an_earlier_number_is_that_numbers(ingest_vocab):
    found, _ = facts_of("Officers recorded 38,214 arrivals and 41,090 departures.", ingest_vocab)
    assert found == {("arrivals", 38214), ("departures", 41090)}


def test_a_unit_word_after_a_verb_no_name_marks_is_skipped(ingest_vocab):
    text = "We issued 21,487 passports and rejected 64 applications."
    found, proposal = facts_of(text, ingest_vocab)
    assert found == {("passports", 21487)}
    assert any("whether all of them" in s.reason for s in proposal.skipped)


@pytest.mark.parametrize(
    "text",
    [
        "The office issued 21,487 passports out of 23,902 applications.",
        "The office issued 21,487 passports throughout 2023 out of 23,902 applications.",
        "Kami menerbitkan 21.487 paspor pada semester I dari 23.902 permohonan.",
    ],
)
def test_a_whole_out_of_which_a_figure_is_taken_is_the_base(ingest_vocab, text):
    found, _ = facts_of(text, ingest_vocab)
    assert found == {("passports", 21487), ("passport_applications", 23902)}


def test_a_number_that_is_no_period_between_a_part_and_its_whole_breaks_the_pair(ingest_vocab):
    text = "We issued 21,487 passports within 3 days out of 23,902 applications."
    found, _ = facts_of(text, ingest_vocab)
    assert found == {("passports", 21487)}


def test_a_marker_further_in_the_predicate_refines(ingest_vocab):
    text = (
        "The office received 88,450 passport applications and issued 85,112 passports. "
        "A total of 1,204 applications were rejected or postponed, and 1,027 passport "
        "applications were refused or postponed too."
    )
    found, _ = facts_of(text, ingest_vocab)
    assert ("passport_postponed", 1204) in found and ("passport_postponed", 1027) in found
    assert {v for m, v in found if m == "passport_applications"} == {88450}


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Permohonan paspor yang ditunda sebanyak 40 permohonan.", ("passport_postponed", 40)),
        ("Passport applications that were postponed totalled 40.", ("passport_postponed", 40)),
        ("Perlintasan orang yang masuk sebanyak 5.000 orang.", ("arrivals", 5000)),
    ],
)
def test_a_marker_between_the_name_and_the_number_refines_the_metric(ingest_vocab, text, fact):
    found, _ = facts_of(text, ingest_vocab)
    assert found == {fact}


@pytest.mark.parametrize(
    "text",
    [
        "Kantor imigrasi menerbitkan 61.204 paspor dan melakukan penundaan terhadap 412 pemohon.",
        "Sebanyak 61.204 paspor diterbitkan dan penundaan dilakukan terhadap 412 pemohon.",
    ],
)
def test_a_marker_in_the_next_clause_refines_nothing(ingest_vocab, text):
    found, _ = facts_of(text, ingest_vocab)
    assert ("passports", 61204) in found
