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


@cache
def common_word_rows() -> list[dict]:
    """For each Zipf level, the alphabetic words at least that common in either language,
    space-separated in one row (one blob loads fast)."""
    from wordfreq import get_frequency_dict  # only the build needs it

    best: dict[str, float] = {}
    for lang in LANGS:
        for word, frequency in get_frequency_dict(lang).items():
            if word.isascii() and word.isalpha() and frequency > 0:
                zipf = math.log10(frequency) + 9
                best[word] = max(best.get(word, 0.0), zipf)
    return [
        {"level": level, "words": " ".join(sorted(w for w, z in best.items() if z >= level))}
        for level in LEVELS
    ]


def read_common_words(rows: list[dict]) -> dict[float, frozenset[str]]:
    """The words of each Zipf level."""
    return {float(row["level"]): frozenset(row["words"].split()) for row in rows}
