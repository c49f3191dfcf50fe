"""Helpers that edit a copy of the knowledge folder the way an admin would, and that make
small knowledge folders of their own for the tests of one mechanism."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

SEED = Path("releases/bekasi/2020")  # the release folder of the project's knowledge
FACT_COLUMNS = ["metric", "country", "value", "quote", "period", "office", "corrects"]


def read_rows(path: Path) -> list[dict]:
    """The rows of a CSV file."""
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def write_rows(path: Path, rows: list[dict], fieldnames: list[str] | None = None) -> None:
    """Write rows back (keeping the column order of the first row)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fieldnames or list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def facts_file(folder: Path, release: Path = SEED) -> Path:
    """The ``facts.csv`` of a release folder."""
    return folder / release / "facts.csv"


def fact_line(folder: Path, metric: str, country: str = "", release: Path = SEED) -> int:
    """The 1-based file line of a fact row (the header is line 1)."""
    rows = read_rows(facts_file(folder, release))
    index = next(i for i, r in enumerate(rows) if r["metric"] == metric and r["country"] == country)
    return index + 2


def set_fact(folder: Path, metric: str, country: str = "", /, **changes: str) -> dict:
    """Change fields of one fact row of the seed release; returns the row as it was."""
    path = facts_file(folder)
    rows = read_rows(path)
    row = next(r for r in rows if r["metric"] == metric and r["country"] == country)
    before = dict(row)
    row.update(changes)
    write_rows(path, rows)
    return before


def change_figure(folder: Path, metric: str, new_value: int, country: str = "") -> None:
    """Change a figure consistently: the value, its quote and the release text."""
    path = facts_file(folder)
    rows = read_rows(path)
    row = next(r for r in rows if r["metric"] == metric and r["country"] == country)
    old_quote = row["quote"]
    new_quote = old_quote.replace(row["value"], str(new_value))
    assert new_quote != old_quote
    source = folder / SEED / "release.txt"
    text = source.read_text(encoding="utf-8")
    assert old_quote in text
    source.write_text(text.replace(old_quote, new_quote), encoding="utf-8")
    row["value"], row["quote"] = str(new_value), new_quote
    write_rows(path, rows)


def add_release(
    folder: Path,
    office: str,
    name: str,
    text: str,
    facts: list[dict],
    *,
    period: str | None = None,
    statements: list[dict] | None = None,
) -> Path:
    """Write a release folder: its text, metadata, facts (dicts of FACT_COLUMNS, missing
    ones empty) and statements."""
    where = folder / "releases" / office / name
    where.mkdir(parents=True, exist_ok=True)
    (where / "release.txt").write_text(text, encoding="utf-8")
    meta = {"title": f"Rilis {office} {name}", "publisher": "Uji", "published": "", "url": ""}
    write_rows(where / "release.csv", [{**meta, "period": period or name}])
    rows = [{c: str(f.get(c) or "") for c in FACT_COLUMNS} for f in facts]
    write_rows(where / "facts.csv", rows, FACT_COLUMNS)
    if statements:
        write_rows(where / "statements.csv", statements)
    return where


def add_office(folder: Path, office: str, name: str, aliases: str) -> None:
    """Append an office to ``offices.csv``."""
    path = folder / "offices.csv"
    rows = read_rows(path)
    short = f"Kantor Imigrasi {name}"
    rows.append(
        {"id": office, "name": short, "short_id": short, "short_en": f"the {name} immigration "
         "office", "aliases": aliases}
    )  # fmt: skip
    write_rows(path, rows)


def without_releases(source: Path, target: Path) -> Path:
    """A copy of the knowledge folder ``source`` with no release folders (the shared lists
    only), for tests that build their own releases."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("releases"))
    (target / "releases").mkdir()
    return target
