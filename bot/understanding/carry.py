"""What a follow-up carries from the turn before besides its subject: the years asked
("kalau tahun sebelumnya?"), a share's whole ("berapa persen dari jumlah tadi?"), the
asker's factor ("ITAS kali dua | ITK juga"), a rate per N ("deportasi per 1000 WNA | pro
justisia juga"), or the one of the figures named before it points at ("yang kedua dikali
dua")."""

from __future__ import annotations

from bot.model.frame import Entities
from bot.understanding.context import Turn


def one_of_those(new: Entities, ent: Entities, prev: Turn) -> bool:
    """The one of the figures or countries named last at the place said ("yang kedua
    dikali dua", also after a list answered item by item); False when there is none."""
    old = prev.entities
    countries = list(old.countries if len(old.countries) > 1 else prev.recent_countries)
    metrics = list(old.metrics if len(old.metrics) > 1 else prev.recent_metrics)
    named = countries if old.countries else metrics
    if not ent.ordinal or ent.ordinal > len(named) or len(named) < 2:
        return False
    if old.countries:
        new.countries, new.metrics = [countries[ent.ordinal - 1]], list(old.metrics)
    else:
        new.metrics = [metrics[ent.ordinal - 1]]
    new.ordinal = None
    return True


def keep_rate(new: Entities, ent: Entities, old: Entities) -> None:
    """ "deportasi per 1000 WNA | pro justisia juga": the figure named, per N of the same
    base."""
    if len(ent.metrics) == 1 and not (ent.countries or ent.per_base) and len(old.metrics) == 2:
        new.metrics, new.per_base = [ent.metrics[0], old.metrics[1]], old.per_base


def keep_factor(new: Entities, ent: Entities, old: Entities) -> None:
    """The asker's factor kept for the figure a follow-up names ("setengah dari WNA Jepang
    | kalau Korea?", "ITAS kali dua | ITK juga": that one scaled, not added to the first)."""
    new.scaled, new.factor = True, old.factor
    if ent.also and (ent.metrics or ent.countries):
        new.metrics = list(ent.metrics or old.metrics)
        new.countries = list(ent.countries)


def previous_whole(old: Entities, groups: dict[str, set[str]]) -> dict[str, str]:
    """The whole a share follow-up points at: the group or figure asked before, or the
    group of the figures asked together."""
    if old.groups:
        return {"group": old.groups[0]}
    if len(old.metrics) == 1 and not old.countries:
        return {"metric": old.metrics[0]}
    named = set(old.metrics)
    group = next((g for g, members in groups.items() if members == named), None)
    return {"group": group} if group and not old.countries else {}


def carry_years(new: Entities, ent: Entities, old: Entities) -> None:
    """A follow-up keeps the years asked before; a relative year ("kalau tahun
    sebelumnya?") counts from the year named before."""
    if ent.relative and not ent.years and old.years:
        new.anchor = old.years[0]
    elif not (ent.years or ent.relative):
        new.years, new.relative, new.anchor = list(old.years), list(old.relative), old.anchor
