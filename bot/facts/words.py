"""How common words are in Indonesian and English, taken once at build time from wordfreq
(word frequencies from many corpora; data CC-BY-SA 4.0, credited in the README).

A common word next to a subject is a stray word ("penting", "recorded", "figures"), not a
name; the words that do narrow a subject are listed in the lexicon (``qualifier``). A very
common word after "di"/"in" is no place name ("di kawasan", "in general").
"""

from __future__ import annotations

import math
from functools import cache

LANGS = ("id", "en")
LEVELS = (3.0, 4.0)  # Zipf scale: 3 is about one use in a million words, 4 in 100,000
TELLING_LEVEL = 3.0  # a word this common in one language ...
TELLING_GAP = 1.5  # ... and about 30 times rarer in the other tells the language


@cache
def common_word_rows() -> list[dict]:
    """For each Zipf level, the alphabetic words at least that common in either language,
    space-separated in one row (one blob loads fast)."""
    from wordfreq import get_frequency_dict  # only the build needs it

    zipfs: dict[str, dict[str, float]] = {}
    for lang in LANGS:
        zipfs[lang] = {
            word: math.log10(frequency) + 9
            for word, frequency in get_frequency_dict(lang).items()
            if word.isascii() and word.isalpha() and frequency > 0
        }
    best: dict[str, float] = {}
    for found in zipfs.values():
        for word, zipf in found.items():
            best[word] = max(best.get(word, 0.0), zipf)
    rows = [
        {
            "level": level,
            "lang": "",
            "words": " ".join(sorted(w for w, z in best.items() if z >= level)),
        }
        for level in LEVELS
    ]
    for lang, other in (LANGS, LANGS[::-1]):
        telling = [
            w
            for w, z in zipfs[lang].items()
            if z >= TELLING_LEVEL and zipfs[other].get(w, 0.0) <= z - TELLING_GAP
        ]
        rows.append({"level": TELLING_LEVEL, "lang": lang, "words": " ".join(sorted(telling))})
    return rows


def read_common_words(rows: list[dict]) -> dict[float, frozenset[str]]:
    """The words of each Zipf level, in either language."""
    return {float(row["level"]): frozenset(row["words"].split()) for row in rows if not row["lang"]}


def read_telling_words(rows: list[dict]) -> dict[str, frozenset[str]]:
    """For each language, the common words that are rare in the other ("useless", "mau")."""
    return {row["lang"]: frozenset(row["words"].split()) for row in rows if row["lang"]}
