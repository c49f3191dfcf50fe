"""Building the fact base: content, atomicity, determinism and the CLI."""

from __future__ import annotations

import csv

import pytest
from conftest import run_cli
from knowledge_edits import fact_line, facts_file, read_rows, set_fact

from bot.errors import FactBaseError, KnowledgeError
from bot.facts.build import build, reload
from bot.facts.store import diff_facts, read_tables
from bot.model.text import parse_int
from bot.pipeline import Pipeline

REQUIRED = {
    ("itk", ""),
    ("itas", ""),
    ("itap", ""),
    ("skim", ""),
    ("affidavit", ""),
    ("deportation", ""),
    ("pro_justitia", ""),
    ("foreign_residents", ""),
    ("foreign_residents", "KR"),
    ("foreign_residents", "JP"),
    ("foreign_residents", "CN"),
    ("foreign_residents", "IN"),
    ("foreign_residents", "TW"),
}


def test_facts_table_holds_every_row_of_facts_csv(built_db, knowledge_copy):
    facts = read_tables(built_db)["facts"]
    rows = read_rows(facts_file(knowledge_copy))
    assert len(facts) == len(rows) == len(REQUIRED)
    assert {(f["metric"], f["country"] or "") for f in facts} == REQUIRED
    for fact, row in zip(facts, rows, strict=True):
        assert fact["value"] == parse_int(row["value"])
        assert isinstance(fact["value"], int)
        assert fact["year"] == 2020 and fact["period"] == "2020"  # the seed release's
        assert fact["quote"] == row["quote"]


def test_build_twice_gives_the_same_content(tmp_path, knowledge_copy):
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    report_a = build(knowledge_copy, first)
    report_b = build(knowledge_copy, second)
    assert read_tables(first) == read_tables(second)
    assert report_a.content_hash == report_b.content_hash


def test_rebuild_of_unchanged_knowledge_reports_no_change(tmp_path, knowledge_copy):
    db = tmp_path / "facts.db"
    assert build(knowledge_copy, db).changed
    assert not build(knowledge_copy, db).changed


def test_refused_build_leaves_the_last_good_file_byte_for_byte(tmp_path, knowledge_copy):
    db = tmp_path / "facts.db"
    build(knowledge_copy, db)
    before = db.read_bytes()
    set_fact(knowledge_copy, "itk", metric="unknown")
    with pytest.raises(KnowledgeError):
        build(knowledge_copy, db)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.db", "knowledge"]


def test_diff_facts_names_added_removed_and_changed(built_db):
    before = read_tables(built_db)["facts"]
    after = [dict(r) for r in before[1:]]
    after[0]["value"] += 1
    added = dict(before[0], metric="new_metric")
    diff = diff_facts(before, [*after, added])
    assert diff["removed"] == [before[0]]
    assert diff["added"] == [added]
    assert [new["value"] for _, new in diff["changed"]] == [after[0]["value"]]


def test_cli_refuses_a_value_that_its_quote_does_not_state(tmp_path, knowledge_copy):
    db = tmp_path / "facts.db"
    env = {"KNOWLEDGE_DIR": str(knowledge_copy), "FACTS_DB": str(db)}
    assert run_cli("build", env_extra=env).returncode == 0
    before = db.read_bytes()
    old = set_fact(knowledge_copy, "itas")
    set_fact(knowledge_copy, "itas", value=str(int(old["value"]) + 692))
    result = run_cli("build", env_extra=env)
    assert result.returncode != 0
    assert f"facts.csv:{fact_line(knowledge_copy, 'itas')}:" in result.stderr
    assert "does not appear in its quote" in result.stderr
    assert db.read_bytes() == before


def test_cli_facts_lists_the_base(tmp_path, knowledge_copy):
    env = {"KNOWLEDGE_DIR": str(knowledge_copy), "FACTS_DB": str(tmp_path / "f.db")}
    run_cli("build", env_extra=env)
    result = run_cli("facts", env_extra=env)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["metric", "year", "country", "value"]
    assert lines[-1] == f"{len(REQUIRED)} facts"


@pytest.mark.parametrize("content", [b"", b"not a database at all " * 50], ids=["empty", "corrupt"])
def test_an_unusable_fact_base_is_rebuilt_from_the_files(tmp_path, knowledge_copy, content):
    db = tmp_path / "facts.db"
    db.write_bytes(content)
    with pytest.raises(FactBaseError):
        read_tables(db)
    pipeline = Pipeline.open(knowledge_copy, db)  # start-up repairs it
    assert pipeline.answer("berapa ITAS 2020").facts
    db.write_bytes(content)
    report = reload(knowledge_copy, db)  # so does /reload
    assert report.before == [] and len(report.after) == len(REQUIRED)


def test_a_cell_over_the_csv_field_limit_is_a_located_problem(knowledge_copy):
    line = fact_line(knowledge_copy, "itas")
    set_fact(knowledge_copy, "itas", quote="x" * (csv.field_size_limit() + 10))
    with pytest.raises(KnowledgeError) as refused:
        build(knowledge_copy, knowledge_copy.parent / "facts.db")
    assert f"facts.csv:{line}: malformed CSV" in str(refused.value)


def test_the_cli_reports_a_missing_base_in_one_line(tmp_path):
    result = run_cli("facts", env_extra={"FACTS_DB": str(tmp_path / "none.db")})
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "no fact base" in result.stderr
