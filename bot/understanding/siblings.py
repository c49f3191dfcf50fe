"""A follow-up's bare word read against the figure asked before: "izin tinggal terbatas"
-> "kalau yang tetap?" asks ITAP, "how many ITAS?" -> "what about permanent ones?" too."""

from __future__ import annotations

from bot.model.frame import Entities
from bot.understanding.context import Turn
from bot.understanding.entities import complete_names
from bot.understanding.lexis import lexis


def complete_from_previous(
    tokens: list[str], ent: Entities, prev: Turn, base, *, share: bool = False
) -> None:
    """Complete a follow-up's bare word from the previous metric: a sibling of its name
    (see complete_names), or a word that names one sibling alone ("how many ITAS?" ->
    "what about permanent ones?": of ITAS's group, only ITAP is "permanent")."""
    if ent.metrics or ent.countries:
        return
    old = prev.entities
    members = {m for g in ent.groups for m in base.group_members(g)}
    if ent.refers and old.metrics and set(old.metrics) <= members:
        # "how many ITAP holders? | is that new permits only?": still ITAP, not all permits
        ent.metrics, ent.groups = list(old.metrics), []
        return
    if ent.rest and not ent.groups and len(old.metrics) == 1 and not old.countries:
        # "izin tinggal total?" -> "ITAS?" -> "sisanya?": the other members of its group
        ent.groups = base.groups_of(old.metrics)[:1]
        return
    complete_names(tokens, prev.entities.metric_phrases, ent, lexis(base).vocabulary)
    if not ent.metrics and prev.entities.metrics:
        # "persentasenya terhadap izin tinggal (ITK, ITAS, dan ITAP)": the members spelled
        # out describe the whole; no sibling is asked
        named = {i for start, end in ent.spans for i in range(start, end)}
        # ("itap? | itu berapa persen dari itas?": ITAS is the whole of a share; "dibanding
        # pro justitia berapa kali lipat?" names the other side)
        spelled = "group" in ent.whole or (share and bool(ent.whole))
        free = [t for i, t in enumerate(tokens) if not (spelled and i in named)]
        sibling = _sibling(free, prev.entities.metrics[0], base)
        if sibling and sibling not in ent.excluded_of("metric"):  # not "bukan ITAS ya"
            ent.metrics.append(sibling)


def _sibling(tokens: list[str], metric: str, base) -> str | None:
    """The one metric of ``metric``'s groups that a word of ``tokens`` names; None when
    they name none, or several ("stay permit types (visit, limited, permanent)": the
    members of a whole listed, no sibling asked)."""
    words = lexis(base)
    siblings = {m for g in base.groups_of([metric]) for m in base.group_members(g)} - {metric}
    found: set[str] = set()
    for token in tokens:
        if token in words.metric_words.get(metric, ()):
            found.add(metric)
            continue
        named = [m for m in siblings if token in words.metric_words.get(m, ())]
        if len(named) == 1:
            found.add(named[0])
    return found.pop() if len(found) == 1 and metric not in found else None
