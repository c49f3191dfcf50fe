"""Mechanisms of the extractor on short texts: what a number counts, and what it refuses."""

from __future__ import annotations

import pytest

from bot.facts.ingest import propose

HEAD = "Kinerja 2023\n\nKantor Imigrasi Kelas I Bogor memaparkan kinerja tahun 2023.\n\n"


def facts_of(text, vocab):
    proposal = propose(HEAD + text, vocab)
    return {(f.metric, f.country, f.period, f.value) for f in proposal.facts}, proposal


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Sebanyak 120 WNA dideportasi.", ("deportation", None, "2023", 120)),
        ("Pendeportasian sebanyak 87 WNA.", ("deportation", None, "2023", 87)),
        (
            "ITAS sebanyak 7.102 orang dibanding tahun 2022 sebanyak 6.433 orang.",
            ("itas", None, "2022", 6433),
        ),
        ("WNA asal Tiongkok sebanyak 500 orang dideportasi.", ("deportation", "CN", "2023", 500)),
        (
            "A total of 42 foreigners were deported, including 11 Chinese nationals.",
            ("deportation", "CN", "2023", 11),
        ),
        (
            "The office granted stay permits for a total of 6,590 stay permits.",
            ("stay_permits_total", None, "2023", 6590),
        ),
        (
            "Jumlah seluruh izin tinggal sebanyak 8.000 izin.",
            ("stay_permits_total", None, "2023", 8000),
        ),
        ("Pada triwulan I 2023 diterbitkan 8.412 paspor.", ("passports", None, "2023-Q1", 8412)),
        ("PNBP mencapai Rp 1.250.000.000,00.", ("pnbp", None, "2023", 1250000000)),
        (
            "The office issued twenty-six immigration status certificates (SKIM).",
            ("skim", None, "2023", 26),
        ),
    ],
)
def test_what_a_number_counts(ingest_vocab, text, fact):
    found, _ = facts_of(text, ingest_vocab)
    assert fact in found


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Sebanyak 500 WNA pemegang ITAS dideportasi.", "two metrics"),
        ("Petugas melayani 2.000 pemohon paspor setiap hari.", "rate"),
        ("Kami menargetkan 150.000 paspor pada 2024.", "target"),
        ("Sejak 2015 sebanyak 3.000 WNA telah dideportasi.", "since"),
        (
            "Paspor terbit 17.935, naik dibanding periode yang sama tahun lalu sebanyak 15.000.",
            "compared",
        ),
        ("Paspor diterbitkan oleh 9 kantor imigrasi.", "counts 'kantor'"),
        ("Kantor ini menerbitkan 1,062,318 visas on arrival.", "visa"),
        ("Pemegang ITAS sekitar 6 ribu orang.", "vague"),
        ("PNBP mencapai Rp 45,7 miliar.", "rounded"),
        ("PNBP mencapai 45.712 orang.", "rupiah"),
        ("Operasi Timpora dilaksanakan sebanyak 12 kali.", "times"),
    ],
)
def test_what_is_skipped_and_why(ingest_vocab, text, reason):
    _, proposal = facts_of(text, ingest_vocab)
    skipped = [s for s in proposal.skipped if reason in s.reason]
    assert skipped, [s.reason for s in proposal.skipped]
    assert not any(f.start == s.start for f in proposal.facts for s in skipped)
    assert all(s.quote in proposal.text for s in skipped)


def test_a_country_after_a_figure_that_is_no_fact_inherits_nothing(ingest_vocab):
    text = (
        "In total, 5 people faced pro justitia proceedings. Some 1,200 foreigners live here, "
        "most of them from South Korea (410) and Japan (380)."
    )
    found, _ = facts_of(text, ingest_vocab)
    assert {f[1] for f in found} == {None}


def test_a_countrys_figure_inherits_the_metric_of_the_figure_before_it(ingest_vocab):
    text = (
        "Jumlah WNA aktif tercatat 11.932 orang. WNA asal Korea Selatan tercatat 3.150 orang, "
        "disusul Jepang 2.977 orang."
    )
    found, _ = facts_of(text, ingest_vocab)
    assert ("foreign_residents", "KR", "2023", 3150) in found
    assert ("foreign_residents", "JP", "2023", 2977) in found


def test_the_size_of_a_ranking_stands_not_between_a_total_and_its_countries(ingest_vocab):
    text = (
        "Jumlah WNA aktif sebanyak 9.000 orang dengan 3 negara terbanyak antara lain: "
        "Korea Selatan (3.100 orang), Jepang (2.900 orang)."
    )
    found, _ = facts_of(text, ingest_vocab)
    assert ("foreign_residents", "KR", "2023", 3100) in found
    assert ("foreign_residents", "JP", "2023", 2900) in found
    assert not any(f[3] == 3 for f in found)


def test_a_regional_release_gives_each_figure_the_office_its_paragraph_names(ingest_vocab):
    text = (
        "Kinerja Kanwil 2022\n\nKantor Wilayah Kementerian Hukum dan HAM Jawa Barat memaparkan "
        "kinerja 2022. Paspor yang diterbitkan mencapai 248.706 paspor.\n\n"
        "Kantor Imigrasi Kelas II Non TPI Karawang menerbitkan 24.930 paspor. "
        "Karawang juga mendeportasi 37 orang WNA.\n\nKanim Depok mendeportasi 12 orang."
    )
    proposal = propose(text, ingest_vocab)
    offices = {(f.office, f.value) for f in proposal.facts}
    assert offices == {
        ("kanwil_jawa_barat", 248706),
        ("karawang", 24930),
        ("karawang", 37),
        ("depok", 12),
    }
    assert {o["id"] for o in proposal.offices} == {"kanwil_jawa_barat", "karawang", "depok"}


def test_two_values_for_one_key_are_both_flagged(ingest_vocab):
    text = "Sebanyak 31 WNA dideportasi. Total ada 33 orang asing yang kami deportasi."
    proposal = propose(HEAD + text, ingest_vocab)
    assert sorted((f.value, bool(f.conflict)) for f in proposal.facts) == [(31, True), (33, True)]


def test_a_total_that_is_not_the_sum_of_its_parts_is_flagged(ingest_vocab):
    text = "Total izin tinggal sebanyak 5.210, terdiri dari ITK 1.247, ITAS 3.806 dan ITAP 97."
    proposal = propose(HEAD + text, ingest_vocab)
    flagged = [f for f in proposal.facts if f.conflict]
    assert [(f.metric, f.value) for f in flagged] == [("stay_permits_total", 5210)]
    assert "5.150" in flagged[0].conflict
    sound = propose(HEAD + text.replace("5.210", "5.150"), ingest_vocab)
    assert not sound.conflicts


def test_the_office_the_figures_clause_names_comes_first(ingest_vocab):
    text = (
        "Kinerja Kanwil 2023\n\nKantor Wilayah Kementerian Hukum dan HAM Bali memaparkan "
        "kinerja 2023.\n\nKepala Divisi Keimigrasian Kanwil Kemenkumham Bali, Anggiat, "
        "mengatakan tercatat 5.210.433 perlintasan orang di Kantor Imigrasi Kelas I Khusus TPI "
        "Ngurah Rai, terdiri dari 2.701.102 kedatangan dan 2.509.331 keberangkatan."
    )
    offices = {f.office for f in propose(text, ingest_vocab).facts}
    assert offices == {"ngurah_rai"}


def test_a_country_named_before_a_figure_it_is_not_tied_to_leaves_it_unread(ingest_vocab):
    text = "Nigerian nationals made up the largest group with 58 deportees."
    found, proposal = facts_of(text, ingest_vocab)
    assert not found
    assert any("(NG)" in s.reason for s in proposal.skipped)


def test_a_noun_that_is_the_unit_of_other_metrics_overrules_the_name_before(ingest_vocab):
    text = "Passport services: 45,870 applications were received."
    found, proposal = facts_of(text, ingest_vocab)
    assert not found
    assert any(
        "'applications' is not what passports counts (passports)" in s.reason
        for s in proposal.skipped
    )


def test_a_text_that_ends_in_an_offices_class_words_is_read(ingest_vocab):
    found, _ = facts_of("Kami menerbitkan 500 paspor di Kantor Imigrasi Kelas", ingest_vocab)
    assert found == {("passports", None, "2023", 500)}


def test_an_english_regional_office_names_its_province_before_it(ingest_vocab):
    text = (
        "Immigration in 2023\n\nSURABAYA, January 15, 2024 (Java Herald) – The East Java "
        "Regional Office of the Ministry of Law and Human Rights said immigration offices "
        "across the province issued 301,455 passports in 2023.\n\nAcross East Java, 241 "
        "foreigners were deported during the year."
    )
    proposal = propose(text, ingest_vocab)
    assert proposal.source["office"] == "kanwil_east_java"
    assert {(f.office, f.value) for f in proposal.facts} == {
        ("kanwil_east_java", 301455),
        ("kanwil_east_java", 241),
    }


def test_a_one_word_tail_inside_a_longer_name_names_no_office(ingest_vocab):
    text = (
        "East Java Immigration Division Reports\n\n"
        "The Bali Immigration Detention Center held 40 foreigners."
    )
    assert not propose(text, ingest_vocab).offices
