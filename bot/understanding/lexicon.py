"""The lexicon: the words that steer matching, read from ``knowledge/lexicon.csv``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.model.text import clean_tokens


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

    def words(self) -> set[str]:
        """Every word the lexicon knows: none of them is ever read as a typo."""
        phrases = [
            *self.numbers, *self.ordinals, *self.followups, *self.references, *self.excludes,
            *self.excludes_after,
            *self.qualifiers, *self.whole_markers, *self.relative_years, *self.personas,
            *self.compatriots, *self.thresholds,
        ]  # fmt: skip
        found = {w for phrase in phrases for w in phrase} | self.conjunctions | self.not_origin
        found |= set(self.abbreviations) | {w for e in self.abbreviations.values() for w in e}
        for words in self.lang_words.values():
            found |= words
        return found

    relative_years: dict[tuple[str, ...], int] = field(default_factory=dict)


def relative_year(value: str, period: int) -> int:
    """ "period-1" counts from the release's year, "today+1" from the current year."""
    anchor = "today" if value.startswith("today") else "period"
    base_year = date.today().year if anchor == "today" else period
    return base_year + int(value.removeprefix(anchor) or 0)


# lexicon kinds kept as sets of phrases, or of single words, by Lexicon field
PHRASE_KINDS = {
    "followup": "followups",
    "reference": "references",
    "exclude": "excludes",
    "exclude_after": "excludes_after",
    "whole_marker": "whole_markers",
    "persona": "personas",
    "compatriot": "compatriots",
}
WORD_KINDS = {"conjunction": "conjunctions", "not_origin": "not_origin"}


def read_lexicon(rows: list[dict], period: int) -> Lexicon:
    """The lexicon of ``lexicon.csv`` rows; relative years resolved against ``period``."""
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
        elif kind == "threshold":
            lexicon.thresholds[words] = value
        elif kind == "relative_year":
            lexicon.relative_years[words] = relative_year(value, period)
    return lexicon
