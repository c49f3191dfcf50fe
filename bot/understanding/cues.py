"""Stage 4a: the intents the cue words of a question signal (``knowledge/intents.csv``)."""

from __future__ import annotations

from rapidfuzz import fuzz, process, utils

from bot.facts.base import FactBase
from bot.understanding.lexis import FUZZY_CUE_MIN_CHARS, lexis

CUE_FUZZY_CUTOFF = 88.0
POSITION_PENALTY = 0.001


def find_cues(tokens: list[str], base: FactBase, covered: set[int]) -> dict[str, float]:
    """Intents signalled by cue words, each with a score in 0..1.

    Cues inside an entity mention ("negara" in "warga negara asing") do not count.
    """
    scores: dict[str, float] = {}
    words = lexis(base)
    longest = words.longest_cue
    for i in range(len(tokens)):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            window = tuple(tokens[i : i + n])
            negated = i and tokens[i - 1] in words.lexicon.negations  # "not by country"
            if (
                window in words.cues
                and not negated
                and not all(j in covered for j in range(i, i + n))
            ):
                for intent in words.cues[window]:
                    # Earlier cues score a hair higher: a question's focus comes first.
                    scores.setdefault(intent, 1.0 - POSITION_PENALTY * i)
        token = tokens[i]
        if (
            i not in covered
            and token not in words.known_words
            and len(token) >= FUZZY_CUE_MIN_CHARS
        ):
            for intent, score in _fuzzy_cue(base, token):
                scores[intent] = max(scores.get(intent, 0.0), score)
    return scores


def _fuzzy_cue(base: FactBase, token: str) -> list[tuple[str, float]]:
    choices = lexis(base).single_word_cues
    best = process.extractOne(
        token,
        choices,
        scorer=fuzz.ratio,
        processor=utils.default_process,
        score_cutoff=CUE_FUZZY_CUTOFF,
    )
    if not best:
        return []
    return [(intent, best[1] / 100) for intent in lexis(base).cues[(best[0],)]]
