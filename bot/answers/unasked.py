"""Stage 6c: a note when the message names a year, office or place its answer is not for.

"Saya riset tahun 2019, berapa deportasi?" and "In the area covered by the Tangerang office,
how many foreigners?" are answered with what the release has, and say so: the year or
place named around the question has no figure.
"""

from __future__ import annotations

from bot.answers.formatting import join_list
from bot.answers.labels import office_name
from bot.answers.messages import message
from bot.facts.base import FactBase
from bot.model.frame import Entities
from bot.model.places import AROUND_KINDS, REGION_KINDS


def unasked_note(around: list[Entities], facts: list[dict], base: FactBase, lang: str) -> str:
    """The note for the years, offices and places ``around`` names that ``facts`` are not
    for ("" when there are none, or no figure was given)."""
    if not facts:
        return ""
    years, offices = {f["year"] for f in facts}, {f["office"] for f in facts}
    surrounding = base.places_of_kind(AROUND_KINDS + REGION_KINDS)
    named: list[str] = []
    for ent in around:
        named += [str(y) for y in ent.years if y not in years]
        named += [office_name(base, lang, o) for o in ent.offices if o not in offices]
        named += [p for p in ent.places if p not in surrounding]
    named = list(dict.fromkeys(named))
    if not named:
        return ""
    first = facts[0]
    office = office_name(base, lang, first["office"])
    return message("unasked", lang, named=join_list(named, lang), office=office, year=first["year"])
