"""Stage 4a: the intents the cue words of a question signal (``knowledge/intents.csv``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz, process, utils

from bot.facts.base import FactBase
from bot.understanding.lexis import FUZZY_CUE_MIN_CHARS, lexis
from bot.understanding.surroundings import owned_by_asker
from bot.understanding.vocabulary import one_slip

CUE_FUZZY_CUTOFF = 88.0
# One letter wrong or two swapped in a cue word of 7-8 letters scores 85.7-87.5 ("avarage",
# "togather", "gabungam"): such a slip of a long cue word still cues
SLIP_CUE_MIN_CHARS = 7
SLIP_CUE_FLOOR = 85.0
POSITION_PENALTY = 0.001
# after a request verb opening a message ("share that figure"), what it asks for
REQUESTED_OBJECTS = frozenset({"that", "this", "the", "those", "these", "it", "them", "me", "us"})
WORD_MEMORY = 50_000  # words remembered with their cues, per fact base


def cued(cues: Mapping[str, float], intents: Iterable[str]) -> bool:
    """Whether any of ``intents`` is among ``cues`` (a set operation: several times
    cheaper than a generator over the names, and asked dozens of times a question)."""
    return not cues.keys().isdisjoint(intents)


def find_cues(tokens: list[str], base: FactBase, covered: set[int]) -> dict[str, float]:
    """Intents signalled by cue words, each with a score in 0..1.

    Cues inside an entity mention ("negara" in "warga negara asing") do not count.
    """
    scores: dict[str, float] = {}
    words = lexis(base)
    lexicon, cues = words.lexicon, words.cues
    cue_starts, known = words.cue_starts, words.known_words
    for i, token in enumerate(tokens):
        negated = i and tokens[i - 1] in lexicon.negations  # "not by country"
        # "could you share that figure?", "share that figure pls": the verb of a request,
        # no share asked
        requested = token in lexicon.request_verbs and (
            (i and tokens[i - 1] in lexicon.addressing)
            or (i == 0 and tokens[1:2] and tokens[1] in REQUESTED_OBJECTS)
        )
        for n in () if negated or requested else cue_starts.get(token, ()):
            window = tuple(tokens[i : i + n])
            if window in cues and not all(j in covered for j in range(i, i + n)):
                if owned_by_asker(tokens, i, i + n) and cues[window] <= base.statement_intents:
                    continue  # "my boss wants slides": the asker's boss, not the office's head
                for intent in cues[window]:
                    # Earlier cues score a hair higher: a question's focus comes first.
                    scores.setdefault(intent, 1.0 - POSITION_PENALTY * i)
        if i not in covered and token not in known and len(token) >= FUZZY_CUE_MIN_CHARS:
            for intent, score in _fuzzy_cue(base, token):
                scores[intent] = max(scores.get(intent, 0.0), score)
    return scores


def _fuzzy_cue(base: FactBase, token: str) -> list[tuple[str, float]]:
    """The intents a typo of a one-word cue signals ("brapa"), remembered per word."""
    memory: dict[str, list[tuple[str, float]]] = base.derived("fuzzy_cues", lambda base: {})
    if token not in memory:
        if len(memory) > WORD_MEMORY:
            memory.clear()
        words = lexis(base)
        # a real word is no slip ("reading" is one letter from "leading")
        slip = len(token) >= SLIP_CUE_MIN_CHARS and not words.is_common(token)
        best = process.extractOne(
            token,
            words.single_word_cues,
            scorer=fuzz.ratio,
            processor=utils.default_process,
            score_cutoff=SLIP_CUE_FLOOR if slip else CUE_FUZZY_CUTOFF,
        )
        if best and best[1] < CUE_FUZZY_CUTOFF and not one_slip(token, best[0]):
            best = None  # ("avarage" is one slip from "average"; a near word is not)
        found = words.cues[(best[0],)] if best else ()
        memory[token] = [(intent, best[1] / 100) for intent in found]
    return memory[token]
