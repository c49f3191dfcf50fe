"""Cities of the world, from the Unicode CLDR time-zone data that Babel ships ("Seoul",
"Kuala Lumpur", "Tokyo"): names of places the release has no figures for, however common
the word is in Indonesian or English news."""

from __future__ import annotations

from functools import lru_cache

from babel.core import get_global

from bot.model.text import clean_tokens
from bot.understanding.phrases import Phrases

LEFT_OUT_AREAS = ("Antarctica", "Etc")  # research stations named after people ("Davis")
# zone cities that are mostly ordinary words or slips of one: "lima" is five in Indonesian,
# "wake" a verb, "kanton" a slip of "kantor"
NOT_PLACES = frozenset(
    {"lima", "oral", "christmas", "easter", "wake", "stanley", "phoenix", "kanton", "reunion"}
)


@lru_cache(maxsize=1)
def world_cities() -> Phrases:
    """The cities that name a time zone, as the zone names them, as tokens."""
    names: set[str] = set()
    for zone in get_global("zone_territories"):
        area, _, city = zone.partition("/")
        if not city or "/" in city or area in LEFT_OUT_AREAS:
            continue  # "America/Indiana/Knox": small towns, often ordinary words
        names.add(city.replace("_", " "))  # (localized names cost 75 ms at start-up)
    phrases = (tuple(clean_tokens(name)) for name in names)
    return Phrases(p for p in phrases if p and p != ("",) and " ".join(p) not in NOT_PLACES)


def city_at(tokens: list[str], i: int) -> int:
    """The number of words of the city that starts at word ``i`` (0: none does)."""
    cities = world_cities()
    for n in cities.starts.get(tokens[i], ()):
        if tuple(tokens[i : i + n]) in cities:
            return n
    return 0
