"""``python -m bot ingest`` and ``ingest-eval`` as an admin runs them."""

from __future__ import annotations

import json
import shutil

from conftest import RELEASES, run_cli

BOGOR = RELEASES / "bogor-2017.txt"


def test_ingest_json_shape():
    result = run_cli("ingest", "--json", str(BOGOR))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"source", "offices", "facts", "skipped", "statements"}
    assert set(data["source"]) == {
        "id",
        "title",
        "publisher",
        "published",
        "url",
        "office",
        "period",
    }
    fact_fields = {"office", "metric", "country", "year", "period", "value", "quote", "confidence"}
    assert data["facts"] and all(set(f) >= fact_fields | {"conflict"} for f in data["facts"])
    assert all(isinstance(f["value"], int) and isinstance(f["year"], int) for f in data["facts"])
    assert all(
        set(s) == {"intent", "summary_id", "summary_en", "quote"} for s in data["statements"]
    )
    assert all(set(s) >= {"quote", "reason"} for s in data["skipped"])
    assert [o["id"] for o in data["offices"]] == ["bogor"]


def test_ingest_prints_one_line_a_fact():
    result = run_cli("ingest", str(BOGOR))
    assert result.returncode == 0, result.stderr
    assert "bogor itas - 2017" in result.stdout and "1,503" in result.stdout
    assert "Skipped" in result.stdout and "Statements:" in result.stdout


def test_office_and_period_override_what_was_detected():
    result = run_cli("ingest", "--json", "--office", "bekasi", "--period", "2017-H2", str(BOGOR))
    data = json.loads(result.stdout)
    assert (data["source"]["office"], data["source"]["period"]) == ("bekasi", "2017-H2")
    itas = next(f for f in data["facts"] if f["metric"] == "itas")
    assert (itas["office"], itas["period"]) == ("bekasi", "2017-H2")
    assert data["offices"] == []


def test_unreadable_input_is_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run_cli("ingest", str(empty))
    assert result.returncode == 1 and "no text" in result.stderr
    assert "Traceback" not in result.stderr


def test_ingest_eval_scores_and_passes_on_the_releases():
    result = run_cli("ingest-eval", "--quiet", str(RELEASES), timeout=120)
    assert result.returncode == 0, result.stdout
    assert "bogor-2017.txt" in result.stdout and result.stdout.splitlines()[-1].startswith(
        "overall"
    )


def test_ingest_eval_fails_on_a_wrong_value(tmp_path):
    shutil.copy(BOGOR, tmp_path / BOGOR.name)
    expected = json.loads((RELEASES / "bogor-2017.expected.json").read_text(encoding="utf-8"))
    expected["facts"] = [f for f in expected["facts"] if f["metric"] != "itas"]
    (tmp_path / "bogor-2017.expected.json").write_text(json.dumps(expected), encoding="utf-8")
    result = run_cli("ingest-eval", str(tmp_path))
    assert result.returncode == 1
    assert "WRONG" in result.stdout and "bogor itas - 2017 1503" in result.stdout


def test_the_listing_numbers_facts_as_drop_counts_them():
    """Conflicts are listed last, but with their place in the proposal: ``--drop N`` and the
    Telegram preview's numbers leave out the fact listed as N."""
    listing = run_cli("ingest", str(RELEASES / "depok-2024-h1.txt")).stdout
    proposal = json.loads(run_cli("ingest", "--json", str(RELEASES / "depok-2024-h1.txt")).stdout)
    for number, fact in enumerate(proposal["facts"], 1):
        line = next(x for x in listing.splitlines() if x.lstrip().startswith(f"{number}. "))
        assert f" {fact['metric']} " in line and repr(fact["quote"])[:40] in line
