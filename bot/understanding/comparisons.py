"""Comparisons in a question: "lebih banyak dari", "more Koreans than Japanese", "tidak
lebih banyak", "di bawah Jepang", where one side of it ends, and a ratio said ("hampir
empat kali ITK")."""

from __future__ import annotations

from bot.model.frame import Entities
from bot.understanding.phrases import occurrences, starts_with
from bot.understanding.surroundings import follows

MAX_COMPARISON_GAP = 5  # words between "more" and "than": "more residents from Japan than"
COMPARED_FROM = frozenset({"dari"})  # "Korea lebih banyak dari India dan Taiwan"
MAX_FRACTION_GAP = 3  # "about", "is", "the" beside a fraction between two names
PERCENT_SIGNS = frozenset({"%", "persen", "percent"})  # "50% dari Taiwan"


def read_comparison(
    found: Entities, tokens: list[str], lexicon, present: set[str], country_starts: list[int]
) -> None:
    """Set which way a comparison goes, what it measures against and where its sides
    split (``present``: the flag phrases found; ``country_starts``: where the countries
    asked begin)."""
    split = split_comparison(tokens, lexicon)
    found.falls_short = "falls_short" in present or split == "falls_short"
    found.exceeds = "exceeds" in present or found.falls_short or bool(split)
    if found.multiple and len(found.countries) == 1:  # "lebih dari 5 kali lipat India"
        found.exceeds, found.falls_short = True, found.multiple[0] == "<"
    if found.exceeds and _comparison_negated(tokens, lexicon):
        found.falls_short = not found.falls_short  # "tidak lebih banyak dari India": fewer
    if found.exceeds and len(found.countries) == 1 and len(country_starts) == 1:
        found.beyond_country = _after_comparison(tokens, country_starts[0], lexicon)
    versus = lexicon.versus | COMPARED_FROM if found.exceeds else lexicon.versus
    if found.subtracts:  # "Korea dan Jepang dikurangi China": two sides, the first added up
        versus = versus | lexicon.subtract_words
    found.split = _sides_split(tokens, found.subject_spans, versus)
    first = min((start for start, _, _ in found.subject_spans), default=0)
    found.open_side = found.exceeds and any(t in versus for t in tokens[:first])


def _comparison_negated(tokens: list[str], lexicon) -> bool:
    """Whether a negation stands right before the comparison, or one word before it
    ("tidak lebih banyak dari", "do not have more ... than")."""
    for i in range(1, len(tokens)):
        if lexicon.negations.isdisjoint(tokens[max(0, i - 2) : i]):
            continue
        rest = tokens[i:]
        if tokens[i] in lexicon.split_comparatives or any(
            starts_with(rest, phrases) for phrases in (lexicon.exceeds, lexicon.falls_short)
        ):
            return True
    return False


def split_comparison(tokens: list[str], lexicon) -> str:
    """ "more Koreans than Japanese": the kind of a comparison whose words stand apart
    ("exceeds", "falls_short"), or ""."""
    opening = lexicon.split_comparatives
    if opening.keys().isdisjoint(tokens):
        return ""
    for i, token in enumerate(tokens):
        if token in opening:
            kind, closing = opening[token]
            if closing in tokens[i + 2 : i + 2 + MAX_COMPARISON_GAP]:
                return kind
    return ""


def _sides_split(tokens: list[str], spans: list[tuple[int, int, bool]], versus) -> int:
    """How many of the names come before the word between two sides of a comparison ("Korea
    than India and Taiwan combined": 1); 0 when no such word stands between names."""
    if versus.isdisjoint(tokens):
        return 0
    for i, token in enumerate(tokens):
        before = sum(1 for _, end, _ in spans if end <= i)
        if token in versus and 0 < before < len(spans):
            return before
    return 0


def _after_comparison(tokens: list[str], start: int, lexicon) -> bool:
    """Whether the name at ``start`` is what a comparison word measures against ("di
    bawah Jepang", "fewer than India"), not what it describes ("Korea lebih banyak")."""
    for n in (1, 2):  # "more than 2 times India", "lebih dari 2 kali lipat India"
        if start > n and tuple(tokens[start - n : start]) in lexicon.times:
            start = start - n - 1 if tokens[start - n - 1].isdigit() else start
            break
    return follows(tokens, start, lexicon.exceeds) or follows(tokens, start, lexicon.falls_short)


def read_times_said(found: Entities, tokens: list[str], lexicon) -> None:
    """ "ITAS hampir empat kali ITK": a number of times between two figures is their ratio,
    said (the number counts nothing)."""
    if lexicon.times.starts.keys().isdisjoint(tokens):
        return  # no "kali", "times": most questions
    for i in range(len(tokens) - 2):
        number = tokens[i].isdigit() or (tokens[i],) in lexicon.numbers
        n = number and _times_words(tokens, i + 1, lexicon)
        if not n or found.threshold:
            continue
        before = any(start < i for start, _, _ in found.subject_spans)
        after = any(start >= i + 1 + n for start, _, _ in found.subject_spans)
        if found.multiple and not (before and after):
            continue  # "countries with more than 2 times India": a ranking's bound
        if before and after:
            found.times_said, found.count = True, None
            return
        value = int(tokens[i]) if tokens[i].isdigit() else lexicon.numbers[(tokens[i],)]
        # "dua kali ITAS": the figure right after; "ITAS naik dua kali lipat": "lipat"
        # (not "saya tanya dua kali", asked twice)
        right_after = any(start == i + 1 + n for start, _, _ in found.subject_spans)
        right_after = right_after and lexicon.self_words.isdisjoint(tokens[:i])
        bare = not found.subject_spans and n > 1  # "kalau tiga kali lipat?": the one before
        if not found.factor and value > 1 and ((before and n > 1) or right_after or bare):
            found.scaled, found.factor, found.count = True, f"x{value}", None
            return


def read_beside_factor(found: Entities, tokens: list[str], lexicon) -> None:
    """ "setengah ITAS", "double the ITAS", "ITAS doubled?", "WNA Jepang setengahnya
    berapa": the asker's factor said right before a figure, or right after it at the end
    of the question ("ITAS setengah tahun" narrows the year instead)."""
    if found.factor or found.whole or found.exceeds or found.threshold or found.multiple:
        return  # "lebih dari setengah WNA": a claim, no factor
    starts = {start for start, _, _ in found.subject_spans}
    ends = {end for _, end, _ in found.subject_spans}
    bare = not found.subject_spans  # "setengahnya berapa?", "double it": the figure before
    for s, e in occurrences(tokens, lexicon.fractions):
        factor = lexicon.beside_factors.get(tuple(tokens[s:e]))
        if factor and s in ends and e in starts:
            return  # "Korea sepertiga WNA?": a fraction claimed (read_fraction_between)
        if not factor or _bound_before(tokens, s, lexicon):
            continue  # "lebih dari setengah": a fraction claimed
        closing = e == len(tokens) or _asks_count(tokens, e, lexicon)
        # "double it", "setengahnya berapa" ("setengah tahun pertama?" is a period)
        closing = closing or (bare and (tokens[e],) in lexicon.references)
        if e in starts or ((s in ends or bare) and closing):
            found.scaled, found.factor, found.count = True, factor, None
            return


def read_fraction_between(found: Entities, tokens: list[str], lexicon) -> None:
    """ "Taiwan dua pertiga India?", "is Taiwan about two thirds of India?", "Korea
    sepertiga WNA?": a fraction said between the two figures named claims the first is that
    part of the second."""
    if len(found.subject_spans) != 2 or found.factor:
        return
    (_, first_end, _), (second_start, _, _) = sorted(found.subject_spans)
    for s, e in occurrences(tokens, lexicon.fractions):
        if first_end <= s and e <= second_start and second_start - first_end <= len_gap(e - s):
            found.fraction = found.fraction_between = True
            return


def len_gap(said: int) -> int:
    """The words a fraction and its bound may take between two names ("is about two
    thirds of the")."""
    return said + MAX_FRACTION_GAP


def fraction_claimed(tokens: list[str], lexicon) -> bool:
    """ "are more than half of the foreigners Korean?": a fraction after a bound is
    claimed of a whole, no factor of the asker's."""
    return any(_bound_before(tokens, s, lexicon) for s, _ in occurrences(tokens, lexicon.fractions))


def _bound_before(tokens: list[str], i: int, lexicon) -> bool:
    """Whether a bound ("lebih dari", "more than", "hampir") ends right before ``i``."""
    bounds = (lexicon.thresholds, lexicon.vague_before)
    return any(tuple(tokens[i - n : i]) in b for b in bounds for n in (1, 2, 3) if n <= i)


def _asks_count(tokens: list[str], i: int, lexicon) -> bool:
    return any(tuple(tokens[i : i + n]) in lexicon.count_questions for n in (1, 2, 3))


def read_percent_of(found: Entities, tokens: list[str], lexicon) -> None:
    """ "50% dari Taiwan", "10 percent of the ITAS": a whole percentage of one figure asked
    before any figure is named ("Taiwan 50% dari WNA?" claims a share instead)."""
    if PERCENT_SIGNS.isdisjoint(tokens) or len(found.subject_spans) + bool(found.whole) != 1:
        return  # (no percent; "10% dari WNA itu Korea?": a share claimed of the whole)
    first = min((start for start, _, _ in found.subject_spans), default=len(tokens))
    for i in range(min(first, len(tokens) - 3)):
        number, sign, of = tokens[i : i + 3]
        said = number.isdigit() and sign in PERCENT_SIGNS and (of,) in lexicon.whole_markers
        if said and 0 < int(number) <= 100 and not found.factor:
            found.restore_whole()  # "10 persen dari ITAS": ITAS is the figure
            found.scaled, found.factor, found.count = True, f"%{number}", None
            return


def read_product(found: Entities, tokens: list[str], lexicon) -> None:
    """ "ITAS kali ITK", "Japan times India": a multiplying word right between two
    subjects multiplies two counts of people, a number that means nothing."""
    if lexicon.multiplying_words.isdisjoint(tokens):
        return
    ends = {end for _, end, _ in found.subject_spans}
    starts = {start for start, _, _ in found.subject_spans}
    for i, token in enumerate(tokens):
        if token in lexicon.multiplying_words and i in ends:
            after = i + 2 if tokens[i + 1 : i + 2] == ["by"] else i + 1  # "multiplied by"
            found.product = found.product or after in starts


def _times_words(tokens: list[str], i: int, lexicon) -> int:
    """How many words from ``i`` say "times" ("kali lipat", "times"); 0 when none do."""
    return next((n for n in (2, 1) if tuple(tokens[i : i + n]) in lexicon.times), 0)
