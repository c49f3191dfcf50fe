"""Stage 2: Indonesian or English, from the words of the message."""

from __future__ import annotations

import re
from collections.abc import Mapping, Set

DEFAULT_LANG = "id"


HINT_WEIGHT = 0.5
WORD = re.compile(r"[^\W\d_]+")
LANGS = ("id", "en")


def detect_language(
    tokens: list[str],
    lang_words: Mapping[str, Set[str]],
    hints: list[str] = (),
    common: Mapping[str, Set[str]] | None = None,
) -> str | None:
    """The language whose telling words are more frequent, or None on a tie.

    Args:
        tokens: normalized tokens (abbreviations already expanded).
        lang_words: for "id" and "en", the words that tell the language.
        hints: languages of names that exist in one language only ("Japan"),
            each worth half a telling word.
        common: for "id" and "en", common words rare in the other language, which
            break a tie ("you're useless, stupid bot").
    """
    score = {lang: sum(map(words.__contains__, tokens)) for lang, words in lang_words.items()}
    for hint in hints:
        score[hint] = score.get(hint, 0) + HINT_WEIGHT
    id_hits, en_hits = score.get("id", 0), score.get("en", 0)
    if id_hits == en_hits and common:
        id_hits, en_hits = (sum(map(common.get(lang, ()).__contains__, tokens)) for lang in LANGS)
    if id_hits == en_hits:
        return None
    return "id" if id_hits > en_hits else "en"


def leaning_language(text: str, leans: Mapping[str, Set[str]]) -> str | None:
    """The language whose loanwords ``text`` writes out ("SKIM plus affidavit?"), when
    only one's: the last resort before the default. The raw text is read, because
    normalizing writes "+" as "plus"."""
    words = set(WORD.findall(text.lower()))
    loans = [words & loans for loans in leans.values()]
    leaning = [lang for lang, used in zip(leans, loans, strict=True) if used]
    if len(leaning) != 1 or len(max(loans, key=len)) > 1:  # "plus-minus": "roughly"
        return None
    return leaning[0]
