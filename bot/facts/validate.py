"""Read and validate the admin-edited files in ``knowledge/``.

Every problem is collected (file, line, reason) and raised together as one
:class:`~bot.errors.KnowledgeError`, so an admin fixes a broken edit in one go.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
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
    unique,
)
from bot.facts.releases import load_releases
from bot.model.countries import all_country_names, is_country_code
from bot.model.places import REGION_KINDS
from bot.model.text import (
    clean_tokens,
    parse_int,
    split_list,
)

# How a metric is counted: "period" (issued, deported ... over the period: a yearly figure
# has a monthly average), "date" (active at a date: it has none), "" (not said).
COUNTED = ("", "period", "date")
COUNTED_NAMES = "'period', 'date' or empty"


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
    offices = _load_offices(reader, tables)
    metrics = _load_metrics(reader, tables)
    _load_lexicon(reader, tables)
    _load_simple(reader, tables)
    check_alias_owners(reader, tables)
    names = _subject_names(tables)
    statement_intents = _load_intents(reader, tables)
    _check_statement_links(reader, tables, statement_intents)
    before = len(reader.problems)
    load_releases(reader, tables, offices, metrics, names, _spelled_numbers(tables))
    if len(reader.problems) == before:  # a broken release would make every intent unused
        _check_statement_intents(reader, tables, statement_intents)
    if reader.problems:
        raise KnowledgeError(reader.problems)
    return Knowledge(tables=tables, content_hash=content_hash(Path(folder)))


def _spelled_numbers(tables: dict) -> Callable[[str], set[int]]:
    """The counts a quote writes in words ("sembilan orang", "dua puluh tiga WNA",
    "three Turks"), read as the release extractor reads them (built on first need)."""
    vocabulary = []

    def spelled(quote: str) -> set[int]:
        from bot.facts.ingest.numbers import find_numbers  # the extractor's number reader
        from bot.facts.ingest.vocab import build_vocabulary

        if not vocabulary:
            vocabulary.append(build_vocabulary(tables))
        return {m.value for m in find_numbers(quote, vocabulary[0]) if m.words and m.value}

    return spelled


def _load_offices(reader: Reader, tables: dict) -> dict[str, dict]:
    rows = reader.rows("offices.csv")
    offices = unique(reader, "offices.csv", rows, "id")
    for line, row in rows:
        check_aliases(reader, "offices.csv", line, row["aliases"])
        if not ID_PATTERN.match(row["id"]):
            reader.problem("offices.csv", line, f"bad id {row['id']!r}")
    tables["offices"] = list(offices.values())
    return offices


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
    for line, row in rows:
        if row["counted"] not in COUNTED:
            reader.problem(
                "metrics.csv", line, f"counted: {row['counted']!r} is not one of {COUNTED_NAMES}"
            )
    defaults = [line for line, row in rows if row["country_default"]]
    for line in defaults[1:]:
        reader.problem("metrics.csv", line, "country_default: only one metric may have it")
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


def _subject_names(tables: dict) -> dict[str, list[str]]:
    """Every name of every metric and country, normalized, to find in quotes."""
    names: dict[str, list[str]] = {}
    for row in tables.get("metrics", []):
        raw = [row["aliases_id"], row["aliases_en"], row["abbr"], row["name_id"], row["name_en"]]
        names[row["id"]] = _normalized(raw)
    for row in tables.get("groups", []):  # a stated total is named by its group's names
        if row["total"]:
            raw = [row["aliases_id"], row["aliases_en"], row["name_id"], row["name_en"]]
            names.setdefault(row["total"], []).extend(_normalized(raw))
    for row in tables.get("countries", []):
        names[row["code"]] = _normalized([row["aliases_id"], row["aliases_en"]])
    for lang in LANGS:
        for code, name in all_country_names(lang).items():
            names.setdefault(code, []).extend(_normalized([name]))
    return names


def _normalized(fields: list[str]) -> list[str]:
    return [" ".join(clean_tokens(a)) for f in fields for a in split_list(f) if clean_tokens(a)]


def _check_members(reader: Reader, line: int, row: dict) -> None:
    """A world region's members are country codes; other places have none."""
    members = split_list(row["members"])
    if members and row["kind"] not in REGION_KINDS:
        reader.problem("places.csv", line, f"only a {REGION_KINDS[0]} has members")
    for code in members:
        if not is_country_code(code):
            reader.problem("places.csv", line, f"unknown country code {code!r} in members")


def _load_simple(reader: Reader, tables: dict) -> None:
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
        tables[name.removesuffix(".csv")] = [row for _, row in rows]
    for line, row in reader.rows("places.csv"):
        _check_members(reader, line, row)


# file, id column, alias columns: names that must each mean one thing. Places are left
# out (an office's name is a place too, and the office wins), and so are glossary terms
# (a term is defined, never counted: "WNA" is both).
NAMED_ONCE = (
    ("metrics.csv", "id", ("aliases_id", "aliases_en")),
    ("groups.csv", "id", ("aliases_id", "aliases_en")),
    ("countries.csv", "code", ("aliases_id", "aliases_en")),
    ("offices.csv", "id", ("aliases",)),
    ("topics.csv", "id", ("aliases_id", "aliases_en")),
)


def check_alias_owners(reader: Reader, tables: dict) -> None:
    """An alias names one metric, group, country, office or topic, across all files."""
    owner: dict[str, tuple[str, str]] = {}
    for name, key, columns in NAMED_ONCE:
        for line, row in reader.rows(name):
            for alias in split_list("|".join(row[c] for c in columns)):
                first = owner.setdefault(alias, (name, row[key]))
                if first[0] != name:
                    where = f"{first[0].removesuffix('.csv')} {first[1]!r}"
                    reader.problem(name, line, f"alias {alias!r} already names {where}")


def _check_statement_links(reader: Reader, tables: dict, intents: set[str]) -> None:
    """Topics and metrics link only to statement intents the releases use."""
    for name, column in (("topics.csv", "intent"), ("metrics.csv", "statements")):
        for line, row in reader.rows(name):
            for intent in split_list(row[column]):
                if intent not in intents:
                    reader.problem(name, line, f"{column} {intent!r} is no statement intent")


def _load_intents(reader: Reader, tables: dict) -> set[str]:
    """Read intents.csv; every intent that is not built in is a statement intent, answered
    by the statements of the releases. Returns the statement intents."""
    rows = reader.rows("intents.csv")
    examples: dict[str, set[str]] = {}
    for line, row in rows:
        if row["intent"] not in BUILTIN_INTENTS and not ID_PATTERN.match(row["intent"]):
            reader.problem("intents.csv", line, f"bad intent {row['intent']!r}")
        if row["lang"] not in LANGS:
            reader.problem("intents.csv", line, f"lang must be id or en, not {row['lang']!r}")
        if row["kind"] not in ("cue", "example"):
            reader.problem("intents.csv", line, f"kind must be cue or example, not {row['kind']!r}")
        if row["kind"] == "example":
            examples.setdefault(row["intent"], set()).add(row["lang"])
    declared = {row["intent"] for _, row in rows}
    for intent in sorted(BUILTIN_INTENTS | declared):
        for lang in LANGS:
            if lang not in examples.get(intent, set()):
                reader.problem("intents.csv", 0, f"intent {intent!r} has no example in {lang!r}")
    tables["intents"] = [row for _, row in rows]
    return declared - BUILTIN_INTENTS


def _check_statement_intents(reader: Reader, tables: dict, declared: set[str]) -> None:
    """Every statement uses a declared intent, and every declared one has statements."""
    used = {}
    for row in tables["statements"]:
        used.setdefault(row["intent"], row)
        if row["intent"] not in declared:
            reader.problem(row["file"], row["line"], f"unknown intent {row['intent']!r}")
    for line, row in reader.rows("intents.csv"):
        if row["intent"] in declared and row["intent"] not in used:
            reader.problem("intents.csv", line, f"no statement has intent {row['intent']!r}")
            used[row["intent"]] = row  # once per intent


def _load_lexicon(reader: Reader, tables: dict) -> None:
    rows = reader.rows("lexicon.csv")
    for line, row in rows:
        kind = row["kind"]
        if kind not in LEXICON_KINDS:
            reader.problem("lexicon.csv", line, f"unknown kind {kind!r}")
        elif not ALIAS_PATTERN.match(row["word"]):
            reader.problem("lexicon.csv", line, f"word {row['word']!r} must be lower-case")
        elif (
            kind == "rounding"
            and row["value"] not in ("", "up", "down", "precision")
            and (parse_int(row["value"]) is None)
        ):
            reader.problem(
                "lexicon.csv",
                line,
                f"rounding {row['word']!r} takes an integer step, up, down or precision",
            )
        elif kind in ("number", "ordinal", "multiplier") and parse_int(row["value"]) is None:
            reader.problem("lexicon.csv", line, f"{kind} {row['word']!r} needs an integer value")
        elif kind == "office_marker" and row["value"] not in ("before", "after"):
            reader.problem("lexicon.csv", line, "office_marker value must be before or after")
        elif kind == "relative_period" and not re.fullmatch(r"[+-]\d+", row["value"]):
            reader.problem("lexicon.csv", line, "relative_period value must be +N or -N years")
        elif kind == "threshold" and row["value"] not in ("<", ">", "<=", ">="):
            reader.problem("lexicon.csv", line, "threshold value must be <, >, <= or >=")
        elif kind == "relative_year" and not re.fullmatch(
            r"(ago|before)-(\d+|N)|today([+-](\d+|N))?", row["value"]
        ):
            reader.problem(
                "lexicon.csv", line, "relative_year value must be ago-N, before-N or today+/-N"
            )
        elif kind == "relative_year" and ("N" in row["value"]) != row["word"].startswith("n "):
            reader.problem(
                "lexicon.csv", line, "a relative_year with N starts with n ('n years ago')"
            )
        elif kind in ("scale", "scale_beside") and not re.fullmatch(
            r"([x/][1-9]\d*)?", row["value"]
        ):
            reader.problem("lexicon.csv", line, "scale value must be xN, /N or empty")
        elif kind in LEXICON_VALUES and row["value"] not in LEXICON_VALUES[kind]:
            allowed = ", ".join(sorted(LEXICON_VALUES[kind]))
            reader.problem("lexicon.csv", line, f"{kind} value must be one of {allowed}")
        elif kind == "chart" and row["value"]:
            reader.problem("lexicon.csv", line, f"chart word {row['word']!r} takes no value")
        elif kind in ("currency", "statement") and not ID_PATTERN.match(row["value"]):
            reader.problem("lexicon.csv", line, f"{kind} {row['word']!r} needs an id as value")
        elif kind in LANGUAGE_KINDS and (row["lang"] not in LANGS):
            reader.problem("lexicon.csv", line, f"lang must be id or en, not {row['lang']!r}")
    tables["lexicon"] = [row for _, row in rows]


LANGUAGE_KINDS = frozenset(LEXICON_KINDS - {"number", "ordinal", "relative_year"})
# the values a kind read by the release extractor allows
LEXICON_VALUES = {
    "rate": frozenset({"", "hour", "day", "week", "month", "year"}),
    "vague": frozenset({"before", "after", "amount"}),
    "measure": frozenset({"duration", "percent", "ratio", "frequency", "page", "time", "size"}),
    "period": frozenset({"H", "Q"}),
    "office": frozenset({"kanim", "kanwil", "class", "tail"}),
    "label": frozenset({"", "narrows"}),  # "pasal 71", "lantai 3": a detail of a figure
    # "leans": a loanword both languages use but one far more ("plus", "minus"): it
    # tells the language only when nothing else does
    "lang": frozenset({"", "leans"}),
    # "x 2" scales, "kali 2" multiplies, "dibagi 2" divides, "per 1000" is a base
    "divisor": frozenset({"", "scales", "multiplies", "divides"}),
}


def content_hash(folder: Path) -> str:
    """A SHA-256 over every file of the folder (names and bytes), in a stable order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()
