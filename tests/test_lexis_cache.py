"""The word indexes kept beside a fact base: read back when they belong to the base and the
code, rebuilt when stale or broken, never an error."""

from __future__ import annotations

import shutil

import pytest

import bot.understanding.lexis as lexis_module
from bot.facts.base import FactBase
from bot.pipeline import Pipeline
from bot.understanding.lexis_cache import attach_lexis, cache_path


@pytest.fixture
def db(built_db, tmp_path):
    """A copy of the built base in a folder of its own."""
    path = tmp_path / "facts.db"
    shutil.copy(built_db, path)
    return path


def _forbid_building(monkeypatch):
    def refuse(base):
        raise AssertionError("the indexes were built again")

    monkeypatch.setattr(lexis_module, "build_lexis", refuse)


def test_the_indexes_are_written_then_read_back_and_answer_alike(db, monkeypatch):
    first = Pipeline.from_db(db).answer("berapa WNA Jepang dan Korea 2020?")
    assert cache_path(db).is_file()
    _forbid_building(monkeypatch)
    again = Pipeline.from_db(db).answer("berapa WNA Jepang dan Korea 2020?")
    assert again.text == first.text and again.facts == first.facts
    assert Pipeline.from_db(db).answer("howmany japanse livein bekasi").facts  # fuzzy memo back


def test_indexes_of_another_base_are_rebuilt(db, monkeypatch):
    Pipeline.from_db(db)
    base = FactBase.from_db(db)
    base.content_hash = "another base"
    built = []
    original = lexis_module.build_lexis
    monkeypatch.setattr(lexis_module, "build_lexis", lambda b: built.append(1) or original(b))
    attach_lexis(base, db)
    assert built == [1]


@pytest.mark.parametrize("content", [b"", b"not a pickle at all", b"\x80\x05garbage"])
def test_a_broken_index_file_is_rebuilt(db, content):
    cache_path(db).write_bytes(content)
    assert Pipeline.from_db(db).answer("berapa ITAS 2020").status == "answered"
    assert cache_path(db).stat().st_size > 1000  # written again


def test_a_folder_that_cannot_be_written_is_no_error(db, monkeypatch):
    monkeypatch.setattr("tempfile.mkstemp", lambda **kwargs: (_ for _ in ()).throw(OSError("ro")))
    assert Pipeline.from_db(db).answer("berapa ITAS 2020").status == "answered"
    assert not cache_path(db).exists()
