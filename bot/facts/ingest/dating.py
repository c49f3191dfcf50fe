"""The period of a figure: the period expression that dates it, else the release's.

A period right after a figure and the words it counts dates that figure ("issued 21,487
passports in 2021", "menerbitkan 500 paspor pada semester I") and no later one ("deported
64 foreigners, up from 51 in 2022, and brought 3 cases to court": the cases are the
release's). Otherwise the nearest period before the number in its sentence dates it (one
after "dibanding" only the figure right after it), else one later in its clause.
"""

from __future__ import annotations

from bot.facts.ingest.document import Document
from bot.facts.ingest.numbers import SKIPPABLE_KINDS, Mention
from bot.facts.ingest.periods import Cue
from bot.facts.ingest.tokens import CLAUSE_MARKS, Sentence

MAX_OWN_GAP = 4  # words between a figure and the period that follows and dates it


def period_of(doc: Document, cue: Cue | None) -> str:
    """The period ``cue`` names (the release's when None)."""
    if cue is None:
        return doc.period
    period = cue.period(doc.period)
    # "sepanjang 2024" in a release of 2024-H1 keeps the release's more precise period
    if not cue.specific and cue.offset is None and period == doc.period[:4]:
        return doc.period
    return period


def cue_for(doc: Document, m: Mention, sentence: Sentence) -> Cue | None:
    """The period expression that dates ``m``, or None for the release's period."""
    cues = doc.in_sentence(doc.cues, sentence)
    own = next((c for c in cues if c.first >= m.last and not c.compare), None)
    if own is not None and _follows(doc, m, own):
        return own
    for cue in sorted((c for c in cues if c.last <= m.first), key=lambda c: -c.last):
        if _owned_by_another(doc, cue, m):
            continue
        if not cue.compare or not figures(doc, cue.last, m.first):
            return cue
    for cue in (c for c in cues if c.first >= m.last and not c.compare):
        gap = doc.tokens[m.last : cue.first]
        if figures(doc, m.last, cue.first) or any(t.raw in CLAUSE_MARKS for t in gap):
            return None
        if any(doc.vocab.kind("compare").match(doc.tokens, k) for k in range(m.last, cue.first)):
            return None
        return cue
    return None


def figures(doc: Document, first: int, last: int) -> list[Mention]:
    """The exact counts and amounts within tokens ``first``..``last``."""
    return [x for x in doc.mentions if x.is_figure and first <= x.first and x.last <= last]


def _follows(doc: Document, x: Mention, cue: Cue) -> bool:
    """``cue`` comes right after figure ``x``: a few words between, no mark, no number."""
    gap = doc.tokens[x.last : cue.first]
    return len(gap) <= MAX_OWN_GAP and all(t.kind == "word" for t in gap)


def _owned_by_another(doc: Document, cue: Cue, m: Mention) -> bool:
    """ "51 in 2022, and … 3 cases": the period right after another figure is that one's
    (a compared period dates the figure after it instead)."""
    if cue.compare:
        return False
    before = [x for x in doc.mentions if x is not m and x.last <= cue.first]
    return bool(before) and before[-1].kind in SKIPPABLE_KINDS and _follows(doc, before[-1], cue)
