"""What the extractor knows, from the knowledge tables: metric, group, topic, country and
office names, and the lexicon kinds it reads. Nothing here is a word list in code."""

from __future__ import annotations

from dataclasses import dataclass, field

from babel import Locale
from babel.units import format_unit

from bot.facts.ingest.families import Families, derive
from bot.facts.ingest.tokens import Phrases, phrase_key
from bot.facts.reader import EXTRACTOR_KINDS
from bot.model.countries import all_country_names
from bot.model.text import split_list

LANGS = ("id", "en")
# CLDR codes that are no country (EU, UN, pseudo-regions) and the host country, whose
# people are never a foreign breakdown
NOT_A_BREAKDOWN = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "ID"})
# Phrase lists read from lexicon.csv: the extractor's own kinds (multipliers are numbers,
# read apart) and those it shares with question matching
PHRASE_KINDS = frozenset(EXTRACTOR_KINDS) - {"multiplier"} | {
    "ordinal", "conjunction", "qualifier", "leading", "rest", "exclude"
}  # fmt: skip


@dataclass(frozen=True)
class Subject:
    """A name found in the text: a metric, group, topic or country, by id."""

    kind: str
    id: str


@dataclass
class Vocabulary:
    """Phrase indexes over the knowledge tables, and the facts about metrics and groups."""

    subjects: Phrases = field(default_factory=Phrases)
    offices: Phrases = field(default_factory=Phrases)
    lexicon: dict[str, Phrases] = field(default_factory=dict)
    numbers: Phrases = field(default_factory=Phrases)
    multipliers: dict[str, int] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    month_units: set[str] = field(default_factory=set)  # "bulan", "months": CLDR's names
    units: dict[str, str] = field(default_factory=dict)
    groups: dict[str, tuple[list[str], str]] = field(default_factory=dict)
    overlapping: set[str] = field(default_factory=set)  # groups one person may hold two of
    office_rows: dict[str, dict] = field(default_factory=dict)
    english_offices: set[tuple[str, ...]] = field(default_factory=set)  # named after the place
    families: Families = field(default_factory=Families)

    def kind(self, name: str) -> Phrases:
        """The phrases of one lexicon kind."""
        return self.lexicon.setdefault(name, Phrases())

    def has(self, name: str, norm: str) -> bool:
        """True when the one-word phrase ``norm`` is of lexicon kind ``name``."""
        return (norm,) in self.kind(name)


def build_vocabulary(tables: dict[str, list[dict]]) -> Vocabulary:
    """The vocabulary of validated knowledge tables (see ``load_knowledge``)."""
    vocab = Vocabulary()
    _add_lexicon(vocab, tables.get("lexicon", []))
    _add_subjects(vocab, tables)
    for row in tables.get("offices", []):
        vocab.office_rows[row["id"]] = row
        for alias in split_list(row["aliases"]):
            vocab.offices.add(phrase_key(alias), row["id"])
    for lang in LANGS:
        months = Locale.parse(lang).months["format"]["wide"]
        vocab.months.update({phrase_key(name)[0]: number for number, name in months.items()})
        for count in (1, 2):
            vocab.month_units.add(phrase_key(format_unit(count, "duration-month", locale=lang))[-1])
    return vocab


def _add_lexicon(vocab: Vocabulary, rows: list[dict]) -> None:
    for row in rows:
        key, kind = phrase_key(row["word"]), row["kind"]
        if kind == "number":
            vocab.numbers.add(key, int(row["value"]))
        elif kind == "multiplier":
            vocab.multipliers[key[0]] = int(row["value"])
        elif kind in PHRASE_KINDS:
            vocab.kind(kind).add(key, row.get("value", ""))
        if kind == "office" and row.get("lang") == "en":
            vocab.english_offices.add(key)


def _add_subjects(vocab: Vocabulary, tables: dict[str, list[dict]]) -> None:
    names: dict[str, set[tuple[str, ...]]] = {}
    for row in tables.get("metrics", []):
        vocab.units[row["id"]] = row["unit_en"]
        fields = [row["aliases_id"], row["aliases_en"], row["abbr"], row["name_id"], row["name_en"]]
        _add_names(vocab, Subject("metric", row["id"]), fields)
        names[row["id"]] = {phrase_key(n) for f in fields for n in split_list(f)} - {()}
    units = {
        row["id"]: [w for u in (row["unit_id"], row["unit_en"]) for w in phrase_key(u)]
        for row in tables.get("metrics", [])
    }
    plain = ("counted", "function")
    vocab.families = derive(names, units, lambda w: any(vocab.has(k, w) for k in plain))
    for row in tables.get("groups", []):
        vocab.groups[row["id"]] = (split_list(row["members"]), row["total"])
        if row.get("overlap") == "yes":
            vocab.overlapping.add(row["id"])
        _add_names(vocab, Subject("group", row["id"]), [row["aliases_id"], row["aliases_en"]])
    for row in tables.get("topics", []):
        _add_names(vocab, Subject("topic", row["id"]), [row["aliases_id"], row["aliases_en"]])
    for row in tables.get("countries", []):
        if row["code"] not in NOT_A_BREAKDOWN:
            names = [row["aliases_id"], row["aliases_en"]]
            _add_names(vocab, Subject("country", row["code"]), names)
    for lang in LANGS:
        for code, name in all_country_names(lang).items():
            if code not in NOT_A_BREAKDOWN:
                _add_names(vocab, Subject("country", code), [name])


def _add_names(vocab: Vocabulary, subject: Subject, fields: list[str]) -> None:
    for text in fields:
        for name in split_list(text):
            key = phrase_key(name)
            if key and key not in vocab.subjects:  # the first owner of a name keeps it
                vocab.subjects.add(key, subject)
