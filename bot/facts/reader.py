"""Reading the knowledge CSV files: columns, empty fields, aliases and quotes,
with every problem collected by file and line instead of stopping at the first."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from bot.errors import Problem
from bot.model.text import collapse_spaces, split_list

BUILTIN_INTENTS = frozenset(
    {
        "value",
        "ranking",
        "top",
        "fewest",
        "position",  # "India urutan keberapa?": where a named country ranks
        "source",  # "datanya dari mana?": the releases the figures come from
        "share",
        "difference",
        "compare",
        "sum",
        "ratio",
        "average",
        "change",
        "series",
        "define",
        "greeting",
        "thanks",
        "goodbye",
        "help",
        "about_bot",
        "fallback",
    }
)
# Lexicon kinds only the release extractor reads (bot/facts/ingest): "ribu", "sekitar", ...
EXTRACTOR_KINDS = (
    "multiplier",
    "vague",
    "measure",
    "label",
    "currency",
    "counted",
    "origin",
    "total",
    "compare",
    "as_of",
    "period",
    "function",
    "office",
    "statement",
    "list_marker",
    "relative_period",
    "rate",
    "hypothetical",
    "since",
)
LEXICON_KINDS = frozenset(
    [
        "abbreviation",
        "each",
        "next_step",
        "question_lead",
        "why",
        "narrow_before",
        "rounding",
        "stand_in",
        "last_place",
        "list_filler",
        "not_place",
        "place_counter",
        "lang",
        "number",
        "ordinal",
        "followup",
        "reference",
        "relative_year",
        "exclude",
        "exclude_after",
        "qualifier",
        "whole_marker",
        "conjunction",
        "persona",
        "not_origin",
        "compatriot",
        "threshold",
        "question",
        "request",
        "declined",
        "clause_break",
        "also",
        "place_marker",
        "office_marker",
        "origin_marker",
        "rest",
        "question_start",
        "forecast",
        "opinion",
        "inclusive",
        "reason",
        "negation",
        "embedding",
        "unmeasured",
        "either",
        "leading",
        "country_count",
        "count",
        "chart",  # asks for a chart (bot/answers/charts); matching never reads it
        "divisor",  # before a number that divides or is a base ("dibagi 12", "per 1000")
        "self",  # the asker speaking of themself (saya, I): their places are no question
        "verify",  # "benar?", "true?": asks to check what the clause before says
        "repair",  # "eh", "maksud saya", "I mean": what follows corrects what came before
        "person_question",  # "siapa", "kapan", "who": asks no number
        "count_question",  # "berapa", "how many": asks a number
        "relativizer",  # "yang", "who were": links holders of a figure to another figure
        "range",  # "sampai", "to": "1 sampai 5" is the first five of a ranking
        "contrast",  # "kalau", "but": turns from what someone said to what is asked
        "versus",  # "than", "dibanding": the word between two sides of a comparison
        "request_verb",  # "share", "kirim": after "could you", what is asked for, no cue
        "addressing",  # "you", "pls", "tolong": the word before a verb of a request
        "set_phrase",  # "wilayah kerja": a fixed phrase whose words narrow nothing
        "next_place",  # "setelah Korea": the place after a country's is asked
        "subtract",  # "total WNA dikurangi China": a country taken out of the whole
        "every",  # "semua", "all of them": every figure named before
        "exceeds",  # "lebih banyak", "outnumber": one figure above another, by how much
        "falls_short",  # "lebih sedikit", "fewer than": one figure below another, by how much
        "among",  # "of them", "dari mereka": a new figure among the people just asked
        "times",  # "2 kali", "twice": a multiple of a figure ("more than 2 times India")
        "and_word",  # "dan", "serta", "and": adds one more (not "dengan", "sama", "vs")
        "combined",  # "bersama", "together": figures taken as one ("their share together")
        "denial",  # "bukan", "no": a word that says no on its own (not "tanpa", "without")
        "scale",  # "setengah", "double": a figure scaled by the asker's own factor
        "scale_beside",  # "setengah ITAS", "ITAS doubled": a factor only right beside a figure
        "middle",  # "median", "yang tengah": the middle place of a ranking
        "mention",  # "disebut", "mention": whether the release speaks of a thing
        *EXTRACTOR_KINDS,
    ]
)
LANGS = ("id", "en")
ALIAS_PATTERN = re.compile(r"^[a-z0-9%&' ]+$")  # words as clean_tokens writes them
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*$")

COLUMNS: dict[str, tuple[str, ...]] = {
    "release.csv": ("title", "publisher", "published", "url", "period"),
    "offices.csv": ("id", "name", "short_id", "short_en", "aliases"),
    "facts.csv": ("metric", "country", "value", "quote", "period", "office", "corrects"),
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
        "statements",
        "country_default",
        "counted",
    ),
    "groups.csv": (
        "id",
        "members",
        "name_id",
        "name_en",
        "aliases_id",
        "aliases_en",
        "total",
        "overlap",
    ),
    "countries.csv": ("code", "aliases_id", "aliases_en"),
    "places.csv": ("name", "kind", "aliases", "members"),
    "statements.csv": ("id", "intent", "summary_id", "summary_en", "quote", "items"),
    "topics.csv": ("id", "intent", "name_id", "name_en", "aliases_id", "aliases_en"),
    "glossary.csv": ("term", "aliases", "name_id", "name_en", "definition_id", "definition_en"),
    "intents.csv": ("intent", "lang", "kind", "text"),
    "lexicon.csv": ("kind", "lang", "word", "value"),
}
# Columns added after files were written: a file without them reads them as empty.
ADDED_LATER: dict[str, tuple[str, ...]] = {
    "metrics.csv": ("counted",),
    "statements.csv": ("items",),  # the things a statement lists, "|"-separated, as quoted
    "places.csv": ("members",),  # a world region's country codes, "|"-separated
}
OPTIONAL: dict[str, frozenset[str]] = {
    "release.csv": frozenset({"published", "url"}),
    "facts.csv": frozenset({"office", "period", "country", "corrects"}),
    "metrics.csv": frozenset(
        {"abbr", "aliases_id", "aliases_en", "statements", "country_default", "counted"}
    ),
    "groups.csv": frozenset({"total", "overlap"}),
    "places.csv": frozenset({"members"}),
    "statements.csv": frozenset({"items"}),
    "topics.csv": frozenset({"intent"}),
    "intents.csv": frozenset(),
    "lexicon.csv": frozenset({"lang", "value"}),
}


class Reader:
    """Reads CSV files of one folder and collects problems instead of stopping."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.problems: list[Problem] = []
        self._read: dict[str, list[tuple[int, dict]]] = {}

    def problem(self, file: str, line: int, message: str) -> None:
        self.problems.append(Problem(file, line, message))

    def rows(self, name: str) -> list[tuple[int, dict]]:
        """The non-empty rows of the CSV file ``name`` (a path in the folder) with their
        line numbers; its columns are those of its base name in ``COLUMNS``. A file is
        read (and its problems reported) once."""
        if name not in self._read:
            self._read[name] = self._rows(name)
        return self._read[name]

    def _rows(self, name: str) -> list[tuple[int, dict]]:
        path = self.folder / name
        kind = Path(name).name
        if not path.is_file():
            self.problem(name, 0, "file missing")
            return []
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (UnicodeDecodeError, OSError) as exc:
            self.problem(name, 0, f"cannot read as UTF-8 text ({exc.__class__.__name__})")
            return []
        reader = csv.DictReader(text.splitlines(keepends=True))
        later = ADDED_LATER.get(kind, ())
        missing = [c for c in COLUMNS[kind] if c not in (reader.fieldnames or []) + [*later]]
        if missing:
            self.problem(name, 1, f"missing column(s): {', '.join(missing)}")
            return []
        result = []
        optional = OPTIONAL.get(kind, frozenset())
        for line, row in self._records(name, reader):
            # Columns of our own only: an admin's extra column (notes...) is ignored.
            clean = {k: (row.get(k) or "").strip() for k in COLUMNS[kind]}
            if not any(clean.values()):
                continue
            empty = [c for c in COLUMNS[kind] if not clean.get(c) and c not in optional]
            if empty:
                self.problem(name, line, f"empty field(s): {', '.join(empty)}")
                continue
            result.append((line, clean))
        return result

    def _records(self, name: str, reader: csv.DictReader):
        """The rows with their line numbers; a malformed row (a cell over the CSV field
        limit, a stray quote) is a problem of its file and line, and ends the file."""
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                self.problem(name, reader.line_num + 1, f"malformed CSV ({exc})")
                return
            yield reader.line_num, row


def check_aliases(reader: Reader, file: str, line: int, text: str) -> list[str]:
    items = split_list(text)
    for alias in items:
        if not ALIAS_PATTERN.match(alias):
            reader.problem(file, line, f"alias {alias!r} must be lower-case letters and digits")
    return items


def unique(reader: Reader, file: str, rows: list[tuple[int, dict]], key: str) -> dict:
    seen: dict[str, dict] = {}
    for line, row in rows:
        if row[key] in seen:
            reader.problem(file, line, f"duplicate {key} {row[key]!r}")
        seen[row[key]] = row
    return seen


def check_quote(reader: Reader, file: str, line: int, quote: str, source_text: str | None):
    if source_text is not None and collapse_spaces(quote) not in source_text:
        reader.problem(file, line, f"quote not found verbatim in its source: {quote[:60]!r}")
