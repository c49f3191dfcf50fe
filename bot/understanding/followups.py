"""Follow-ups: whether a message leans on the turn before, and what it then asks.

"berapa ITAS 2020" -> "kalau ITAP?" asks ITAP 2020; "top 3?" -> "total ketiganya?" adds
the three shown; "Korea?" -> "eh bukan, India" asks India.
"""

from __future__ import annotations

from bot.model.frame import PAIR_INTENTS, RANK_INTENTS, Entities
from bot.understanding.carry import (
    carry_years,
    keep_factor,
    keep_rate,
    one_of_those,
    previous_whole,
)
from bot.understanding.context import Turn
from bot.understanding.corrections import rest_or_correction
from bot.understanding.cues import cued
from bot.understanding.intents import SMALLTALK_INTENTS
from bot.understanding.phrases import has_phrase, starts_with
from bot.understanding.subsets import added_up, among_those_asked, gap_to_whole, some_of

SHORT_FOLLOWUP_TOKENS = 4
CARRIED_INTENTS = ("value", "share", "average")  # "rata2 ITK per bulan? | deportasi?"
ROUNDABLE = ("value", "rounded")  # a stored figure, not one computed from it
PAIR_CUES = (*PAIR_INTENTS, "sum", "average")


def should_merge(
    tokens: list[str],
    ent: Entities,
    cues: dict[str, float],
    lexicon,
    *,
    fresh: bool = False,
    before: Entities | None = None,
) -> bool:
    """Whether a message leans on the previous one.

    A follow-up starts with a follow-up word ("kalau", "and"), refers back ("itu",
    "that") or is short; one naming no subject needs some cue, year or place, so
    junk and small talk never repeat the previous answer. A ``fresh`` question (the
    second of one message) that names a subject leans back only to refer or to pair.
    """
    starts = starts_with(tokens, lexicon.followups)
    refers = has_phrase(tokens, lexicon.references) or ent.among or ent.of_those  # "dari mereka"
    if ent.has_subject() and fresh:  # a second question of one message names its own
        # ... unless it asks the rest of what the first named ("lalu berapa sisanya")
        # ("... and what percentage of all active foreigners?": of the figure just asked)
        part = ent.metrics or ent.groups or ent.countries
        # "itas brp persen dari total izin tinggal? and itk?": a bare name of the same kind
        # after "and" asks the same of it (not ITAS after a share of foreigners by country)
        bare = starts and not cues and len(tokens) <= SHORT_FOLLOWUP_TOKENS
        bare = bare and before is not None and _same_kind(ent, before)
        pairs = cued(cues, PAIR_CUES) and not _mean_over_time(ent, cues, lexicon)
        return (
            refers
            or ent.rest
            or bare
            or pairs
            or ("share" in cues and bool(ent.whole) and not part)
        )
    if ent.has_subject():
        # a share without its whole ("berapa persen yang pro justitia?") or without its
        # part ("berapa persen dari total WNA?"), or an addition ("sekalian sama ITAP")
        # leans on what was asked before
        part = ent.metrics or ent.groups or ent.countries
        one_side = (not ent.whole and not ent.countries) or (ent.whole and not part)
        # "how many times more Chinese?" after Indians: a comparison needs its other side
        single = len(ent.metrics) + len(ent.groups) + len(ent.countries) == 1
        other_side = single and cued(cues, PAIR_INTENTS)
        # "add Korea, what's the total of all three?": a sum of more than is named
        more = "sum" in cues and single and (ent.count or 0) > 1
        # "Taiwan, dijumlah semua (pas gak sama total WNA)?": every country named, added up
        one = len(ent.countries) == 1 or (len(ent.metrics) == 1 and not ent.countries)
        more = more or ("sum" in cues and ent.every and one)
        leans = ("share" in cues and one_side) or ent.also or other_side or more or ent.open_side
        return starts or refers or leans or len(tokens) <= SHORT_FOLLOWUP_TOKENS
    if ent.excluded or ent.rest:
        return True  # "selain Korea?" after "berapa WNA", "sisanya?"
    asks = any(c not in SMALLTALK_INTENTS for c in cues)
    named = ent.years or ent.relative or ent.places or ent.offices or ent.ordinal  # "the 3rd?"
    named = named or ent.middle  # "which one is in the middle?"
    named = named or ent.qualifiers  # "bulan Desember aja?", "and for Q1 only?"
    named = named or ent.factor or ent.operand  # "kali 2", "bagi 12", "setengahnya?"
    named = named or ent.rounding  # "rounded to hundreds?"
    return asks or bool(named) or (starts and len(tokens) > 1) or refers


def merge(
    ent: Entities, cues: dict[str, float], prev: Turn, population: str = "", groups=None
) -> tuple[Entities, str | None]:
    """The entities of a follow-up completed from the previous turn.

    Args:
        ent: what the follow-up names.
        cues: its intent cues.
        prev: the previous turn of the chat.
        population: the metric of the people counted ("WNA"), which a follow-up that
            refers back ("itu WNA dari mana?") uses for the people of the previous figure.
        groups: the groups of figures ({id: members}), for the whole of a share of several
            figures asked before ("deportasi plus pro justitia? | berapa persen deportasi?").

    Returns:
        The merged entities and the intent to carry over (None: decide afresh).
    """
    old = prev.entities
    if ent.names_total and len(ent.metrics) == 1 and len(ent.years) < 2 and not ent.countries:
        # "average ITK? | and the total WNA?": WNA's own figure, nothing added to ITK
        cues = {("value" if c == "sum" else c): s for c, s in cues.items()}
    if ent.whole and "share" not in cues and cued(cues, PAIR_INTENTS):
        ent = ent.copy()  # "berapa kali lipat dibanding SKIM?": SKIM is a side, no whole
        ent.restore_whole()
    new = ent.copy()
    carry_years(new, ent, old)
    if not (ent.offices or ent.places):  # "... dan berapa di seluruh Indonesia?": not Bekasi
        new.offices = list(old.offices)
    if rest_or_correction(new, ent, prev, population):
        # "rata2 Korea dan Jepang? | bukan, Korea dan China": still an average
        return new, prev.intent if ent.corrects and not cues else None
    if gap_to_whole(new, ent, cues, prev, population):
        return new, None
    gap = "share" in cues and _asks_gap_in_percent(ent, prev)
    if gap and not ent.exceeds:  # "how many more X than Y? | and in percent?"
        new.exceeds, new.falls_short = True, old.falls_short
    named = list(old.countries or prev.ranked)
    among_named = ent.among or ent.refers or ent.of_those
    if "share" in cues and among_named and some_of(ent.countries, named):
        # "Korea dan Jepang? | dari mereka berapa persen yang Korea?": of the two
        new.whole = {"country": named[0], "countries": ",".join(named)}
        new.metrics = list(ent.metrics or old.metrics)
        return new, "share"
    if "share" in cues and prev.intent == "sum" and not (ent.metrics or ent.countries):
        new.combined = True  # "Korea? | Japan? | combined? | what share of all is that?"
    if "share" in cues and not (ent.whole or gap or ent.factor):  # "persen dari jumlah tadi?"
        new.whole = previous_whole(old, groups or {})
        if prev.intent == "share" and old.whole and (ent.metrics or ent.countries):
            # "ITAS, of all stay permits? | same for the visit ones": of the same whole
            new.whole = dict(old.whole)
    # "ITAS naik atau turun?" asks ITAS's change: it pairs with nothing asked before
    # ("berapa persen dari total?" is a share of the whole: "total" pairs nothing either),
    # but "berapa persen lebih sedikit dari Korea?" pairs Korea with the one asked before
    pair_cue = cued(cues, PAIR_CUES) and not {"change", "share"} & set(cues)
    pair_cue = pair_cue or gap or ent.subtracts  # "Korea? | kurangi Jepang": their gap
    if ent.whole and "share" not in cues and not (ent.metrics or ent.countries):
        _without_excluded(new)  # "and the total number of foreigners?": a figure of its own
        return new, None
    if ent.middle and len(prev.ranked) % 2 and not (ent.metrics or ent.countries):
        # "sort them from smallest to largest | which one is in the middle": of the list shown
        new.countries = [prev.ranked[len(prev.ranked) // 2]]
        new.metrics = list(old.metrics) or ([population] if population else [])
        return new, "value"
    if ent.rounding and prev.intent not in ROUNDABLE and not ent.names_unit:
        # "ITAS kali 2 | dibulatkan?": only a stored figure is rounded ("... berapa persen
        # | kalau angka orangnya dibulatkan?" names it)
        new.rounding = 0
    if not (ent.metrics or ent.groups or ent.countries or ent.topics or ent.terms or ent.after):
        operates = ent.factor or ("share" in cues and new.whole)
        if operates and ent.ordinal and one_of_those(new, ent, prev):
            # "- ITAS - ITK | yang pertama dibagi dua": ITAS / 2; "ITK dan ITAS? | yang
            # kedua berapa persen dari total izin tinggal?": ITAS's share
            return new, None
        _complete_bare(new, ent, cues, prev, population, pair_cue=pair_cue)
        if len(set(new.countries) - set(ent.excluded_of("country"))) > 1:
            _without_excluded(new)  # "top 3 combined? | without Korea?": the other two
        several = len(new.countries) > 1 or (len(new.metrics) > 1 and not new.countries)
        if ent.only_total and several:  # "Korea dan Jepang? | jumlahnya?": added up
            return new, "sum"
        return new, None if cues else prev.intent
    _complete_named(new, ent, cues, prev, population, pair_cue=pair_cue)
    _without_excluded(new)
    carried = prev.intent if not cues and prev.intent in CARRIED_INTENTS else None
    if ent.also and prev.intent == "sum" and not cues:  # "ITK + ITAP? | and SKIM too"
        carried = "sum"
    if carried == "share" and not new.whole and old.whole:  # "... of all permits? | ITK?"
        new.whole = dict(old.whole)
    if carried == "average" and not new.qualifiers:  # "average ITK per month? | deportations?"
        new.per_unit = old.per_unit
    if prev.intent == "scaled" and not cues and not (ent.factor or ent.operand):
        keep_factor(new, ent, old)  # "ITAS kali dua | kalau ITK?": ITK times two
    if prev.intent == "rate" and not cues:
        keep_rate(new, ent, old)  # "deportasi per 1000 WNA | pro justisia juga"
    pair = len(new.countries) == 2 or (not new.countries and len(new.metrics) == 2)
    if ent.subtracts and pair and not new.excluded and "difference" not in cues:
        carried = "difference"  # "Korea? | subtract Japan": "subtract" is no cue of its own
    return new, carried


def _complete_bare(
    new: Entities, ent: Entities, cues, prev: Turn, population: str, *, pair_cue: bool
) -> None:
    """A follow-up naming no subject ("total ketiganya?", "yang kedua?", "dalam persen?")
    takes the subject, or the last few named, from the turns before."""
    old = prev.entities
    new.metrics, new.groups = list(old.metrics), list(old.groups)
    if ent.also and ent.excluded and old.excluded:  # "tanpa Korea | dan tanpa Jepang juga"
        new.excluded = list(dict.fromkeys([*old.excluded, *ent.excluded]))
    if "sum" in cues and ent.every and not old.countries and len(prev.recent_metrics) > 1:
        new.metrics = list(prev.recent_metrics)  # "ITAS | ITK | ITAP | SKIM | dijumlah semua?"
    own_places = ent.positions or (ent.ordinal and not pair_cue)
    new.countries = list(old.countries or ([] if own_places else _ranked(ent, cues, prev)))
    new.topics = [] if ent.stated else list(old.topics)  # "how to renew ITAP? is it 139?"
    new.terms = list(old.terms)
    if ent.positions and prev.ranked and population:  # "top 5? | 2 to 4 combined?"
        new.metrics = new.metrics or [population]
    if "average" in cues and not ent.count:  # "total WNA 5 negara | rata2nya?": per country
        new.count, new.names_countries = old.count, ent.names_countries or old.names_countries
    ranks = cued(cues, RANK_INTENTS) or ent.middle
    if ent.middle and prev.ranked:  # "top 5? | which one is in the middle?": of the five
        new.names_countries = True
    superlative = ("top" in cues or "fewest" in cues) and not ent.refers
    # "... yang paling sedikit di antara lima negara itu?" after two: of the five listed
    superlative = superlative or (ent.top_count or 0) > len(old.countries) > 0
    among = ent.count and not (ent.top_count or ent.names_countries or ent.ordinal)
    if ranks and among and len(prev.recent_countries) >= ent.count > 1:
        # "India? | Taiwan? | China? | yang paling banyak dari ketiganya?": of those
        new.countries = list(prev.recent_countries[-ent.count :])
    elif "position" in cues and len(old.countries) == 1 and not ent.ordinal:
        pass  # "WNA China berapa? | itu peringkat ke berapa dari 5 negara?": China's place
    elif ranks and ent.refers and prev.ranked and not (ent.count or ent.ordinal):
        # "top 3? | sort them ascending": the three shown, sorted
        new.countries = list(prev.ranked)
    elif ranks and (ent.count or ent.ordinal or prev.intent in RANK_INTENTS or superlative):
        # "top 3 except Japan", "sort them from the smallest": a list of its own; "Korea? |
        # China? | yg paling dikit?": the fewest of all, not a check of China's place
        new.countries = []
    elif ent.ordinal and old.countries and not pair_cue:
        # "WNA Korea?" -> "yang kedua?": the second; but "Korea and Japan? how many
        # times bigger is the first?" compares the two named, and "Jepang? | selisihnya
        # sama yg pertama?" Japan with the first
        new.countries = []
        new.metrics = new.metrics or ([population] if population else [])
    _last_named(new, ent, cues, prev, pair_cue=pair_cue, ranks=ranks)
    if new.countries == old.countries:  # "and in percent?": the sides asked before
        new.split = old.split
    _without_excluded(new)


def _last_named(new: Entities, ent: Entities, cues, prev: Turn, *, pair_cue, ranks) -> None:
    """ "jumlahin semua", "ketiganya berapa persen dari total?", "total keempatnya?": the
    last few countries or figures named, up to the count said."""
    old = prev.entities
    every = ent.every or (ranks and not ent.count)
    more = (ent.count or 0) > len(new.countries) and not ranks
    several = pair_cue or ent.every or ("share" in cues and (ent.count or 0) > 1)
    if several and len(old.countries) == 1 and len(prev.recent_countries) >= 2:
        last = ent.count or (len(prev.recent_countries) if ent.every else 2)
        new.countries = list(prev.recent_countries[-max(2, last) :])
    elif pair_cue and more and len(prev.recent_countries) >= ent.count:
        # "peringkat 1 dan 2" -> "peringkat 3 dan 4" -> "total keempatnya?": all four
        # ("Korea dan Jepang" -> "China dan India" -> "total keempatnya?" too)
        new.countries = list(prev.recent_countries[-ent.count :])
    elif (several or ranks) and len(old.metrics) == 1 and len(prev.recent_metrics) >= 2:
        # "sum of all three?" after three figures asked one by one: the last three
        last = ent.count or (len(prev.recent_metrics) if every else 2)
        new.metrics = list(prev.recent_metrics[-max(2, last) :])


def _complete_named(
    new: Entities, ent: Entities, cues, prev: Turn, population: str, *, pair_cue: bool
) -> None:
    """A follow-up naming a subject of its own pairs it with, adds it to or takes it from
    what was asked before, as its words say."""
    old = prev.entities
    against = len(old.countries) == 1 and old.countries[0] not in ent.countries
    summed = prev.ranked or (old.countries if prev.intent == "sum" else ())
    if among_those_asked(new, ent, cues, prev, population):
        return
    if ent.open_side and len(ent.countries) > 1 and against:
        # "WNA Jepang? | how many percent more than China and India combined?": Japan
        # against the two
        new.countries, new.split = list(old.countries) + ent.countries, 1
        new.metrics = list(ent.metrics or old.metrics)
    elif "sum" in cues and ent.every and len(ent.countries) == 1 and prev.recent_countries:
        # "Korea? | Jepang? | ... | Taiwan, dijumlah semua berapa?": every one named, and it
        before = [c for c in prev.recent_countries if c not in ent.countries]
        new.countries = before + ent.countries
        new.metrics = list(ent.metrics or old.metrics)
    elif "sum" in cues and len(ent.countries) == 1 and (ent.count or 0) > 1 + len(old.countries):
        # "Jepang? | China? | ditambah Korea, total ketiganya?": the last ones named, all three
        before = [c for c in prev.recent_countries if c not in ent.countries]
        new.countries = before[-(ent.count - 1) :] + ent.countries
        new.metrics = list(ent.metrics or old.metrics)
    elif ent.subtracts and ent.countries and old.metrics and not (old.countries or prev.ranked):
        # "total WNA? | minus Korea and Japan?": those taken out of the whole ("| minus
        # China too?": and those taken out before)
        taken = [*old.excluded_of("country"), *ent.countries]
        new.excluded = [("country", c) for c in dict.fromkeys(taken)]
        new.countries, new.metrics = [], list(old.metrics)
    elif ent.subtracts and len(ent.countries) == 1 and set(ent.countries) < set(summed):
        # "top 3? | kalau dikurangi Jepang?", "top 3? | total? | minus Japan?": the other
        # countries of the ranking or the sum, added up
        new.countries = [c for c in summed if c not in ent.countries]
        new.metrics, new.remainder = list(ent.metrics or old.metrics), True
    elif ent.subtracts and ent.metrics and not ent.countries and added_up(old, prev):
        # "ITK+ITAS+ITAP? | minus ITAS?": the others of the sum or group asked before
        new.groups, new.metrics = list(old.groups), [m for m in old.metrics if m not in ent.metrics]
        new.excluded = [("metric", m) for m in ent.metrics] if old.groups else []
        new.remainder = not old.groups
    elif ent.subtracts and len(old.countries) > 1 and set(ent.countries) - set(old.countries):
        # "Korea dan Jepang? | dikurangi China?": the two added up, China taken from them
        taken = [c for c in ent.countries if c not in old.countries]
        new.countries, new.split = list(old.countries) + taken, len(old.countries)
        new.metrics, new.open_side = list(ent.metrics or old.metrics), True
    elif "sum" in cues and len(ent.countries) == 1 and prev.ranked and not old.countries:
        # "top 3? | tambah Taiwan?": the ranking's countries and Taiwan
        new.countries = [c for c in prev.ranked if c not in ent.countries] + ent.countries
        new.metrics = list(ent.metrics or old.metrics)
    elif "sum" in cues and len(ent.countries) == 1 and len(old.countries) > 1:
        # "Korea dan Jepang? | ditambah China?": all three, not the last two
        new.countries = [c for c in old.countries if c not in ent.countries] + ent.countries
        new.metrics = list(ent.metrics or old.metrics)
    elif pair_cue and len(ent.countries) == 1 and prev.recent_countries:
        # the last other one named: "Korea? | and Japan? | how many times bigger is Japan?";
        # a place named: "top 3 | Taiwan? | selisih Taiwan dengan yang pertama?"
        others = [c for c in prev.recent_countries if c not in ent.countries]
        placed = ent.ordinal and ent.ordinal <= len(others)
        new.countries = [others[ent.ordinal - 1]] if placed else others[-1:]
        if ent.ordinal and not prev.ranked and cued(cues, RANK_INTENTS):
            new.countries = []  # "Jepang vs Korea? | China dibanding urutan kedua?": ranked
        new.countries += ent.countries
        new.metrics = list(ent.metrics or old.metrics)
    else:
        _complete_figures(new, ent, cues, prev, population, pair_cue=pair_cue)


def _complete_figures(
    new: Entities, ent: Entities, cues, prev: Turn, population: str, *, pair_cue: bool
) -> None:
    """A follow-up naming figures: paired, added, or the figure asked before kept."""
    old = prev.entities
    if "sum" in cues and ent.every and ent.metrics and not ent.countries:
        # "ITAS | ITK | ITAP, all added up?": every figure named, and it
        new.metrics = list(dict.fromkeys([*prev.recent_metrics, *ent.metrics]))
        return
    if ent.adds_between and len(ent.metrics) > 1 and not (ent.also or ent.refers):
        return  # "ITAS? | SKIM plus affidavit?": the two it adds, not ITAS too
    if "sum" in cues and prev.intent == "sum" and ent.metrics and len(old.metrics) > 1:
        # "ITAS | tambah ITK | tambah ITAP": the running sum, every term kept
        new.metrics = list(old.metrics) + [m for m in ent.metrics if m not in old.metrics]
    elif pair_cue and len(ent.metrics) == 1 and prev.recent_metrics and not ent.countries:
        new.metrics = [m for m in prev.recent_metrics if m not in ent.metrics][-1:] + ent.metrics
    elif ("sum" in cues or ent.also) and ent.metrics and not ent.countries:
        before = list(prev.recent_metrics) if ent.also else list(old.metrics)
        new.metrics = list(dict.fromkeys(before + ent.metrics))
    elif (
        ent.refers and ent.metrics == [population] and old.metrics and population not in old.metrics
    ):
        # "itu WNA dari negara mana?" after deportations: those are the deported ones
        new.metrics = list(old.metrics)
    elif ent.countries and not (ent.metrics or ent.groups):
        # "jumlah deportasi" -> "dari India?" still asks deportations (which have no breakdown)
        new.metrics = list(old.metrics)
    elif ent.narrows_before and ent.countries and ent.metrics == [population] and old.metrics:
        # "itas 2020 brp | kalo yg khusus wna korea aja?": ITAS of the Koreans, not all WNA
        new.metrics = list(old.metrics)


def _asks_gap_in_percent(ent: Entities, prev: Turn) -> bool:
    """ "berapa persen lebih sedikit dari Korea?", or "and in percent?" after a difference:
    the gap between two figures as a percentage, not a share of the whole."""
    if ent.exceeds:
        return not ent.whole
    own = ent.metrics or ent.groups or ent.countries or ent.whole or ent.topics
    return not own and prev.intent == "difference"


def _mean_over_time(ent: Entities, cues: dict[str, float], lexicon) -> bool:
    """ "..., lalu rata-rata ITK per bulan": a mean of one figure over the months, which
    pairs with nothing asked before."""
    if "average" not in cues or cued(cues, (*PAIR_INTENTS, "sum")):
        return False
    return any(tuple(meant.split()) in lexicon.rates for _, meant in ent.qualifiers)


def _same_kind(ent: Entities, before: Entities) -> bool:
    """Whether ``ent`` names a figure of the kind ``before`` asked: a metric after metrics,
    a country after countries."""
    if ent.countries:
        return bool(before.countries) and not ent.metrics
    return bool(ent.metrics and before.metrics and not before.countries)


def _ranked(ent: Entities, cues: dict[str, float], prev: Turn) -> tuple[str, ...]:
    """The countries a ranking listed, for a follow-up about them ("ketiganya dijumlah
    berapa persen?"); not for one naming a figure of its own ("and the total number of
    foreigners?")."""
    return prev.ranked if not ent.whole or "share" in cues else ()


def _without_excluded(ent: Entities) -> None:
    """ "berapa WNA Korea" -> "yang bukan Korea?": what is left out is no longer asked."""
    ent.countries = [c for c in ent.countries if c not in ent.excluded_of("country")]
    ent.metrics = [m for m in ent.metrics if m not in ent.excluded_of("metric")]
