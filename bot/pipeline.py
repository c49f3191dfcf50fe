"""The answering pipeline: normalize, detect language, extract entities, pick the
intent, query the fact base and compose the reply. Synchronous, no Telegram."""

from __future__ import annotations

import logging
import re
import time
from dataclasses import replace
from functools import lru_cache, partial
from pathlib import Path

from bot import config
from bot.answers.formatting import load_formats
from bot.answers.respond import respond
from bot.answers.unasked import unasked_note
from bot.errors import FactBaseError
from bot.facts.base import FactBase
from bot.model.frame import RANK_INTENTS, Entities, Frame
from bot.model.reply import Reply
from bot.runtime import settle_memory
from bot.understanding.analysis import Analysis, analyse_tokens, tokens_of
from bot.understanding.clauses import Clause, sentences, split_questions
from bot.understanding.context import ContextStore, Turn
from bot.understanding.followups import merge, should_merge
from bot.understanding.intents import decide
from bot.understanding.language import DEFAULT_LANG, detect_language, leaning_language
from bot.understanding.lexis import lexis
from bot.understanding.lexis_cache import attach_lexis
from bot.understanding.phrases import has_phrase
from bot.understanding.planning import borrow_subject, plan
from bot.understanding.rejoin import rejoin
from bot.understanding.shown_lists import with_shown_places
from bot.understanding.siblings import complete_from_previous
from bot.understanding.statement_choice import FIGURE_CUES
from bot.understanding.strays import index_typos
from bot.understanding.traits import after_names, clause_traits, clause_words, words_no_slip

log = logging.getLogger(__name__)
MAX_CHARS = 1000
MAX_QUESTIONS = 3
ANALYSIS_CACHE = 4096
QUOTE_MARKS = frozenset('"\u201c\u201d')
QUOTED = re.compile('["\u201c][^"\u201c\u201d]{12,}["\u201d]')  # a quoted line of some length


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
        self._analyse_tokens = lru_cache(maxsize=ANALYSIS_CACHE)(partial(analyse_tokens, base))
        self._tokens = lru_cache(maxsize=ANALYSIS_CACHE)(partial(tokens_of, base))
        self._base = base

    @classmethod
    def from_db(cls, db_path: Path) -> Pipeline:
        """A pipeline over the fact base at ``db_path`` (``DEFAULT_OFFICE`` applies), its word
        indexes read from beside it when they are still good."""
        base = FactBase.from_db(db_path, default_office=config.default_office())
        attach_lexis(base, Path(db_path))
        return cls(base)

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
        """Swap in the fact base at ``db_path``, its word indexes built first; conversations
        are kept."""
        base = FactBase.from_db(db_path, default_office=config.default_office())
        attach_lexis(base, Path(db_path))
        self._use(base)
        settle_memory()

    def warm_up(self) -> None:
        """Build the word indexes and load the number formats now rather than at the first
        question (~0.1-0.2 s), and settle memory for a long run
        (:func:`bot.runtime.settle_memory`)."""
        words = lexis(self._base)
        words.vocabulary.warm_pools()  # a typo's first look-up builds its pool (~0.6 ms)
        index_typos(words.function_words)
        self._base.derived("words_no_slip", words_no_slip)
        load_formats()
        settle_memory()

    def answer(
        self, text: str, *, chat_id: int = 0, lang: str | None = None, now: float | None = None
    ) -> Reply:
        """Answer ``text`` for ``chat_id``: every question it asks, in one reply.

        Args:
            text: the user's message (cut to ``MAX_CHARS`` before matching).
            chat_id: whose conversation context to use and update.
            lang: force the reply language ("id" or "en"); None detects it.
            now: the time in seconds (for context expiry); defaults to ``time.time()``.
        """
        now = time.time() if now is None else now
        base, text = self._base, text[:MAX_CHARS]
        said_in, questions, around = self._questions(text)
        said_in = self._unquoted_lang(text) or said_in  # a quoted news line is not the asker's
        reply_lang = (
            lang
            or said_in
            or self.contexts.last_lang(chat_id)
            or leaning_language(text, lexis(base).lexicon.lang_leans)
            or DEFAULT_LANG
        )
        replies = []
        for number, analysis in enumerate(questions):
            # a later question of the message leans on an earlier one only when it must
            frame = self._understand(analysis, chat_id, base, now, fresh=number > 0)
            reply = respond(frame, base, reply_lang)
            taken_back = number + 1 < len(questions) and questions[number + 1].entities.corrects
            if not taken_back:  # "Jepang berapa? bukan, China berapa?": only China's
                replies.append(reply)
            ranked = [f["country"] for f in reply.facts if f["country"]]
            ranked = ranked if _lists_places(frame) and len(ranked) == len(reply.facts) else []
            if len(ranked) == 1:
                # "which country ranked third?" -> "how many people?": that country's
                frame.entities.countries = ranked
            self._remember(chat_id, frame, reply_lang, now, ranked=tuple(ranked))
        reply = combine(replies)
        reply.chat_id = chat_id
        if reply.status == "answered":
            note = unasked_note([a.entities for a in around], reply.facts, base, reply_lang)
            reply.text = f"{reply.text}\n{note}" if note else reply.text
        return reply

    def _questions(self, text: str) -> tuple[str | None, list[Analysis], list[Analysis]]:
        """The language of the whole message, the analysis of each question it asks, and
        of the context clauses around them (which lend a subject but never choose the
        answer)."""
        base, lexicon = self._base, lexis(self._base).lexicon
        clauses = rejoin(
            [
                Clause(
                    part.tokens,
                    part.questioned or (asked and part is parts[-1]),
                    part.after_comma or comma,
                )
                for sentence, asked, comma in sentences(
                    text, *base.derived("clause_words", clause_words)
                )
                for parts in [split_questions(self._tokens(sentence), lexicon)]
                for part in parts
            ],
            self._analyse_tokens,
            lexicon,
        )
        if len(clauses) <= 1:
            whole = self._analyse_tokens(clauses[0].tokens if clauses else ())
            return whole.lang, [whole], []
        found = [self._analyse_tokens(c.tokens) for c in clauses]
        # the clauses' tokens are the message's: its language is read from them all
        lang = detect_language(
            [t for c in clauses for t in c.tokens],
            lexicon.telling_words,
            [h for a in found for h in a.entities.lang_hints],
            lexis(base).telling,
        )
        traits = [clause_traits(c, a, base) for c, a in zip(clauses, found, strict=True)]
        traits = after_names(clauses, traits, found)
        questions, used = [], set()
        for question in plan(traits)[:MAX_QUESTIONS]:
            used.update(question.clauses)
            tokens = tuple(t for i in question.clauses for t in clauses[i].tokens)
            analysis = self._analyse_tokens(tokens)
            if question.lend is not None:
                analysis = self._lend(analysis, clauses[question.lend], found[question.lend])
            analysis = _own_office(analysis, found)
            personas = [c for a in found for c in a.entities.persona_countries]
            if analysis.entities.compatriot and personas:
                # "I am from India ... How many WNA from my country?", "I am Japanese. Are
                # we more than Koreans?"
                ent = analysis.entities.copy()
                ent.countries = list(dict.fromkeys(personas + ent.countries))
                analysis = replace(analysis, entities=ent)
            questions.append(analysis)
        return lang, questions, [a for i, a in enumerate(found) if i not in used]

    def _unquoted_lang(self, text: str) -> str | None:
        """The language of the message outside what it quotes ('"...pendeportasian sebanyak
        72 orang..." what law did those 2 break?'), or None when it quotes nothing."""
        if not QUOTE_MARKS.intersection(text):
            return None
        rest = QUOTED.sub(" ", text)
        if rest.strip() == text.strip():
            return None
        words = lexis(self._base)
        return detect_language(
            list(self._tokens(rest)), words.lexicon.telling_words, [], words.telling
        )

    def _lend(self, question: Analysis, clause: Clause, context: Analysis) -> Analysis:
        """A question without a topic takes the subject of a context clause, or the whole
        clause when it asks for a statement ("... nilai-nilai pelayanan. Itu apa aja?") or
        to check what the clause says ("Japanese are the largest group. True?")."""
        lexicon = lexis(self._base).lexicon
        checks = has_phrase(question.tokens, lexicon.verify)  # "... the largest group. True?"
        if context.entities.has_subject() and not checks:
            # "'Korea dan Jepang sumbang lebih dari 5.800 WNA'. Angka pastinya berapa?": the
            # figures the context adds up are added up
            added = {c: s for c, s in context.cues.items() if c == "sum"}
            return replace(
                question,
                entities=borrow_subject(question.entities, context.entities),
                cues={**added, **question.cues},
            )
        return self._analyse_tokens(clause.tokens + question.tokens)

    def _remember(
        self, chat_id: int, frame: Frame, lang: str, now: float, *, ranked: tuple = ()
    ) -> None:
        """Keep the chat's language; keep its subject unless this turn asked about one, and
        the countries a ranking listed ("top 3?" -> "ketiganya dijumlah?")."""
        prev = self.contexts.get(chat_id, now)
        if frame.status in ("answered", "no_data", "clarify"):
            start = prev or Turn(frame.entities, "", lang, now)
            self.contexts.put(
                chat_id, start.followed_by(frame.entities, frame.intent, lang, now, ranked)
            )
        else:
            self.contexts.put(
                chat_id,
                replace(prev, lang=lang, time=now) if prev else Turn(Entities(), "", lang, now),
            )

    def _understand(
        self, analysis: Analysis, chat_id: int, base: FactBase, now: float, *, fresh: bool = False
    ) -> Frame:
        prev = self.contexts.get(chat_id, now)
        # a list shown, or the countries named one by one when the last turn asked a figure
        # of one ("Korea? | Japan? | inovasi apa saja | yang terakhir?" is no country)
        named = prev and prev.entities.countries and prev.intent not in base.statement_intents
        shown = prev and (prev.ranked or (named and prev.recent_countries))
        if shown and len(shown) > 1 and not analysis.entities.countries:
            analysis = with_shown_places(analysis, shown, base, self._analyse_tokens)
        tokens, ent, cues = list(analysis.tokens), analysis.entities.copy(), dict(analysis.cues)
        if prev and tokens:
            complete_from_previous(tokens, ent, prev, base, share="share" in cues)
        before = prev.entities if prev else None
        leans = should_merge(tokens, ent, cues, lexis(base).lexicon, fresh=fresh, before=before)
        if fresh and prev and prev.intent == "average":
            leans = False  # "rata-rata ... lalu bandingkan dengan ITK": no average to pair
        if prev and tokens and leans:
            ent, carried = merge(ent, cues, prev, base.breakdown_metric(), groups_by_id(base))
            if carried and carried in FIGURE_CUES and carried not in cues:
                cues = {**cues, carried: 0.9}
            elif carried and not cues:
                cues = {carried: 0.9}
        return decide(ent, cues, base, unknown_words=analysis.unknown, words=len(tokens))


def _lists_places(frame: Frame) -> bool:
    """Whether the reply lists countries in an order ("top 3", "sort them ascending")."""
    return frame.intent in RANK_INTENTS or frame.reason.startswith("sorted")


def _own_office(question: Analysis, clauses: list[Analysis]) -> Analysis:
    """ "Saya dari Kantor Imigrasi Jakarta Selatan. ... data ITAS untuk kantor kami?": the
    asker's office is the one a clause of the message names."""
    ent = question.entities
    offices = [o for a in clauses for o in a.entities.offices]
    places = [p for a in clauses for p in a.entities.places]  # an office the base lacks
    if not ent.own_office or ent.offices or ent.places or not (offices or places):
        return question
    ent = ent.copy()
    ent.offices, ent.places = offices[:1], [] if offices else places[:1]
    return replace(question, entities=ent)


def combine(replies: list[Reply]) -> Reply:
    """One reply for the answers to several questions of one message."""
    if len(replies) == 1:
        return replies[0]
    first = replies[0]
    statuses = [r.status for r in replies]
    return Reply(
        text="\n\n".join(r.text for r in replies),
        lang=first.lang,
        status="answered" if "answered" in statuses else first.status,
        intent="+".join(r.intent for r in replies),
        confidence=min(r.confidence for r in replies),
        facts=[f for r in replies for f in r.facts],
        options=next((r.options for r in replies if r.options), []),
    )


def groups_by_id(base: FactBase) -> dict[str, set[str]]:
    """Each group of figures with its members (derived once per base)."""
    return base.derived(
        "groups_by_id",
        lambda b: {r["id"]: set(b.group_members(r["id"])) for r in b.tables["groups"]},
    )
