"""The answering pipeline: normalize, detect language, extract entities, pick the
intent, query the fact base and compose the reply. Synchronous, no Telegram."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from pathlib import Path

from bot import config
from bot.answers.respond import respond
from bot.errors import FactBaseError
from bot.facts.base import FactBase
from bot.model.frame import Entities, Frame
from bot.model.reply import Reply
from bot.understanding.context import (
    ContextStore,
    Turn,
    complete_from_previous,
    merge,
    should_merge,
)
from bot.understanding.cues import find_cues
from bot.understanding.entities import extract_entities
from bot.understanding.intents import FIGURE_CUES, decide
from bot.understanding.language import DEFAULT_LANG, detect_language
from bot.understanding.lexis import lexis
from bot.understanding.normalize import normalize

log = logging.getLogger(__name__)
MAX_CHARS = 1000
ANALYSIS_CACHE = 4096


@dataclass(frozen=True)
class Analysis:
    """What a text says on its own: tokens, entities, intent cues, language, unknown words."""

    tokens: tuple[str, ...]
    entities: Entities
    cues: dict[str, float]
    lang: str | None
    unknown: int


def analyse(base: FactBase, text: str) -> Analysis:
    """Normalize ``text`` and find its entities, cues and language (no chat context)."""
    words = lexis(base)
    tokens = normalize(text, abbreviations=words.lexicon.abbreviations, known=words.known_words)
    ent = extract_entities(tokens, base)
    covered = {i for start, end in ent.spans for i in range(start, end)}
    return Analysis(
        tokens=tuple(tokens),
        entities=ent,
        cues=find_cues(tokens, base, covered),
        lang=detect_language(tokens, words.lexicon.lang_words, ent.lang_hints),
        unknown=sum(t not in words.known_words and not t.isdigit() for t in tokens),
    )


class Pipeline:
    """Answers questions from one fact base, keeping a conversation context per chat.

    ``load`` swaps the whole base in one assignment; an answer under way finishes on the
    base it started with, so a reload never mixes old and new facts in one reply.
    """

    def __init__(self, base: FactBase):
        self._use(base)
        self.contexts = ContextStore()

    def _use(self, base: FactBase) -> None:
        # What a text says apart from its chat never changes for one base: analyse once.
        self._analyse = lru_cache(maxsize=ANALYSIS_CACHE)(partial(analyse, base))
        self._base = base

    @classmethod
    def from_db(cls, db_path: Path) -> Pipeline:
        """A pipeline over the fact base at ``db_path`` (``DEFAULT_OFFICE`` applies)."""
        return cls(FactBase.from_db(db_path, default_office=config.default_office()))

    @classmethod
    def open(cls, knowledge_dir: Path, facts_db: Path) -> Pipeline:
        """A pipeline over ``facts_db``, built first from ``knowledge_dir`` when it is
        missing or unusable (empty, corrupted): the knowledge files are the truth.

        Raises:
            KnowledgeError: the base had to be built and the files are invalid.
        """
        try:
            return cls.from_db(facts_db)
        except FactBaseError as exc:
            from bot.facts.build import build

            log.warning("%s: building it from %s", exc, knowledge_dir)
            build(knowledge_dir, facts_db)
            return cls.from_db(facts_db)

    @classmethod
    def open_configured(cls) -> Pipeline:
        """A pipeline over ``FACTS_DB``, built first from ``KNOWLEDGE_DIR`` when missing."""
        return cls.open(config.knowledge_dir(), config.facts_db())

    @property
    def base(self):
        """The fact base in use."""
        return self._base

    def load(self, db_path: Path) -> None:
        """Swap in the fact base at ``db_path``; conversations are kept."""
        self._use(FactBase.from_db(db_path, default_office=config.default_office()))

    def answer(
        self, text: str, *, chat_id: int = 0, lang: str | None = None, now: float | None = None
    ) -> Reply:
        """Answer ``text`` for ``chat_id``.

        Args:
            text: the user's message (cut to ``MAX_CHARS`` before matching).
            chat_id: whose conversation context to use and update.
            lang: force the reply language ("id" or "en"); None detects it.
            now: the time in seconds (for context expiry); defaults to ``time.time()``.
        """
        now = time.time() if now is None else now
        base, analysis = self._base, self._analyse(text[:MAX_CHARS])
        reply_lang = lang or analysis.lang or self.contexts.last_lang(chat_id) or DEFAULT_LANG
        frame = self._understand(analysis, chat_id, base, now)
        reply = respond(frame, base, reply_lang)
        reply.chat_id = chat_id
        self._remember(chat_id, frame, reply_lang, now)
        return reply

    def _remember(self, chat_id: int, frame: Frame, lang: str, now: float) -> None:
        """Keep the chat's language; keep its subject unless this turn asked about one."""
        prev = self.contexts.get(chat_id, now)
        if frame.status in ("answered", "no_data", "clarify"):
            start = prev or Turn(frame.entities, "", lang, now)
            self.contexts.put(chat_id, start.followed_by(frame.entities, frame.intent, lang, now))
        else:
            self.contexts.put(
                chat_id,
                replace(prev, lang=lang, time=now) if prev else Turn(Entities(), "", lang, now),
            )

    def _understand(self, analysis: Analysis, chat_id: int, base: FactBase, now: float) -> Frame:
        tokens, ent, cues = list(analysis.tokens), analysis.entities.copy(), dict(analysis.cues)
        prev = self.contexts.get(chat_id, now)
        if prev and tokens:
            complete_from_previous(tokens, ent, prev, lexis(base).vocabulary)
        if prev and tokens and should_merge(tokens, ent, cues, lexis(base).lexicon):
            ent, carried = merge(ent, cues, prev)
            if carried and carried in FIGURE_CUES and carried not in cues:
                cues = {**cues, carried: 0.9}
            elif carried and not cues:
                cues = {carried: 0.9}
        return decide(ent, cues, base, unknown_words=analysis.unknown, words=len(tokens))
