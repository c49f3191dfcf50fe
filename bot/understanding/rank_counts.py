"""Stage 3b: how many countries of a ranking a question is about: "the top five", "all but
the first three", "the fewest of the 5 countries"."""

from __future__ import annotations

from bot.understanding.surroundings import COUNTRY_WORDS, follows

MAX_RANGE = 20  # "1 sampai 5": a ranking's first N; "1 to 2020" is no ranking


def top_count(tokens: list[str], lexicon) -> int | None:
    """N for "the top five", "lima besar", "5 teratas": a number beside a leading word, or
    the end of a range from the first ("dari no 1 sampai 5", "1 to 5")."""
    ranged = first_to(tokens, lexicon)
    if ranged or lexicon.leading.isdisjoint(tokens):
        return ranged
    for i, token in enumerate(tokens):
        count = int(token) if token.isdigit() and len(token) <= 2 else lexicon.numbers.get((token,))
        beside = {tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens)}
        if count and beside & lexicon.leading:
            return count
    return None


def first_to(tokens: list[str], lexicon) -> int | None:
    """N for "nomor 1 sampai 5", "from 1 to 5": a ranking's first N."""
    if lexicon.ranges.isdisjoint(tokens):
        return None
    for i in range(1, len(tokens) - 1):
        if tokens[i] not in lexicon.ranges:
            continue
        first, last = (_number(tokens[j], lexicon) for j in (i - 1, i + 1))
        if first == 1 and last and 1 < last <= MAX_RANGE:
            return last
    return None


def _number(token: str, lexicon) -> int | None:
    if token.isdigit() and len(token) <= 2:
        return int(token)
    return lexicon.numbers.get((token,)) or lexicon.ordinals.get((token,))


def excluded_top(tokens: list[str], lexicon) -> int | None:
    """N for "selain 3 teratas", "outside the top three": all but the first N of a ranking."""
    if lexicon.leading.isdisjoint(tokens):
        return None
    for i in range(1, len(tokens)):
        if not any(tuple(tokens[max(0, i - n) : i]) in lexicon.excludes for n in (1, 2, 3)):
            continue
        window = tokens[i : i + 4]
        counts = [int(t) if t.isdigit() else lexicon.numbers.get((t,)) for t in window]
        count = next((c for c in counts if c), None)
        if count and any(t in lexicon.leading for t in window):
            return count
    return None


def among_count(tokens: list[str], count: int, lexicon) -> bool:
    """Whether ``count`` names the countries a question picks among ("dari 5 negara",
    "of the 5 countries"), not how many to show ("5 negara paling sedikit")."""
    for i, token in enumerate(tokens[1:-1], start=1):
        value = int(token) if token.isdigit() else lexicon.numbers.get((token,))
        if (
            value == count
            and tokens[i + 1] in COUNTRY_WORDS
            and follows(tokens, i, lexicon.whole_markers)
        ):
            return True  # "dari 5 negara", "di antara 5 negara", "of the 5 countries"
    return False
