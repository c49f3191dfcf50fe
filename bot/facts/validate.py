"""Read and validate the admin-edited files in ``knowledge/``.

Every problem is collected (file, line, reason) and raised together as one
:class:`~bot.errors.KnowledgeError`, so an admin fixes a broken edit in one go.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import KnowledgeError
from bot.facts.reader import (
    ALIAS_PATTERN,
    BUILTIN_INTENTS,
    ID_PATTERN,
    LANGS,
    LEXICON_KINDS,
    Reader,
    check_aliases,
    check_quote,
    unique,
)
from bot.model.countries import all_country_names, is_country_code
from bot.model.text import (
    YEAR_RANGE,
    clean_tokens,
    collapse_spaces,
    numbers_in,
    parse_int,
    split_list,
)


@dataclass
class Knowledge:
    """The validated content of a knowledge folder, as rows ready for the database."""

    tables: dict[str, list[dict]] = field(default_factory=dict)
    content_hash: str = ""


def load_knowledge(folder: Path) -> Knowledge:
    """Read and validate every knowledge file of ``folder``.

    Raises:
        KnowledgeError: listing every problem found, each with file, line and reason.
    """
    reader = Reader(Path(folder))
    tables: dict[str, list[dict]] = {}
    office_rows = reader.rows("offices.csv")
    offices = unique(reader, "offices.csv", office_rows, "id")
    for line, row in office_rows:
        check_aliases(reader, "offices.csv", line, row["aliases"])
    tables["offices"] = list(offices.values())
    sources = _load_sources(reader, tables, offices)
    metrics = _load_metrics(reader, tables)
    statement_intents = _load_statements(reader, tables, sources)
    _load_simple(reader, tables, metrics, statement_intents)
    _load_facts(reader, tables, sources, offices, metrics)
    _load_intents(reader, tables, statement_intents)
    _load_lexicon(reader, tables)
    if reader.problems:
        raise KnowledgeError(reader.problems)
    return Knowledge(tables=tables, content_hash=content_hash(Path(folder)))


def _load_sources(reader: Reader, tables: dict, offices: dict) -> dict[str, str]:
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


def _load_metrics(reader: Reader, tables: dict) -> set[str]:
    rows = reader.rows("metrics.csv")
    metrics = unique(reader, "metrics.csv", rows, "id")
    owner: dict[str, str] = {}
    for line, row in rows:
        for alias in check_aliases(
            reader, "metrics.csv", line, row["aliases_id"] + "|" + row["aliases_en"]
        ):
            if owner.setdefault(alias, row["id"]) != row["id"]:
                reader.problem("metrics.csv", line, f"alias {alias!r} already names {owner[alias]}")
    tables["metrics"] = [row for _, row in rows]
    groups = reader.rows("groups.csv")
    totals = {row["total"] for _, row in groups}
    for line, row in rows:
        if not (row["aliases_id"] or row["aliases_en"] or row["id"] in totals):
            reader.problem("metrics.csv", line, f"metric {row['id']!r} needs aliases")
    for line, row in groups:
        for member in split_list(row["members"]):
            if member not in metrics:
                reader.problem("groups.csv", line, f"unknown metric {member!r} in members")
        if row["total"] and row["total"] not in metrics:
            reader.problem("groups.csv", line, f"unknown metric {row['total']!r} as total")
        check_aliases(reader, "groups.csv", line, row["aliases_id"] + "|" + row["aliases_en"])
    tables["groups"] = [row for _, row in groups]
    return set(metrics)


def _load_statements(reader: Reader, tables: dict, sources: dict[str, str]) -> set[str]:
    rows = reader.rows("statements.csv")
    unique(reader, "statements.csv", rows, "id")
    for line, row in rows:
        if row["source"] not in sources:
            reader.problem("statements.csv", line, f"unknown source {row['source']!r}")
        else:
            check_quote(reader, "statements.csv", line, row["quote"], sources[row["source"]])
        if row["intent"] in BUILTIN_INTENTS or not ID_PATTERN.match(row["intent"]):
            reader.problem("statements.csv", line, f"intent {row['intent']!r} is reserved or bad")
    tables["statements"] = [row for _, row in rows]
    intents = {row["intent"] for _, row in rows}
    for line, row in enumerate(tables.get("metrics", []), 2):
        for intent in split_list(row["statements"]):
            if intent not in intents:
                reader.problem(
                    "metrics.csv", line, f"statements: {intent!r} is no statement intent"
                )
    return intents


def _load_facts(reader, tables, sources, offices, metrics) -> None:
    seen: dict[tuple, int] = {}
    names = _subject_names(tables)
    tables["facts"] = []
    for line, row in reader.rows("facts.csv"):
        fail = len(reader.problems)
        year, value = _check_fact(reader, line, row, sources, offices, metrics)
        if value is not None and year is not None:
            _check_fact_quote(reader, line, row, value, year, names)
        check_quote(reader, "facts.csv", line, row["quote"], sources.get(row["source"]))
        # One figure per metric, year and country: the bot could not tell two apart.
        key = (row["metric"], year, row["country"])
        if key in seen:
            reader.problem("facts.csv", line, f"{_where(row)}: duplicate of line {seen[key]}")
        seen.setdefault(key, line)
        if len(reader.problems) == fail:
            country = row["country"] or None
            fact = {**row, "year": year, "value": value, "country": country, "line": line}
            tables["facts"].append(fact)


def _where(row: dict) -> str:
    return f"{row['metric']} {row['year']} {row['country'] or 'all countries'}"


def _check_fact(reader, line, row, sources, offices, metrics) -> tuple[int | None, int | None]:
    """The year and value of a fact row, reporting every reference that is unknown."""
    for column, known in (("source", sources), ("office", offices), ("metric", metrics)):
        if row[column] not in known:
            reader.problem("facts.csv", line, f"unknown {column} {row[column]!r}")
    if row["country"] and not is_country_code(row["country"]):
        reader.problem("facts.csv", line, f"unknown country code {row['country']!r}")
    year = parse_int(row["year"])
    if year not in YEAR_RANGE:
        reader.problem("facts.csv", line, f"year {row['year']!r} is not a year")
        year = None
    value = parse_int(row["value"])
    if value is None:
        message = f"value {row['value']!r} is not a non-negative integer"
        reader.problem("facts.csv", line, f"{_where(row)}: {message}")
    return year, value


def _check_fact_quote(reader, line, row, value: int, year: int, names: dict) -> None:
    """The quote states the value as a count (not as the year) and names the subject."""
    numbers = numbers_in(row["quote"])
    if str(year) in numbers:
        numbers.remove(str(year))
    if str(value) not in numbers:
        reader.problem(
            "facts.csv", line, f"{_where(row)}: value {value} does not appear in its quote"
        )
    subject = row["country"] or row["metric"]
    words = " " + " ".join(clean_tokens(row["quote"])) + " "
    if not any(f" {name} " in words for name in names.get(subject, ())):
        reader.problem("facts.csv", line, f"{_where(row)}: the quote does not name {subject}")


def _subject_names(tables: dict) -> dict[str, list[str]]:
    """Every name of every metric and country, normalized, to find in quotes."""
    names: dict[str, list[str]] = {}
    for row in tables.get("metrics", []):
        raw = [row["aliases_id"], row["aliases_en"], row["abbr"], row["name_id"], row["name_en"]]
        names[row["id"]] = _normalized(raw)
    for row in tables.get("countries", []):
        names[row["code"]] = _normalized([row["aliases_id"], row["aliases_en"]])
    for lang in LANGS:
        for code, name in all_country_names(lang).items():
            names.setdefault(code, []).extend(_normalized([name]))
    return names


def _normalized(fields: list[str]) -> list[str]:
    return [" ".join(clean_tokens(a)) for f in fields for a in split_list(f) if clean_tokens(a)]


def _load_simple(reader: Reader, tables: dict, metrics: set[str], statement_intents: set[str]):
    countries = reader.rows("countries.csv")
    unique(reader, "countries.csv", countries, "code")
    for line, row in countries:
        if not is_country_code(row["code"]):
            reader.problem("countries.csv", line, f"unknown country code {row['code']!r}")
        check_aliases(reader, "countries.csv", line, row["aliases_id"] + "|" + row["aliases_en"])
    tables["countries"] = [row for _, row in countries]
    for name, key, alias_cols in (
        ("places.csv", "name", ("aliases",)),
        ("glossary.csv", "term", ("aliases",)),
        ("topics.csv", "id", ("aliases_id", "aliases_en")),
    ):
        rows = reader.rows(name)
        unique(reader, name, rows, key)
        for line, row in rows:
            check_aliases(reader, name, line, "|".join(row[c] for c in alias_cols))
            if name == "topics.csv" and row["intent"] and row["intent"] not in statement_intents:
                reader.problem(name, line, f"intent {row['intent']!r} is no statement intent")
        tables[name.removesuffix(".csv")] = [row for _, row in rows]


def _load_intents(reader: Reader, tables: dict, statement_intents: set[str]) -> None:
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


def _load_lexicon(reader: Reader, tables: dict) -> None:
    rows = reader.rows("lexicon.csv")
    for line, row in rows:
        kind = row["kind"]
        if kind not in LEXICON_KINDS:
            reader.problem("lexicon.csv", line, f"unknown kind {kind!r}")
        elif not ALIAS_PATTERN.match(row["word"]):
            reader.problem("lexicon.csv", line, f"word {row['word']!r} must be lower-case")
        elif kind in ("number", "ordinal", "multiplier") and parse_int(row["value"]) is None:
            reader.problem("lexicon.csv", line, f"{kind} {row['word']!r} needs an integer value")
        elif kind == "relative_period" and not re.fullmatch(r"[+-]\d+", row["value"]):
            reader.problem("lexicon.csv", line, "relative_period value must be +N or -N years")
        elif kind == "threshold" and row["value"] not in ("<", ">"):
            reader.problem("lexicon.csv", line, "threshold value must be < or >")
        elif kind == "relative_year" and not re.fullmatch(
            r"(period|today)([+-]\d+)?", row["value"]
        ):
            reader.problem("lexicon.csv", line, "relative_year value must be period or today, +/-N")
        elif kind in LEXICON_VALUES and row["value"] not in LEXICON_VALUES[kind]:
            allowed = ", ".join(sorted(LEXICON_VALUES[kind]))
            reader.problem("lexicon.csv", line, f"{kind} value must be one of {allowed}")
        elif kind in ("currency", "statement") and not ID_PATTERN.match(row["value"]):
            reader.problem("lexicon.csv", line, f"{kind} {row['word']!r} needs an id as value")
        elif kind in LANGUAGE_KINDS and (row["lang"] not in LANGS):
            reader.problem("lexicon.csv", line, f"lang must be id or en, not {row['lang']!r}")
    tables["lexicon"] = [row for _, row in rows]


LANGUAGE_KINDS = frozenset(LEXICON_KINDS - {"number", "ordinal", "relative_year"})
# the values a kind read by the release extractor allows
LEXICON_VALUES = {
    "vague": frozenset({"before", "after", "amount"}),
    "measure": frozenset({"duration", "percent", "ratio", "frequency", "page", "time", "size"}),
    "period": frozenset({"H", "Q"}),
    "office": frozenset({"kanim", "kanwil", "class", "tail"}),
}


def content_hash(folder: Path) -> str:
    """A SHA-256 over every file of the folder (names and bytes), in a stable order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()
