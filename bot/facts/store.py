"""The SQLite fact base on disk: its schema, writing the tables and reading them back."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite-utils writes the base; reading needs only sqlite3 (fast start)
    import sqlite_utils

from bot.errors import FactBaseError
from bot.facts.reader import COLUMNS

REQUIRED_TABLES = frozenset(
    {"facts", "meta", "sources", "metrics", "lexicon", "intents", "common_words"}
)
FACT_KEY = ("source", "office", "period", "metric", "country")
SCHEMA = "4"  # facts keyed by office and period; release folders; words telling a language
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


# Tables whose rows are made from the release folders, not copied from one CSV file.
SCHEMAS = {
    "common_words": {"id": int, "level": float, "lang": str, "words": str},
    "facts": {
        "id": int,
        "source": str,
        "office": str,
        "period": str,
        "year": int,
        "metric": str,
        "country": str,
        "value": int,
        "quote": str,
        "corrects": str,
        "primary": int,
        "canonical": int,
        "file": str,
        "line": int,
    },
    "sources": {
        "id": str,
        "office": str,
        "period": str,
        "year": int,
        "title": str,
        "publisher": str,
        "published": str,
        "url": str,
        "folder": str,
        "text": str,
    },
    "statements": {
        "id": str,
        "source": str,
        "office": str,
        "period": str,
        "year": int,
        "intent": str,
        "summary_id": str,
        "summary_en": str,
        "quote": str,
        "items": str,
        "file": str,
        "line": int,
    },
}


def write_tables(
    db: sqlite_utils.Database, tables: dict[str, list[dict]], content_hash: str
) -> None:
    """Write every table of a validated knowledge folder, and the build metadata."""
    for name, rows in tables.items():
        numbered = name not in TABLE_KEYS  # rows without a natural key (facts, lexicon...)
        columns = {"id": int} if numbered else {}
        columns.update(SCHEMAS.get(name) or {c: str for c in COLUMNS[f"{name}.csv"]})
        db[name].create(columns, pk="id" if numbered else TABLE_KEYS[name])
        if numbered:
            rows = [{"id": i, **row} for i, row in enumerate(rows, 1)]
        db[name].insert_all(rows)
    db["facts"].create_index(["office", "metric", "year", "country"])
    db["meta"].insert_all(
        [{"key": "content_hash", "value": content_hash}, {"key": "schema", "value": SCHEMA}],
        pk="key",
    )


def read_meta(db_path: Path) -> dict[str, str]:
    """The build metadata of a fact base (empty when unreadable)."""
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
            return dict(conn.execute("select key, value from meta"))
    except sqlite3.Error:
        return {}


def read_tables(db_path: Path) -> dict[str, list[dict]]:
    """Every table of a fact base as lists of row dicts (read-only).

    Raises:
        FactBaseError: there is no file, or it is not a fact base (empty, corrupted,
            or written by an incompatible version).
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise FactBaseError(f"no fact base at {db_path}; run `python -m bot build`")
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        try:
            names = [
                r[0] for r in conn.execute("select name from sqlite_master where type='table'")
            ]
            tables = {n: [dict(r) for r in conn.execute(f'select * from "{n}"')] for n in names}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise FactBaseError(f"{db_path} is not a usable fact base ({exc})") from exc
    missing = sorted(REQUIRED_TABLES - set(tables))
    if missing:
        raise FactBaseError(f"{db_path} is not a usable fact base (no {', '.join(missing)})")
    schema = {r["key"]: r["value"] for r in tables["meta"]}.get("schema")
    if schema != SCHEMA:
        raise FactBaseError(f"{db_path} was built by another version (schema {schema})")
    return tables


def fact_key(row: dict) -> tuple:
    """The identity of a fact row: (source, office, period, metric, country)."""
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
