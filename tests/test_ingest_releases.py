"""The extractor over the synthetic releases in tests/data/releases (written by someone
who had not seen the extractor), each with its <name>.expected.json."""

from __future__ import annotations

import json

import pytest
from conftest import RELEASES

from bot.facts.ingest import propose
from bot.facts.ingest.evaluate import expected_files, score, total
from bot.facts.ingest.read import read_release
from bot.facts.reader import ALIAS_PATTERN, ID_PATTERN

EXPECTED = expected_files(RELEASES)


@pytest.fixture(scope="module")
def proposals(ingest_vocab):
    found = {}
    for path in EXPECTED:
        expected = json.loads(path.read_text(encoding="utf-8"))
        found[path.name] = (
            expected,
            propose(read_release(RELEASES / expected["file"]), ingest_vocab),
        )
    return found


@pytest.fixture(params=[p.name for p in EXPECTED])
def case(request, proposals):
    return proposals[request.param]


def test_there_are_releases_to_read():
    assert len(EXPECTED) >= 7


def test_every_quote_is_verbatim_and_states_its_value(case):
    _, proposal = case
    for fact in proposal.facts:
        assert fact.quote in proposal.text
        assert fact.written in fact.quote
        assert proposal.text[fact.start : fact.end] == fact.written
        assert 0 < fact.confidence <= 1


def occurrences(text, snippet):
    start = text.find(snippet)
    while start >= 0:
        yield start, start + len(snippet)
        start = text.find(snippet, start + 1)


def test_nothing_vague_dated_or_listed_as_no_fact_is_proposed(case):
    expected, proposal = case
    for snippet in expected["not_facts"]:
        spans = list(occurrences(proposal.text, snippet))
        assert spans, f"snippet {snippet!r} not in the text"
        for fact in proposal.facts:
            assert not any(a <= fact.start < b for a, b in spans), (snippet, fact.quote)
    for fact in proposal.facts:
        after = proposal.text[fact.end : fact.end + 8].lower()
        assert not after.startswith(("%", " persen", " percent", "/")), fact.quote
        assert "/" not in fact.written and "%" not in fact.written


def test_conflicts_are_flagged(case):
    expected, proposal = case
    for conflict in expected["conflicts"]:
        key = (conflict["office"], conflict["metric"], conflict["country"], conflict["period"])
        flagged = [f for f in proposal.conflicts if f.key == key]
        assert flagged and {f.value for f in flagged} <= set(conflict["values"]), conflict


def test_skipped_snippets_are_skipped(case):
    expected, proposal = case
    for snippet in expected["skipped"]:
        spans = list(occurrences(proposal.text, snippet))
        assert any(a < s.end and s.start < b for a, b in spans for s in proposal.skipped), snippet
    for item in proposal.skipped:
        assert item.quote in proposal.text and item.written in item.quote and item.reason


def test_recall_and_no_wrong_values(proposals):
    scores = [score(expected, proposal) for expected, proposal in proposals.values()]
    overall = total(scores)
    assert overall.wrong == []
    assert overall.recall >= 90.0, [s.missed for s in scores]


def test_the_source_row(case):
    expected, proposal = case
    source = proposal.source
    for field in ("office", "period", "title", "publisher", "published"):
        assert source[field] == expected[field], field
    assert ID_PATTERN.match(source["id"])


def test_new_offices_are_valid_rows(case):
    _, proposal = case
    for row in proposal.offices:
        assert ID_PATTERN.match(row["id"]) and row["name"] and row["short_id"] and row["short_en"]
        assert all(ALIAS_PATTERN.match(a) for a in row["aliases"].split("|"))
    used = {f.office for f in proposal.facts} | {proposal.source["office"]}
    assert {row["id"] for row in proposal.offices} <= used


def test_the_head_of_office(case):
    expected, proposal = case
    heads = [s for s in proposal.statements if s.intent == "head_of_office"]
    assert [s.items[0] for s in heads] == [expected["statements"]["head_of_office"]]
    assert all(s.quote in proposal.text for s in proposal.statements)


def test_innovations_are_listed(case):
    expected, proposal = case
    found = [s for s in proposal.statements if s.intent == "innovations"]
    assert found, "no innovations found"
    items = " | ".join(found[0].items)
    wanted = expected["statements"]["innovations"]
    assert sum(item in items for item in wanted) >= len(wanted) // 2, (items, wanted)
