"""Helpers that edit a copy of the knowledge folder the way an admin would."""

from __future__ import annotations

import csv
import io
from pathlib import Path


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


def fact_line(folder: Path, metric: str, country: str = "") -> int:
    """The 1-based file line of a fact row (the header is line 1)."""
    rows = read_rows(folder / "facts.csv")
    index = next(i for i, r in enumerate(rows) if r["metric"] == metric and r["country"] == country)
    return index + 2


def set_fact(folder: Path, metric: str, country: str = "", /, **changes: str) -> dict:
    """Change fields of one fact row; returns the row as it was."""
    path = folder / "facts.csv"
    rows = read_rows(path)
    row = next(r for r in rows if r["metric"] == metric and r["country"] == country)
    before = dict(row)
    row.update(changes)
    write_rows(path, rows)
    return before


def change_figure(folder: Path, metric: str, new_value: int, country: str = "") -> None:
    """Change a figure consistently: the value, its quote and the source text."""
    path = folder / "facts.csv"
    rows = read_rows(path)
    row = next(r for r in rows if r["metric"] == metric and r["country"] == country)
    old_quote = row["quote"]
    new_quote = old_quote.replace(row["value"], str(new_value))
    assert new_quote != old_quote
    source = folder / "sources" / f"{row['source']}.txt"
    text = source.read_text(encoding="utf-8")
    assert old_quote in text
    source.write_text(text.replace(old_quote, new_quote), encoding="utf-8")
    row["value"], row["quote"] = str(new_value), new_quote
    write_rows(path, rows)
