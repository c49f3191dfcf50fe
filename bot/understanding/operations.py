"""The operations an asker says on figures: their own factor right beside a figure
("setengah ITAS", "ITAS doubled"), a percentage of one ("50% dari Taiwan"), a fraction
claimed between two ("Taiwan dua pertiga India?") and two counts multiplied ("ITAS kali
ITK"), which means nothing."""

from __future__ import annotations

from bot.model.frame import Entities
from bot.understanding.phrases import occurrences

MAX_FRACTION_GAP = 3  # "about", "is", "the" beside a fraction between two names
Spans = list[tuple[int, int]]
PERCENT_SIGNS = frozenset({"%", "persen", "percent"})  # "50% dari Taiwan"


def read_beside_factor(found: Entities, tokens: list[str], fractions: Spans, lexicon) -> None:
    """ "setengah ITAS", "double the ITAS", "ITAS doubled?", "WNA Jepang setengahnya
    berapa": the asker's factor said right before a figure, or right after it at the end
    of the question ("ITAS setengah tahun" narrows the year instead). ``fractions``: where
    the lexicon's fractions are said (:func:`fractions_said`)."""
    if found.factor or found.whole or found.exceeds or found.threshold or found.multiple:
        return  # "lebih dari setengah WNA": a claim, no factor
    starts = {start for start, _, _ in found.subject_spans}
    ends = {end for _, end, _ in found.subject_spans}
    bare = not found.subject_spans  # "setengahnya berapa?", "double it": the figure before
    for s, e in fractions:
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


def read_fraction_between(found: Entities, fractions: Spans) -> None:
    """ "Taiwan dua pertiga India?", "is Taiwan about two thirds of India?", "Korea
    sepertiga WNA?": a fraction said between the two figures named claims the first is that
    part of the second."""
    if len(found.subject_spans) != 2 or found.factor:
        return
    (_, first_end, _), (second_start, _, _) = sorted(found.subject_spans)
    for s, e in fractions:
        if first_end <= s and e <= second_start and second_start - first_end <= _reach(e - s):
            found.fraction = found.fraction_between = True
            return


def _reach(said: int) -> int:
    """The words a fraction and its bound may take between two names ("is about two
    thirds of the")."""
    return said + MAX_FRACTION_GAP


def fractions_said(tokens: list[str], lexicon) -> Spans:
    """Where the lexicon's fractions and factors ("setengah", "a third of") are said."""
    return occurrences(tokens, lexicon.fractions)


def fraction_claimed(tokens: list[str], fractions: Spans, lexicon) -> bool:
    """ "are more than half of the foreigners Korean?": a fraction after a bound is
    claimed of a whole, no factor of the asker's."""
    return any(_bound_before(tokens, s, lexicon) for s, _ in fractions)


def _bound_before(tokens: list[str], i: int, lexicon) -> bool:
    """Whether a bound ("lebih dari", "more than", "hampir") ends right before ``i``."""
    bounds = (lexicon.thresholds, lexicon.vague_before)
    return any(tuple(tokens[i - n : i]) in b for b in bounds for n in (1, 2, 3) if n <= i)


def _asks_count(tokens: list[str], i: int, lexicon) -> bool:
    return any(tuple(tokens[i : i + n]) in lexicon.count_questions for n in (1, 2, 3))


def read_percent_of(found: Entities, tokens: list[str], lexicon) -> None:
    """ "50% dari Taiwan", "10 percent of the ITAS", "what's 10% of that?": a whole
    percentage of one figure asked before any figure is named, or of the one asked before
    ("Taiwan 50% dari WNA?" claims a share instead)."""
    named = len(found.subject_spans) + bool(found.whole)
    if PERCENT_SIGNS.isdisjoint(tokens) or named > 1:
        return  # (no percent; "10% dari WNA itu Korea?": a share claimed of the whole)
    first = min((start for start, _, _ in found.subject_spans), default=len(tokens))
    for i in range(min(first, len(tokens) - 2)):
        number, sign, of = tokens[i : i + 3]
        said = number.isdigit() and sign in PERCENT_SIGNS and (of,) in lexicon.whole_markers
        pointed = i + 3 < len(tokens) and (tokens[i + 3],) in lexicon.references  # "of that"
        said = said and (named == 1 or pointed)
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
            by = i + 1 < len(tokens) and tokens[i + 1] == "by"  # "multiplied by"
            after = i + 2 if by else i + 1
            found.product = found.product or after in starts
