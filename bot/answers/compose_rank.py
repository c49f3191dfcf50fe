"""The reply to a ranking: the countries in order, one position, the first N, those over
or under a threshold, the fewest, or a ranking that leaves some out."""

from __future__ import annotations

from bot.answers.formatting import country, join_list, number
from bot.answers.messages import message
from bot.answers.query import Result
from bot.facts.base import FactBase
from bot.model.fact import Fact
from bot.model.frame import Frame, beyond

THRESHOLD_WORDS = {
    "id": {">": "lebih dari", "<": "kurang dari", ">=": "sedikitnya", "<=": "paling banyak"},
    "en": {">": "more than", "<": "fewer than", ">=": "at least", "<=": "at most"},
}
BEYOND_WORDS = {  # above or below another country's figure
    "id": {">": "lebih banyak daripada", "<": "lebih sedikit daripada"},
    "en": {">": "more", "<": "fewer"},
}


def ranked_shown(frame: Frame, result: Result) -> list[Fact]:
    """The ranked facts a reply shows, in the order asked: largest first, or smallest first
    for "fewest"; one position, the first N, those over or under a threshold, or all."""
    ent = frame.entities
    order = result.facts[::-1] if frame.intent == "fewest" else result.facts
    if ent.threshold:
        order = [f for f in order if beyond(f.value, ent.threshold)]
        # "negara di bawah Jepang" lists them; "yang terbanyak di bawah Korea" names one
        return order if frame.intent == "ranking" or frame.reason == "listed" else order[:1]
    if frame.reason == "claim":  # the country named and the one at the place said
        said_fact = result.facts[ent.ordinal - 1 : ent.ordinal]
        return [f for f in result.facts if f.country in ent.countries or f in said_fact]
    if ent.positions:  # "peringkat 1 dan 2"
        return [order[k - 1] for k in ent.positions if k <= len(order)]
    if ent.ordinal:
        return order[ent.ordinal - 1 : ent.ordinal]
    if frame.reason == "named":  # "is India in the top 3?": India, at its place
        return [f for f in order if f.country in ent.countries]
    left_out = set(ent.excluded_of("country"))
    if frame.intent == "fewest" and ent.top_count and frame.reason != "listed":
        # "among the top five, which had the fewest?": the last of the first five
        return result.facts[: ent.top_count][-1:]
    if ent.rest:  # "the rest of the top five": the first five, less those named before
        order = [f for f in order[: ent.count or len(order)] if f.country not in left_out]
        return order
    order = [f for f in order if f.country not in left_out]  # "top 3 except Japan"
    if ent.count:
        return order[: ent.count]
    return order if frame.intent == "ranking" or frame.reason == "listed" else order[:1]


def write_ranking(frame: Frame, result: Result, base: FactBase, lang: str, common: dict) -> str:
    ent, n = frame.entities, len(result.facts)
    shown = ranked_shown(frame, result)
    fewest = frame.intent == "fewest"
    left = join_list([country(c, lang) for c in ent.excluded_of("country")], lang)
    if ent.threshold:
        op, limit = ent.threshold
        if ent.threshold_country:  # "lebih sedikit dari India": those below India's figure
            head = message("rank_beyond_country", lang, op=BEYOND_WORDS[lang][op], n=n,
                           country=_times(ent.multiple, country(ent.threshold_country, lang)),
                           limit=number(limit, lang), **common)  # fmt: skip
        else:
            head = message("rank_threshold", lang, op=THRESHOLD_WORDS[lang][op],
                           limit=number(limit, lang), n=n, **common)  # fmt: skip
        if not shown:
            return head + "\n" + message("rank_none", lang)
    elif len(shown) == 1:
        key = "rank_k" if ent.ordinal or frame.reason == "named" else "top"
        key = ("fewest_k" if ent.ordinal else "fewest") if fewest else key
        if left and not ent.ordinal:  # "terbanyak selain Korea": never "the most" alone
            key += "_other"
        elif fewest and ent.top_count and not ent.ordinal:  # "among the top three"
            key = "fewest_top"
        fact = shown[0]
        place, value = country(fact.country, lang), number(fact.value, lang)
        rank = ent.ordinal or result.facts.index(fact) + 1
        return message(key, lang, n=n, rank=rank, country=place, value=value,
                       left=left, k=ent.top_count, **common)  # fmt: skip
    else:
        head = message("ranking_fewest" if fewest else "ranking", lang, n=n, **common)
    order = result.facts[::-1] if fewest else result.facts
    rows = [
        message(
            "rank_line",
            lang,
            rank=order.index(f) + 1,  # its place among all, also when some are left out
            country=country(f.country, lang),
            value=number(f.value, lang),
            unit=common["unit"],
        )
        for f in shown
    ]
    note = [message("rank_left_out", lang, left=left)] if left else []
    return "\n".join([head, *rows, *note])


def _times(multiple: tuple[str, int] | None, name: str) -> str:
    """ "India", or "2 × India" for a bound that is a multiple of its figure."""
    return f"{multiple[1]} × {name}" if multiple else name
