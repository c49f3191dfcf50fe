"""Stage 3b: how many countries of a ranking a question is about: "the top five", "all but
the first three", "the fewest of the 5 countries"."""

from __future__ import annotations

from bot.understanding.surroundings import COUNTRY_WORDS, follows

MAX_RANGE = 20  # "1 sampai 5": a ranking's first N; "1 to 2020" is no ranking
# the words before a ranking place written as a number ("negara ke 6", "peringkat 1")
POSITION_PREFIXES = frozenset(
    {
        "ke",
        "nomor",
        "no",
        "urutan",
        "peringkat",
        "rank",
        "ranks",
        "ranking",
        "number",
        "numbers",
        "posisi",
        "position",
        "positions",
    }
)


def top_count(tokens: list[str], lexicon) -> int | None:
    """N for "the top five", "lima besar", "5 teratas": a number beside a leading word, or
    the end of a range from the first ("dari no 1 sampai 5", "1 to 5")."""
    ranged = first_to(tokens, lexicon)
    if ranged or lexicon.leading.isdisjoint(tokens):
        return ranged
    return next(iter(top_counts(tokens, lexicon)), None)


def top_counts(tokens: list[str], lexicon) -> list[int]:
    """Every N beside a leading word, in order ("bukan top 3, top 5": 3 and 5)."""
    if lexicon.leading.isdisjoint(tokens):
        return []
    found = []
    for i, token in enumerate(tokens):
        count = int(token) if token.isdigit() and len(token) <= 2 else lexicon.numbers.get((token,))
        beside = {tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens)}
        if count and beside & lexicon.leading:
            found.append(count)
    return found


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
    """N for "selain 3 teratas", "outside the top three", "selain lima negara itu": all but
    the first N of a ranking."""
    if lexicon.leading.isdisjoint(tokens) and COUNTRY_WORDS.isdisjoint(tokens):
        return None
    for i in range(1, len(tokens)):
        before = [tuple(tokens[max(0, i - n) : i]) for n in (1, 2, 3)]
        # "total WNA dikurangi 3 negara teratas": taken out of the whole, as "selain"
        if not any(p in lexicon.excludes or p in lexicon.subtracts for p in before):
            continue
        window = tokens[i : i + 4]
        counts = [int(t) if t.isdigit() else lexicon.numbers.get((t,)) for t in window]
        count = next((c for c in counts if c), None)
        if count and any(t in lexicon.leading or t in COUNTRY_WORDS for t in window):
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


def listed_positions(tokens: list[str], lexicon) -> list[int]:
    """The places of a ranking listed together ("peringkat 1 dan 2", "kedua dan ketiga",
    "the 2nd and 3rd") or as a range ("peringkat 3 sampai 5", "ranks 2 to 4"): an ordinal,
    then further places after nothing but a conjunction or a range word. Empty unless
    two or more are listed."""
    if POSITION_PREFIXES.isdisjoint(tokens) and lexicon.ordinal_starts.isdisjoint(tokens):
        return []
    found: list[int] = []
    i, last_end, ranging = 0, None, False
    while i < len(tokens):
        place, end = _place_at(tokens, i, lexicon, bare=last_end is not None)
        if place is None:
            ranging = last_end is not None and tokens[i] in lexicon.ranges
            joined = ranging or (last_end is not None and tokens[i] in lexicon.conjunctions)
            last_end = last_end if joined or tokens[i] in POSITION_PREFIXES else None
            i += 1
            continue
        if last_end is None:
            found = [place]
        elif ranging and found[-1] < place:  # "peringkat 3 sampai 5": 3, 4 and 5
            found.extend(range(found[-1] + 1, place + 1))
        elif place not in found:
            found.append(place)
        i, last_end, ranging = end, end, False
    return found if len(found) > 1 else []


def _place_at(tokens: list[str], i: int, lexicon, *, bare: bool) -> tuple[int | None, int]:
    """The ranking place that starts at ``i`` and where it ends: an ordinal word ("kedua",
    "3rd", "ke 3"), a number after "peringkat", or, right after another place, a bare one
    ("1 dan 2")."""
    for n in (2, 1):
        window = tuple(tokens[i : i + n])
        if len(window) == n and window in lexicon.ordinals:
            return lexicon.ordinals[window], i + n
    token = tokens[i]
    if not (token.isdigit() and 0 < int(token) <= MAX_RANGE):
        return None, i + 1
    prefixed = i > 0 and tokens[i - 1] in POSITION_PREFIXES
    return (int(token), i + 1) if prefixed or bare else (None, i + 1)
