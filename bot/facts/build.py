"""Build the fact base from ``knowledge/``: validate, write beside the old base, load-check,
then rename over it, so that a refused build leaves the last good base untouched."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from bot.errors import FactBaseError, KnowledgeError, Problem
from bot.facts.base import FactBase
from bot.facts.store import diff_facts, read_meta, read_tables, write_tables
from bot.facts.validate import load_knowledge
from bot.facts.words import common_word_rows


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote."""

    db_path: Path
    facts: int
    content_hash: str
    changed: bool


def build(knowledge_dir: Path, db_path: Path) -> BuildReport:
    """Validate ``knowledge_dir`` and write a fresh fact base to ``db_path``.

    The new base is written beside the old one and renamed over it only when
    everything validated, so a refused build leaves the last good file untouched.

    Raises:
        KnowledgeError: the files are invalid; nothing was written.
    """
    knowledge = load_knowledge(Path(knowledge_dir))
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    old_hash = read_meta(db_path).get("content_hash") if db_path.exists() else None
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        db = sqlite_utils.Database(tmp)
        tables = {**knowledge.tables, "common_words": common_word_rows()}
        write_tables(db, tables, knowledge.content_hash)
        db.close()
        _check_loads(tmp)
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
    return BuildReport(
        db_path=db_path,
        facts=len(knowledge.tables["facts"]),
        content_hash=knowledge.content_hash,
        changed=old_hash != knowledge.content_hash,
    )


def _check_loads(db_path: Path) -> None:
    """Load the new base as the bot will, so that one it cannot use never replaces the last."""
    try:
        FactBase.from_db(db_path)
    except (KeyError, ValueError, TypeError) as exc:
        raise KnowledgeError([Problem("(fact base)", 0, f"cannot be loaded: {exc!r}")]) from exc


@dataclass(frozen=True)
class ReloadReport:
    """What a rebuild changed: the facts before and after, and the rows added, removed
    and changed between them."""

    build: BuildReport
    before: list[dict]
    after: list[dict]
    diff: dict[str, list]


def reload(knowledge_dir: Path, db_path: Path) -> ReloadReport:
    """Rebuild ``db_path`` from ``knowledge_dir`` and report what changed.

    Raises:
        KnowledgeError: the files are invalid; the base on disk is untouched.
    """
    try:
        before = read_tables(db_path)["facts"]
    except FactBaseError:
        before = []  # a missing or broken base is rebuilt from the files
    report = build(knowledge_dir, db_path)
    after = read_tables(db_path)["facts"]
    return ReloadReport(report, before, after, diff_facts(before, after))
