"""Names typed without their vowels, the way Indonesian chat shortens them: "jpng" and
"jpg" (Jepang), "izin tggl ttp" (izin tinggal tetap). A shortened word keeps the
consonants of its name in order, all of them or all but one inside ("jpg" drops the n of
"jpng"); a name of several words is read when each word is typed whole or shortened.
Only hand-picked names are indexed, and a shortening that fits two things is no name.
"""

from __future__ import annotations

from collections.abc import Mapping

VOWELS = frozenset("aeiou")
SKELETON_MIN_CHARS = 3  # "jpn": the fewest consonants a name is read from
# a word that drops a consonant too is read from 4 letters ("tggl"): three ("jng", "tgh",
# "amt") are common words of their own (jangan, tengah, alamat)
NEAR_MIN_CHARS = 4


def consonants(word: str) -> str:
    """``word`` without its vowels after its first letter ("jepang" -> "jpng", "izin" ->
    "izn")."""
    return word[:1] + "".join(c for c in word[1:] if c not in VOWELS)


def is_shortened(word: str) -> bool:
    """Whether ``word`` could be a word typed without its vowels."""
    return len(word) >= SKELETON_MIN_CHARS and word.isalpha() and VOWELS.isdisjoint(word[1:])


def shortens(typed: str, word: str) -> bool:
    """Whether ``typed`` is ``word`` without its vowels, or without one more consonant
    inside ("tggl" for "tinggal")."""
    bones = consonants(word)
    if typed == bones:
        return True
    if len(typed) < NEAR_MIN_CHARS or len(bones) != len(typed) + 1:
        return False
    if typed[0] != bones[0] or typed[-1] != bones[-1]:
        return False
    letters = iter(bones)
    return all(letter in letters for letter in typed)


def index_one_word(names: Mapping[str, tuple]) -> tuple[dict, dict]:
    """The one-word names by their consonants, and by their consonants less one inside
    letter ("jpg"), where only one thing has that key (entries compared by kind and
    value); a key that is some name's full skeleton is never read as a near one."""
    exact: dict[str, dict[tuple[str, str], tuple]] = {}
    near: dict[str, dict[tuple[str, str], tuple]] = {}
    for name, entries in names.items():
        if " " in name or len(name) < SKELETON_MIN_CHARS + 1:
            continue
        bones = consonants(name)
        ids = {(e.kind, e.value) for e in entries}
        for key in ids:
            exact.setdefault(bones, {}).setdefault(key, entries)
        for cut in range(1, len(bones) - 1):
            for key in ids:
                near.setdefault(bones[:cut] + bones[cut + 1 :], {}).setdefault(key, entries)
    unique = {s: next(iter(by.values())) for s, by in exact.items() if len(by) == 1}
    near_unique = {
        s: next(iter(by.values()))
        for s, by in near.items()
        if len(by) == 1 and s not in exact and len(s) >= NEAR_MIN_CHARS
    }
    return unique, near_unique


def phrase_names(names: Mapping[str, tuple]) -> dict[tuple, list[tuple[tuple[str, ...], tuple]]]:
    """The names of several words, found by their number of words and one whole word at
    its place, or by their number of words and initials (for names typed all shortened)."""
    found: dict[tuple, list[tuple[tuple[str, ...], tuple]]] = {}
    for name, entries in names.items():
        words = tuple(name.split())
        if len(words) > 1:
            for i, word in enumerate(words):
                found.setdefault((len(words), i, word), []).append((words, entries))
            initials = tuple(w[0] for w in words)
            found.setdefault((len(words), initials), []).append((words, entries))
    return found


def shortened_phrase(typed: tuple[str, ...], phrases: Mapping[tuple, list]):
    """The entries of the one name of several words that ``typed`` spells with at least
    one word shortened ("izin tggl ttp"), or None."""
    short = [is_shortened(word) for word in typed]
    if not any(short):
        return None
    whole = next((i for i, s in enumerate(short) if not s), None)
    key = (
        (len(typed), tuple(w[0] for w in typed))
        if whole is None
        else (len(typed), whole, typed[whole])
    )
    found = {}
    for words, entries in phrases.get(key, ()):
        pairs = zip(typed, words, strict=True)
        if all(t == w or (is_shortened(t) and shortens(t, w)) for t, w in pairs):
            for entry in entries:
                found.setdefault((entry.kind, entry.value), entries)
    return next(iter(found.values())) if len(found) == 1 else None
