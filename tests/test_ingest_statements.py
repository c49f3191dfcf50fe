"""Statements that are no figures: the head of office and the innovations listed."""

from __future__ import annotations

from bot.facts.ingest import propose

HEAD = "Kinerja 2023\n\nKantor Imigrasi Kelas I Bogor memaparkan kinerja tahun 2023.\n\n"


def statements_of(text, vocab, intent):
    found = [s for s in propose(HEAD + text, vocab).statements if s.intent == intent]
    return found[0].items if found else []


def test_the_head_of_office_named_after_kepala_kantor_and_a_comma(ingest_vocab):
    text = "Acara dipimpin langsung oleh Kepala Kantor, Ramdhani Eka Putra."
    assert statements_of(text, ingest_vocab, "head_of_office") == ["Ramdhani Eka Putra"]


def test_a_bare_kepala_of_something_else_is_no_head_of_office(ingest_vocab):
    text = "Kepala Divisi Keimigrasian, Sri Wahyuningsih, merinci capaian."
    assert statements_of(text, ingest_vocab, "head_of_office") == []


def test_a_heading_naming_innovations_lists_none_the_list_below_it_does(ingest_vocab):
    text = (
        "Inovasi Layanan\n\nKanim Bogor meluncurkan sejumlah inovasi:\n\n"
        "- SIPANDU (Bogor Paspor Terpadu);\n- Paspor Simpatik Goes to Mall;\n"
        "- Bogor Smart Gate untuk pemeriksaan mandiri."
    )
    assert statements_of(text, ingest_vocab, "innovations") == [
        "SIPANDU (Bogor Paspor Terpadu)",
        "Paspor Simpatik Goes to Mall",
        "Bogor Smart Gate",
    ]


def test_a_lower_case_word_between_capitalised_ones_belongs_to_the_name(ingest_vocab):
    text = (
        "The office introduced innovations, including BIMA, Passport on Saturday and the "
        "Eazy Passport service for companies and schools."
    )
    items = statements_of(text, ingest_vocab, "innovations")
    assert items[:2] == ["BIMA", "Passport on Saturday"] and items[2].startswith("Eazy Passport")
