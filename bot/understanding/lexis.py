"""The word indexes the understanding stage builds from a fact base: the entity
vocabulary (every alias, plus CLDR country names), the lexicon, the intent cues and the
sets of words that are known, function words or parts of names."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from bot.facts.base import FactBase
from bot.facts.releases import split_items
from bot.facts.words import read_common_words, read_telling_words
from bot.model.countries import all_country_names
from bot.model.text import clean_tokens, split_list
from bot.understanding.lexicon import Lexicon
from bot.understanding.lexicon_rows import derive_telling_words, read_lexicon
from bot.understanding.phrases import Phrases
from bot.understanding.vocabulary import Entry, Vocabulary

LANGS = ("id", "en")
FUZZY_CUE_MIN_CHARS = 6
STRAY_LEVEL = 3.0  # Zipf: a word this common is no name
PLACE_LEVEL = 4.0  # after "di"/"in", only a very common word is no place


@dataclass(frozen=True)
class Lexis:
    """Everything the matcher looks words up in, for one fact base."""

    vocabulary: Vocabulary
    lexicon: Lexicon
    cues: dict[tuple[str, ...], set[str]]
    known_words: frozenset[str]
    function_words: frozenset[str]
    plain_words: frozenset[str]
    longest_cue: int
    single_word_cues: list[str]
    common: dict[float, frozenset[str]]
    telling: dict[str, frozenset[str]]  # common in one language only: a tie's tie-breaker
    metric_words: dict[str, frozenset[str]]
    sure_words: frozenset[str]  # known or common: never read as a typo of a name
    cue_starts: dict[str, tuple[int, ...]]  # a word's cue phrase lengths, longest first
    items: Phrases  # the things statements list ("drive thru"): naming one counts none
    item_intents: dict[tuple[str, ...], frozenset[str]]  # the statements that list each
    unit_words: frozenset[str]  # "orang", "people": what the figures count

    def is_common(self, word: str, level: float = STRAY_LEVEL) -> bool:
        """Whether ``word`` is a common Indonesian or English word (Zipf >= ``level``)."""
        return word in self.common.get(level, frozenset())


def lexis(base: FactBase) -> Lexis:
    """The word indexes of ``base`` (built once per base)."""
    return base.derived("lexis", build_lexis)


def cue_phrases(base: FactBase, intent: str) -> Phrases:
    """The cue phrases of ``intent`` ("persen", "percent of" for a share), found once per
    base."""
    return base.derived(
        f"cues_of_{intent}",
        lambda base: Phrases(c for c, intents in lexis(base).cues.items() if intent in intents),
    )


def build_lexis(base: FactBase) -> Lexis:
    """Index the aliases, lexicon and cues of ``base``'s tables."""
    tables = base.tables
    lexicon = read_lexicon(tables["lexicon"])
    derive_telling_words(lexicon, [
        *((r["lang"], r["word"]) for r in tables["lexicon"] if r["kind"] != "lang"),
        *((r["lang"], r["text"]) for r in tables["intents"] if r["kind"] == "cue"),
    ])  # fmt: skip
    vocabulary = _vocabulary(tables)
    vocabulary.grammar = frozenset(_grammar_words(tables))  # "it as" is no ITAS
    cues = _cue_index(tables["intents"])
    function_words = lexicon.words() | {w for c in cues for w in c}
    common = read_common_words(tables["common_words"])
    known = frozenset(vocabulary.known_words | function_words)
    return Lexis(
        vocabulary=vocabulary,
        lexicon=lexicon,
        cues=cues,
        known_words=known,
        function_words=frozenset(function_words),
        plain_words=frozenset(function_words | _name_words(tables)),
        longest_cue=max((len(c) for c in cues), default=1),
        single_word_cues=sorted(
            c[0] for c in cues if len(c) == 1 and len(c[0]) >= FUZZY_CUE_MIN_CHARS
        ),
        common=common,
        telling={  # names aside: "affidavit" is no English word here
            lang: words - vocabulary.known_words
            for lang, words in read_telling_words(tables["common_words"]).items()
        },
        metric_words=_metric_words(vocabulary, vocabulary.grammar),
        sure_words=known | common.get(STRAY_LEVEL, frozenset()),
        cue_starts=Phrases(cues).starts,
        items=Phrases(_item_intents(tables["statements"])),
        item_intents=_item_intents(tables["statements"]),
        unit_words=frozenset(
            w for r in tables["metrics"] for c in ("unit_id", "unit_en") for w in clean_tokens(r[c])
        ),
    )


def _item_intents(statements: list[dict]) -> dict[tuple[str, ...], frozenset[str]]:
    found: dict[tuple[str, ...], set[str]] = {}
    for row in statements:
        for item in split_items(row.get("items", "")):
            found.setdefault(tuple(clean_tokens(item)), set()).add(row["intent"])
    return {item: frozenset(intents) for item, intents in found.items()}


def _metric_words(vocabulary: Vocabulary, grammar: set[str]) -> dict[str, frozenset[str]]:
    """Each metric mapped to the words of its aliases, ``grammar`` words aside ("for" of
    "stay permit for visitors" names no permit)."""
    words: dict[str, set[str]] = defaultdict(set)
    for tokens, entries in vocabulary.exact.items():
        for entry in entries:
            if entry.kind == "metric":
                words[entry.value].update(t for t in tokens if t not in grammar)
    return {metric: frozenset(found) for metric, found in words.items()}


def _grammar_words(tables: dict[str, list[dict]]) -> set[str]:
    """The ``function`` words of the lexicon ("for", "untuk", "the")."""
    rows = (r["word"] for r in tables["lexicon"] if r["kind"] == "function")
    return {w for word in rows for w in clean_tokens(word)}


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
        if entry.kind == "country" and len(tokens) == 2 and all(t.isalpha() for t in tokens):
            forms.append(["".join(tokens)])  # "Hongkong", "Selandia Baru" -> "selandiabaru"
        for form in forms:
            vocab.add(form, entry, curated=curated, fuzzy=fuzzy)
