"""Stage 0c: what planning needs of each clause of a message (its role, whether it names
a subject, joins or operates on what came before) and the words that cut a message into
clauses."""

from __future__ import annotations

from dataclasses import replace

from bot.facts.base import FactBase
from bot.model.frame import RANK_INTENTS
from bot.understanding.analysis import Analysis
from bot.understanding.clauses import Clause, asks_only_relatively, role
from bot.understanding.cues import cued
from bot.understanding.intents import PAIRING_CUES
from bot.understanding.lexis import STRAY_LEVEL, lexis
from bot.understanding.phrases import has_phrase, starts_with
from bot.understanding.planning import Traits
from bot.understanding.statement_choice import subject_of_statements


def words_no_slip(base: FactBase) -> frozenset[str]:
    """Real words, which are never slips of a question word ("there" is no "where")."""
    words = lexis(base)
    return words.known_words | words.common.get(STRAY_LEVEL, frozenset())


ELLIPTIC_WORDS = 6  # "total active foreigners in Bekasi": a subject and its scope


ALSO_CLAUSE_WORDS = 5  # "oh iya sekalian affidavit juga"
ALSO_LEAD_WORDS = 2  # "oh iya" before the "also" word


def clause_traits(clause: Clause, analysis: Analysis, base: FactBase) -> Traits:
    """What planning needs of a clause: its role, and whether it names a subject or asks
    for one of the release's statements ("siapa kepala kantor")."""
    lexicon, ent = lexis(base).lexicon, analysis.entities
    subject = ent.has_subject()
    if "share" in analysis.cues and ent.whole and not (ent.metrics or ent.groups or ent.countries):
        subject = False  # "Korea, Japan: berapa persen gabungan mereka dari semua WNA?"
    # "apa penyebab penurunan tersebut?" asks a statement whose subject (passports) it
    # leaves to the clause before
    needs, named = subject_of_statements(base), set(ent.topics) | set(ent.metrics)
    statement = any(
        cue in base.statement_intents and (cue not in needs or needs[cue] & named)
        for cue in analysis.cues
    )
    ranks = cued(analysis.cues, RANK_INTENTS)  # "which country has the most"
    refers = has_phrase(clause.tokens, lexicon.references) and not subject
    refers = refers and not (ent.count or ent.top_count or ent.names_countries)
    clause_role = role(clause, lexicon, base.derived("words_no_slip", words_no_slip))
    tokens = clause.tokens
    # ("ITAS, which is common": after a subject's name; "in 2020 which had the fewest" asks)
    after_names = {end for _, end, _ in ent.subject_spans} | {end for _, end in ent.topic_spans}
    if (
        clause_role == "question"
        and not clause.questioned
        and asks_only_relatively(tokens, after_names, lexicon)
    ):
        # "After reading about ITAS, which is common, ...": "which" after a name asks nothing
        clause_role = "request" if has_phrase(clause.tokens, lexicon.requests) else "context"
    if clause_role == "context" and _adds_a_figure(clause.tokens, ent, lexicon):
        clause_role = "request"  # "ITK 2020 brp? oh iya sekalian affidavit": that too
    asks = clause_role == "question" and lexicon.asks(clause.tokens)
    return Traits(
        role=clause_role,
        subject=subject,
        # ("could you list them?" names nothing: what it lists is named before)
        # ("... dan dari berapa negara?": the number of countries is a question of its own)
        topical=subject
        or statement
        or (ranks and not refers)
        or bool(ent.stated)
        or ent.counts_countries,
        also=has_phrase(clause.tokens, lexicon.also),
        operates=not subject and cued(analysis.cues, PAIRING_CUES),
        computes=cued(analysis.cues, PAIRING_CUES),
        elliptic=subject
        and not analysis.unknown
        and len(clause.tokens) <= ELLIPTIC_WORDS
        and lexicon.self_words.isdisjoint(clause.tokens),
        joined=bool(clause.tokens) and clause.tokens[0] in lexicon.joiners,  # "dan", "lalu"
        introduced=clause.after_comma == "colon",
        scoped=bool(ent.years or ent.relative or ent.offices or ent.places),
        claims=bool(ent.stated) and subject,
        contrasts=bool(clause.tokens) and clause.tokens[0] in lexicon.contrasts,
        generic=_generic(clause, ent, base, lexicon),
        verifies=has_phrase(clause.tokens, lexicon.verify),
        # "Jepang berapa? bukan, China berapa?" corrects; "butuh ITK. bukan ITAS ya" only
        # says what is not asked
        corrects=ent.corrects and (asks or starts_with(clause.tokens, lexicon.repairs)),
    )


def _generic(clause: Clause, ent, base: FactBase, lexicon) -> bool:
    """ "kami butuh data orang asing": the population named alone in a request, with no
    count word and nothing that narrows it."""
    if ent.metrics != [base.breakdown_metric()] or not has_phrase(clause.tokens, lexicon.requests):
        return False
    if ent.countries or ent.groups or ent.years or ent.qualifiers or ent.count:
        return False
    counts = (lexicon.count_questions, lexicon.totals)
    return not any(has_phrase(clause.tokens, phrases) for phrases in counts)


def clause_words(base: FactBase) -> tuple[frozenset[str], ...]:
    """The words that cut a message into clauses: abbreviations (their full stop ends
    nothing), joining words ("dan", "terus", "also") and the words that ask, with their
    short forms ("berapa", "brp", "how"), corrections ("I mean"), which a comma before
    does not cut, and the question words that may link a clause to a name ("..., which
    is common")."""
    lexicon = lexis(base).lexicon
    single = {p[0] for p in lexicon.followups | lexicon.also if len(p) == 1}
    joiners = set(lexicon.conjunctions | single)
    askers = {p[0] for p in lexicon.questions | lexicon.requests | lexicon.question_starts}

    def with_short_forms(words: set[str]) -> frozenset[str]:
        short = {a for a, expansion in lexicon.abbreviations.items() if set(expansion) & words}
        return frozenset(words | short)  # "trs" for "terus", "brp" for "berapa"

    reasons = {p[0] for p in lexicon.reasons}
    return (
        frozenset(lexicon.abbreviations),
        with_short_forms(joiners),
        with_short_forms(askers),
        with_short_forms(reasons),
        frozenset(lexicon.repairs),
        lexicon.relative_askers,
    )


def after_names(clauses: list[Clause], traits: list[Traits], found: list[Analysis]) -> list:
    """``traits`` with each part cut off by ", which"/", who" right after a name made
    context: "After reading about ITAS, which is common, ..." and "I live in Jakarta,
    which had 5000 ITAS" ask nothing there; "Among the top five nationalities in 2020,
    which had the fewest?" does."""
    marked = list(traits)
    for i, clause in enumerate(clauses[1:], start=1):
        if clause.after_comma != "relative" or clause.questioned:
            continue
        end = len(clauses[i - 1].tokens)
        if any(stop == end for _, stop in found[i - 1].entities.spans):
            marked[i] = replace(traits[i], role="context")
    return marked


def _adds_a_figure(tokens, ent, lexicon) -> bool:
    """ "oh iya sekalian affidavit", "also SKIM": a short clause that opens with a word
    for "also" and names a figure (not a country: "ternyata banyak juga orang Jepang" only
    remarks), asking that figure too."""
    if len(tokens) > ALSO_CLAUSE_WORDS or not (ent.metrics or ent.groups) or ent.countries:
        return False
    return any(starts_with(tokens[i:], lexicon.also) for i in range(ALSO_LEAD_WORDS + 1))
