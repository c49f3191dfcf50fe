"""Stage 0b: clauses cut apart that ask one thing together.

"of the ITAS issued in 2020, how many went to Koreans?", "Total semua izin digabung: ITK,
ITAS dan ITAP?", "India: berapa WNA?" and "Menurut data 2021, berapa ITAS?" each ask one
question; "Quick question for a report on X: how many ...?" and "Saya tinggal di Cikarang.
Berapa WNA Jepang?" do not (what comes first is context).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.understanding.analysis import Analysis
from bot.understanding.clauses import Clause
from bot.understanding.cues import cued
from bot.understanding.intents import PAIRING_CUES
from bot.understanding.lexicon import Lexicon
from bot.understanding.phrases import has_phrase
from bot.understanding.statement_choice import FIGURE_CUES

LABEL_WORDS = 3  # "India:", "Korea Selatan:": a subject named alone before a colon
SCOPE_WORDS = 6  # "Menurut data 2021,", "For the Jakarta office,": a year or place alone
ASKING_CUTS = ("asks", "relative")
FORM_WORDS = 4  # "as a ratio", "in percent please": the form a figure is wanted in
FORM_CUES = frozenset({"ratio", "share"})  # a comma before a question word ("..., which ...")


def rejoin(clauses: list[Clause], analyse: Callable[[tuple], Analysis], lexicon: Lexicon):
    """``clauses`` with each part that only leads into the next one joined to it: a part
    before a comma that names the figure asked next, a part before a colon that asks an
    operation or names a subject alone, and a short part that names only a year, an
    office or a place the question after it does not name."""
    joined: list[Clause] = []
    for clause in clauses:
        before = joined[-1] if joined else None
        if before and (
            _leads_into(before, clause, analyse, lexicon) or _form_of(before, clause, analyse)
        ):
            joined[-1] = Clause(
                before.tokens + clause.tokens, clause.questioned, before.after_comma
            )
        else:
            joined.append(clause)
    return joined


def _leads_into(before: Clause, clause: Clause, analyse, lexicon: Lexicon) -> bool:
    if clause.after_comma == "count":  # "berapa selisih jumlah ITAS | dan jumlah ITK"
        return any(cue in PAIRING_CUES for cue in analyse(before.tokens).cues)
    if has_phrase(before.tokens, lexicon.asking):
        return False
    ahead = analyse(before.tokens)
    if lexicon.self_words & set(before.tokens) and not ahead.cues:
        return False  # "My wife is Japanese, how many foreigners?": about the asker
    if _scope_only(before, ahead, lexicon) and not _names_scope(analyse(clause.tokens), ahead):
        return True
    leaves_out = clause.after_comma in ASKING_CUTS and ahead.entities.excluded
    if leaves_out and _leaves_out(ahead, analyse(clause.tokens)):
        return True  # "kecuali Korea dan Jepang, siapa terbanyak?": one question
    operation = cued(ahead.cues, FIGURE_CUES)  # "divided by 12 months, how ..."
    if clause.after_comma == "colon":
        label = len(before.tokens) <= LABEL_WORDS and _names_figure(ahead)
        return operation or label
    return clause.after_comma in ASKING_CUTS and (operation or _names_figure(ahead))


def _form_of(before: Clause, clause: Clause, analyse) -> bool:
    """Whether ``clause`` only says in what form the question before it is wanted ("...
    than the Indian one, as a ratio?", "..., dalam persen"): one question."""
    if len(clause.tokens) > FORM_WORDS or not before.questioned:
        return False
    form = analyse(clause.tokens)
    cues = set(form.cues)
    return bool(cues) and cues <= FORM_CUES and not form.entities.has_subject()


def _leaves_out(ahead: Analysis, question: Analysis) -> bool:
    """Whether the part before only leaves countries or figures out ("other than Korea,",
    "selain ITAS,") and the question after names none of that kind ("which country has
    the most?", "which permit has the most?"); not "Selain data paspor, berapa WNA Korea?"."""
    lead, asked = ahead.entities, question.entities
    if lead.has_subject():
        return False
    countries = lead.excluded_of("country") and not asked.countries
    return bool(countries or (lead.excluded_of("metric") and not asked.metrics))


def _names_figure(analysis: Analysis) -> bool:
    ent = analysis.entities
    # ("di antara 3 besar, mana yang paling sedikit?": the first three of a ranking)
    return bool(ent.metrics or ent.groups or ent.countries or ent.whole or ent.top_count)


def _scope_only(clause: Clause, analysis: Analysis, lexicon: Lexicon) -> bool:
    """A few words naming a year, an office or a place and nothing else, none about the
    asker ("Menurut data 2021", "Di Kanim Tangerang"; not "Saya tinggal di Cikarang")."""
    ent = analysis.entities
    scope = ent.years or ent.relative or ent.offices or ent.places
    short = len(clause.tokens) <= SCOPE_WORDS and not lexicon.self_words & set(clause.tokens)
    return bool(scope) and short and not ent.has_subject()


def _names_scope(question: Analysis, scope: Analysis) -> bool:
    """Whether the question names its own year (or office and place) where the part
    before names one."""
    ent, lead = question.entities, scope.entities
    years = (lead.years or lead.relative) and (ent.years or ent.relative)
    places = (lead.offices or lead.places) and (ent.offices or ent.places)
    return bool(years or places)
