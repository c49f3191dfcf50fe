"""The store of pending release previews: one per chat, in SQLite, with a token its buttons
carry, surviving a restart and expiring."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.facts.ingest import propose_release
from bot.telegram.previews import PreviewStore, dump_proposal, load_proposal
from bot.telegram.settings import load_settings

RELEASE = Path(__file__).parent / "data" / "releases" / "bekasi-2021.txt"
KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


@pytest.fixture(scope="module")
def proposal():
    return propose_release(RELEASE, KNOWLEDGE)


def test_a_proposal_comes_back_whole(proposal):
    again = load_proposal(dump_proposal(proposal))
    assert again == proposal and again.text == proposal.text
    assert [f.key for f in again.conflicts] == [f.key for f in proposal.conflicts]


def test_one_preview_per_chat_and_a_new_one_replaces_it(tmp_path, proposal):
    store = PreviewStore(tmp_path / "p.db")
    first, replaced = store.put(1, proposal, "id", user_id=7, now=100)
    assert not replaced and first.kept == len(proposal.facts) and first.user_id == 7
    second, replaced = store.put(1, proposal, "en", now=200)
    assert replaced and second.token != first.token
    assert store.matching(1, first.token, now=201) == (None, False)  # the old buttons
    found, expired = store.matching(1, second.token, now=201)
    assert found.lang == "en" and found.proposal == proposal and not expired
    assert store.current(2, now=201) == (None, False)


def test_removed_facts_and_the_preview_survive_a_restart(tmp_path, proposal):
    pending, _ = PreviewStore(tmp_path / "p.db").put(1, proposal, "id", now=100)
    PreviewStore(tmp_path / "p.db").set_dropped(pending, frozenset({2, 5}))
    found, _ = PreviewStore(tmp_path / "p.db").current(1, now=101)
    assert found.token == pending.token and found.dropped == {2, 5}
    assert found.kept == len(proposal.facts) - 2


def test_a_preview_expires_after_a_day(tmp_path, proposal):
    store = PreviewStore(tmp_path / "p.db")
    pending, _ = store.put(1, proposal, "id", now=0)
    assert store.matching(1, pending.token, now=24 * 3600)[0] is not None
    assert store.matching(1, pending.token, now=24 * 3600 + 1) == (None, True)
    assert store.current(1, now=24 * 3600 + 2) == (None, False)  # deleted


def test_a_row_it_cannot_read_counts_as_expired(tmp_path, proposal):
    store = PreviewStore(tmp_path / "p.db")
    store.put(1, proposal, "id", now=0)
    with sqlite3.connect(tmp_path / "p.db") as db:
        db.execute("update previews set proposal = '{\"facts\": 1}'")
    assert store.current(1, now=1) == (None, True)


def test_discard_and_no_file_until_used(tmp_path, proposal):
    store = PreviewStore(tmp_path / "data" / "p.db")
    assert not (tmp_path / "data").exists()
    store.put(1, proposal, "id")
    store.discard(1)
    assert store.current(1) == (None, False)


def test_the_store_lives_beside_the_other_data_files():
    settings = load_settings({"TELEGRAM_BOT_TOKEN": "1:a"})
    assert settings.previews_db.name == "previews.db"
    assert settings.previews_db.parent == settings.delivery_db.parent
    assert settings.undo_dir == settings.facts_db.parent / "undo"
    assert load_settings({"TELEGRAM_BOT_TOKEN": "1:a", "PREVIEWS_DB": "/x/p.db"}).previews_db == (
        Path("/x/p.db")
    )
