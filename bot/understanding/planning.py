"""Stage 0c: the questions of a message, planned from its clauses' traits: which clauses
ask, which join the question after them, and which context clause lends a subject to a
question that names none."""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

from bot.model.frame import Entities


@dataclass(frozen=True)
class Question:
    """Clauses that ask one thing together, and the context clause that names its subject
    when they do not (``lend``)."""

    clauses: tuple[int, ...]
    lend: int | None = None


@dataclass(frozen=True)
class Traits:
    """What planning needs to know of a clause."""

    role: str
    subject: bool  # names a figure's subject
    topical: bool  # names a subject, asks for a statement or a ranking
    also: bool = False  # "... juga", "also": asks one more thing
    operates: bool = False  # "add the two together": an operation on what was named
    elliptic: bool = False  # "ITAS 2020": a subject with only its scope, asking by itself
    joined: bool = False  # begins with a joining word ("and how many ITK?")
    introduced: bool = False  # after a colon: "Yang saya butuhkan: jumlah WNA Jepang ..."
    scoped: bool = False  # names a year, an office or a place ("dan berapa di Jakarta?")
    claims: bool = False  # states a figure ("I heard there were 6433 ITAS holders")
    contrasts: bool = False  # begins with "tapi", "but": set against the clause before
    generic: bool = False  # "butuh data orang asing": the whole population, no count asked
    verifies: bool = False  # asks to check what was said ("is that right?")
    corrects: bool = False  # takes back what came before ("Jepang berapa? bukan, China")
    computes: bool = False  # asks an operation ("lalu hitung rasio ITAS terhadap ITK")


def plan(traits: list[Traits]) -> list[Question]:
    """The questions of a message.

    Clauses with a question mark or word ask; failing those, requests with a subject ask
    ("Kami perlu angka ITK"), and a request that adds something ("sebutkan juga inovasinya")
    asks one more thing. Asking clauses without a topic join the next one that has one (else
    the one before); a question without a topic takes it from the nearest context clause
    before it (else after). A message with no asking clause is one question.
    """
    traits = _introducing(traits)
    asking = [i for i, t in enumerate(traits) if t.role == "question"]
    requests = [i for i, t in enumerate(traits) if t.role == "request"]
    # "Yang saya butuhkan: jumlah WNA Jepang": what a request without a subject introduces
    requests += [
        i
        for i, t in enumerate(traits)
        if i and t.introduced and t.role == "context"
        and traits[i - 1].role in ("request", "question") and not traits[i - 1].topical
    ]  # fmt: skip
    if not asking:
        asking = [i for i in requests if traits[i].subject] or requests
    elif not any(traits[i].topical for i in asking):  # "where is the office? address pls"
        asking += [i for i in requests if traits[i].topical]
    else:
        asking += [i for i in requests if traits[i].also and traits[i].topical]
    # "... and Taiwanese? add the two together": the operation asks on the names before it;
    # "Sebutkan ITK dan ITAS, lalu hitung rasio ITAS terhadap ITK": a joined operation too
    asking += [
        i
        for i in requests
        if asking and i > min(asking) and i not in asking
        and (traits[i].operates or (traits[i].joined and traits[i].computes))
    ]  # fmt: skip
    # "Question 3: the sum of both.": an operation introduced by a colon asks too
    asking += [
        i for i, t in enumerate(traits)
        if asking and i > min(asking) and i not in asking and t.introduced and t.operates
    ]  # fmt: skip
    # "ITAS 2020 and how many ITK?": a bare subject joined to a question asks too, and so
    # does a request ("can you confirm the number of X and which Y is the largest?")
    asking += [
        i
        for i, t in enumerate(traits[:-1])
        if ((t.elliptic and t.role == "context") or (t.role == "request" and t.subject))
        and i + 1 in asking
        and i not in asking
        and traits[i + 1].joined
    ]
    # "... I heard there were 6433 ITAS holders, is that right?": the claim is checked
    asking += [
        i - 1
        for i in asking
        if i and traits[i].verifies and not traits[i].topical and traits[i - 1].claims
        and i - 1 not in asking
    ]  # fmt: skip
    # "seriusan deportasi 72 tapi pro justisia cuma dua?": the claim joined to a question
    # is checked too
    asking += [
        i - 1
        for i in asking
        if i and traits[i].contrasts and traits[i].subject and traits[i - 1].claims
        and traits[i - 1].role == "context" and i - 1 not in asking
    ]  # fmt: skip
    # "Korea dan Jepang berapa? bukan, Korea dan India": what a correction names is asked
    asking += [i for i, t in enumerate(traits) if asking and t.corrects and i > min(asking)
               and i not in asking]  # fmt: skip
    # "butuh data orang asing ... tolong sebutkan jumlah ITK, ITAS dan ITAP": the need
    # said in general is what the later request spells out
    asking = [
        i for i in asking
        if not (traits[i].generic and any(j > i and traits[j].subject for j in asking))
    ]  # fmt: skip
    if not asking:
        return [Question(tuple(range(len(traits))))]
    groups = _groups(sorted(asking), traits)
    context = [i for i, t in enumerate(traits) if i not in asking and t.topical]
    return [Question(tuple(g), _lender(g, context, traits, asking)) for g in groups]


def _introducing(traits: list[Traits]) -> list[Traits]:
    """ "mana yang terbanyak: ITK, ITAS atau ITAP?": a question without a subject before a
    colon asks about what the colon introduces, not about a topic of its own."""
    found = list(traits)
    for i, (this, after) in enumerate(pairwise(traits)):
        if after.introduced and after.subject and not this.subject and this.role == "question":
            found[i] = replace(this, topical=False)
    return found


def _groups(asking: list[int], traits: list[Traits]) -> list[list[int]]:
    groups: list[list[int]] = []
    waiting: list[int] = []
    for i in asking:
        waiting.append(i)
        if traits[i].topical:
            groups.append(waiting)
            waiting = []
    last = traits[waiting[0]] if waiting else None
    apart = last and (last.joined or last.introduced) and (last.scoped or last.operates)
    if last and groups and (last.corrects or apart):
        # "... di Bekasi, dan berapa di Jakarta?", "... digabung berapa, dan selisihnya
        # berapa?": the same subject asked again, there or otherwise; "Jepang berapa?
        # bukan, China berapa?": asked instead
        groups.append(waiting)
    elif waiting and groups:
        groups[-1].extend(waiting)
    elif waiting:
        groups.append(waiting)
    return groups


def _lender(
    group: list[int], context: list[int], traits: list[Traits], asking: list[int]
) -> int | None:
    if any(traits[i].topical for i in group) or not context:
        return None
    if any(traits[i].topical and i < min(group) for i in asking):
        # "what was the number of Taiwanese ...? and what percentage of all foreigners
        # is that?": it leans on the question before, as a follow-up does
        return None
    # the nearest clause before that names a subject ("... penerbitan paspor turun drastis.
    # Menurut Kepala Kanim, apa penyebab penurunan tersebut?"), else the nearest before
    before = [i for i in context if i < min(group)]
    named = [i for i in before if traits[i].subject]
    return (named or before or context)[-1 if named or before else 0]


def borrow_subject(question: Entities, context: Entities) -> Entities:
    """``question`` with the subject (and, when it names none, the years and office) of a
    context clause: "Saya menulis tentang ITAS. Berapa jumlahnya tahun 2020?"."""
    merged = question.copy()
    merged.metrics, merged.groups = list(context.metrics), list(context.groups)
    merged.countries = list(context.countries)
    merged.whole = merged.whole or dict(context.whole)  # "the total number of X. What is it?"
    merged.metric_phrases = list(context.metric_phrases)
    if not (question.years or question.relative):
        merged.years, merged.relative = list(context.years), list(context.relative)
    if not question.offices:
        merged.offices = list(context.offices)
    return merged
