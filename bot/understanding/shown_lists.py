"""Places in the list shown just before, counted from its end ("the last one", "dua yang
terakhir", "second to last") or two from its start ("the first as a % of the second"),
named as the countries shown there; with no list shown, the countries the chat named one
by one, in that order.

Only the list as shown is read: a list sorted from the fewest ends with the largest, so
"the last one" is a country of the reply, never of the base's own order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache

from bot.model.countries import country_name
from bot.model.text import clean_tokens
from bot.understanding.analysis import Analysis
from bot.understanding.lexicon import Lexicon
from bot.understanding.lexis import lexis
from bot.understanding.phrases import has_phrase

MAX_PLACES = 10  # "the last 2": a count of places, not a figure ("the last 2020")


def with_shown_places(
    analysis: Analysis, shown: Sequence[str], base, analyse: Callable[..., Analysis]
) -> Analysis:
    """``analysis`` with the places it counts in the list ``shown`` named, analysed anew
    by ``analyse``; unchanged when it counts none."""
    lexicon = lexis(base).lexicon
    if lexicon.place_words.isdisjoint(analysis.tokens):  # most messages count no place
        return analysis
    named = name_shown_places(analysis.tokens, shown, lexicon, _name_tokens)
    if named is None:
        return analysis
    tokens, most = named
    found = analyse(tokens)
    if most > 1 and "sum" not in found.cues and has_phrase(analysis.tokens, lexicon.totals):
        # "jumlah dua yang terakhir": the places counted, added up ("jumlah ketiganya")
        found = replace(found, cues={**found.cues, "sum": 0.9})
    return found


@cache
def _name_tokens(code: str) -> tuple[str, ...]:
    return tuple(clean_tokens(country_name(code, "id")))


def name_shown_places(
    tokens: Sequence[str], shown: Sequence[str], lexicon: Lexicon, name_of
) -> tuple[tuple[str, ...], int] | None:
    """``tokens`` with each place counted from the end of ``shown`` (and, beside one, each
    place counted from its start: "the last one as a % of the first") replaced by the
    country's name; and the most places one phrase names. None when no phrase counts
    from the end and fewer than two count from the start ("the first as a % of the
    second").

    Args:
        tokens: the normalized message.
        shown: the countries of the list shown before, in the order shown.
        lexicon: the words of a last place, of a count and of filler ("the", "yang").
        name_of: a country code's name as tokens.
    """
    found = [span for i in range(len(tokens)) if (span := _from_end(tokens, i, lexicon))]
    found = [(a, b, [shown[k] for k in picks]) for a, b, picks in found if _fits(picks, shown)]
    taken = {i for a, b, _ in found for i in range(a, b)}
    placed = [
        (i - (i > 0), i + 1 + _one(tokens, i + 1, lexicon), [shown[place - 1]])
        for i, token in enumerate(tokens)
        if i not in taken
        and (place := lexicon.ordinals.get((token,)))
        and place <= len(shown)
        and (i == 0 or tokens[i - 1] in lexicon.list_fillers)  # "the first", "yang kedua"
    ]
    first = _first_few(tokens, shown, lexicon)  # "the first two combined"
    if first and not found:
        return _named(tokens, [first], name_of), len(first[2])
    if not found and len(placed) < 2:  # "the first as a % of the second": two places
        return None
    found += placed
    return _named(tokens, found, name_of), max(len(codes) for _, _, codes in found)


def _named(tokens: Sequence[str], found: list, name_of) -> tuple[str, ...]:
    out, at = [], 0
    for start, end, codes in sorted(found):
        out += [*tokens[at:start], *(t for code in codes for t in name_of(code))]
        at = end
    return (*out, *tokens[at:])


def _first_few(tokens: Sequence[str], shown: Sequence[str], lexicon: Lexicon) -> tuple | None:
    """(start, end, countries) of "the first two", "dua yang pertama": the first places."""
    for i, token in enumerate(tokens):
        if lexicon.ordinals.get((token,)) != 1:
            continue
        after = i + 1 < len(tokens) and _count(tokens[i + 1], lexicon)
        j = i - 1
        while j >= 0 and tokens[j] in lexicon.list_fillers:
            j -= 1
        before = j >= 0 and _count(tokens[j], lexicon)
        count = after or before
        end = i + 1 + bool(after)
        if end < len(tokens) and tokens[end] in lexicon.not_places:
            continue  # "the first two years"
        if count and 1 < count <= len(shown):
            start = j if before else i - (i > 0 and tokens[i - 1] in lexicon.list_fillers)
            return start, end, list(shown[:count])
    return None


def _one(tokens: Sequence[str], i: int, lexicon: Lexicon) -> bool:
    """Whether ``tokens[i]`` is "one" ("the first one")."""
    return i < len(tokens) and lexicon.numbers.get((tokens[i],)) == 1


def _fits(picks: list[int], shown: Sequence[str]) -> bool:
    return bool(picks) and all(-len(shown) <= k < 0 for k in picks)


def _from_end(tokens: Sequence[str], i: int, lexicon: Lexicon) -> tuple | None:
    """(start, end, indices from the end) of a phrase whose last-place word is at ``i``."""
    if tokens[i] not in lexicon.last_places:
        return None
    fillers = lexicon.list_fillers
    before = i
    while before > 0 and tokens[before - 1] in fillers:
        before -= 1
    after = i + 1
    if _names_a_time(tokens, before - 1, after, lexicon):
        return None  # "last year", "terakhir kali", "the last two releases": the latest
    ahead = tokens[before - 1] if before > 0 else ""
    if ahead in lexicon.place_counters:  # "second to last"
        place = before - 2 >= 0 and lexicon.ordinals.get((tokens[before - 2],))
        return (before - 2, after, [-place]) if place else None
    place = lexicon.ordinals.get((ahead,))
    if place and place > 1:  # "second last", "kedua terakhir"
        return before - 1, after, [-place]
    count = ahead and _count(ahead, lexicon)
    if count:  # "dua yang terakhir"
        return before - 1, after, list(range(-count, 0))
    if ahead and not _leads_to_a_place(ahead, lexicon):
        return None  # "berapa jumlah WNA yang terakhir": the latest WNA figure
    count = after < len(tokens) and _count(tokens[after], lexicon)
    if count:  # "the last two", "the last one"
        if _names_a_time(tokens, -1, after + 1, lexicon):
            return None  # "the last 2 years"
        return before, after + 1, list(range(-count, 0))
    return before, after, [-1]


def _names_a_time(tokens: Sequence[str], before: int, after: int, lexicon: Lexicon) -> bool:
    beside = {tokens[k] for k in (before, after) if 0 <= k < len(tokens)}
    return not beside.isdisjoint(lexicon.not_places)


def _leads_to_a_place(word: str, lexicon: Lexicon) -> bool:
    """Whether a place in a list may follow ``word``: a joining word ("dan yang
    terakhir"), a question word ("berapa yang terakhir?") or a whole's marker ("a % of
    the last")."""
    single = (word,)
    return (
        word in lexicon.and_words or single in lexicon.questions or single in lexicon.whole_markers
    )


def _count(token: str, lexicon: Lexicon) -> int | None:
    if token.isdigit():
        return int(token) if 0 < int(token) <= MAX_PLACES else None
    return lexicon.numbers.get((token,))
