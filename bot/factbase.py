"""Build the SQLite fact base from ``knowledge/`` (atomically) and read it back."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from bot.errors import KnowledgeError, Problem
from bot.knowledge import load_knowledge
from bot.knowledge_reader import COLUMNS

FACT_KEY = ("source", "office", "metric", "year", "country")
TABLE_KEYS = {
    "sources": "id",
    "offices": "id",
    "metrics": "id",
    "groups": "id",
    "countries": "code",
    "places": "name",
    "statements": "id",
    "topics": "id",
    "glossary": "term",
}


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
        _write(db, knowledge.tables, knowledge.content_hash)
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


def _write(db: sqlite_utils.Database, tables: dict[str, list[dict]], content_hash: str) -> None:
    db["facts"].create(
        {
            "id": int,
            "source": str,
            "office": str,
            "year": int,
            "metric": str,
            "country": str,
            "value": int,
            "quote": str,
            "line": int,
        },
        pk="id",
        not_null={"source", "office", "year", "metric", "value", "quote"},
    )
    db["facts"].insert_all(
        ({"id": i, **row} for i, row in enumerate(tables["facts"], 1)), columns=None
    )
    db["facts"].create_index(["metric", "year", "country"])
    for name, rows in tables.items():
        if name == "facts":
            continue
        numbered = name not in TABLE_KEYS  # rows without a natural key (intents, lexicon)
        columns = {"id": int} if numbered else {}
        columns.update({c: str for c in COLUMNS[f"{name}.csv"]})
        db[name].create(columns, pk="id" if numbered else TABLE_KEYS[name])
        if numbered:
            rows = [{"id": i, **row} for i, row in enumerate(rows, 1)]
        db[name].insert_all(rows, alter=True)
    db["meta"].insert_all(
        [{"key": "content_hash", "value": content_hash}, {"key": "schema", "value": "1"}],
        pk="key",
    )


def _check_loads(db_path: Path) -> None:
    """Load the new base as the bot will, so that one it cannot use never replaces the last."""
    from bot.base import FactBase  # base reads through this module

    try:
        FactBase.from_db(db_path)
    except (KeyError, ValueError, TypeError) as exc:
        raise KnowledgeError([Problem("(fact base)", 0, f"cannot be loaded: {exc!r}")]) from exc


def read_meta(db_path: Path) -> dict[str, str]:
    """The build metadata of a fact base (empty when unreadable)."""
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
            return dict(conn.execute("select key, value from meta"))
    except sqlite3.Error:
        return {}


def read_tables(db_path: Path) -> dict[str, list[dict]]:
    """Every table of a fact base as lists of row dicts (read-only)."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise FileNotFoundError(f"no fact base at {db_path}; run `python -m bot build`")
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        db = sqlite_utils.Database(conn)
        return {name: list(db[name].rows) for name in db.table_names()}
    finally:
        conn.close()


def fact_key(row: dict) -> tuple:
    """The identity of a fact row: (source, office, metric, year, country)."""
    return tuple(row.get(k) for k in FACT_KEY)


def diff_facts(before: list[dict], after: list[dict]) -> dict[str, list]:
    """Rows added, removed and changed (value or quote) between two fact lists."""
    old = {fact_key(r): r for r in before}
    new = {fact_key(r): r for r in after}
    return {
        "added": [new[k] for k in new if k not in old],
        "removed": [old[k] for k in old if k not in new],
        "changed": [
            (old[k], new[k])
            for k in new
            if k in old and (old[k]["value"], old[k]["quote"]) != (new[k]["value"], new[k]["quote"])
        ],
    }
