"""Score the extractor on releases with an ``<name>.expected.json`` beside each.

An expected fact is found when a proposal that is not flagged as a conflict has the same
office, metric, country, period and value. A proposal is wrong when it is not flagged and
matches no expected fact, or when its number lies inside a ``not_facts`` snippet.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from bot.facts.ingest import propose
from bot.facts.ingest.proposal import Proposal, ProposedFact
from bot.facts.ingest.read import read_release
from bot.facts.ingest.vocab import Vocabulary

MIN_RECALL = 90.0


@dataclass
class Score:
    """How one release was read."""

    name: str
    expected: int = 0
    proposed: int = 0
    found: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    conflicts_expected: int = 0
    conflicts_flagged: int = 0
    skipped_expected: int = 0
    skipped_found: int = 0

    @property
    def recall(self) -> float:
        return 100.0 * self.found / self.expected if self.expected else 100.0

    def line(self) -> str:
        return (
            f"{self.name:32} expected {self.expected:3}  proposed {self.proposed:3}  "
            f"found {self.found:3}  recall {self.recall:5.1f}%  wrong {len(self.wrong)}  "
            f"conflicts {self.conflicts_flagged}/{self.conflicts_expected}  "
            f"skipped {self.skipped_found}/{self.skipped_expected}"
        )


def expected_files(folder: Path) -> list[Path]:
    """The ``*.expected.json`` files of ``folder``, by name."""
    return sorted(Path(folder).glob("*.expected.json"))


def score_file(expected_path: Path, vocab: Vocabulary) -> tuple[Score, Proposal]:
    """Run the extractor on the release an expected file describes, and score it."""
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    release = read_release(expected_path.parent / expected["file"])
    proposal = propose(release, vocab)
    return score(expected, proposal), proposal


def _key(item: dict | ProposedFact) -> tuple:
    if isinstance(item, ProposedFact):
        return (*item.key, item.value)
    return (item["office"], item["metric"], item["country"], item["period"], item["value"])


def score(expected: dict, proposal: Proposal) -> Score:
    """The score of ``proposal`` against an expected file's content."""
    result = Score(name=expected["file"], expected=len(expected["facts"]))
    wanted = {_key(f) for f in expected["facts"]}
    plain = [f for f in proposal.facts if not f.conflict]
    result.proposed = len(proposal.facts)
    proposed_keys = {_key(f) for f in plain}
    result.found = len(wanted & proposed_keys)
    result.missed = [_show(k) for k in sorted(wanted - proposed_keys, key=str)]
    result.wrong = [f"{_show(_key(f))} from {f.quote!r}" for f in plain if _key(f) not in wanted]
    spans = _spans(proposal.text, expected.get("not_facts", []))
    for fact in proposal.facts:
        if any(a <= fact.start and fact.end <= b for a, b in spans):
            result.wrong.append(f"{_show(_key(fact))} from a snippet that is no fact")
    _score_conflicts(result, expected.get("conflicts", []), proposal)
    skipped = _spans(proposal.text, expected.get("skipped", []))
    result.skipped_expected = len(expected.get("skipped", []))
    result.skipped_found = sum(
        any(s.start < b and a < s.end for s in proposal.skipped) for a, b in skipped
    )
    return result


def _score_conflicts(result: Score, conflicts: list[dict], proposal: Proposal) -> None:
    result.conflicts_expected = len(conflicts)
    for conflict in conflicts:
        key = (conflict["office"], conflict["metric"], conflict["country"], conflict["period"])
        flagged = [f for f in proposal.conflicts if f.key == key and f.value in conflict["values"]]
        result.conflicts_flagged += bool(flagged)


def _spans(text: str, snippets: list[str]) -> list[tuple[int, int]]:
    """Where each snippet occurs in the text (every occurrence)."""
    spans = []
    for snippet in snippets:
        start = text.find(snippet)
        while start >= 0:
            spans.append((start, start + len(snippet)))
            start = text.find(snippet, start + 1)
    return spans


def _show(key: tuple) -> str:
    office, metric, country, period, value = key
    return f"{office} {metric} {country or '-'} {period} {value}"


def total(scores: list[Score]) -> Score:
    """All releases together."""
    result = Score(name="overall")
    for s in scores:
        result.expected += s.expected
        result.proposed += s.proposed
        result.found += s.found
        result.wrong += s.wrong
        result.conflicts_expected += s.conflicts_expected
        result.conflicts_flagged += s.conflicts_flagged
        result.skipped_expected += s.skipped_expected
        result.skipped_found += s.skipped_found
    return result


def passed(overall: Score) -> bool:
    """Recall of at least 90% and no wrong value."""
    return overall.recall >= MIN_RECALL and not overall.wrong
