"""Stage 4d: which figure intent a question about figures asks: a value, a ranking, a
share, a difference, a sum, a comparison, a change between years or a series."""

from __future__ import annotations

from bot.facts.base import FactBase
from bot.model.frame import PAIR_INTENTS, RANK_INTENTS, Entities, Frame
from bot.understanding.cues import cued
from bot.understanding.lexis import lexis
from bot.understanding.rankings import (
    country_as_threshold,
    next_place,
    ranked_facts,
    ranking_frame,
    together_reason,
)
from bot.understanding.refusals import combined_details, unanswerable
from bot.understanding.scope import Scope

YEAR_INTENTS = ("change", "series")
PER_UNITS = ("month", "week", "day")  # a year's figure is divided into these
MONTHS = {"month": 12, "week": 52}  # the count a "dibagi 12 bulan", "52 minggu" may name


def figure_frame(
    ent: Entities, cues: dict[str, float], base: FactBase, scope: Scope, *, strays: int = 0
) -> Frame:
    """The frame of a figure question: first what the release cannot answer, then how."""
    if ent.middle and ent.names_countries:
        # "the median of the five country counts": a place of the ranking, no detail asked
        # ("median WNA", "median age" ask one the release lacks)
        words = {w for phrase in lexis(base).lexicon.middles for w in phrase}
        ent.qualifiers = [q for q in ent.qualifiers if not set(q[0].split()) <= words]
    if ent.forecast:  # "ITAS 2021 bakal naik?": the release records, it does not forecast
        return Frame("value", "no_data", year=scope.year, reason="forecast")
    over_years = _over_years(ent, cues, scope)
    if over_years and ent.factor and not (ent.relative or len(ent.years) > 1):
        over_years = ""  # "kalau WNA India naik dua kali lipat jadi berapa?": a what-if
    per = "" if strays else _per_unit(ent, cues, base)  # "… sejak pandemi": not the year
    if per:  # "rata-rata ITAS per bulan": a mean over the year, not a monthly breakdown
        ent.per_unit = per
        rates = lexis(base).lexicon.rates
        ent.qualifiers = [q for q in ent.qualifiers if tuple(q[1].split()) not in rates]
    refusal = unanswerable(ent, cues, base, scope, years_checked=bool(over_years))
    if refusal and refusal.intent == "complement" and "share" in cues:
        refusal.reason = "share"  # "what % of foreigners are not Korean?"
    elif refusal and refusal.intent == "complement" and _against_rest(ent, cues):
        refusal.reason = _against_rest(ent, cues)  # "top 3? | sisanya dibanding Korea?"
    if refusal:
        return refusal
    if over_years:
        return Frame(over_years, year=scope.year, years=list(scope.years))
    if per:
        return Frame("average", year=scope.year, reason=per)
    if ent.per_base and len(ent.metrics) == 2 and not (ent.countries or ent.groups):
        if ent.base_first:  # the figure counted per N comes first, its base second
            ent.metrics = ent.metrics[::-1]
        return Frame("rate", year=scope.year)  # "deportasi per 1000 WNA": 72 / 8.940 x 1.000
    if ent.product:  # "ITAS kali ITK": people times people is no figure
        return Frame("value", "no_data", year=scope.year, reason="product")
    computed = ent.factor or ent.scaled or ent.operand or ent.per_base or ent.whole
    if (
        ent.rounding and _one_figure(ent) and not (computed or ent.ordinal)
    ):  # "WNA Korea dibulatkan": computed
        return Frame("rounded", year=scope.year)
    if (ent.operand or ent.scaled) and not ent.ordinal:  # "ITAS dibagi 7", "setengah ITAS"
        if ent.factor and _one_figure(ent):  # computed, the asker's factor said so
            return Frame("scaled", year=scope.year)
        return Frame("value", "no_data", year=scope.year, reason="operand")
    frame = _figure_intent(ent, cues, base, scope.year, scope.office)
    frame.combined = combined_details(ent, base, scope)
    if frame.combined and frame.intent == "value":
        # "ITAP baru saja": the release gives new and renewed together, never apart
        return Frame("value", "no_data", year=scope.year, reason="combined",
                     combined=frame.combined)  # fmt: skip
    return frame


def _per_unit(ent: Entities, cues: dict[str, float], base: FactBase) -> str:
    """ "month" for "rata-rata ITAS per bulan", "day" for "average deportations per day":
    the unit of a mean over the year of one figure counted over the year (``counted`` of
    ``metrics.csv``); "" when the question is none, or the figure is counted at a date
    ("WNA aktif per bulan" has no average)."""
    divides = "average" in cues or "ratio" in cues  # "dibagi 12 bulan jadi berapa per bulan?"
    # "How many ITAS? | what's that per month?", "roughly how many ITK per week?"
    divides = divides or ent.refers or ent.rough or ent.bare_rate  # "ITAP? | per month?"
    if not divides or len(ent.metrics) != 1 or ent.countries or ent.groups:
        return ""
    if ent.relative or len(ent.years) > 1 or ent.stated or ent.ordinal or ent.threshold:
        return ""  # "over the last 3 years", "in 2019 and 2020": not one year's mean
    rates = lexis(base).lexicon.rates
    units = {rates.get(tuple(meant.split()), "") for _, meant in ent.qualifiers}
    units = units or ({ent.per_unit} if ent.per_unit else set())  # "... | and deportations?"
    if len(units) != 1 or not units <= set(PER_UNITS) or base.counted(ent.metrics[0]) != "period":
        return ""
    unit = units.pop()
    if ent.operand not in (None, MONTHS.get(unit)):
        return ""  # "dibagi 9 bulan": not the year's months
    if ent.count is not None and ent.count != MONTHS.get(unit):
        return (
            ""  # "dalam 6 bulan terakhir", "in Q4": a part of the year ("dibagi 12 bulan" is all)
        )
    return unit


def _over_years(ent: Entities, cues: dict[str, float], scope: Scope) -> str:
    """ "change" for a figure compared between two years ("naik atau turun dari 2020 ke
    2021"), "series" for one across the years ("dari tahun ke tahun"), else ""."""
    single = len(ent.countries) <= 1 and len(ent.metrics) + len(ent.groups) <= 1
    if not single or len(scope.offices) > 1:
        return ""
    if "series" in cues and cues["series"] >= cues.get("change", 0):
        return "series"
    pairing = cued(cues, (*PAIR_INTENTS, "change"))
    if "change" in cues or (pairing and len(scope.years) >= 2):
        return "change"
    return ""


def _figure_intent(
    ent: Entities, cues: dict[str, float], base: FactBase, year: int, office: str
) -> Frame:
    breakdown = base.metrics_with_country_breakdown()
    if _against_rest(ent, cues):
        # "Korea vs the rest?", "Korea dibanding sisanya berapa kali?": against the others
        ent.excluded = [("country", c) for c in ent.countries]
        return Frame("complement", year=year, reason=_against_rest(ent, cues))
    lists = cued(cues, RANK_INTENTS)  # "... sisanya urutkan": listed
    if "sum" in cues and ent.count and len(ent.countries) > ent.count and not ent.top_count:
        # "top 5? | add up the last two": which two is not read; never all five
        return Frame("sum", "no_data", year=year, reason="which_places")
    if ent.remainder and not lists:  # "top 3? | dikurangi Jepang?": what is left added up
        several = len(ent.countries) > 1 or (not ent.countries and len(ent.metrics) > 1)
        return Frame("sum" if several else "value", year=year)
    if ent.after and not ent.countries and set(ent.metrics) <= breakdown:
        return next_place(ent, cues, base, year, office)
    which = ent.names_countries or ent.asks_no_number  # "negara yang ...", "siapa aja"
    # "berapa WNA di bawah Jepang?": the countries below Japan's figure
    # ("more than Japan?": its "more than" cues a difference with no other side named)
    others = {c: s for c, s in cues.items() if c != "difference"}
    bound = ent.beyond_country and not ent.stated and (ent.multiple or not _pairs(others))
    which = which or bound
    if which and ent.exceeds and len(ent.countries) == 1 and not ent.threshold:
        country_as_threshold(ent, base, year, office)
    if _among_members(ent, cues):  # "which permit has the most?": ITK, ITAS or ITAP
        left_out = set(ent.excluded_of("metric"))
        ent.metrics = [m for g in ent.groups for m in base.group_members(g) if m not in left_out]
        ent.groups = []
    ranked = ent.ordinal and not ent.countries and set(ent.metrics) <= breakdown
    # "which nationality is 2nd?", "the 2nd and 3rd?"
    ranked = ranked and bool(ent.metrics or ent.names_countries or len(ent.positions) > 1)
    # "negara dengan WNA lebih dari 1000", "dari berapa negara?": the countries listed
    # ("berapa WNA di bawah Jepang?" too, but "yang terbanyak di bawah Korea": one of them)
    bounded = ent.beyond_country and not ("top" in cues or "fewest" in cues)
    listing = (ent.threshold and (ent.names_countries or bounded)) or ent.counts_countries
    # "China nomor satu kan?", "China was number one, wasn't it?": its place, checked
    placed = ent.ordinal and len(ent.countries) == 1 and set(ent.metrics) <= breakdown
    wants_rank = ranked or listing or placed or lists
    wants_rank = wants_rank or (ent.middle and ent.names_countries and not ent.countries)
    # "dari lima negara terbanyak, berapa WNA asal India?": the five scope one country asked
    # ("China peringkat ke berapa dari 5 negara?" asks its place among the five)
    scoped = len(ent.countries) == 1 and ent.top_count and "value" in cues
    scoped = scoped and "position" not in cues
    wants_rank = wants_rank and not (scoped and not ent.ordinal)
    counted = {base.counted(m) for m in ent.metrics} - {""}
    if len(counted) > 1 and ("average" in cues or ("share" in cues and "difference" in cues)):
        # "rata-rata WNA dan ITAS": residents on a date and permits over a year have no
        # mean (their difference is given, said to be a gap between different counts)
        return Frame("value", "no_data", year=year, reason="mixed")
    if "average" in cues:
        return _average(ent, base, year, office, len(ent.countries) or len(ent.metrics))
    if wants_rank and len(ent.countries) < 2 and len(ent.metrics) < 2:
        return ranking_frame(ent, cues, base, year, office, listed=bool(ranked or listing))
    items = len(ent.countries) or len(ent.metrics) + len(ent.groups)
    if len(set(ent.offices)) > 1:
        items = max(items, len(set(ent.offices)))  # "ITAS Bekasi vs Jakarta Selatan"
    # "Korea than India and Taiwan": two sides, one of several names (a follow-up's names
    # and sides are the turn's before: "and in percent?")
    sides = items > 2 and 0 < ent.split < items and not ent.groups
    if _against_group(ent, cues, base):
        # "selisih WNA aktif dengan total izin tinggal (ITK+ITAS+ITAP)": WNA against the
        # group added up (its members spelled out are the group)
        members = set(base.group_members(ent.groups[0]))
        ent.metrics = [m for m in ent.metrics if m not in members]
        ent.split = len(ent.metrics)
        return Frame("difference", year=year, reason="grouped")
    sides = sides and (len(ent.subject_spans) in (items, 0) or ent.open_side)
    # ("there are more Koreans than Japanese, what % of the total are Koreans?": a share)
    pair = items == 2 and "sum" not in cues
    # "Korea dikurangi Jepang berapa persen?", "selisih Korea dan Jepang berapa persen?"
    gap = ent.exceeds or ent.subtracts or "difference" in cues
    if "share" in cues and (pair or sides) and not ent.whole and gap:
        # "berapa persen Korea lebih banyak dari Jepang (dan India)": the gap as a
        # percentage, a side of several names added up
        if sides:
            return Frame("difference", year=year, reason="grouped_percent")
        return Frame("compare", year=year, reason="percent")
    as_percent = pair and not gap and ("compare" in cues or "ratio" in cues or ent.fraction)
    after = ent.percent_after or ent.fraction_between  # "Taiwan dua pertiga India?"
    if "share" in cues and as_percent and not ent.whole and after:
        # "perbandingan Korea dengan Jepang dalam persen": the first as a percentage of
        # the second ("bandingkan persentase Korea dan Jepang": each of the whole)
        _second_as_whole(ent)
        return Frame("share", year=year)
    if "share" in cues:
        if ent.whole or ent.countries or ent.groups:
            # "Korea and Japan together", "Japanese or Chinese": their share together too
            # ("Korea sama Jepang lebih dari separuh WNA?": a fraction claimed of the two)
            claimed = ent.fraction and not (ent.fraction_between or ent.also)
            together = "sum" in cues or ent.either or ent.combined or claimed
            together = together and len(ent.countries) > 1
            # (only the share together when asked so: "India and Taiwan together")
            alone = together and (ent.combined or ent.either)
            return Frame("share", year=year, reason=together_reason(together, alone=alone))
        if as_percent:
            # "perbandingan ITAS dengan jumlah WNA dalam persen": the first as a percentage
            # of the second
            _second_as_whole(ent)
            return Frame("share", year=year)
        # A share of what? The whole is asked for, never guessed.
        return Frame("clarify", "clarify", year=year, reason="whole", confidence=0.5)
    # "Japanese or Chinese combined"; but "Jepang dan China digabung, lebih banyak dari
    # Korea berapa?" compares the two combined with Korea
    if ent.combined and items >= 2 and not _pairs(cues) and not (sides and ent.exceeds):
        return Frame("sum", year=year)
    for intent in PAIR_INTENTS:
        if intent in cues and items >= 2:
            # "how many more Koreans than Indians and Taiwanese combined?": one side added up
            if sides and ("sum" in cues or ent.subtracts):
                return Frame(intent, year=year, reason="grouped")
            # "mana yang terbanyak: ITK, ITAS atau ITAP?": compared, the largest named
            ranks = intent == "compare" and ("top" in cues or "fewest" in cues)
            return Frame(intent, year=year, reason=_sorted_reason(cues) if ranks else "")
    if "sum" in cues and (items >= 2 or ent.groups):
        return Frame("sum", year=year)
    if items >= 2:  # "urutkan ITK, ITAS dan ITAP": side by side, largest first
        return Frame("compare", year=year, reason=_sorted_reason(cues) if wants_rank else "")
    return Frame("sum" if ent.groups else "value", year=year)


def _average(ent: Entities, base: FactBase, year: int, office: str, items: int) -> Frame:
    """ "rata-rata WNA Korea dan Jepang": the mean of the figures named; "rata-rata WNA per
    negara": the mean over every country the release lists."""
    if items >= 2 or ent.groups:
        return Frame("average", year=year)
    listed = ranked_facts(ent, base, year, office)
    places = ent.positions if len(ent.positions) > 1 else []
    if not ent.countries and places and max(places) <= len(listed):
        ent.countries = [listed[k - 1].country for k in places]  # "ranks 2 to 4 average?"
        return Frame("average", year=year)
    if not ent.countries and listed and (ent.names_countries or ent.count):
        ent.countries = [f.country for f in listed][: ent.count or len(listed)]
        return Frame("average", year=year)
    # The average of one figure (per month? per country?) is not in the release.
    return Frame("value", "no_data", year=year, reason="average")


def _among_members(ent: Entities, cues: dict[str, float]) -> bool:
    """Whether the largest or smallest member of a group is asked ("izin tinggal mana yang
    paling banyak?"), not a country."""
    if ent.metrics or ent.countries or ent.names_countries or ent.count or ent.ordinal:
        return False
    return len(ent.groups) == 1 and ("top" in cues or "fewest" in cues)


def _against_group(ent: Entities, cues: dict[str, float], base: FactBase) -> bool:
    """Whether figures are taken from a group's total ("selisih WNA dengan total izin
    tinggal"): a gap asked between one group and figures outside it."""
    if "difference" not in cues or len(ent.groups) != 1 or ent.countries:
        return False
    return bool(set(ent.metrics) - set(base.group_members(ent.groups[0])))


def _sorted_reason(cues: dict[str, float]) -> str:
    """How figures named together are sorted: "sorted_top" when the largest is asked
    ("yang paling banyak dari ketiganya?"), "sorted_fewest" for the smallest, else
    "sorted" (largest first). A word for countries cues a ranking too ("which of the
    countries Korea, Japan, China has the most?"): the superlative still asks its one."""
    top, fewest = cues.get("top", 0), cues.get("fewest", 0)
    if not (top or fewest):
        return "sorted"
    return "sorted_fewest" if fewest > top else "sorted_top"


def _against_rest(ent: Entities, cues: dict[str, float]) -> str:
    """ "versus" for countries compared with the rest ("Korea vs the rest?"), "versus_ratio"
    when how many times is asked; else ""."""
    if not (ent.rest and ent.countries) or "average" in cues:  # "... rata-rata negara lain"
        return ""
    if not (ent.exceeds or cued(cues, PAIR_INTENTS)):
        return ""
    return "versus_ratio" if "ratio" in cues else "versus"


def _pairs(cues: dict[str, float]) -> bool:
    """Whether an operation that needs two figures is asked (a comparison alone is not)."""
    return cued(cues, ("ratio", "difference", "share", "average"))


def _second_as_whole(ent: Entities) -> None:
    """The second of two figures, or of two countries, set aside as the whole."""
    if len(ent.metrics) == 2:
        ent.whole, ent.metrics = {"metric": ent.metrics[1]}, ent.metrics[:1]
    elif len(ent.countries) == 2:
        code = ent.countries[1]
        ent.whole, ent.countries = {"country": code, "countries": code}, ent.countries[:1]


def _one_figure(ent: Entities) -> bool:
    """Whether one stored figure is named: one metric, of at most one country."""
    one = len(ent.metrics) <= 1 and len(ent.countries) <= 1 and not ent.groups
    return one and bool(ent.metrics or ent.countries) and not (ent.whole or ent.excluded)
