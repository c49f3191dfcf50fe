"""Read and validate the admin-edited files in ``knowledge/``.

Every problem is collected (file, line, reason) and raised together as one
:class:`~bot.errors.KnowledgeError`, so an admin fixes a broken edit in one go.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import KnowledgeError, Problem
from bot.text import collapse_spaces, digits_in, parse_int, split_list

BUILTIN_INTENTS = frozenset(
    {
        "value",
        "ranking",
        "top",
        "fewest",
        "share",
        "difference",
        "compare",
        "sum",
        "define",
        "greeting",
        "thanks",
        "goodbye",
        "help",
        "about_bot",
        "fallback",
    }
)
LEXICON_KINDS = frozenset(
    ["abbreviation", "lang", "number", "ordinal", "followup", "reference", "relative_year"]
)
LANGS = ("id", "en")
ALIAS_PATTERN = re.compile(r"^[a-z0-9%' ]+$")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*$")

COLUMNS: dict[str, tuple[str, ...]] = {
    "sources.csv": ("id", "title", "publisher", "published", "url", "office", "period"),
    "offices.csv": ("id", "name", "short_id", "short_en", "aliases"),
    "facts.csv": ("source", "office", "year", "metric", "country", "value", "quote"),
    "metrics.csv": (
        "id",
        "abbr",
        "name_id",
        "name_en",
        "unit_id",
        "unit_en",
        "aliases_id",
        "aliases_en",
        "definition_id",
        "definition_en",
    ),
    "groups.csv": ("id", "members", "name_id", "name_en", "aliases_id", "aliases_en"),
    "countries.csv": ("code", "aliases_id", "aliases_en"),
    "places.csv": ("name", "kind", "aliases"),
    "statements.csv": ("id", "intent", "source", "summary_id", "summary_en", "quote"),
    "topics.csv": ("id", "intent", "name_id", "name_en", "aliases_id", "aliases_en"),
    "glossary.csv": ("term", "aliases", "name_id", "name_en", "definition_id", "definition_en"),
    "intents.csv": ("intent", "lang", "kind", "text"),
    "lexicon.csv": ("kind", "lang", "word", "value"),
}
OPTIONAL: dict[str, frozenset[str]] = {
    "sources.csv": frozenset({"published", "url"}),
    "facts.csv": frozenset({"country"}),
    "metrics.csv": frozenset({"abbr"}),
    "statements.csv": frozenset(),
    "topics.csv": frozenset({"intent"}),
    "intents.csv": frozenset(),
    "lexicon.csv": frozenset({"lang", "value"}),
}


@dataclass
class Knowledge:
    """The validated content of a knowledge folder, as rows ready for the database."""

    tables: dict[str, list[dict]] = field(default_factory=dict)
    content_hash: str = ""


class _Reader:
    """Reads CSV files of one folder and collects problems instead of stopping."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.problems: list[Problem] = []

    def problem(self, file: str, line: int, message: str) -> None:
        self.problems.append(Problem(file, line, message))

    def rows(self, name: str) -> list[tuple[int, dict]]:
        path = self.folder / name
        if not path.is_file():
            self.problem(name, 0, "file missing")
            return []
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (UnicodeDecodeError, OSError) as exc:
            self.problem(name, 0, f"cannot read as UTF-8 text ({exc.__class__.__name__})")
            return []
        reader = csv.DictReader(text.splitlines(keepends=True))
        missing = [c for c in COLUMNS[name] if c not in (reader.fieldnames or [])]
        if missing:
            self.problem(name, 1, f"missing column(s): {', '.join(missing)}")
            return []
        result = []
        optional = OPTIONAL.get(name, frozenset())
        for row in reader:
            line = reader.line_num
            clean = {k: (v or "").strip() for k, v in row.items() if k is not None}
            if not any(clean.values()):
                continue
            empty = [c for c in COLUMNS[name] if not clean.get(c) and c not in optional]
            if empty:
                self.problem(name, line, f"empty field(s): {', '.join(empty)}")
                continue
            result.append((line, clean))
        return result


def _aliases(reader: _Reader, file: str, line: int, text: str) -> list[str]:
    items = split_list(text)
    for alias in items:
        if not ALIAS_PATTERN.match(alias):
            reader.problem(file, line, f"alias {alias!r} must be lower-case letters and digits")
    return items


def _unique(reader: _Reader, file: str, rows: list[tuple[int, dict]], key: str) -> dict:
    seen: dict[str, dict] = {}
    for line, row in rows:
        if row[key] in seen:
            reader.problem(file, line, f"duplicate {key} {row[key]!r}")
        seen[row[key]] = row
    return seen


def _check_quote(reader: _Reader, file: str, line: int, quote: str, source_text: str | None):
    if source_text is not None and collapse_spaces(quote) not in source_text:
        reader.problem(file, line, f"quote not found verbatim in its source: {quote[:60]!r}")


def load_knowledge(folder: Path) -> Knowledge:
    """Read and validate every knowledge file of ``folder``.

    Raises:
        KnowledgeError: listing every problem found, each with file, line and reason.
    """
    reader = _Reader(Path(folder))
    tables: dict[str, list[dict]] = {}
    office_rows = reader.rows("offices.csv")
    offices = _unique(reader, "offices.csv", office_rows, "id")
    for line, row in office_rows:
        _aliases(reader, "offices.csv", line, row["aliases"])
    tables["offices"] = list(offices.values())
    sources = _load_sources(reader, tables, offices)
    metrics = _load_metrics(reader, tables)
    statement_intents = _load_statements(reader, tables, sources)
    _load_facts(reader, tables, sources, offices, metrics)
    _load_simple(reader, tables, metrics, statement_intents)
    _load_intents(reader, tables, statement_intents)
    _load_lexicon(reader, tables)
    if reader.problems:
        raise KnowledgeError(reader.problems)
    return Knowledge(tables=tables, content_hash=content_hash(Path(folder)))


def _load_sources(reader: _Reader, tables: dict, offices: dict) -> dict[str, str]:
    rows = reader.rows("sources.csv")
    texts: dict[str, str] = {}
    tables["sources"] = []
    for line, row in rows:
        if not ID_PATTERN.match(row["id"]):
            reader.problem("sources.csv", line, f"bad id {row['id']!r}")
            continue
        path = reader.folder / "sources" / f"{row['id']}.txt"
        if not path.is_file():
            reader.problem("sources.csv", line, f"source file missing: sources/{row['id']}.txt")
            continue
        if row["office"] not in offices:
            reader.problem("sources.csv", line, f"unknown office {row['office']!r}")
        if parse_int(row["period"]) is None:
            reader.problem("sources.csv", line, f"period {row['period']!r} is not a year")
            continue
        if row["id"] in texts:
            reader.problem("sources.csv", line, f"duplicate id {row['id']!r}")
        texts[row["id"]] = collapse_spaces(path.read_text(encoding="utf-8"))
        tables["sources"].append(
            {**row, "period": parse_int(row["period"]), "text": texts[row["id"]]}
        )
    return texts


def _load_metrics(reader: _Reader, tables: dict) -> set[str]:
    rows = reader.rows("metrics.csv")
    metrics = _unique(reader, "metrics.csv", rows, "id")
    owner: dict[str, str] = {}
    for line, row in rows:
        for alias in _aliases(
            reader, "metrics.csv", line, row["aliases_id"] + "|" + row["aliases_en"]
        ):
            if owner.setdefault(alias, row["id"]) != row["id"]:
                reader.problem("metrics.csv", line, f"alias {alias!r} already names {owner[alias]}")
    tables["metrics"] = [row for _, row in rows]
    groups = reader.rows("groups.csv")
    for line, row in groups:
        for member in split_list(row["members"]):
            if member not in metrics:
                reader.problem("groups.csv", line, f"unknown metric {member!r} in members")
        _aliases(reader, "groups.csv", line, row["aliases_id"] + "|" + row["aliases_en"])
    tables["groups"] = [row for _, row in groups]
    return set(metrics)


def _load_statements(reader: _Reader, tables: dict, sources: dict[str, str]) -> set[str]:
    rows = reader.rows("statements.csv")
    _unique(reader, "statements.csv", rows, "id")
    for line, row in rows:
        if row["source"] not in sources:
            reader.problem("statements.csv", line, f"unknown source {row['source']!r}")
        else:
            _check_quote(reader, "statements.csv", line, row["quote"], sources[row["source"]])
        if row["intent"] in BUILTIN_INTENTS or not ID_PATTERN.match(row["intent"]):
            reader.problem("statements.csv", line, f"intent {row['intent']!r} is reserved or bad")
    tables["statements"] = [row for _, row in rows]
    return {row["intent"] for _, row in rows}


def _load_facts(reader, tables, sources, offices, metrics) -> None:
    from bot.countries import is_country_code

    seen: dict[tuple, int] = {}
    tables["facts"] = []
    for line, row in reader.rows("facts.csv"):
        fail = len(reader.problems)
        where = f"{row['metric']} {row['year']} {row['country'] or 'all countries'}"
        if row["source"] not in sources:
            reader.problem("facts.csv", line, f"unknown source {row['source']!r}")
        if row["office"] not in offices:
            reader.problem("facts.csv", line, f"unknown office {row['office']!r}")
        if row["metric"] not in metrics:
            reader.problem("facts.csv", line, f"unknown metric {row['metric']!r}")
        if row["country"] and not is_country_code(row["country"]):
            reader.problem("facts.csv", line, f"unknown country code {row['country']!r}")
        year = parse_int(row["year"])
        if year is None or not 1900 <= year <= 2100:
            reader.problem("facts.csv", line, f"year {row['year']!r} is not a year")
        value = parse_int(row["value"])
        if value is None:
            reader.problem(
                "facts.csv", line, f"{where}: value {row['value']!r} is not a non-negative integer"
            )
        elif str(value) not in digits_in(row["quote"]):
            reader.problem(
                "facts.csv", line, f"{where}: value {value} does not appear in its quote"
            )
        _check_quote(reader, "facts.csv", line, row["quote"], sources.get(row["source"]))
        key = (row["source"], row["metric"], year, row["country"])
        if key in seen:
            reader.problem("facts.csv", line, f"{where}: duplicate of line {seen[key]}")
        seen.setdefault(key, line)
        if len(reader.problems) == fail:
            tables["facts"].append(
                {
                    **row,
                    "year": year,
                    "value": value,
                    "country": row["country"] or None,
                    "line": line,
                }
            )


def _load_simple(reader: _Reader, tables: dict, metrics: set[str], statement_intents: set[str]):
    from bot.countries import is_country_code

    countries = reader.rows("countries.csv")
    _unique(reader, "countries.csv", countries, "code")
    for line, row in countries:
        if not is_country_code(row["code"]):
            reader.problem("countries.csv", line, f"unknown country code {row['code']!r}")
        _aliases(reader, "countries.csv", line, row["aliases_id"] + "|" + row["aliases_en"])
    tables["countries"] = [row for _, row in countries]
    for name, key, alias_cols in (
        ("places.csv", "name", ("aliases",)),
        ("glossary.csv", "term", ("aliases",)),
        ("topics.csv", "id", ("aliases_id", "aliases_en")),
    ):
        rows = reader.rows(name)
        _unique(reader, name, rows, key)
        for line, row in rows:
            _aliases(reader, name, line, "|".join(row[c] for c in alias_cols))
            if name == "topics.csv" and row["intent"] and row["intent"] not in statement_intents:
                reader.problem(name, line, f"intent {row['intent']!r} is no statement intent")
        tables[name.removesuffix(".csv")] = [row for _, row in rows]


def _load_intents(reader: _Reader, tables: dict, statement_intents: set[str]) -> None:
    rows = reader.rows("intents.csv")
    known = BUILTIN_INTENTS | statement_intents
    examples: dict[str, set[str]] = {}
    for line, row in rows:
        if row["intent"] not in known:
            reader.problem("intents.csv", line, f"unknown intent {row['intent']!r}")
        if row["lang"] not in LANGS:
            reader.problem("intents.csv", line, f"lang must be id or en, not {row['lang']!r}")
        if row["kind"] not in ("cue", "example"):
            reader.problem("intents.csv", line, f"kind must be cue or example, not {row['kind']!r}")
        if row["kind"] == "example":
            examples.setdefault(row["intent"], set()).add(row["lang"])
    for intent in sorted(known):
        for lang in LANGS:
            if lang not in examples.get(intent, set()):
                reader.problem("intents.csv", 0, f"intent {intent!r} has no example in {lang!r}")
    tables["intents"] = [row for _, row in rows]


def _load_lexicon(reader: _Reader, tables: dict) -> None:
    rows = reader.rows("lexicon.csv")
    for line, row in rows:
        kind = row["kind"]
        if kind not in LEXICON_KINDS:
            reader.problem("lexicon.csv", line, f"unknown kind {kind!r}")
        elif not ALIAS_PATTERN.match(row["word"]):
            reader.problem("lexicon.csv", line, f"word {row['word']!r} must be lower-case")
        elif kind in ("number", "ordinal") and parse_int(row["value"]) is None:
            reader.problem("lexicon.csv", line, f"{kind} {row['word']!r} needs an integer value")
        elif kind == "relative_year" and not re.fullmatch(r"period(-\d+)?", row["value"]):
            reader.problem("lexicon.csv", line, "relative_year value must be period or period-N")
        elif kind in ("lang", "abbreviation", "followup", "reference") and row["lang"] not in LANGS:
            reader.problem("lexicon.csv", line, f"lang must be id or en, not {row['lang']!r}")
    tables["lexicon"] = [row for _, row in rows]


def content_hash(folder: Path) -> str:
    """A SHA-256 over every file of the folder (names and bytes), in a stable order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()
