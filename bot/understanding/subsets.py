"""Follow-ups about part of what the turn before named: "how many Taiwanese? | how many
of them were deported?" (no such breakdown), "Korea dan Jepang? | dari mereka berapa
persen yang Korea?" (a share of the two), "top 3 combined? | how far is that from the
total?" (the whole less the three)."""

from __future__ import annotations

from bot.model.frame import Entities, add_unique
from bot.understanding.context import Turn


def gap_to_whole(new: Entities, ent: Entities, cues, prev: Turn, population: str) -> bool:
    """ "top 3 combined? | how far is that from the total?": the whole less the countries
    just given (what the rest have); False when the follow-up asks no such gap."""
    old = prev.entities
    whole = "sum" in cues or ent.whole or ent.metrics == [population]  # "total", "WNA"
    named = ent.countries or set(ent.metrics) - {population}
    if not ("difference" in cues and whole and old.countries and population) or named:
        return False
    new.excluded = [("country", c) for c in old.countries]
    new.countries, new.metrics = [], [population]
    return True


def some_of(countries: list[str], named: list[str]) -> bool:
    """Whether ``countries`` are some (not all) of several named before."""
    return len(named) > 1 and bool(countries) and set(countries) < set(named)


def added_up(old: Entities, prev: Turn) -> bool:
    """Whether the turn before added up figures: a group, or several summed."""
    return bool(old.groups and not old.metrics) or (prev.intent == "sum" and len(old.metrics) > 1)


def among_those_asked(new: Entities, ent: Entities, cues, prev: Turn, population: str) -> bool:
    """ "how many Taiwanese? | how many of them were deported?": a new figure among the
    people of the one before, narrowed by their country or permit (which the release
    never breaks it down by); False when the follow-up asks no such thing."""
    old = prev.entities
    if not (ent.among or ent.of_those) or "share" in cues or not old.metrics + old.countries:
        return False
    # "dan berapa yang ..." is of those only after residents asked ("WNA India berapa dan
    # yang dideportasi"), or to narrow the figure by a country ("ITK dan berapa yang dari
    # China"): "deportasi berapa dan berapa yang kena pro justitia" asks each
    people = not old.metrics or population in old.metrics
    if ent.of_those and not (people or (ent.countries and not ent.metrics)):
        return False
    asked = [m for m in ent.metrics if m not in old.metrics and m != population]
    if not asked:  # "ITK? | dari mereka berapa yang (WNA) China?": ITK of China
        if not ent.countries or not old.metrics or population in old.metrics:
            return False
        new.metrics, new.countries = list(old.metrics), list(ent.countries)
        return True
    if ent.countries:
        return False
    new.countries = list(old.countries)
    for phrase in old.metric_phrases:  # "ITAS? | of them, how many were deported?", "WNA?
        add_unique(new.qualifiers, (" ".join(phrase),) * 2)  # | dari mereka berapa ITAS?"
    return bool(new.countries or new.qualifiers)
