"""Stage 4e: questions about the countries' places in a figure: the top or fewest, a
place ("urutan kedua", "setelah Korea"), the first few added up, the countries above or
below a bound."""

from __future__ import annotations

from bot.facts.base import FactBase
from bot.model.fact import Fact
from bot.model.frame import PAIR_INTENTS, Entities, Frame, beyond
from bot.understanding.cues import cued


def ranked_metric(ent: Entities, base: FactBase) -> str:
    """The figure whose countries are ranked: the one named, else the residents."""
    return ent.metrics[0] if ent.metrics else base.breakdown_metric()


def ranked_facts(ent: Entities, base: FactBase, year: int, office: str) -> list[Fact]:
    """The countries' facts of the figure ranked, largest first."""
    return base.countries_with_facts(ranked_metric(ent, base), year, office)


def next_place(ent: Entities, cues, base: FactBase, year: int, office: str) -> Frame:
    """ "which country is largest after Korea?": the place below Korea's ("the smallest
    after Taiwan": the place above)."""
    ranked = [f.country for f in ranked_facts(ent, base, year, office)]
    if ent.after not in ranked:  # "terbanyak setelah Thailand": a country not listed
        ent.countries = [ent.after]
        return Frame("value", "no_data", year=year, reason="country")
    place = ranked.index(ent.after) + 1
    fewest = cues.get("fewest", 0) > cues.get("top", 0)
    ent.ordinal = place - 1 if fewest else place + 1
    return Frame("ranking", year=year)


def together_reason(together: bool, *, alone: bool) -> str:
    return "together_only" if alone else "together" if together else ""


def country_as_threshold(ent: Entities, base: FactBase, year: int, office: str) -> None:
    """ "negara yang WNA-nya lebih sedikit dari India?", "which countries have more people
    than China?": the countries above or below one country's figure."""
    fact = base.fact(ranked_metric(ent, base), year, ent.countries[0], office)
    if fact is not None:
        times = ent.multiple[1] if ent.multiple else 1
        ent.threshold = ("<" if ent.falls_short else ">", fact.value * times)
        ent.threshold_country, ent.countries = ent.countries[0], []


def _beyond_added(ent: Entities, base: FactBase, year: int, office: str) -> Frame:
    """ "WNA di bawah Jepang totalnya": the countries beyond the bound, added up."""
    ranked = ranked_facts(ent, base, year, office)
    ent.countries = [f.country for f in ranked if beyond(f.value, ent.threshold)]
    if len(ent.countries) < 2:  # none or one: the list says it
        ent.countries = []
        return Frame("ranking", year=year, reason="listed")
    ent.threshold = None
    return Frame("sum", year=year)


def _picks_countries(ent) -> bool:
    """Whether the question picks some countries of the list (a count, an ordinal, names)."""
    return bool(ent.count or ent.top_count or ent.ordinal or ent.countries or ent.excluded)


def ranking_frame(ent, cues, base: FactBase, year: int, office: str, *, listed: bool) -> Frame:
    breakdown = base.metrics_with_country_breakdown()
    if any(m not in breakdown for m in ent.metrics) or ent.groups:
        return Frame("ranking", "no_data", year=year, reason="breakdown")
    if ent.threshold and "sum" in cues and not ent.countries:
        return _beyond_added(ent, base, year, office)
    if ent.middle and not (ent.ordinal or ent.countries):
        _middle_place(ent, base, year, office)
    total_first = "sum" in cues and cues["sum"] >= cues.get("ranking", 0)
    if total_first and ent.metrics and not _picks_countries(ent):
        # "total WNA aktif, semua negara": the release's total, not a sum of its list
        return Frame("value", year=year)
    pair = next((c for c in (*PAIR_INTENTS, "sum") if c in cues), None)
    if pair and "top" in cues and "fewest" in cues and not (ent.countries or ent.ordinal):
        # "selisih negara terbanyak dan tersedikit": the first and last the release lists
        ranked = ranked_facts(ent, base, year, office)
        if len(ranked) > 1:
            ent.countries = [ranked[0].country, ranked[-1].country]
            return Frame(pair, year=year, reason="ends")
    if pair and ent.ordinal and len(ent.countries) == 1:
        # "selisih Jepang dengan yang pertama": the country at that place is the other side
        ranked = ranked_facts(ent, base, year, office)
        if ent.ordinal <= len(ranked) and ranked[ent.ordinal - 1].country != ent.countries[0]:
            ent.countries = [*ent.countries, ranked[ent.ordinal - 1].country]
            ent.ordinal = None
            return Frame(pair, year=year)
    if ent.ordinal and not ent.countries and cued(cues, PAIR_INTENTS):
        # "selisih urutan 1 dan 2": one place is read, the other would be lost
        return Frame("ranking", "no_data", year=year, reason="rank_pair")
    if "position" in cues and len(ent.countries) == 1 and not (ent.ordinal or ent.threshold):
        return Frame("position", year=year, reason="named")  # "India urutan keberapa?"
    placed = ent.ordinal or "top" in cues or "fewest" in cues
    if len(ent.countries) == 1 and placed and not (ent.threshold or ent.count or ent.top_count):
        # "is Japan the largest group?", "China urutan kedua?": the place it has, and who
        # has the place said
        if not ent.ordinal:
            fewest = cues.get("fewest", 0) > cues.get("top", 0)
            ent.ordinal = len(ranked_facts(ent, base, year, office)) if fewest else 1
        return Frame("position", year=year, reason="claim")
    if ent.positions and pair:  # "total peringkat 1 dan 2", "combined number one and two"
        ranked = ranked_facts(ent, base, year, office)
        if max(ent.positions) <= len(ranked):
            ent.countries = [ranked[k - 1].country for k in ent.positions]
            ent.ordinal, ent.positions = None, []
            return Frame(pair, year=year)
    count = ent.count or (ent.ordinal if ent.names_countries else None)  # "kelima negara itu"
    if not count and "sum" in cues:
        count = ent.top_count  # "jumlah WNA dari lima negara terbanyak, jumlahkan"
    left_out = ent.excluded_of("country")
    if count and ("sum" in cues or ("value" in cues and left_out)):
        # "top 3 countries combined": the sum of the first three; "the top five except
        # Korea, how many people is that?": of the first five, all but Korea
        metric = ranked_metric(ent, base)
        ranked = ranked_facts(ent, base, year, office)
        bottom = cues.get("fewest", 0) > cues.get("top", 0)  # "the two smallest groups"
        top = ranked[-count:] if bottom else ranked[:count]
        named = [c for c in ent.countries if c not in {f.country for f in top}]  # "+ Taiwan"
        ent.countries = [f.country for f in top if f.country not in left_out] + named
        if "share" in cues:  # "the share of the bottom two together": of all, and together
            ent.whole = ent.whole or {"metric": metric}
            return Frame("share", year=year, reason=together_reason(True, alone=ent.combined))
        return Frame("sum", year=year)
    # "rank ... from most to least" lists; "paling banyak dari negara mana" names one
    listed = listed or cues.get("ranking", 0) > cues.get("top", 0)
    if cues.get("fewest", 0) > cues.get("top", 0):  # "from most to least" stays largest first
        # "sort them from smallest to largest" lists, smallest first
        # ("among the top five, which had the fewest?" names one)
        listed = listed and cues.get("ranking", 0) > cues["fewest"] and not ent.count
        return Frame("fewest", year=year, reason="listed" if listed else "")
    return Frame("ranking" if listed else "top", year=year)


def _middle_place(ent: Entities, base: FactBase, year: int, office: str) -> None:
    """ "the median of the five", "yang di tengah": the middle place of the ranking (the two
    middle places of an even one)."""
    listed = len(ranked_facts(ent, base, year, office))
    if listed % 2:
        ent.ordinal = (listed + 1) // 2
    elif listed:
        ent.positions = [listed // 2, listed // 2 + 1]
        ent.ordinal = ent.positions[0]
