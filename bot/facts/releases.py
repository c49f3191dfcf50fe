"""Read and validate the release folders: ``releases/<office>/<name>/`` holds one source
document (``release.txt``), its metadata (``release.csv``), the figures it states
(``facts.csv``) and its other statements (``statements.csv``, optional).

A figure's identity is its office, period, metric and country. Two sources that state one
key with the same value corroborate each other; with different values the build is
refused naming both lines, unless one row ``corrects`` the other's source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.facts.reader import BUILTIN_INTENTS, Reader, check_quote, unique
from bot.model.countries import is_country_code
from bot.model.numbers import stated_numbers
from bot.model.period import parse_period
from bot.model.text import clean_tokens, collapse_spaces, parse_int

RELEASES = "releases"
FOLDER_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


@dataclass(frozen=True)
class Release:
    """One release folder: its source id, office, own period and where it lives."""

    source: str
    office: str
    period: str
    folder: str
    text: str


def load_releases(
    reader: Reader,
    tables: dict,
    offices: Mapping[str, dict],
    metrics: set[str],
    names: dict[str, list[str]],
    spelled: Callable[[str], set[int]],
) -> None:
    """Fill ``tables`` with the sources, facts and statements of every release folder.

    Each fact and statement row keeps its ``file`` and ``line``.
    """
    tables["sources"], tables["facts"], tables["statements"] = [], [], []
    root = reader.folder / RELEASES
    if not root.is_dir():
        reader.problem(RELEASES, 0, "folder missing")
        return
    for office_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        if office_dir.name not in offices:
            reader.problem(f"{RELEASES}/{office_dir.name}", 0, "unknown office (offices.csv)")
            continue
        for folder in sorted(p for p in office_dir.iterdir() if p.is_dir()):
            release = _load_release(reader, folder)
            if release is None:
                continue
            tables["sources"].append(_source_row(reader, release))
            check = FactCheck(reader, release, offices, metrics, names, spelled)
            tables["facts"].extend(check.rows())
            tables["statements"].extend(_statements(reader, release))
    _resolve_duplicates(reader, tables["facts"])


def _load_release(reader: Reader, folder: Path) -> Release | None:
    where = folder.relative_to(reader.folder).as_posix()
    if not FOLDER_PATTERN.match(folder.name):
        reader.problem(where, 0, "folder name must be lower-case letters, digits, - or _")
        return None
    text_path = folder / "release.txt"
    if not text_path.is_file():
        reader.problem(f"{where}/release.txt", 0, "file missing")
        return None
    rows = reader.rows(f"{where}/release.csv")
    if len(rows) != 1:
        if rows:
            reader.problem(f"{where}/release.csv", rows[1][0], "one row per release")
        return None
    line, row = rows[0]
    if parse_period(row["period"]) is None:
        reader.problem(f"{where}/release.csv", line, f"period {row['period']!r} is not a period")
        return None
    office = folder.parent.name
    text = collapse_spaces(text_path.read_text(encoding="utf-8", errors="replace"))
    return Release(f"{office}-{folder.name}", office, row["period"], where, text)


def _source_row(reader: Reader, release: Release) -> dict:
    _, row = reader.rows(f"{release.folder}/release.csv")[0]
    period = parse_period(release.period)
    return {
        **{k: row[k] for k in ("title", "publisher", "published", "url")},
        "id": release.source,
        "office": release.office,
        "period": release.period,
        "year": period.year,
        "folder": release.folder,
        "text": release.text,
    }


class FactCheck:
    """Validates the ``facts.csv`` rows of one release."""

    def __init__(self, reader, release, offices, metrics, names, spelled):
        self.reader, self.release = reader, release
        self.offices, self.metrics, self.names = offices, metrics, names
        self.spelled = spelled
        self.file = f"{release.folder}/facts.csv"

    def rows(self) -> list[dict]:
        """The valid fact rows, each with its file, line, year and value filled in."""
        found = []
        for line, row in self.reader.rows(self.file):
            fail = len(self.reader.problems)
            fact = self._fact(line, row)
            if fact is not None and len(self.reader.problems) == fail:
                found.append(fact)
        return found

    def _problem(self, line: int, message: str) -> None:
        self.reader.problem(self.file, line, message)

    def _fact(self, line: int, row: dict) -> dict | None:
        office = row["office"] or self.release.office
        period = parse_period(row["period"] or self.release.period)
        where = f"{row['metric']} {row['period'] or self.release.period} {row['country'] or 'all'}"
        if office not in self.offices:
            self._problem(line, f"unknown office {office!r}")
        if row["metric"] not in self.metrics:
            self._problem(line, f"unknown metric {row['metric']!r}")
        if row["country"] and not is_country_code(row["country"]):
            self._problem(line, f"unknown country code {row['country']!r}")
        if period is None:
            self._problem(line, f"period {row['period']!r} is not a period")
        value = parse_int(row["value"])
        if value is None:
            self._problem(line, f"{where}: value {row['value']!r} is not a non-negative integer")
        check_quote(self.reader, self.file, line, row["quote"], self.release.text)
        if value is None or period is None:
            return None
        self._check_quote_states(line, row, value, period.year, where)
        return {
            "source": self.release.source,
            "office": office,
            "period": str(period),
            "year": period.year,
            "metric": row["metric"],
            "country": row["country"] or None,
            "value": value,
            "quote": row["quote"],
            "corrects": row["corrects"],
            "primary": int(str(period) == self.release.period),
            "file": self.file,
            "line": line,
        }

    def _check_quote_states(self, line: int, row: dict, value: int, year: int, where: str):
        """The quote states the value as a count (not as the year) and names the subject."""
        stated = stated_numbers(row["quote"], besides=year)
        if value not in stated and value not in self.spelled(row["quote"]):
            self._problem(line, f"{where}: value {value} does not appear in its quote")
        subject = row["country"] or row["metric"]
        words = " " + " ".join(clean_tokens(row["quote"])) + " "
        if not any(f" {name} " in words for name in self.names.get(subject, ())):
            self._problem(line, f"{where}: the quote does not name {subject}")


def split_items(items: str) -> list[str]:
    """The things a statement lists ("Eazy Paspor|Drive Thru")."""
    return [item.strip() for item in items.split("|") if item.strip()]


def _statements(reader: Reader, release: Release) -> list[dict]:
    name = f"{release.folder}/statements.csv"
    if not (reader.folder / name).is_file():
        return []
    rows = reader.rows(name)
    unique(reader, name, rows, "id")
    found = []
    for line, row in rows:
        check_quote(reader, name, line, row["quote"], release.text)
        for item in split_items(row.get("items", "")):
            if item.casefold() not in row["quote"].casefold():
                reader.problem(name, line, f"item {item!r} is not in the quote")
        if row["intent"] in BUILTIN_INTENTS:
            reader.problem(name, line, f"intent {row['intent']!r} is reserved")
        period = parse_period(release.period)
        found.append(
            {
                **row,
                "id": f"{release.source}/{row['id']}",
                "source": release.source,
                "office": release.office,
                "period": release.period,
                "year": period.year,
                "file": name,
                "line": line,
            }
        )
    return found


def _resolve_duplicates(reader: Reader, facts: list[dict]) -> None:
    """Mark one fact per key as canonical: a correction wins, equal values corroborate (the
    release about that period first), different values are refused naming both lines."""
    sources = {fact["source"] for fact in facts}
    by_key: dict[tuple, list[dict]] = {}
    for fact in facts:
        if fact["corrects"] and fact["corrects"] not in sources:
            message = f"corrects {fact['corrects']!r}, which states no figure"
            reader.problem(fact["file"], fact["line"], message)
        key = (fact["office"], fact["period"], fact["metric"], fact["country"])
        by_key.setdefault(key, []).append(fact)
    for rows in by_key.values():
        for row in rows:
            row["canonical"] = 0
        winner = _canonical(reader, rows)
        if winner is not None:
            winner["canonical"] = 1


def _canonical(reader: Reader, rows: list[dict]) -> dict | None:
    seen: dict[str, dict] = {}
    for row in rows:
        if row["source"] in seen:
            reader.problem(
                row["file"], row["line"], f"duplicate of line {seen[row['source']]['line']}"
            )
            return None
        seen[row["source"]] = row
    corrected = {row["corrects"] for row in rows if row["corrects"]}
    live = [row for row in rows if row["source"] not in corrected]
    if not live:
        reader.problem(rows[0]["file"], rows[0]["line"], "every source here corrects another")
        return None
    first = live[0] if live else rows[0]
    for row in live[1:]:
        if row["value"] != first["value"]:
            where = f"{row['metric']} {row['period']} {row['country'] or 'all'}"
            reader.problem(
                row["file"],
                row["line"],
                f"{where}: {row['value']} contradicts {first['value']} at "
                f"{first['file']}:{first['line']} (mark one row's `corrects` with the other's "
                "source)",
            )
            return None
    primary = [row for row in live if row["primary"]]
    return (primary or live)[0]
