"""Save a confirmed proposal as a release folder, rebuild, and undo the last save.

Saving writes ``releases/<office>/<name>/`` (the text, its metadata, the facts and
statements the admin kept) and any new office rows, then rebuilds the fact base exactly
as ``/reload`` does. A refused build takes every written file back, so the knowledge
folder and the live facts stay as they were. Each save leaves an undo record: the files
it created and the old content of the files it changed.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import IngestError, KnowledgeError
from bot.facts.build import ReloadReport, reload
from bot.facts.ingest.proposal import Proposal, ProposedFact
from bot.facts.reader import COLUMNS
from bot.facts.releases import RELEASES

OFFICES = "offices.csv"
UNDO_KEEP = 20  # undo records kept


@dataclass(frozen=True)
class SaveReport:
    """What a save wrote and what the rebuild changed."""

    folder: str
    kept: list[ProposedFact]
    left_out: list[tuple[ProposedFact, str]] = field(default_factory=list)
    reload: ReloadReport | None = None


def save_proposal(
    proposal: Proposal,
    knowledge_dir: Path,
    db_path: Path,
    undo_dir: Path,
    *,
    drop: frozenset[int] = frozenset(),
) -> SaveReport:
    """Write ``proposal`` (without the facts numbered in ``drop``) and rebuild.

    Facts that state one key twice with different values are left out: the admin
    decides which one is right and adds it by hand.

    Raises:
        IngestError: the release's office or period is unknown.
        KnowledgeError: the rebuild refused the files; nothing was changed.
    """
    knowledge_dir = Path(knowledge_dir)
    if not proposal.source.get("office") or not proposal.source.get("period"):
        raise IngestError("the release's office or period is not known: give --office/--period")
    kept, left_out = _choose(proposal, drop)
    folder = _new_folder(knowledge_dir, proposal.source)
    offices_before = (knowledge_dir / OFFICES).read_text(encoding="utf-8")
    try:
        _write_release(knowledge_dir / folder, proposal, kept)
        _add_offices(knowledge_dir / OFFICES, proposal.offices)
        report = reload(knowledge_dir, db_path)
    except (KnowledgeError, OSError):
        _remove_folder(knowledge_dir, folder)
        (knowledge_dir / OFFICES).write_text(offices_before, encoding="utf-8")
        raise
    _remember(undo_dir, {"created": folder, OFFICES: offices_before})
    return SaveReport(folder, kept, left_out, report)


def undo_last(knowledge_dir: Path, db_path: Path, undo_dir: Path) -> tuple[str, ReloadReport]:
    """Take the last save back (its folder and office rows) and rebuild.

    The folder is moved aside first and put back when the rebuild refuses, so a refused
    undo changes nothing and can be tried again.

    Raises:
        FileNotFoundError: there is no save to undo.
        KnowledgeError: the knowledge folder was edited since and would no longer build
            without the release; nothing was changed.
    """
    records = sorted(Path(undo_dir).glob("*.json"))
    if not records:
        raise FileNotFoundError("no save to undo")
    record = json.loads(records[-1].read_text(encoding="utf-8"))
    knowledge_dir, folder = Path(knowledge_dir), record["created"]
    aside = records[-1].with_suffix(".undoing")
    shutil.rmtree(aside, ignore_errors=True)
    offices_now = (knowledge_dir / OFFICES).read_text(encoding="utf-8")
    if (knowledge_dir / folder).exists():
        shutil.move(knowledge_dir / folder, aside)
    _remove_folder(knowledge_dir, folder)
    (knowledge_dir / OFFICES).write_text(record[OFFICES], encoding="utf-8")
    try:
        report = reload(knowledge_dir, db_path)
    except (KnowledgeError, OSError):
        if aside.exists():
            (knowledge_dir / folder).parent.mkdir(parents=True, exist_ok=True)
            shutil.move(aside, knowledge_dir / folder)
        (knowledge_dir / OFFICES).write_text(offices_now, encoding="utf-8")
        raise
    shutil.rmtree(aside, ignore_errors=True)
    records[-1].unlink()
    return folder, report


def _remove_folder(knowledge_dir: Path, folder: str) -> None:
    """Remove a release folder and the office folders it leaves empty (an empty folder of
    an office that ``offices.csv`` no longer has would refuse every build)."""
    shutil.rmtree(knowledge_dir / folder, ignore_errors=True)
    parent, top = (knowledge_dir / folder).parent, knowledge_dir / RELEASES
    while parent != top and parent.is_relative_to(top) and parent.is_dir():
        if any(parent.iterdir()):
            break
        parent.rmdir()
        parent = parent.parent


def _choose(proposal: Proposal, drop: frozenset[int]):
    """The facts to write, and those left out with why."""
    chosen = [f for i, f in enumerate(proposal.facts, 1) if i not in drop]
    counts: dict[tuple, set[int]] = {}
    for fact in chosen:
        counts.setdefault(fact.key, set()).add(fact.value)
    kept = [f for f in chosen if len(counts[f.key]) == 1]
    kept = list({f.key: f for f in kept}.values())  # one row per key
    left_out = [(f, "two values for one figure") for f in chosen if len(counts[f.key]) > 1]
    return kept, left_out


def _new_folder(knowledge_dir: Path, source: dict) -> str:
    """ "releases/bekasi/2021", or "releases/bekasi/2021-2" when that one exists."""
    office, name = source["office"], source["period"].lower()
    base = f"{RELEASES}/{office}/{name}"
    folder, n = base, 1
    while (knowledge_dir / folder).exists():
        n += 1
        folder = f"{base}-{n}"
    return folder


def _write_release(folder: Path, proposal: Proposal, facts: list[ProposedFact]) -> None:
    folder.mkdir(parents=True)
    source = proposal.source
    (folder / "release.txt").write_text(proposal.text, encoding="utf-8")
    _write_csv(folder / "release.csv", [{c: source.get(c, "") for c in COLUMNS["release.csv"]}])
    rows = [
        {
            "metric": f.metric,
            "country": f.country or "",
            "value": str(f.value),
            "quote": f.quote,
            "period": "" if f.period == source["period"] else f.period,
            "office": "" if f.office == source["office"] else f.office,
            "corrects": "",
        }
        for f in facts
    ]
    _write_csv(folder / "facts.csv", rows, COLUMNS["facts.csv"])
    statements = [
        {"id": f"{s.intent}-{i}", **s.to_dict()} for i, s in enumerate(proposal.statements, 1)
    ]
    if statements:
        _write_csv(folder / "statements.csv", statements, COLUMNS["statements.csv"])


def _add_offices(path: Path, offices: list[dict]) -> None:
    if not offices:
        return
    text = path.read_text(encoding="utf-8")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS[OFFICES], lineterminator="\n")
    writer.writerows({c: row.get(c, "") for c in COLUMNS[OFFICES]} for row in offices)
    path.write_text(text.rstrip("\n") + "\n" + out.getvalue(), encoding="utf-8")


def _write_csv(path: Path, rows: list[dict], columns=None) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns or rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _remember(undo_dir: Path, record: dict) -> None:
    undo_dir = Path(undo_dir)
    undo_dir.mkdir(parents=True, exist_ok=True)
    (undo_dir / f"{time.time_ns()}.json").write_text(json.dumps(record), encoding="utf-8")
    for old in sorted(undo_dir.glob("*.json"))[:-UNDO_KEEP]:
        old.unlink()
