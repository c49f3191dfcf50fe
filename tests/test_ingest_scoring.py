"""How ``ingest-eval`` scores a proposal against an expected file."""

from __future__ import annotations

from bot.facts.ingest.evaluate import score
from bot.facts.ingest.proposal import Proposal, ProposedFact

TOTAL = {"office": "depok", "metric": "stay_permits_total", "country": None, "period": "2024"}


def proposal_of(*facts: ProposedFact) -> Proposal:
    return Proposal(source={}, offices=[], facts=list(facts), skipped=[], statements=[], text="")


def fact(value: int, conflict: str = "") -> ProposedFact:
    return ProposedFact(**TOTAL, value=value, written=str(value), quote="", confidence=0.9,
                        start=0, end=0, conflict=conflict)  # fmt: skip


def expected(conflicts: list[dict]) -> dict:
    return {"file": "x.txt", "facts": [{**TOTAL, "value": 5210}], "conflicts": conflicts}


def test_a_flagged_fact_the_expected_conflicts_list_is_found():
    flagged = proposal_of(fact(5210, conflict="total not the sum of parts"))
    result = score(expected([{**TOTAL, "values": [5210, 5150]}]), flagged)
    assert (result.found, result.wrong) == (1, [])


def test_a_flagged_fact_no_expected_conflict_lists_is_not_found():
    flagged = proposal_of(fact(5210, conflict="two values in one text"))
    result = score(expected([]), flagged)
    assert (result.found, result.wrong) == (0, [])


def test_an_unflagged_fact_of_another_value_is_wrong():
    result = score(expected([]), proposal_of(fact(5150)))
    assert result.found == 0 and len(result.wrong) == 1
