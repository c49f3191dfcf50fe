"""Stage 1: turn a chat message into clean tokens.

Lower-cases, strips markup, accents and punctuation, folds repeated letters
("berapaaa") and expands chat abbreviations (brp, yg, thn, ...) from the lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set

from bot.model.text import clean_tokens
from bot.understanding.skeletons import VOWELS

_TRIPLE = re.compile(r"([a-z])\1{2,}")
_DOUBLE = re.compile(r"([a-z])\1")
_REDUPLICATED = re.compile(r"^([a-z]{2,})2(nya)?$")  # "nilai2", "rata2nya"
# Indonesian prefixes, longest first: "dirata2" is "dirata-rata", not "dirata-dirata"
PREFIXES = ("meng", "meny", "mem", "men", "ber", "ter", "per", "me", "di", "se", "ke")
MIN_BASE_CHARS = 3
GLUED_MIN_CHARS = 6
GLUED_PART_CHARS = 3
RUN_MIN_CHARS = 9  # a run of three or more words typed without spaces
MAX_WORD_CHARS = 14
RUN_COMMON_CHARS = 4
_ORDINAL_SUFFIX = re.compile(r"^\d+(st|nd|rd|th)$")
_LETTERS_OR_DIGITS = re.compile(r"[a-z]+|\d+|%")
CLITICS = ("nya", "lah", "kah", "pun", "s")


SHORTHAND_CHARS = 4


def squeeze(token: str, known: Set[str]) -> str:
    """Fold emphasis and clitics: "berapaaa" -> "berapa", "goood" -> "good", "infonya" -> "info"."""
    if token in known or not token.isalpha():
        return token
    token = _TRIPLE.sub(r"\1\1", token)
    if token in known:
        return token
    single = _DOUBLE.sub(r"\1", token)
    if len(token) <= SHORTHAND_CHARS and VOWELS.isdisjoint(token):
        return token  # "ttp" (tetap), "tggl" (tinggal): shorthand, no emphasis
    if single in known:
        return single
    for clitic in CLITICS:
        if token.endswith(clitic) and token[: -len(clitic)] in known:
            return token[: -len(clitic)]
    if token.endswith("in") and token[:-2] + "kan" in known:
        return token[:-2] + "kan"  # Jakarta "-in": "dikeluarin" -> "dikeluarkan"
    return token


def normalize(
    text: str,
    *,
    abbreviations: Mapping[str, tuple[str, ...]],
    known: Set[str],
    whole: Set[str] = frozenset(),
) -> list[str]:
    """Tokens ready for matching: cleaned, squeezed, abbreviations expanded.

    Args:
        text: the raw message.
        abbreviations: chat shorthand mapped to its expansion (may be empty: a filler word).
        known: every word the fact base knows, so emphasis folding never breaks a real word.
        whole: common words of the languages, never split in two ("gotham" is no "got ham").
    """
    tokens: list[str] = []
    for raw in cleaned_words(text, known=known, whole=whole):
        tokens.extend(normalize_word(raw, abbreviations=abbreviations, known=known, whole=whole))
    return tokens


def cleaned_words(
    text: str, *, known: Set[str] = frozenset(), whole: Set[str] = frozenset()
) -> list[str]:
    """The words of ``text``, cleaned, before squeezing and expanding (``known``: the words
    a reduplicated base may be, "dirata2" -> "dirata rata"; ``whole``: common words, which
    are repeated whole, "berapa2" -> "berapa berapa")."""
    return _unreduplicate(clean_tokens(text), known, whole)


def normalize_word(
    raw: str,
    *,
    abbreviations: Mapping[str, tuple[str, ...]],
    known: Set[str],
    whole: Set[str] = frozenset(),
) -> tuple[str, ...]:
    """The tokens of one cleaned word (see :func:`normalize`): a word's tokens depend on
    the word alone, so callers may remember them."""
    tokens: list[str] = []
    for token in split_glued(squeeze(raw, known), known, whole):
        tokens.extend(abbreviations.get(token, (token,)))
    return tuple(tokens)


def split_glued(token: str, known: Set[str], whole: Set[str] = frozenset()) -> tuple[str, ...]:
    """Split two known words typed without a space: "berapaitas" -> ("berapa", "itas"),
    "livein" -> ("live", "in"); with a part shorter than three letters both must be common
    words ("tiongok" is no "tiong" + "ok")."""
    if token in known or token in whole or len(token) < GLUED_MIN_CHARS or not token.isalpha():
        return (token,)
    for cut in range(len(token) - 2, 1, -1):
        left, right = token[:cut], token[cut:]
        short = [part for part in (left, right) if len(part) < GLUED_PART_CHARS]
        if left in known and right in known and (not short or {left, right} <= whole):
            return left, right
    if len(token) >= RUN_MIN_CHARS:
        return _words_run_together(token, known, whole) or (token,)
    return (token,)


def _words_run_together(token: str, known: Set[str], whole: Set[str]) -> tuple[str, ...] | None:
    """ "wnaaktifdibekasiberapa" -> wna aktif di bekasi berapa: the fewest words, each a
    word the bot knows or a longer common word, one of them a word of the fact base; of
    as few, the most words of the fact base ("howmanyitkin": "itk in", not "it kin")."""
    best: list[tuple[tuple[int, int], tuple[str, ...]] | None] = [((0, 0), ())]
    best += [None] * len(token)
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - MAX_WORD_CHARS), end):
            part, before = token[start:end], best[start]
            if before is None or not _run_word(part, known, whole):
                continue
            (words, unknown), parts = before
            cost = (words + 1, unknown + (part not in known))
            if best[end] is None or cost < best[end][0]:
                best[end] = (cost, (*parts, part))
    found = best[-1][1] if best[-1] else ()
    short = sum(len(p) < GLUED_PART_CHARS for p in found)  # "keimigrasan" is no "ke imigras an"
    if len(found) < 3 or short > max(1, len(found) // 3) or not any(p in known for p in found):
        return None
    return found


def _run_word(part: str, known: Set[str], whole: Set[str]) -> bool:
    """A word of the fact base or lexicon, or a common word of four letters or more (a
    short common word may be a slice of a typo: "forigners" is no "for ign ers")."""
    return (len(part) > 1 and part in known) or (len(part) >= RUN_COMMON_CHARS and part in whole)


def _unreduplicate(tokens: list[str], known: Set[str], whole: Set[str]) -> list[str]:
    """Reduplication shorthand ("nilai2" -> "nilai nilai", "dirata2" -> "dirata rata":
    a prefix is not repeated when its base is ``known`` and the word is not ``whole``); words
    glued to numbers apart ("deportasi2020" -> "deportasi 2020"), ordinals such as "3rd"
    kept."""
    out: list[str] = []
    for token in tokens:
        if token.isascii() and (token.isalpha() or token.isdigit()):
            out.append(token)  # (most words: letters or digits only, lower case here)
            continue
        match = _REDUPLICATED.match(token)
        if match:
            word = match.group(1)
            base = word if word in whole else _base_of(word, known)
            out.extend((word, base + (match.group(2) or "")))
        elif _ORDINAL_SUFFIX.match(token):
            out.append(token)
        else:
            out.extend(_LETTERS_OR_DIGITS.findall(token) or [token])
    return out


def _base_of(word: str, known: Set[str]) -> str:
    """The part of ``word`` a reduplication repeats: the word itself, or its base after a
    prefix ("dirata" -> "rata", "kedua" -> "dua") when the base is known."""
    for prefix in PREFIXES:
        base = word[len(prefix) :]
        if word.startswith(prefix) and len(base) >= MIN_BASE_CHARS and base in known:
            return base
    return word
