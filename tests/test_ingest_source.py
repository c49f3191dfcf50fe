"""The source row: who published the release and when."""

from __future__ import annotations

from bot.facts.ingest import propose

TITLE = "Kinerja Kantor Imigrasi Kelas I Bogor 2023\n\n"
BODY = "Kantor Imigrasi Kelas I Bogor memaparkan kinerja tahun 2023."


def source_of(text, vocab):
    return propose(text, vocab).source


def test_a_dateline_of_a_place_and_a_named_date_is_the_offices_own_release(ingest_vocab):
    source = source_of(TITLE + "Bogor, 9 Januari 2024 — " + BODY, ingest_vocab)
    assert source["published"] == "2024-01-09"
    assert source["publisher"] == "Kantor Imigrasi Kelas I Bogor"


def test_a_sign_off_naming_the_office_is_the_publisher(ingest_vocab):
    text = TITLE + "Bogor, 9 Januari 2024 — " + BODY + "\n\nHumas Kantor Imigrasi Kelas I Bogor"
    assert source_of(text, ingest_vocab)["publisher"] == "Humas Kantor Imigrasi Kelas I Bogor"


def test_a_last_sentence_is_no_sign_off(ingest_vocab):
    text = TITLE + "Bogor, 9 Januari 2024 — " + BODY + "\n\nKantor Imigrasi Bogor siap melayani."
    assert source_of(text, ingest_vocab)["publisher"] == "Kantor Imigrasi Kelas I Bogor"


def test_a_dateline_of_only_a_place_names_no_publisher(ingest_vocab):
    assert source_of(TITLE + "BOGOR – " + BODY, ingest_vocab)["publisher"] == ""


def test_a_date_in_the_body_is_the_publication_date_only_after_a_weekday(ingest_vocab):
    launched = TITLE + "BOGOR – " + BODY + "\n\nAplikasi diluncurkan pada 17 Agustus 2022."
    assert source_of(launched, ingest_vocab)["published"] == ""
    held = TITLE + "BOGOR – " + BODY + "\n\nKonferensi pers digelar Kamis (5/1/2023)."
    assert source_of(held, ingest_vocab)["published"] == "2023-01-05"
