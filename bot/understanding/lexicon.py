"""The lexicon: the words that steer matching, read from ``knowledge/lexicon.csv``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.model.text import clean_tokens
from bot.understanding.phrases import Phrases


@dataclass
class Lexicon:
    """Words that steer matching: abbreviations, language words, numbers, cues."""

    abbreviations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lang_words: dict[str, set[str]] = field(default_factory=lambda: {"id": set(), "en": set()})
    numbers: dict[tuple[str, ...], int] = field(default_factory=dict)
    ordinals: dict[tuple[str, ...], int] = field(default_factory=dict)
    followups: set[tuple[str, ...]] = field(default_factory=set)
    references: set[tuple[str, ...]] = field(default_factory=set)
    excludes: set[tuple[str, ...]] = field(default_factory=set)
    excludes_after: set[tuple[str, ...]] = field(default_factory=set)
    qualifiers: dict[tuple[str, ...], str] = field(default_factory=dict)
    whole_markers: set[tuple[str, ...]] = field(default_factory=set)
    conjunctions: set[str] = field(default_factory=set)
    personas: set[tuple[str, ...]] = field(default_factory=set)
    not_origin: set[str] = field(default_factory=set)
    compatriots: set[tuple[str, ...]] = field(default_factory=set)
    thresholds: dict[tuple[str, ...], str] = field(default_factory=dict)
    questions: set[tuple[str, ...]] = field(default_factory=set)
    requests: set[tuple[str, ...]] = field(default_factory=set)
    declined: set[tuple[str, ...]] = field(default_factory=set)
    clause_breaks: set[str] = field(default_factory=set)
    also: set[tuple[str, ...]] = field(default_factory=set)
    place_markers: set[tuple[str, ...]] = field(default_factory=set)
    origin_markers: set[tuple[str, ...]] = field(default_factory=set)
    office_markers: dict[tuple[str, ...], str] = field(default_factory=dict)
    rest: set[tuple[str, ...]] = field(default_factory=set)
    question_starts: set[tuple[str, ...]] = field(default_factory=set)
    forecasts: set[tuple[str, ...]] = field(default_factory=set)
    inclusive: set[tuple[str, ...]] = field(default_factory=set)
    reasons: set[tuple[str, ...]] = field(default_factory=set)
    counts: set[tuple[str, ...]] = field(default_factory=set)
    negations: set[str] = field(default_factory=set)

    def words(self) -> set[str]:
        """Every word the lexicon knows: none of them is ever read as a typo."""
        phrases = [
            *self.numbers, *self.ordinals, *self.followups, *self.references, *self.excludes,
            *self.excludes_after,
            *self.qualifiers, *self.whole_markers, *self.relative_years, *self.personas,
            *self.compatriots, *self.thresholds, *self.questions, *self.requests,
            *self.declined, *self.also, *self.place_markers, *self.origin_markers,
            *self.office_markers, *self.rest, *self.question_starts,
            *self.forecasts, *self.inclusive, *self.reasons, *self.counts,
        ]  # fmt: skip
        found = {w for phrase in phrases for w in phrase} | self.conjunctions | self.not_origin
        found |= self.clause_breaks | self.negations
        found |= set(self.abbreviations) | {w for e in self.abbreviations.values() for w in e}
        for words in self.lang_words.values():
            found |= words
        return found

    relative_years: dict[tuple[str, ...], str] = field(default_factory=dict)


def relative_year(spec: str, *, anchor: int | None, newest: int | None) -> int | None:
    """The year a relative phrase names, at question time.

    "ago-N" counts back from the year in question ("2021 dibanding tahun lalu": 2020), else
    from the year after the newest data, the way people say "tahun lalu" for the newest
    release; "before-N" counts back from the year in question or the newest year ("tahun
    sebelumnya"); "today+N" counts from the calendar year.
    """
    kind, _, offset = spec.partition("+") if "+" in spec else spec.partition("-")
    step = int(offset or 0) * (1 if "+" in spec else -1)
    if kind == "today":
        return date.today().year + step
    if anchor is not None:
        return anchor + step
    if newest is None:
        return None
    return newest + step + (1 if kind == "ago" else 0)


# lexicon kinds kept as sets of phrases, or of single words, by Lexicon field
PHRASE_KINDS = {
    "followup": "followups",
    "reference": "references",
    "exclude": "excludes",
    "exclude_after": "excludes_after",
    "whole_marker": "whole_markers",
    "persona": "personas",
    "compatriot": "compatriots",
    "question": "questions",
    "request": "requests",
    "declined": "declined",
    "also": "also",
    "place_marker": "place_markers",
    "origin_marker": "origin_markers",
    "rest": "rest",
    "question_start": "question_starts",
    "forecast": "forecasts",
    "inclusive": "inclusive",
    "reason": "reasons",
    "count": "counts",
}
WORD_KINDS = {
    "conjunction": "conjunctions",
    "not_origin": "not_origin",
    "clause_break": "clause_breaks",
    "negation": "negations",
}


def read_lexicon(rows: list[dict]) -> Lexicon:
    """The lexicon of ``lexicon.csv`` rows."""
    lexicon = Lexicon()
    for row in rows:
        words = tuple(clean_tokens(row["word"]))
        kind, value = row["kind"], row["value"]
        if kind in PHRASE_KINDS:
            getattr(lexicon, PHRASE_KINDS[kind]).add(words)
        elif kind in WORD_KINDS:
            getattr(lexicon, WORD_KINDS[kind]).update(words)
        elif kind == "abbreviation" and len(words) == 1:
            lexicon.abbreviations[words[0]] = tuple(clean_tokens(value))
        elif kind == "lang":
            lexicon.lang_words[row["lang"]].update(words)
        elif kind in ("number", "ordinal"):
            getattr(lexicon, kind + "s")[words] = int(value)
        elif kind == "qualifier":
            lexicon.qualifiers[words] = value or " ".join(words)
        elif kind == "office_marker":
            lexicon.office_markers[words] = value
        elif kind == "threshold":
            lexicon.thresholds[words] = value
        elif kind == "relative_year":
            lexicon.relative_years[words] = value
    for name in PHRASE_KINDS.values():  # look-ups know their lengths
        setattr(lexicon, name, Phrases(getattr(lexicon, name)))
    return lexicon
