"""Stages 1-4a on one text, without any chat context: normalize, find the entities, the
intent cues and the language. Cached per fact base: a text says the same every time."""

from __future__ import annotations

from dataclasses import dataclass

from bot.facts.base import FactBase
from bot.model.frame import Entities
from bot.understanding.cues import find_cues
from bot.understanding.ellipsis import spelled_out
from bot.understanding.entities import extract_entities
from bot.understanding.language import detect_language
from bot.understanding.lexis import STRAY_LEVEL, lexis
from bot.understanding.normalize import cleaned_words, normalize_word
from bot.understanding.phrases import occurrences
from bot.understanding.repairs import repaired
from bot.understanding.spelled import CENTURY_WORDS, spell_out_numbers


@dataclass(frozen=True)
class Analysis:
    """What a text says on its own: tokens, entities, intent cues, language, unknown words."""

    tokens: tuple[str, ...]
    entities: Entities
    cues: dict[str, float]
    lang: str | None
    unknown: int


ITEM_CUE = 0.9  # an item named cues its statement below any cue word of a question
WORD_MEMORY = 50_000  # words remembered with their tokens, per fact base


def tokens_of(base: FactBase, text: str) -> tuple[str, ...]:
    """The normalized tokens of ``text`` (each word's tokens are remembered: messages
    differ, their words mostly do not)."""
    words = lexis(base)
    memory: dict[str, tuple[str, ...]] = base.derived("word_tokens", lambda base: {})
    if len(memory) > WORD_MEMORY:
        memory.clear()
    tokens: list[str] = []
    common = words.common.get(STRAY_LEVEL, frozenset())
    for raw in cleaned_words(text, known=words.known_words, whole=common):
        found = memory.get(raw)
        if found is None:
            found = memory[raw] = normalize_word(
                raw,
                abbreviations=words.lexicon.abbreviations,
                known=words.known_words,
                whole=common,
            )
        tokens.extend(found)
    lexicon = words.lexicon
    if not (
        lexicon.multipliers.keys().isdisjoint(tokens) and CENTURY_WORDS.keys().isdisjoint(tokens)
    ):
        tokens = list(spell_out_numbers(tokens, lexicon.numbers, lexicon.multipliers))
    return tuple(spelled_out(repaired(tokens, base), base))


def analyse(base: FactBase, text: str) -> Analysis:
    """Normalize ``text`` and find its entities, cues and language (no chat context)."""
    return analyse_tokens(base, tokens_of(base, text))


def analyse_tokens(base: FactBase, tokens: tuple[str, ...]) -> Analysis:
    """The entities, cues and language of normalized ``tokens``."""
    words = lexis(base)
    tokens = list(tokens)
    ent = extract_entities(tokens, base)
    covered = {i for start, end in ent.spans for i in range(start, end)}
    cues = find_cues(tokens, base, covered)
    if ent.names_item:
        cues = _with_item_statements(tokens, cues, words)
    if "define" in cues and _stands_in(tokens, ent, words.lexicon):
        cues = {**{c: s for c, s in cues.items() if c != "define"}, "value": cues["define"]}
    return Analysis(
        tokens=tuple(tokens),
        entities=ent,
        cues=cues,
        lang=detect_language(tokens, words.lexicon.telling_words, ent.lang_hints, words.telling),
        # a name typed with a slip ("taiwn") is read, so no unknown word
        unknown=sum(
            t not in words.known_words and not t.isdigit() and i not in covered
            for i, t in enumerate(tokens)
        ),
    )


def _with_item_statements(tokens: list[str], cues: dict[str, float], words) -> dict[str, float]:
    """ "the value the office holds, like profesional": an item a statement lists cues that
    statement, when no statement that lists it is cued already."""
    intents = {
        intent
        for start, end in occurrences(tokens, words.items)
        for intent in words.item_intents[tuple(tokens[start:end])]
    }
    if not intents or not intents.isdisjoint(cues):
        return cues
    return {**cues, **dict.fromkeys(sorted(intents), ITEM_CUE)}


def _stands_in(tokens: list[str], ent: Entities, lexicon) -> bool:
    """ "what's the KITAP one then": a word standing in for the figure right after a name,
    so the name is not what is to be defined."""
    ends = {end for _, end, _ in ent.subject_spans}
    return any(end < len(tokens) and tokens[end] in lexicon.stand_ins for end in ends)
