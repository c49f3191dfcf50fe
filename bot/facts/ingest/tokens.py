"""Tokens with their place in the text, phrase look-ups over them, and the text's
paragraphs and sentences."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.model.text import clean_tokens

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*|\S")
_SENTENCE_END = frozenset(".!?")
_OPENERS = frozenset("\"'“‘(*-–—")


@dataclass(frozen=True)
class Token:
    """One word, number or punctuation mark: ``norm`` is lower-case ASCII for look-ups."""

    raw: str
    norm: str
    start: int
    end: int
    kind: str  # "word", "num" or "punct"

    @property
    def capitalized(self) -> bool:
        return self.kind == "word" and self.raw[:1].isupper()


@dataclass(frozen=True)
class Sentence:
    """Tokens ``first`` to ``last`` (exclusive) of one sentence, in paragraph ``paragraph``."""

    first: int
    last: int
    paragraph: int


def normalize(word: str) -> str:
    """Lower case, accents and apostrophes off: "Türkiye's" -> "turkiyes"."""
    word = unicodedata.normalize("NFKD", word.lower())
    word = "".join(c for c in word if not unicodedata.combining(c))
    return word.replace("'", "").replace("’", "")


def tokenize(text: str) -> list[Token]:
    """Every token of ``text`` with its character span."""
    tokens = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        kind = "num" if raw[0].isdigit() else "word" if raw[0].isalpha() else "punct"
        tokens.append(Token(raw, normalize(raw), m.start(), m.end(), kind))
    return tokens


def phrase_key(text: str) -> tuple[str, ...]:
    """A knowledge phrase (alias, lexicon word) as the token norms it matches."""
    return tuple(clean_tokens(text))


class Phrases:
    """Phrases (tuples of token norms) mapped to payloads; longest match first."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}

    def add(self, key: tuple[str, ...], payload: object) -> None:
        if key:
            entries = self._by_first.setdefault(key[0], [])
            if all(k != key for k, _ in entries):
                entries.append((key, payload))
                entries.sort(key=lambda e: -len(e[0]))

    def entries(self) -> list[tuple[tuple[str, ...], object]]:
        """Every phrase with its payload."""
        return [entry for entries in self._by_first.values() for entry in entries]

    def __contains__(self, key: tuple[str, ...]) -> bool:
        return any(k == key for k, _ in self._by_first.get(key[0] if key else "", []))

    def get(self, key: tuple[str, ...], default=None):
        for k, payload in self._by_first.get(key[0] if key else "", []):
            if k == key:
                return payload
        return default

    def match(self, tokens: list[Token], i: int, stop: int | None = None):
        """The longest phrase starting at token ``i``: ``(end index, payload)`` or None.

        Words of a phrase may be joined by spaces or a hyphen ("visa-on-arrival"), nothing else.
        """
        if i >= len(tokens) or tokens[i].kind == "punct":
            return None
        stop = len(tokens) if stop is None else stop
        for key, payload in self._by_first.get(tokens[i].norm, []):
            end = _match_rest(tokens, i, key, stop)
            if end is not None:
                return end, payload
        return None

    def ending_at(self, tokens: list[Token], end: int, start_limit: int = 0):
        """The longest phrase that ends just before token ``end``: ``(start, payload)``."""
        best = None
        for start in range(max(start_limit, end - 6), end):
            found = self.match(tokens, start, end)
            if found and found[0] == end and (best is None or start < best[0]):
                best = (start, found[1])
        return best


def _match_rest(tokens: list[Token], i: int, key: tuple[str, ...], stop: int) -> int | None:
    j = i
    for n, word in enumerate(key):
        if n:
            j = next_word(tokens, j - 1, stop)
            if j is None:
                return None
        if j >= stop or tokens[j].norm != word:
            return None
        j += 1
    return j


def next_word(tokens: list[Token], i: int, stop: int) -> int | None:
    """The token after ``i`` when only a space or a glued hyphen separates them."""
    j = i + 1
    if j < stop and tokens[j].raw in "-‑" and glued(tokens, i, j) and glued(tokens, j, j + 1):
        j += 1
    return j if j < stop and tokens[j].kind != "punct" else None


def glued(tokens: list[Token], i: int, j: int) -> bool:
    """True when tokens ``i`` and ``j`` touch (no space between)."""
    return 0 <= i < len(tokens) and j < len(tokens) and tokens[i].end == tokens[j].start


def sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """The sentences of the text; a line break always ends one, a blank line a paragraph."""
    found: list[Sentence] = []
    first, paragraph = 0, 0
    for i, token in enumerate(tokens):
        gap = text[token.end : tokens[i + 1].start] if i + 1 < len(tokens) else "\n\n"
        if "\n" in gap or _ends_sentence(tokens, i, gap):
            found.append(Sentence(first, i + 1, paragraph))
            first = i + 1
            if gap.count("\n") >= 2:
                paragraph += 1
    return found


def _ends_sentence(tokens: list[Token], i: int, gap: str) -> bool:
    token = tokens[i]
    if not gap or (token.raw not in _SENTENCE_END and token.raw not in '"”’)'):
        return False
    if token.raw in '"”’)':  # a closing quote ends a sentence when a stop precedes it
        return i > 0 and tokens[i - 1].raw in _SENTENCE_END and _starts_sentence(tokens, i + 1)
    before = tokens[i - 1] if i else None
    # "No. 207", "Rp. 5", "Jl. Sudirman": a short capitalised word before the stop
    if token.raw == "." and before is not None and _abbreviation(before, token):
        return False
    return _starts_sentence(tokens, i + 1)


def _abbreviation(word: Token, stop: Token) -> bool:
    """A short title-case word glued to a stop: "No.", "Rp.", "Jl.", "Dr."."""
    short = word.kind == "word" and len(word.raw) <= 3 and word.end == stop.start
    return short and word.raw[0].isupper() and word.raw[1:].islower()


def _starts_sentence(tokens: list[Token], i: int) -> bool:
    while i < len(tokens) and tokens[i].raw in _OPENERS:
        i += 1
    return i >= len(tokens) or tokens[i].raw[0].isupper() or tokens[i].kind == "num"
