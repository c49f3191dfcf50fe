"""Saving a confirmed release: the folder it writes, the rebuild, a refused save that
changes nothing, and undo. Then the questions a second year and a second office make
answerable, in both languages."""

from __future__ import annotations

import copy
import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import KNOWLEDGE, run_cli

from bot.errors import KnowledgeError, Problem
from bot.facts import save as save_module
from bot.facts.base import FactBase
from bot.facts.build import build
from bot.facts.ingest import propose_release
from bot.facts.save import save_proposal, undo_last
from bot.pipeline import Pipeline

RELEASES = Path(__file__).parent / "data" / "releases"


@pytest.fixture
def site(tmp_path):
    """A knowledge copy, its built base and an undo folder."""
    knowledge = shutil.copytree(KNOWLEDGE, tmp_path / "knowledge")
    db = tmp_path / "data" / "facts.db"
    build(knowledge, db)
    return knowledge, db, tmp_path / "data" / "undo"


def digest(folder: Path) -> str:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()


def save(site, name: str, **kw):
    knowledge, db, undo = site
    proposal = propose_release(RELEASES / name, knowledge)
    return save_proposal(proposal, knowledge, db, undo, **kw)


def test_a_saved_release_is_a_folder_of_its_own_and_goes_live(site):
    knowledge, db, _ = site
    report = save(site, "bekasi-2021.txt")
    folder = knowledge / report.folder
    assert report.folder == "releases/bekasi/2021"
    assert {p.name for p in folder.iterdir()} >= {"release.txt", "release.csv", "facts.csv"}
    base = FactBase.from_db(db)
    for fact in report.kept:
        assert base.fact(fact.metric, fact.period, fact.country, fact.office).value == fact.value
    assert len(report.reload.after) - len(report.reload.before) == len(report.kept)
    assert base.fact("itas", 2020).source == "bekasi-2020"  # the 2021 release corroborates it


def test_a_dropped_fact_is_not_written(site):
    report = save(site, "bekasi-2021.txt", drop=frozenset({1}))
    assert report.kept and all(f.metric != "passport_applications" for f in report.kept)


def test_a_refused_save_changes_nothing(site, monkeypatch):
    knowledge, db, undo = site
    before, db_before = digest(knowledge), db.read_bytes()
    proposal = propose_release(RELEASES / "bekasi-2021.txt", knowledge)
    proposal.facts[0].quote = "a quote that is not in the release"
    with pytest.raises(KnowledgeError):
        save_proposal(proposal, knowledge, db, undo)
    assert digest(knowledge) == before and db.read_bytes() == db_before
    assert not list(undo.glob("*.json")) if undo.exists() else True


def test_undo_takes_the_last_save_back(site):
    knowledge, db, undo = site
    before = digest(knowledge)
    save(site, "bekasi-2021.txt")
    folder, report = undo_last(knowledge, db, undo)
    assert folder == "releases/bekasi/2021" and digest(knowledge) == before
    assert not [f for f in report.after if f["source"] == "bekasi-2021"]
    with pytest.raises(FileNotFoundError):
        undo_last(knowledge, db, undo)


def test_a_new_office_taken_back_leaves_no_empty_folder(site, monkeypatch):
    knowledge, db, undo = site
    before = digest(knowledge)
    proposal = propose_release(RELEASES / "jakarta-selatan-2023.md", knowledge)
    refused = copy.deepcopy(proposal)
    refused.facts[0].quote = "a quote that is not in the release"
    with pytest.raises(KnowledgeError):
        save_proposal(refused, knowledge, db, undo)
    assert digest(knowledge) == before and not (knowledge / "releases/jakarta_selatan").exists()
    save_proposal(proposal, knowledge, db, undo)
    folder, report = undo_last(knowledge, db, undo)
    assert folder == "releases/jakarta_selatan/2023" and digest(knowledge) == before
    assert not (knowledge / "releases/jakarta_selatan").exists()
    assert build(knowledge, db).facts == len(report.after)  # the folder builds again


def test_a_refused_undo_changes_nothing(site, monkeypatch):
    knowledge, db, undo = site
    save(site, "jakarta-selatan-2023.md")
    saved, db_saved = digest(knowledge), db.read_bytes()

    def refuse(*args):
        raise KnowledgeError([Problem("facts.csv", 2, "edited since")])

    monkeypatch.setattr(save_module, "reload", refuse)
    with pytest.raises(KnowledgeError):
        undo_last(knowledge, db, undo)
    assert digest(knowledge) == saved and db.read_bytes() == db_saved
    monkeypatch.undo()
    folder, _ = undo_last(knowledge, db, undo)  # the record is kept: it can be tried again
    assert folder == "releases/jakarta_selatan/2023"


def test_a_new_office_is_added_with_its_release(site):
    _, db, _ = site
    report = save(site, "ngurah-rai-2022-en.txt")
    base = FactBase.from_db(db)
    assert "ngurah_rai" in [row["id"] for row in base.tables["offices"]]
    assert report.folder.startswith("releases/ngurah_rai/")


def test_the_cli_accepts_and_undoes(site):
    knowledge, db, _ = site
    env = {"KNOWLEDGE_DIR": str(knowledge), "FACTS_DB": str(db)}
    saved = run_cli("ingest", str(RELEASES / "bekasi-2021.txt"), "--accept", env_extra=env)
    assert saved.returncode == 0 and "Saved releases/bekasi/2021" in saved.stderr
    undone = run_cli("undo", env_extra=env)
    assert undone.returncode == 0 and "Removed releases/bekasi/2021" in undone.stderr
    assert run_cli("undo", env_extra=env).returncode == 1


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """The seed with the Bekasi 2021 and Jakarta Selatan 2023 releases saved."""
    tmp = tmp_path_factory.mktemp("grown")
    knowledge = shutil.copytree(KNOWLEDGE, tmp / "knowledge")
    db = tmp / "facts.db"
    build(knowledge, db)
    for name in ("bekasi-2021.txt", "jakarta-selatan-2023.md"):
        proposal = propose_release(RELEASES / name, knowledge)
        save_proposal(proposal, knowledge, db, tmp / "undo")
    return FactBase.from_db(db)


@pytest.mark.parametrize(
    ("question", "metric", "year", "office", "status"),
    [
        ("berapa ITAS 2021", "itas", 2021, "bekasi", "answered"),
        ("how many ITAS in 2021?", "itas", 2021, "bekasi", "answered"),
        ("berapa ITAS 2020", "itas", 2020, "bekasi", "answered"),
        ("how many ITAS were issued in 2020?", "itas", 2020, "bekasi", "answered"),
        ("paspor Jakarta Selatan 2023", "passports", 2023, "jakarta_selatan", "answered"),
        ("passports issued by Jakarta Selatan in 2023", "passports", 2023, "jakarta_selatan",
         "answered"),
    ],
)  # fmt: skip
def test_new_years_and_offices_are_answered(grown, question, metric, year, office, status):
    reply = Pipeline(grown).answer(question)
    assert reply.status == status, reply.text
    assert reply.facts == [grown.fact(metric, year, None, office).as_reply_fact()]


@pytest.mark.parametrize(
    "question",
    ["ITAS naik atau turun dari 2020 ke 2021?", "did ITAS go up or down from 2020 to 2021?"],
)
def test_the_change_between_two_releases(grown, question):
    reply = Pipeline(grown).answer(question)
    old, new = grown.fact("itas", 2020), grown.fact("itas", 2021)
    assert reply.intent == "change"
    assert [f["value"] for f in reply.facts] == [old.value, new.value]
    first = reply.text.splitlines()[0]
    assert not any(w in first.split()[1:] for w in ("Rose", "Fell", "Naik", "Turun"))


@pytest.mark.parametrize("question", ["ITAS 2019", "how many ITAS in 2019?"])
def test_a_year_no_release_covers_names_the_years_there_are(grown, question):
    reply = Pipeline(grown).answer(question)
    assert reply.status == "no_data" and "2020" in reply.text and "2021" in reply.text
