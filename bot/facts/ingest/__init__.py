"""The release extractor: a press release in, a proposal of its facts out.

Stages, one module each: ``read`` (a file or URL into text), ``tokens``, ``numbers``,
``periods`` (with ``cue`` and ``months``), ``offices``, ``subjects``, ``tables`` and
``document`` (the text analysed once); ``families`` (markers, refinements and unit words,
derived from the metric names); ``attach`` (with ``cells``, ``clauses``, ``refine``,
``holders`` and ``countries``) and ``extract`` (with ``dating``): each figure's metric,
country, office, period and quote; ``checks`` (conflicts), ``statements``, ``source``;
``proposal`` holds the result. Nothing is written: an admin confirms the proposal before any
figure goes live.
"""

from __future__ import annotations

from pathlib import Path

from bot.facts.ingest.checks import check
from bot.facts.ingest.document import analyse
from bot.facts.ingest.extract import extract
from bot.facts.ingest.proposal import Proposal
from bot.facts.ingest.read import Release, read_release
from bot.facts.ingest.source import source_row
from bot.facts.ingest.statements import find_statements
from bot.facts.ingest.vocab import Vocabulary, build_vocabulary

__all__ = ["Proposal", "load_vocabulary", "propose", "propose_release"]


def load_vocabulary(knowledge_dir: Path) -> Vocabulary:
    """The extractor's vocabulary from a validated knowledge folder.

    Raises:
        KnowledgeError: the knowledge files are invalid.
    """
    from bot.facts.validate import load_knowledge

    return build_vocabulary(load_knowledge(Path(knowledge_dir)).tables)


def propose(
    release: Release | str, vocab: Vocabulary, office: str = "", period: str = ""
) -> Proposal:
    """The proposal for one release (or plain text); ``office``/``period`` override the
    detected release office and period."""
    if isinstance(release, str):
        release = Release(text=release, name="text")
    doc = analyse(release.text, vocab, office=office, period=period)
    facts, skipped = extract(doc)
    facts = check(facts, vocab)
    used = {f.office for f in facts} | {doc.office}
    offices = [row for office_id, row in doc.offices.new_rows.items() if office_id in used]
    return Proposal(
        source=source_row(doc, release.url, release.meta),
        offices=offices,
        facts=facts,
        skipped=skipped,
        statements=find_statements(doc),
        text=release.text,
    )


def propose_release(
    source: str | Path, knowledge_dir: Path, office: str = "", period: str = ""
) -> Proposal:
    """Read ``source`` (a file or an http(s) URL) and propose its facts."""
    return propose(read_release(source), load_vocabulary(knowledge_dir), office, period)
