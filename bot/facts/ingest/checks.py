"""Figures that disagree: one key stated with two values, a stated total that is not the
sum of its stated parts, country figures that add up to more than their total. Both sides
stay proposed; the disagreeing ones are flagged for the admin."""

from __future__ import annotations

from collections import defaultdict

from bot.facts.ingest.proposal import ProposedFact
from bot.facts.ingest.vocab import Vocabulary


def check(facts: list[ProposedFact], vocab: Vocabulary) -> list[ProposedFact]:
    """``facts`` without repeats (one key, one value), conflicts flagged."""
    kept = _without_repeats(facts)
    _flag_two_values(kept)
    _flag_group_totals(kept, vocab)
    _flag_country_sums(kept)
    return kept


def _without_repeats(facts: list[ProposedFact]) -> list[ProposedFact]:
    """One fact per key and value: the most confident statement of it."""
    best: dict[tuple, ProposedFact] = {}
    for fact in facts:
        key = (*fact.key, fact.value)
        if key not in best or fact.confidence > best[key].confidence:
            best[key] = fact
    return sorted(best.values(), key=lambda f: f.start)


def _flag_two_values(facts: list[ProposedFact]) -> None:
    by_key: dict[tuple, list[ProposedFact]] = defaultdict(list)
    for fact in facts:
        by_key[fact.key].append(fact)
    for same in by_key.values():
        if len(same) > 1:
            values = ", ".join(f.written for f in same)
            for fact in same:
                _flag(fact, f"two values in one text: {values}")


def _flag_group_totals(facts: list[ProposedFact], vocab: Vocabulary) -> None:
    for members, total_metric in vocab.groups.values():
        for total in (f for f in facts if f.metric == total_metric):
            parts = [_one(facts, total, member) for member in members]
            stated = [p for p in parts if p is not None]
            whole = sum(p.value for p in stated)
            if stated and (
                whole > total.value or (len(stated) == len(parts) and whole != total.value)
            ):
                sums = " + ".join(f"{p.metric} {p.written}" for p in stated)
                _flag(total, f"total not the sum of parts: {sums} = {whole:,}".replace(",", "."))


def _one(facts: list[ProposedFact], total: ProposedFact, metric: str) -> ProposedFact | None:
    where = (total.office, total.country, total.period)
    found = [f for f in facts if f.metric == metric and (f.office, f.country, f.period) == where]
    return found[0] if len(found) == 1 else None


def _flag_country_sums(facts: list[ProposedFact]) -> None:
    for total in (f for f in facts if f.country is None):
        where = (total.office, total.metric, total.period)
        parts = [f for f in facts if f.country and (f.office, f.metric, f.period) == where]
        if sum(p.value for p in parts) > total.value:
            _flag(total, f"its countries add up to more: {sum(p.value for p in parts)}")


def _flag(fact: ProposedFact, reason: str) -> None:
    fact.conflict = "; ".join(x for x in (fact.conflict, reason) if x)
