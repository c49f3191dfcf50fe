"""Follow-ups that correct the turn before or ask the rest of it: "WNA Korea? | bukan,
India" asks India; "top 3? | sisanya?" the whole less the three; "berapa ITAS? | eh
salah, maksudnya ITAP" asks ITAP."""

from __future__ import annotations

from bot.model.frame import Entities
from bot.understanding.context import SHORT_RANKING, Turn
from bot.understanding.phrases import starts_with
from bot.understanding.rank_counts import top_counts

SHORT_DENIAL = 4  # "bukan, India", "bukan China, India": a short reply that corrects


def rest_or_correction(new: Entities, ent: Entities, prev: Turn, population: str) -> bool:
    """Complete a follow-up about the rest of what was asked, or one correcting it; False
    when it is neither."""
    old = prev.entities
    groups = ent.groups or ([ent.whole["group"]] if "group" in ent.whole else [])
    if ent.rest and groups and old.metrics and not (ent.metrics or ent.countries):
        # "ITAS?" -> "and the other types of stay permit?": the group's other members
        new.groups, new.whole = groups[:1], {}
        new.excluded = [("metric", m) for m in old.metrics]
        return True
    if ent.rest and not ent.countries:  # "sisanya?": the whole less the countries named
        named = old.countries or prev.ranked or prev.recent_countries  # "top 3? | sisanya?"
        # what a ranking ranks, or the people of "how many Koreans?"
        ranked = [population] if (prev.ranked or old.countries) and population else []
        new.metrics = list(ent.metrics or old.metrics or ranked)
        dropped = ent.excluded_of("country")
        if dropped and set(dropped) < set(named):
            # "top 5? | drop Korea and Japan, what's left?": the others of those named
            new.countries, new.excluded = [c for c in named if c not in dropped], []
            new.remainder = True  # what is left is one figure, added up
            return True
        new.excluded = [("country", c) for c in named]
        new.countries = []
        return True
    meant = _meant(ent.excluded_of("country"), ent.countries, old.countries)
    if ent.corrects and meant and old.countries and not ent.rest:
        # "WNA Korea? | bukan, India", "WNA China? | bukan China, India": India is meant;
        # "rata2 Korea dan Jepang? | bukan, Korea dan China": Korea and China
        new.countries, new.excluded = meant, []
        new.metrics = list(ent.metrics or old.metrics)
        return True
    metrics = _meant(ent.excluded_of("metric"), ent.metrics, old.metrics)
    if ent.corrects and metrics and old.metrics and not (ent.countries or ent.rest):
        # "berapa ITAS? | bukan ITAS, ITAP": ITAP is meant (the countries of the WNA asked
        # before only if WNA is still meant: "WNA Jepang? | eh salah, maksudnya ITAP")
        new.metrics, new.excluded = metrics, []
        new.countries = list(old.countries) if set(metrics) == {population} else []
        return True
    short = 0 < len(prev.ranked) < SHORT_RANKING  # "top 5 | Korea vs sisanya?": the other four
    if ent.rest and ent.countries and short and set(ent.countries) <= set(prev.ranked):
        # "top 3? | selisih sisanya dengan Korea?": the rest of the ranking against Korea
        new.excluded = [("country", c) for c in prev.ranked]
        new.metrics = list(ent.metrics or old.metrics or [population])
        return True
    return False


def _meant(left_out: list[str], named: list[str], before: list[str]) -> list[str]:
    """What a correction asks: "bukan China, India" after China takes China back and asks
    India; "eh bukan, India" asks India; "bukan Jepang ya" after Korea corrects nothing
    (it says what is not asked)."""
    if left_out and left_out[0] in before:
        return _corrected(left_out + named, before)
    return _corrected(named, before) if named else []


def _corrected(named: list[str], before: list[str]) -> list[str]:
    """What a correction means: the names after the ones it takes back ("bukan China,
    India" after China: India), or all it names ("bukan, Korea dan China" after Korea
    and Japan); nothing when it names no other."""
    if named[: len(before)] == before:
        named = named[len(before) :]
    return named if set(named) != set(before) else []


def read_correction(found: Entities, tokens: list[str], lexicon) -> None:
    """Whether the message corrects the turn before ("eh bukan, China", "bukan top 3, top
    5"); the correcting words are set aside, they ask no meaning ("eh maksudnya ITAP")."""
    found.corrects = _corrects(tokens, lexicon)
    if found.excluded_top and not lexicon.denials.isdisjoint(tokens[:2]):
        counts = top_counts(tokens, lexicon)  # "(eh) bukan top 3, top 5": top 5 is meant
        if len(counts) > 1 and counts[0] == found.excluded_top:
            found.excluded_top, found.top_count, found.corrects = None, counts[-1], True
            found.count = counts[-1] if found.count in counts else found.count
            found.vague_exclusion = False
    if found.corrects:
        found.spans.append((0, _repair_length(tokens, lexicon)))
        if len(tokens) > 1 and (tokens[-1],) in lexicon.repairs:  # "..., Taiwan maksudnya"
            found.spans.append((len(tokens) - 1, len(tokens)))


def _corrects(tokens: list[str], lexicon) -> bool:
    """Whether the message opens by correcting the turn before ("eh bukan, China", "I
    mean Indians", "bukan, India"); "eh kalau affidavit?" turns to something else."""
    if tokens[:1] and tokens[0] in lexicon.denials and len(tokens) <= SHORT_DENIAL:
        return True
    if not starts_with(tokens, lexicon.repairs):
        return False
    turns = lexicon.contrasts | lexicon.joiners
    if tuple(tokens[:2]) in lexicon.repairs:  # "eh salah, maksudnya ITAP"
        return True
    return not (len(tokens) > 1 and (tokens[0],) in lexicon.repairs and tokens[1] in turns)


def _repair_length(tokens: list[str], lexicon) -> int:
    """How many words at the start correct ("eh salah, maksudnya ITAP": three)."""
    start = 0
    while True:
        ahead = tuple(tokens[start:])
        n = max((n for n in lexicon.repairs.lengths if ahead[:n] in lexicon.repairs), default=0)
        if not n:
            return start
        start += n
