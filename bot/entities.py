"""Stage 3: the entities of a question: metrics, countries, year, place, ..."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.base import FactBase
from bot.vocabulary import Match

YEAR_RANGE = range(1945, 2101)
MAX_COUNT = 50


@dataclass
class Entities:
    """What a question names. Lists keep the order of mention, without repeats."""

    metrics: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    offices: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    count: int | None = None
    ordinal: int | None = None
    ties: list[tuple[str, ...]] = field(default_factory=list)
    lang_hints: list[str] = field(default_factory=list)
    metric_phrases: list[tuple[str, ...]] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    score: float = 100.0

    def has_subject(self) -> bool:
        """True when something answerable is named (a figure's subject, topic or term)."""
        return bool(self.metrics or self.groups or self.countries or self.topics)

    def is_empty(self) -> bool:
        """True when nothing at all was recognised."""
        return not (self.has_subject() or self.places or self.terms or self.years or self.offices)


def _add(items: list, value) -> None:
    if value not in items:
        items.append(value)


def extract_entities(tokens: list[str], base: FactBase) -> Entities:
    """Find every entity in ``tokens`` using the fact base's vocabulary and lexicon."""
    found = Entities()
    for match in base.vocabulary.find(tokens, known=base.known_words):
        if _follows(tokens, match.start, base.lexicon.excludes):
            found.spans.append((match.start, match.end))  # "selain deportasi": not asked
            continue
        _take_match(found, match)
        if match.of_kind("metric"):
            found.metric_phrases.append(tuple(tokens[match.start : match.end]))
    complete_names(tokens, list(found.metric_phrases), found, base.vocabulary)
    _take_numbers(found, tokens, base)
    return found


def _follows(tokens: list[str], start: int, phrases: set[tuple[str, ...]]) -> bool:
    return any(tuple(tokens[max(0, start - n) : start]) in phrases for n in (1, 2, 3))


def complete_names(tokens: list[str], phrases: list[tuple[str, ...]], found: Entities, vocabulary):
    """Read a bare last word as a sibling of a metric named by several words.

    "izin tinggal terbatas dan tetap" names ITAS and ITAP; after "izin tinggal
    terbatas", a follow-up "kalau yang tetap?" names ITAP.
    """
    covered = {i for start, end in found.spans for i in range(start, end)}
    for phrase in phrases:
        if len(phrase) < 2:
            continue
        for i, token in enumerate(tokens):
            candidate = (*phrase[:-1], token)
            if i in covered or candidate == phrase:
                continue
            for entry in vocabulary.exact.get(candidate, []):
                if entry.kind == "metric" and entry.value not in found.metrics:
                    found.metrics.append(entry.value)
                    found.spans.append((i, i + 1))


def _take_match(found: Entities, match: Match) -> None:
    found.spans.append((match.start, match.end))
    found.score = min(found.score, match.score)
    kinds = {
        "metric": found.metrics,
        "group": found.groups,
        "country": found.countries,
        "place": found.places,
        "office": found.offices,
        "topic": found.topics,
        "term": found.terms,
    }
    for entry in match.entries:
        _add(kinds[entry.kind], entry.value)
    langs = {e.lang for e in match.entries if e.lang}
    if len(langs) == 1:
        found.lang_hints.append(langs.pop())
    if match.rivals:
        own = tuple(dict.fromkeys(e.value for e in match.entries if e.kind == match.rivals[0].kind))
        found.ties.append(own + tuple(dict.fromkeys(e.value for e in match.rivals)))


def _take_numbers(found: Entities, tokens: list[str], base: FactBase) -> None:
    lexicon = base.lexicon
    covered = {i for start, end in found.spans for i in range(start, end)}
    for i, token in enumerate(tokens):
        if i in covered:
            continue
        for n in (3, 2, 1):
            window = tuple(tokens[i : i + n])
            if window in lexicon.relative_years:
                _add(found.years, lexicon.relative_years[window])
                found.spans.append((i, i + n))
            elif window in lexicon.ordinals and found.ordinal is None:
                found.ordinal = lexicon.ordinals[window]
            elif window in lexicon.numbers and found.count is None and n == 1:
                found.count = lexicon.numbers[window]
        if token.isdigit() and len(token) <= 6:
            value = int(token)
            if len(token) == 4 and value in YEAR_RANGE:
                _add(found.years, value)
            elif 0 < value <= MAX_COUNT and found.count is None:
                found.count = value
