"""A world region named together with its countries ("persentase WNA dari Asia Timur
(Korsel, Jepang, China, Taiwan)", "the four East Asian countries"): those countries, as
one group. The release counts foreigners by country, never by region, so a region alone
stays unanswered; only the countries the asker spells out or counts are added up, and the
reply names them, not the region."""

from __future__ import annotations

from bot.facts.base import FactBase
from bot.model.frame import PAIR_INTENTS, Entities
from bot.understanding.cues import cued

# a superlative, a comparison or a mean is of each country; a bare "ranking" cue only
# counts when nothing is added up ("share of ... the four East Asian countries")
NOT_GROUPED = ("top", "fewest", "position", *PAIR_INTENTS, "average")
ADDED_UP = ("share", "sum")


def read_region_group(ent: Entities, cues: dict[str, float], base: FactBase) -> None:
    """Make the countries of a region named with them one group (``ent.combined``), unless
    the question asks about each ("masing-masing"), names a country outside it, or ranks,
    compares or averages them ("which of the East Asian countries ... has the fewest?")."""
    regions = [p for p in ent.places if base.region_members(p)]
    listed = "ranking" in cues and not cued(cues, ADDED_UP)
    if len(regions) != 1 or ent.each or listed or cued(cues, NOT_GROUPED):
        return
    if ent.countries and not ent.region_leads:  # "Korea berapa persen dari Asia Timur (...)"
        return
    members = base.region_members(regions[0])
    if len(ent.countries) > 1:
        if not set(ent.countries) <= members:
            return  # "Korea, Jepang dan Eropa": the region is one more item, not the group
    elif not ent.countries and (ent.count or 0) > 1:
        office = ent.offices[0] if ent.offices else None
        year = ent.years[0] if ent.years else base.newest_year(base.breakdown_metric(), office)
        facts = base.countries_with_facts(base.breakdown_metric(), year or 0, office)
        named = [f.country for f in facts if f.country in members]
        if len(named) != ent.count:
            return  # "the three East Asian countries" when the release names four
        ent.countries, ent.count, ent.names_countries = named, None, False
    else:
        return
    ent.places = [p for p in ent.places if p != regions[0]]
    ent.combined = True
