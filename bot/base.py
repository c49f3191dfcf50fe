"""The fact base in memory: facts, names, lexicon and the entity vocabulary.

Loaded once from the SQLite file that ``python -m bot build`` wrote; nothing
here is hand-written data, so editing ``knowledge/`` changes every answer.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from bot.countries import all_country_names
from bot.factbase import read_tables
from bot.lexicon import Lexicon, read_lexicon
from bot.normalize import clean_tokens
from bot.text import split_list
from bot.vocabulary import Entry, Vocabulary

LANGS = ("id", "en")
FUZZY_CUE_MIN_CHARS = 6


@dataclass(frozen=True)
class Fact:
    """One stored figure with its verbatim quote."""

    metric: str
    year: int
    country: str | None
    value: int
    source: str
    office: str
    quote: str

    def as_reply_fact(self) -> dict:
        """The shape listed in a reply's ``facts``."""
        return {
            "metric": self.metric,
            "year": self.year,
            "country": self.country,
            "value": self.value,
            "source": self.source,
        }


@dataclass
class FactBase:
    """Everything the pipeline needs, read from one fact base file."""

    facts: dict[tuple[str, int, str | None], Fact]
    tables: dict[str, list[dict]]
    vocabulary: Vocabulary
    lexicon: Lexicon
    cues: dict[tuple[str, ...], set[str]]
    known_words: frozenset[str]
    function_words: frozenset[str]
    plain_words: frozenset[str]
    period: int
    content_hash: str = ""
    longest_cue: int = 1
    single_word_cues: list[str] = field(default_factory=list)
    _quote_words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _place_kinds: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_db(cls, db_path: Path) -> FactBase:
        """Load the fact base at ``db_path``."""
        return cls.from_tables(read_tables(Path(db_path)))

    @classmethod
    def from_tables(cls, tables: dict[str, list[dict]]) -> FactBase:
        """Build from table rows (as read from the database)."""
        facts = {
            (r["metric"], r["year"], r["country"]): Fact(
                r["metric"], r["year"], r["country"], r["value"], r["source"], r["office"],
                r["quote"],
            )
            for r in tables["facts"]
        }  # fmt: skip
        period = max((int(s["period"]) for s in tables["sources"]), default=0)
        lexicon = read_lexicon(tables["lexicon"], period)
        vocabulary = _vocabulary(tables)
        cues = _cue_index(tables["intents"])
        function_words = lexicon.words() | {w for c in cues for w in c}
        meta = {r["key"]: r["value"] for r in tables.get("meta", [])}
        single = sorted(c[0] for c in cues if len(c) == 1 and len(c[0]) >= FUZZY_CUE_MIN_CHARS)
        return cls(
            longest_cue=max((len(c) for c in cues), default=1),
            single_word_cues=single,
            facts=facts,
            tables=tables,
            vocabulary=vocabulary,
            lexicon=lexicon,
            cues=cues,
            known_words=frozenset(vocabulary.known_words | function_words),
            function_words=frozenset(function_words),
            plain_words=frozenset(function_words | _name_words(tables)),
            period=period,
            content_hash=meta.get("content_hash", ""),
        )

    # Lookups derived once per base: every message asks them, none changes until a reload.
    @cached_property
    def _rows(self) -> dict[tuple[str, str, str], dict]:
        index: dict[tuple[str, str, str], dict] = {}
        for table, rows in self.tables.items():
            for row in rows:
                for key, value in row.items():
                    index.setdefault((table, key, value), row)
        return index

    def row(self, table: str, key: str, value: str) -> dict | None:
        """The (first) row of ``table`` whose ``key`` column equals ``value``."""
        return self._rows.get((table, key, value))

    @cached_property
    def _years(self) -> list[int]:
        return sorted({year for _, year, _ in self.facts})

    def years(self) -> list[int]:
        """The years the facts cover."""
        return self._years

    @cached_property
    def _by_country(self) -> dict[tuple[str, int], list[Fact]]:
        ranked: dict[tuple[str, int], list[Fact]] = defaultdict(list)
        for (metric, year, country), fact in self.facts.items():
            if country:
                ranked[(metric, year)].append(fact)
        return {key: sorted(v, key=lambda f: (-f.value, f.country)) for key, v in ranked.items()}

    def countries_with_facts(self, metric: str, year: int) -> list[Fact]:
        """Per-country facts of ``metric`` in ``year``, largest first."""
        return list(self._by_country.get((metric, year), []))

    def countries_named(self, year: int) -> set[str]:
        """The countries any fact of ``year`` is about."""
        return {f.country for (_, y), facts in self._by_country.items() if y == year for f in facts}

    @cached_property
    def _breakdown(self) -> frozenset[str]:
        return frozenset(metric for metric, _ in self._by_country)

    def metrics_with_country_breakdown(self) -> frozenset[str]:
        """Metrics that have at least one per-country fact."""
        return self._breakdown

    @cached_property
    def statement_intents(self) -> frozenset[str]:
        """Intents answered by stored statements (innovations, awards, ...)."""
        return frozenset(r["intent"] for r in self.tables["statements"])

    def places_of_kind(self, kinds: tuple[str, ...]) -> frozenset[str]:
        """Names of the places of the given kinds (cached per kinds)."""
        if kinds not in self._place_kinds:
            names = (r["name"] for r in self.tables["places"] if r["kind"] in kinds)
            self._place_kinds[kinds] = frozenset(names)
        return self._place_kinds[kinds]

    def quote_words(self, fact: Fact) -> frozenset[str]:
        """The normalized words of a fact's quote."""
        if fact.quote not in self._quote_words:
            self._quote_words[fact.quote] = frozenset(clean_tokens(fact.quote))
        return self._quote_words[fact.quote]

    def group_members(self, group: str) -> list[str]:
        """The metric ids of a group (stay_permits -> itk, itas, itap)."""
        row = self.row("groups", "id", group)
        return split_list(row["members"]) if row else []

    def groups_of(self, metrics: list[str]) -> list[str]:
        """The groups that contain one of ``metrics``."""
        return [
            row["id"]
            for row in self.tables["groups"]
            if set(split_list(row["members"])) & set(metrics)
        ]

    def breakdown_metric(self) -> str:
        """The metric broken down by country (active foreign residents), or ""."""
        return min(self.metrics_with_country_breakdown(), default="")


def _name_words(tables: dict[str, list[dict]]) -> set[str]:
    """Words of the hand-written names of metrics, groups, offices, terms and countries:
    next to a subject they name, not narrow ("WNA yang tinggal di Bekasi")."""
    columns = {
        "metrics": ("aliases_id", "aliases_en", "name_id", "name_en"),
        "groups": ("aliases_id", "aliases_en"),
        "offices": ("aliases",),
        "glossary": ("aliases",),
        "countries": ("aliases_id", "aliases_en"),
    }
    return {
        word
        for table, names in columns.items()
        for row in tables[table]
        for column in names
        for alias in split_list(row[column])
        for word in clean_tokens(alias)
    }


def _cue_index(rows: list[dict]) -> dict[tuple[str, ...], set[str]]:
    """Intent cue phrases (normalized) mapped to the intents they signal."""
    cues: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for row in rows:
        tokens = tuple(clean_tokens(row["text"]))
        if row["kind"] == "cue" and tokens:
            cues[tokens].add(row["intent"])
    return dict(cues)


# table, entity kind, id column, alias columns by language ("" = either), hand-picked
ALIAS_SOURCES = (
    ("groups", "group", "id", {"id": "aliases_id", "en": "aliases_en"}, True),
    ("countries", "country", "code", {"id": "aliases_id", "en": "aliases_en"}, True),
    ("places", "place", "name", {"": "aliases"}, False),
    ("offices", "office", "id", {"": "aliases"}, True),
    ("topics", "topic", "id", {"id": "aliases_id", "en": "aliases_en"}, True),
    ("glossary", "term", "term", {"": "aliases"}, True),
)


def _vocabulary(tables: dict[str, list[dict]]) -> Vocabulary:
    """Every alias of the knowledge files, plus CLDR country names in both languages."""
    vocab = Vocabulary()
    neutral = {row["abbr"].lower() for row in tables["metrics"] if row.get("abbr")}
    neutral |= {a for row in tables["glossary"] for a in split_list(row["aliases"])}
    for row in tables["metrics"]:
        for lang in LANGS:
            for alias in split_list(row[f"aliases_{lang}"]):
                # An abbreviation (ITAS, WNA) tells nothing about the asker's language.
                _add(vocab, alias, Entry("metric", row["id"], "" if alias in neutral else lang))
    for lang in LANGS:
        for code, name in all_country_names(lang).items():
            if code != "ID":  # the host country is a place, not a foreigners' origin
                _add(vocab, name, Entry("country", code, lang), curated=False)
    for table, kind, key, columns, curated in ALIAS_SOURCES:
        for row in tables[table]:
            for lang, column in columns.items():
                aliases = row[column] + ("" if lang else "|" + row[key].lower())
                _add(vocab, aliases, Entry(kind, row[key], lang), curated=curated)
    vocab.freeze()
    return vocab


def _add(vocab: Vocabulary, aliases: str, entry: Entry, *, curated: bool = True) -> None:
    # A typo never turns a question into "no figure for <topic>".
    fuzzy = entry.kind != "topic"
    for alias in split_list(aliases):
        tokens = clean_tokens(alias)
        forms = [tokens]
        if entry.lang == "en" and tokens and tokens[-1].isalpha() and not tokens[-1].endswith("s"):
            forms.append([*tokens[:-1], tokens[-1] + "s"])  # English plural
        for form in forms:
            vocab.add(form, entry, curated=curated, fuzzy=fuzzy)
