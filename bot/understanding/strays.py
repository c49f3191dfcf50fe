"""Words the vocabulary does not know, next to what a question names: strays ("penting",
"recorded"), unknown names that narrow a subject ("WNA Koria") and unknown places ("di
Gotham", "the Springfield immigration office"), which the release has no data for."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import OSA

from bot.model.frame import add_unique
from bot.understanding.gazetteer import city_at, world_cities
from bot.understanding.lexis import PLACE_LEVEL, lexis
from bot.understanding.phrases import Phrases
from bot.understanding.vocabulary import SLIP_DISTANCE, one_slip

if TYPE_CHECKING:
    from bot.facts.base import FactBase
    from bot.model.frame import Entities

MODIFIER_REACH = 3  # words after a subject that may still narrow it
TYPO_CUTOFF = 85.0
SLIP_MIN_CHARS = 7
WORD_MEMORY = 50_000  # words remembered with their slips, per lexicon


def take_unknown_modifiers(found: Entities, tokens: list[str], base: FactBase) -> None:
    """Unknown names next to a subject narrow it ("WNA Koria", "WNA Wakanda"): they become
    qualifiers, so the total is never given for them. Common words are strays, not names
    ("penting", "recorded", "figures"); the common words that do narrow ("ditahan",
    "illegal", "per bulan") are the lexicon's qualifiers. Slips of function words
    ("brapah", "hwo") are no names either."""
    words = lexis(base)
    taken = {i for start, end in found.spans for i in range(start, end)}
    near: set[int] = set()
    for start, end, english in found.subject_spans:
        near.update(range(end, min(end + MODIFIER_REACH, len(tokens))))
        if english:  # English puts a modifier before its noun: "illegal foreigners"
            near.add(start - 1)
    for i in sorted(near):
        word = tokens[i] if 0 <= i < len(tokens) else ""
        unknown = word.isalpha() and len(word) >= 3 and word not in words.plain_words
        if unknown and words.is_common(word):
            continue
        if i in taken or not unknown:
            continue
        meant = slip_of_qualifier(word, words.lexicon)  # "perpanjngan"
        if meant:
            add_unique(found.qualifiers, (word, meant))
        elif not is_typo_of_known(word, words.function_words):
            add_unique(found.qualifiers, (word, word))


@lru_cache(maxsize=8192)
def is_typo_of_known(word: str, known: frozenset[str]) -> bool:
    """Whether ``word`` is one slip away from a word of ``known`` ("permanant")."""
    lengths = range(len(word) - 2, len(word) + 3)
    by_length = _by_length(known)
    processed = [k for n in lengths for k in by_length.get(n, ((), ()))[0]]
    found = process.extractOne(
        utils.default_process(word),
        processed,  # processed once, with the same utils.default_process
        scorer=fuzz.ratio,
        processor=None,
        score_cutoff=TYPO_CUTOFF,
    )
    if found is not None:
        return True
    longer = [k for n in lengths if n >= 5 for k in by_length.get(n, ((), ()))[1]]
    slip = process.extractOne(
        word, longer, scorer=OSA.distance, processor=None, score_cutoff=SLIP_DISTANCE
    )
    return slip is not None


def index_typos(words: frozenset[str]) -> None:
    """Build the index :func:`is_typo_of_known` looks typos up in (~3 ms), ahead of time."""
    _by_length(words)


@lru_cache(maxsize=8)
def _by_length(words: frozenset[str]) -> dict[int, tuple[list[str], list[str]]]:
    """``words`` by length: each length's words processed for matching, and as written."""
    grouped: dict[int, list[str]] = {}
    for word in sorted(words):
        grouped.setdefault(len(word), []).append(word)
    return {n: ([utils.default_process(w) for w in ws], ws) for n, ws in grouped.items()}


def take_unknown_places(found: Entities, tokens: list[str], base: FactBase) -> None:
    """A name the base does not know where a place or an origin goes ("di Gotham", "in
    Springfield", "people from Wakanda", "the Springfield immigration office") is a place
    asked about: no figure of another office or country is given for it."""
    words = lexis(base)
    taken = {i for start, end in found.spans for i in range(start, end)}
    before, after = base.derived("place_markers", _place_markers)
    city_before = base.derived(
        "city_markers", lambda b: Phrases(before | lexis(b).lexicon.followups)
    )
    offices = base.derived("office_markers", _office_markers)
    cities, known = world_cities().starts, words.known_words
    for i, word in enumerate(tokens):
        if i in taken or not word.isalpha():
            continue
        if word in cities and _take_city(found, tokens, i, taken, (city_before, after)):
            continue
        if len(word) == 2 and _country_code(found, tokens, i, base):  # "WNA asal JP"
            continue
        after_office_word = i > 0 and tokens[i - 1] in offices.lasts
        if word in known and not after_office_word:
            continue  # a word the bot knows is no unknown place unless an office word leads
        # "kanim Mojokerto", "Kantor Imigrasi Tanjung Priok": an office, however common the
        # word, when no office or place of the base took it ("di Seoul" needs a rarer one:
        # "di sana" is no place)
        office = (
            after_office_word
            and _marked(tokens, i, offices, -1)
            and word not in words.function_words
        )
        if not office and word in known:
            continue
        if not (office or _marked(tokens, i, before, -1) or _marked(tokens, i, after, 1)):
            continue
        if office or _unknown_name(word, words):
            add_unique(found.places, word.capitalize())
            found.spans.append((i, i + 1))


def _take_city(
    found: Entities, tokens: list[str], i: int, taken: set[int], markers: tuple[Phrases, Phrases]
) -> bool:
    """Take a city of the world at word ``i`` as a place asked about when a place marker
    or a subject is beside it ("di Seoul", "WNA Tokyo", "Seoul foreigners"); whether it
    was taken."""
    n = city_at(tokens, i)
    if not n or taken.intersection(range(i, i + n)):
        return False
    before, after = markers
    # "WNA Tokyo", "Tokyo ITAS", "kalau Seoul?", "Seoul berapa?": beside a subject, a place
    # word or a follow-up word, or first
    beside_subject = any(i in (end, start - n) for start, end, _ in found.subject_spans)
    marked = _marked(tokens, i, before, -1) or _marked(tokens, i + n - 1, after, 1)
    if not (beside_subject or marked or i == 0):
        return False
    add_unique(found.places, " ".join(tokens[i : i + n]).title())
    found.spans.append((i, i + n))
    taken.update(range(i, i + n))
    return True


def _place_markers(base: FactBase) -> tuple[Phrases, Phrases]:
    """The words before a place or origin ("di", "from", "Kantor Imigrasi") and after one
    ("immigration office")."""
    lexicon = lexis(base).lexicon
    before = lexicon.place_markers | lexicon.origin_markers
    before |= {m for m, side in lexicon.office_markers.items() if side == "before"}
    after = {m for m, side in lexicon.office_markers.items() if side == "after"}
    return Phrases(before), Phrases(after)


def _office_markers(base: FactBase) -> Phrases:
    """The words that always come before an office's name ("kanim", "kantor imigrasi";
    not "imigrasi" alone: "Bekasi imigrasi record ..."). (Words before "immigration
    office" are not always names: "the local immigration office".)"""
    words = lexis(base)
    before = [m for m, side in words.lexicon.office_markers.items() if side == "before"]
    markers = Phrases(m for m in before if len(m) > 1 or not words.is_common(m[0]))
    markers.lasts = frozenset(m[-1] for m in markers)  # most words end none of them
    return markers


def _marked(tokens: list[str], i: int, markers: Phrases, side: int) -> bool:
    """Whether one of ``markers`` ends right before word ``i`` (side -1) or starts right
    after it (side 1)."""
    for n in markers.lengths:
        window = tokens[i - n : i] if side < 0 else tokens[i + 1 : i + 1 + n]
        if len(window) == n and tuple(window) in markers:
            return True
    return False


def _country_code(found: Entities, tokens: list[str], i: int, base: FactBase) -> bool:
    """Take a country's two-letter code after an origin word ("asal JP", "from KR") as
    that country; whether it was taken."""
    if len(tokens[i]) != 2 or not _marked(tokens, i, lexis(base).lexicon.origin_markers, -1):
        return False
    code = tokens[i].upper()
    codes = base.derived("country_codes", lambda b: {r["code"] for r in b.tables["countries"]})
    if code in codes:
        add_unique(found.countries, code)
        found.subject_spans.append((i, i + 1, False))
    elif tokens[i] not in lexis(base).known_words:  # "asal XY": a country with no figure
        add_unique(found.places, code)
    else:
        return False
    found.spans.append((i, i + 1))
    return True


def _unknown_name(word: str, words) -> bool:
    return (
        word.isalpha()
        and len(word) >= 3
        and word not in words.known_words
        and not words.is_common(word, PLACE_LEVEL)
        and not is_typo_of_known(word, words.function_words)
    )


def slip_of_qualifier(word: str, lexicon) -> str | None:
    """The qualifier a long word is one slip away from ("perpanjngan": "perpanjangan"),
    remembered per word."""
    if len(word) < SLIP_MIN_CHARS:
        return None
    memory = lexicon.__dict__.get("_qualifier_slips")
    if memory is None:
        memory = lexicon.__dict__["_qualifier_slips"] = {}
    if word not in memory:
        if len(memory) > WORD_MEMORY:
            memory.clear()
        singles = ((p[0], meant) for p, meant in lexicon.qualifiers.items() if len(p) == 1)
        memory[word] = next((meant for q, meant in singles if one_slip(word, q)), None)
    return memory[word]
