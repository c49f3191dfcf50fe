"""Stage 3a: find entity mentions (metric, country, place, ...) in tokens.

Exact n-gram look-ups first, then RapidFuzz for typos, with thresholds tuned so
short codes (ITK, ITAS, ITAP, SKIM) only ever match exactly or by one letter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import OSA

from bot.understanding.skeletons import index_one_word, is_shortened, phrase_names, shortened_phrase

MAX_ALIAS_TOKENS = 5
FUZZY_MIN_CHARS = 4
FUZZY_MAX_WORDS = 3  # a typo is looked for in names of up to three words
WARM_CHARS = 32  # the pools built at warm-up: texts up to this long
# One edit in a short word is a large share of it: the shorter, the stricter.
# "chna"->"china" (88.9) passes, "itap"->"itas" (75) never does.
SHORT_CUTOFF = 88.0
MEDIUM_CUTOFF = 85.0
LONG_CUTOFF = 80.0
LONG_CHARS = 6
SWAP_FLOOR = 75.0  # two letters swapped in a short name ("chnia") score about 80
TOKEN_FLOOR = 78.0
BULK_CUTOFF = 92.0  # bulk name lists (all countries, places) hold many near-words
TIE_MARGIN = 3.0
EXACT_SCORE = 100.0
SLIP_DISTANCE = 1  # letters wrong, missing, extra or swapped in a "slip"
SPLIT_MAX_PIECES = 3  # "w n a": a name typed in up to three pieces
SPLIT_PIECE_CHARS = 5  # ... each short ("afi davit")
SPLIT_SHORT_PIECE = 2  # a name split into known words has a piece this short ("ja pan")
SPLIT_SCORE = 90.0  # a name read from pieces is never an exact match
TWO_SLIP_CHARS = 8  # words this long may hold two slips and still be read


@dataclass(frozen=True)
class Entry:
    """What an alias stands for: a kind (metric, country, ...) and its id."""

    kind: str
    value: str
    lang: str = ""


@dataclass(frozen=True)
class Match:
    """An entity mention: tokens ``start:end`` matched ``entries`` with ``score``.

    ``rivals`` holds entries of an equally close but different alias (a tie).
    """

    start: int
    end: int
    entries: tuple[Entry, ...]
    score: float
    rivals: tuple[Entry, ...] = ()

    def of_kind(self, kind: str) -> tuple[str, ...]:
        """The ids this mention has for ``kind``."""
        return self.by_kind.get(kind, ())

    @property
    def by_kind(self) -> dict[str, tuple[str, ...]]:
        """The ids of each kind (sorted once: asked ~20 times a question)."""
        by_kind = self.__dict__.get("_by_kind")
        if by_kind is None:
            found: dict[str, list[str]] = {}
            for entry in self.entries:
                found.setdefault(entry.kind, []).append(entry.value)
            by_kind = {k: tuple(values) for k, values in found.items()}
            object.__setattr__(self, "_by_kind", by_kind)  # frozen: not a field
        return by_kind


@dataclass
class Vocabulary:
    """Every alias of the fact base, indexed for exact and fuzzy look-up."""

    exact: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    known_words: set[str] = field(default_factory=set)
    curated: set[str] = field(default_factory=set)
    exact_only: set[str] = field(default_factory=set)
    grammar: frozenset[str] = frozenset()  # "it", "as": never a piece of a name

    def add(
        self, tokens: list[str], entry: Entry, *, curated: bool = True, fuzzy: bool = True
    ) -> None:
        """Register ``tokens`` as an alias of ``entry``.

        Args:
            tokens: the alias, normalized.
            entry: what it stands for.
            curated: hand-picked (not a bulk name list), so that a typo of a short
                word may be matched to it, and a longer one more loosely.
            fuzzy: whether a typo may match it at all.
        """
        if not tokens or len(tokens) > MAX_ALIAS_TOKENS:
            return
        if curated:
            self.curated.add(" ".join(tokens))
        if not fuzzy:
            self.exact_only.add(" ".join(tokens))
        entries = self.exact.setdefault(tuple(tokens), [])
        if entry not in entries:
            entries.append(entry)
        self.known_words.update(tokens)

    def __getstate__(self) -> dict:
        """Pickled without the memo of fuzzy look-ups (a bound method's cache)."""
        return {k: v for k, v in self.__dict__.items() if k != "_fuzzy"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._fuzzy = lru_cache(maxsize=4096)(self._fuzzy_uncached)

    def freeze(self) -> None:
        """Prepare the fuzzy indexes; call once after the last ``add``."""
        self._by_length: dict[int, list[str]] = {}
        self._by_string: dict[str, tuple[Entry, ...]] = {}
        self._pools: dict[tuple, tuple[list[str], list[str]]] = {}
        self._alias_words = frozenset(w for tokens in self.exact for w in tokens)
        starts: dict[str, set[int]] = {}
        for tokens in self.exact:
            starts.setdefault(tokens[0], set()).add(len(tokens))
        # the lengths of the names each word starts, longest first
        self._starts = {w: tuple(sorted(n, reverse=True)) for w, n in starts.items()}
        for tokens, entries in self.exact.items():
            joined = " ".join(tokens)
            if joined not in self.exact_only:
                self._by_length.setdefault(len(tokens), []).append(joined)
            self._by_string[joined] = tuple(entries)
        curated = {n: e for n, e in self._by_string.items() if n in self.curated}
        self._skeletons, self._near_skeletons = index_one_word(curated)
        self._phrases = phrase_names(curated)
        self._one_word = {n: e for n, e in curated.items() if " " not in n}
        self._join_starts = frozenset(
            name[:k] for name in self._one_word for k in range(1, SPLIT_PIECE_CHARS + 1)
        )
        self._fuzzy = lru_cache(maxsize=4096)(self._fuzzy_uncached)

    def find(self, tokens: list[str], *, known: set[str]) -> list[Match]:
        """The mentions in ``tokens``: the non-overlapping set that covers the most words.

        "orang korea utara" is North Korea, not "orang korea" + "utara": a name never
        wins by starting earlier when a longer reading covers more of the question.

        Args:
            tokens: normalized tokens.
            known: words that are real words of the lexicon and never typos.
        """
        unknown = [t not in known and t.isalpha() for t in tokens]
        starts = self._starts
        best: list[tuple[tuple, list[Match]]] = [((0, 0, 0.0), [])] * (len(tokens) + 1)
        for i in range(len(tokens) - 1, -1, -1):
            best[i] = best[i + 1]
            if (
                tokens[i] not in starts
                and True not in unknown[i : i + 3]
                and (tokens[i] not in self._join_starts or not self._short_pieces(tokens, i))
            ):
                continue  # no name starts here, in one piece or more, and no typo is near
            for match in self._candidates_at(tokens, i, unknown):
                (covered, count, score), rest = best[match.end]
                value = (covered + match.end - match.start, count - 1, score + match.score)
                if value > best[i][0]:
                    best[i] = (value, [match, *rest])
        return best[0][1]

    def _candidates_at(self, tokens: list[str], i: int, unknown: list[bool]) -> list[Match]:
        """The exact and near names starting at word ``i`` (``unknown``: which words may
        be typos), longest first."""
        lengths = self._starts.get(tokens[i], ())
        if True not in unknown[i : i + FUZZY_MAX_WORDS]:  # no typo near: exact names only
            found = [
                Match(i, i + n, tuple(self.exact[window]), EXACT_SCORE)
                for n in lengths
                if i + n <= len(tokens) and (window := tuple(tokens[i : i + n])) in self.exact
            ]
            return found or self._split_name(tokens, i, unknown)
        found = []
        for n in range(min(MAX_ALIAS_TOKENS, len(tokens) - i), 0, -1):
            if n not in lengths and (
                found or n > FUZZY_MAX_WORDS or True not in unknown[i : i + n]
            ):
                continue  # neither a name of this length nor a typo can start here
            window = tuple(tokens[i : i + n])
            if n in lengths and window in self.exact:
                found.append(Match(i, i + n, tuple(self.exact[window]), EXACT_SCORE))
            elif (
                not found and n <= FUZZY_MAX_WORDS and self._may_be_typo(window, unknown[i : i + n])
            ):
                fuzzy = self._fuzzy(" ".join(window), n)
                if fuzzy:
                    entries, score, rivals = fuzzy
                    found.append(Match(i, i + n, entries, score, rivals))
        return found or self._split_name(tokens, i, unknown)

    def _short_pieces(self, tokens: list[str], i: int) -> bool:
        """Whether the word at ``i`` (which starts a name) or the next is short enough to be
        a piece of it ("ki tas", "kor ea")."""
        short = len(tokens[i]) <= SPLIT_SHORT_PIECE
        return short or (i + 1 < len(tokens) and len(tokens[i + 1]) <= SPLIT_SHORT_PIECE)

    def _split_name(self, tokens: list[str], i: int, unknown: list[bool]) -> list[Match]:
        """A one-word name typed in pieces ("ki tas", "w n a", "afi davit"), as voice typing
        and chat do: the pieces joined, exactly or with a typo when a piece is unknown."""
        typo_near = True in unknown[i : i + SPLIT_MAX_PIECES]
        if not typo_near and tokens[i] not in self._join_starts:
            return []  # no name begins with this piece, and no piece is a typo
        short_run = 0  # the pieces from ``i`` on that may be pieces of a name
        for piece in tokens[i : i + SPLIT_MAX_PIECES]:
            if not (piece.isalpha() and len(piece) <= SPLIT_PIECE_CHARS):
                break
            short_run += 1
        for n in range(short_run, 1, -1):
            pieces = tokens[i : i + n]
            joined = "".join(pieces)
            typo = typo_near and True in unknown[i : i + n]
            if joined in self._one_word:
                short = min(len(p) for p in pieces) <= SPLIT_SHORT_PIECE  # "ki tas", not "to tal"
                # "it as" is no "ITAS": grammar words (of two letters or more) stay words
                grammar = any(len(p) > 1 and p in self.grammar for p in pieces)
                if (short or typo) and not grammar:
                    return [Match(i, i + n, self._one_word[joined], SPLIT_SCORE)]
            if typo and len(joined) >= FUZZY_MIN_CHARS + 1:
                fuzzy = self._fuzzy(joined, 1)
                if fuzzy:
                    entries, score, rivals = fuzzy
                    return [Match(i, i + n, entries, min(score, SPLIT_SCORE), rivals)]
        return []

    def _may_be_typo(self, window: tuple[str, ...], unknown: list[bool]) -> bool:
        """Whether a window may be a name with a typo: some word is unknown, and every
        known one is a word of some name ("izin tingal", not "berapa jepangg")."""
        pairs = zip(window, unknown, strict=True)
        return True in unknown and all(u or w in self._alias_words for w, u in pairs)

    def _pool(self, n: int, chars: int, cutoff: float, *, curated: bool):
        """The names of ``n`` words that could score ``cutoff`` against a text of
        ``chars`` characters (``fuzz.ratio`` bounds their lengths), processed and as
        written; built once per shape."""
        key = (n, chars, cutoff, curated)
        if key not in self._pools:
            low, high = chars * cutoff / (200 - cutoff), chars * (200 - cutoff) / cutoff
            names = [c for c in self._by_length.get(n, []) if not curated or c in self.curated]
            names = [c for c in names if low - 1 <= len(c) <= high + 1]  # spaces: a margin
            self._pools[key] = ([utils.default_process(c) for c in names], names)
        return self._pools[key]

    def warm_pools(self, max_chars: int = WARM_CHARS) -> None:
        """Build the candidate pools of every shape a typo of up to ``max_chars`` letters
        looks in, now rather than at the first such typo (~0.6 ms each)."""
        for n in range(1, FUZZY_MAX_WORDS + 1):
            for length in range(FUZZY_MIN_CHARS + n - 1, max_chars + n):
                chars = length - (n - 1)  # the words' letters, one space between
                self._pool(n, length, _cutoff(chars), curated=chars == FUZZY_MIN_CHARS)

    def _fuzzy_uncached(self, text: str, n: int):
        if n == 1 and is_shortened(text):
            # "jpng", "jpg": chat shorthand drops the vowels of a name
            entries = self._skeletons.get(text) or self._near_skeletons.get(text)
            return (entries, MEDIUM_CUTOFF, ()) if entries else None
        if n > 1 and (entries := shortened_phrase(tuple(text.split()), self._phrases)):
            return entries, MEDIUM_CUTOFF, ()  # "izin tggl ttp"
        chars = len(text.replace(" ", ""))
        if chars < FUZZY_MIN_CHARS:
            return None
        cutoff = _cutoff(chars)
        processed, names = self._pool(n, len(text), cutoff, curated=chars == FUZZY_MIN_CHARS)
        found = process.extract(
            utils.default_process(text),
            processed,  # processed once, with the same utils.default_process
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=min(cutoff, SWAP_FLOOR),  # "chnia": a swap scores low, is one slip
            limit=4,
        )
        best = [(names[i], score, i) for _, score, i in found]
        best = [
            b
            for b in best
            if _tokens_close(text, b[0])
            and (b[1] >= cutoff or one_slip(text, b[0]))
            and (b[1] >= MEDIUM_CUTOFF or one_slip(text, b[0]))
            and (b[0] in self.curated or b[1] >= BULK_CUTOFF)
        ]
        if not best:
            return None
        top, score, _ = best[0]
        entries = self._by_string[top]
        own = {(e.kind, e.value) for e in entries}
        rivals = tuple(
            e
            for alias, other, _ in best[1:]
            if score - other < TIE_MARGIN
            for e in self._by_string[alias]
            if e.kind in {kind for kind, _ in own} and (e.kind, e.value) not in own
        )
        return entries, score, rivals


def _cutoff(chars: int) -> float:
    """The fuzzy score a text of ``chars`` letters must reach: short texts need more."""
    if chars == FUZZY_MIN_CHARS:
        return SHORT_CUTOFF
    return MEDIUM_CUTOFF if chars < LONG_CHARS else LONG_CUTOFF


def _tokens_close(text: str, alias: str) -> bool:
    """Every word of a multi-word match is itself close to its counterpart.

    Keeps "indain citizens" from matching "indonesian citizens" on the strength
    of the shared second word.
    """
    pairs = zip(text.split(), alias.split(), strict=False)
    return all(a == b or fuzz.ratio(a, b) >= TOKEN_FLOOR or _two_slips(a, b) for a, b in pairs)


def _two_slips(typed: str, known: str) -> bool:
    """A long word may hold two slips ("permenant" for "permanent")."""
    return len(known) >= TWO_SLIP_CHARS and OSA.distance(typed, known) <= 2 * SLIP_DISTANCE


def one_slip(typed: str, known: str) -> bool:
    """One letter wrong, missing, extra or swapped ("indain" for "indian"): the slips
    that ``fuzz.ratio`` scores low on short words."""
    return OSA.distance(typed, known) <= SLIP_DISTANCE
