"""The lexicon: the words that steer matching, read from ``knowledge/lexicon.csv``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from bot.understanding.phrases import Phrases


@dataclass
class Lexicon:
    """Words that steer matching: abbreviations, language words, numbers, cues."""

    abbreviations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lang_words: dict[str, set[str]] = field(default_factory=lambda: {"id": set(), "en": set()})
    # the lang words and every word the lexicon lists in one language only ("selain")
    telling_words: dict[str, set[str]] = field(default_factory=dict)
    lang_leans: dict[str, set[str]] = field(default_factory=lambda: {"id": set(), "en": set()})
    numbers: dict[tuple[str, ...], int] = field(default_factory=dict)
    multipliers: dict[str, int] = field(default_factory=dict)  # "ribu", "hundred"
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
    last_places: set[str] = field(default_factory=set)
    each_words: set[str] = field(default_factory=set)
    next_steps: set[str] = field(default_factory=set)
    question_leads: set[str] = field(default_factory=set)
    why_words: set[str] = field(default_factory=set)
    narrowing_before: set[str] = field(default_factory=set)
    rounding_words: set[tuple[str, ...]] = field(default_factory=set)  # "dibulatkan", "round it"
    rounding_steps: dict[tuple[str, ...], int] = field(default_factory=dict)  # "ratusan": 100
    rounding_ways: dict[tuple[str, ...], str] = field(default_factory=dict)  # "ke atas": up
    rounding_precision: set[str] = field(default_factory=set)  # "decimals", "digit"
    stand_ins: set[str] = field(default_factory=set)
    list_fillers: set[str] = field(default_factory=set)
    not_places: set[str] = field(default_factory=set)
    place_counters: set[str] = field(default_factory=set)
    also: set[tuple[str, ...]] = field(default_factory=set)
    place_markers: set[tuple[str, ...]] = field(default_factory=set)
    origin_markers: set[tuple[str, ...]] = field(default_factory=set)
    office_markers: dict[tuple[str, ...], str] = field(default_factory=dict)
    rest: set[tuple[str, ...]] = field(default_factory=set)
    question_starts: set[tuple[str, ...]] = field(default_factory=set)
    verify: set[tuple[str, ...]] = field(default_factory=set)  # "benar?", "true?": check it
    repairs: set[tuple[str, ...]] = field(default_factory=set)  # "eh", "I mean": corrects
    person_questions: set[tuple[str, ...]] = field(default_factory=set)  # "siapa", "when"
    count_questions: set[tuple[str, ...]] = field(default_factory=set)  # "berapa", "how many"
    every: set[tuple[str, ...]] = field(default_factory=set)  # "semua", "all of them"
    counted: set[tuple[str, ...]] = field(default_factory=set)  # "orang", "people"
    exceeds: set[tuple[str, ...]] = field(default_factory=set)  # "lebih banyak", "outnumber"
    falls_short: set[tuple[str, ...]] = field(default_factory=set)  # "lebih sedikit"
    set_phrases: set[tuple[str, ...]] = field(default_factory=set)  # "wilayah kerja"
    next_places: set[tuple[str, ...]] = field(default_factory=set)  # "setelah", "after"
    subtracts: set[tuple[str, ...]] = field(default_factory=set)  # "dikurangi", "minus"
    forecasts: set[tuple[str, ...]] = field(default_factory=set)
    opinions: set[tuple[str, ...]] = field(default_factory=set)  # "menurut kamu"
    inclusive: set[tuple[str, ...]] = field(default_factory=set)
    reasons: set[tuple[str, ...]] = field(default_factory=set)
    counts: set[tuple[str, ...]] = field(default_factory=set)
    unmeasured: set[tuple[str, ...]] = field(default_factory=set)  # "berapa lama", "biaya"
    either: set[tuple[str, ...]] = field(default_factory=set)  # "Japanese or Chinese"
    country_counts: set[tuple[str, ...]] = field(default_factory=set)  # "berapa negara"
    among: set[tuple[str, ...]] = field(default_factory=set)  # "of them": the people just asked
    totals: set[tuple[str, ...]] = field(default_factory=set)  # "jumlah", "the number of"
    times: set[tuple[str, ...]] = field(default_factory=set)  # "kali", "times": after a number
    combined: set[tuple[str, ...]] = field(default_factory=set)  # "bersama", "together"
    middles: set[tuple[str, ...]] = field(default_factory=set)  # "median", "yang tengah"
    mentions: set[tuple[str, ...]] = field(default_factory=set)  # "disebut", "mentioned"
    # "sekitar 6.400", "70an": a number said roughly, no exact claim to check
    vague_before: set[tuple[str, ...]] = field(default_factory=set)
    vague_after: set[str] = field(default_factory=set)
    scales: set[tuple[str, ...]] = field(default_factory=set)  # "setengah", "double"
    scaling_words: set[str] = field(default_factory=set)  # "x", "kali": multiply, not divide
    multiplying_words: set[str] = field(default_factory=set)  # "x", "kali", "times"
    dividing_words: set[str] = field(default_factory=set)  # "dibagi", "divided"
    scale_factors: dict[tuple[str, ...], str] = field(default_factory=dict)  # "half of": "/2"
    # "setengah ITAS", "ITAS doubled": a factor only when said right beside a figure
    beside_factors: dict[tuple[str, ...], str] = field(default_factory=dict)
    fractions: set[tuple[str, ...]] = field(default_factory=set)  # scale and scale_beside
    leading: set[str] = field(default_factory=set)  # "teratas", "top": the first of a ranking
    negations: set[str] = field(default_factory=set)
    embedders: set[str] = field(default_factory=set)  # "a piece on how ...": no question
    rates: dict[tuple[str, ...], str] = field(default_factory=dict)  # "per bulan": month
    labels: set[str] = field(default_factory=set)
    narrowing_labels: set[str] = field(default_factory=set)  # "pasal 71": a detail asked
    divisors: set[str] = field(default_factory=set)
    self_words: set[str] = field(default_factory=set)
    relativizers: set[str] = field(default_factory=set)
    ranges: set[str] = field(default_factory=set)
    contrasts: set[str] = field(default_factory=set)
    versus: set[str] = field(default_factory=set)  # "than", "dibanding"
    request_verbs: set[str] = field(default_factory=set)  # "share", "kirim"
    addressing: set[str] = field(default_factory=set)  # "you", "pls", "tolong"
    and_words: set[str] = field(default_factory=set)  # "dan", "serta", "and"
    denials: set[str] = field(default_factory=set)  # "bukan", "no"

    @cached_property
    def fraction_words(self) -> frozenset[str]:
        """The words of fractions ("a quarter of"), which then narrow nothing."""
        return frozenset(w for phrase in self.fractions for w in phrase)

    @cached_property
    def side_by_side(self) -> frozenset[str]:
        """Words between two figures asked side by side: "dan", "vs", "dibagi"."""
        return frozenset(self.conjunctions | self.dividing_words)

    @cached_property
    def joiners(self) -> frozenset[str]:
        """Words that join another question on ("dan", "and", "terus")."""
        return frozenset(self.conjunctions | {p[0] for p in self.followups if len(p) == 1})

    @cached_property
    def subtract_words(self) -> frozenset[str]:
        """The last words of the phrases that subtract ("dikurangi", "minus")."""
        return frozenset(p[-1] for p in self.subtracts)

    @cached_property
    def next_place_words(self) -> frozenset[str]:
        """The last words of the phrases before a country whose next place is asked."""
        return frozenset(p[-1] for p in self.next_places)

    @cached_property
    def place_words(self) -> frozenset[str]:
        """The words that may count a place in a list: "last", "terakhir", "pertama"."""
        return frozenset(self.last_places) | {p[0] for p in self.ordinals if len(p) == 1}

    @cached_property
    def sequencers(self) -> frozenset[str]:
        """Joining words that move on ("terus", "then"), not those that list ("dan") or
        link ("yang": "berapa WNA yang dideportasi dan berapa yang ...")."""
        return self.joiners - self.conjunctions - self.relativizers

    @cached_property
    def relative_askers(self) -> frozenset[str]:
        """Question words that may also link a clause to a name ("who", "which")."""
        return frozenset(self.relativizers & self.questions.starts.keys())

    @cached_property
    def starters(self) -> Phrases:
        """What starts a question: question and request words, "what about", ..."""
        return Phrases(self.questions | self.requests | self.question_starts)

    @cached_property
    def asking(self) -> Phrases:
        """The question and request words."""
        return Phrases(self.questions | self.requests)

    @cached_property
    def split_comparatives(self) -> dict[str, tuple[str, str]]:
        """For each word that opens a two-word comparison closed by a word of ``versus``
        ("more" of "more than"), its kind and closing word: "more Koreans than Japanese"
        still compares."""
        found = {}
        for name in ("exceeds", "falls_short"):
            for phrase in getattr(self, name):
                if len(phrase) == 2 and phrase[1] in self.versus:
                    found[phrase[0]] = (name, phrase[1])
        return found

    @cached_property
    def ordinal_starts(self) -> frozenset[str]:
        """The first words of ordinals ("kedua", "ke", "nomor", "3rd")."""
        return frozenset(p[0] for p in self.ordinals)

    @cached_property
    def number_words(self) -> dict[str, int]:
        """For each word that starts a year, threshold, qualifier, ordinal or number
        phrase, the longest such phrase's length (most words start none)."""
        longest: dict[str, int] = {}
        kinds = (self.relative_years, self.thresholds, self.qualifiers, self.ordinals,
                 self.numbers)  # fmt: skip
        for phrase in (p for kind in kinds for p in kind):
            longest[phrase[0]] = max(longest.get(phrase[0], 0), len(phrase))
        return longest

    def slip_targets(self, min_chars: int) -> tuple[str, ...]:
        """The one-word question words of at least ``min_chars`` letters ("how", "berapa"),
        which a slip of one letter still asks with ("hwo")."""
        cache = self.__dict__.setdefault("_slip_targets", {})
        if min_chars not in cache:
            cache[min_chars] = tuple(
                p[0] for p in self.questions if len(p) == 1 and len(p[0]) >= min_chars
            )
        return cache[min_chars]

    def present(self, tokens: tuple[str, ...], names: tuple[str, ...]) -> set[str]:
        """Which of the phrase lists ``names`` (e.g. "references", "rest") have a phrase
        in ``tokens``, found in one pass over the words."""
        index = self._phrase_starts(names)
        found: set[str] = set()
        for i, token in enumerate(tokens):
            for name, lengths in index.get(token, ()):
                if name not in found:
                    phrases = getattr(self, name)
                    for n in lengths:
                        if tokens[i : i + n] in phrases:
                            found.add(name)
                            break
        return found

    def _phrase_starts(self, names: tuple[str, ...]) -> dict[str, list]:
        cache = self.__dict__.setdefault("_starts_by_names", {})
        if names not in cache:
            index: dict[str, list] = {}
            for name in names:
                for word, lengths in getattr(self, name).starts.items():
                    index.setdefault(word, []).append((name, lengths))
            cache[names] = index
        return cache[names]

    def asks(self, tokens: tuple[str, ...]) -> bool:
        """Whether a question word asks in ``tokens``: not one that an embedding word
        puts inside a statement ("a piece on how the pandemic hit", "saya tahu berapa")."""
        starts = self.questions.starts
        for i, token in enumerate(tokens):
            embedded = i and tokens[i - 1] in self.embedders
            if (
                token in starts
                and not embedded
                and any(tokens[i : i + n] in self.questions for n in starts[token])
            ):
                return True
        return False

    def words(self) -> set[str]:
        """Every word the lexicon knows: none of them is ever read as a typo."""
        phrases = [
            *self.numbers, *self.ordinals, *self.followups, *self.references, *self.excludes,
            *self.excludes_after,
            *self.qualifiers, *self.whole_markers, *self.relative_years, *self.personas,
            *self.relative_patterns,
            *self.compatriots, *self.thresholds, *self.questions, *self.requests,
            *self.declined, *self.also, *self.place_markers, *self.origin_markers,
            *self.office_markers, *self.rest, *self.question_starts,
            *self.forecasts, *self.inclusive, *self.reasons, *self.counts, *self.unmeasured,
            *self.either, *self.country_counts, *self.repairs, *self.among,
            *self.times, *self.combined, *self.subtracts, *self.next_places, *self.scales,
            *self.person_questions, *self.count_questions, *self.every, *self.exceeds,
        ]  # fmt: skip
        found = {w for phrase in phrases for w in phrase} | self.conjunctions | self.not_origin
        found |= self.clause_breaks | self.negations | self.embedders | self.leading
        found |= set(self.abbreviations) | {w for e in self.abbreviations.values() for w in e}
        found |= self.last_places | self.list_fillers | self.not_places | self.place_counters
        found |= self.each_words | self.next_steps | self.stand_ins | self.question_leads
        found |= self.why_words | {
            w for p in [*self.rounding_words, *self.rounding_steps] for w in p
        }
        for words in self.lang_words.values():
            found |= words
        return found

    relative_years: dict[tuple[str, ...], str] = field(default_factory=dict)
    relative_patterns: dict[tuple[str, ...], str] = field(default_factory=dict)  # after N
