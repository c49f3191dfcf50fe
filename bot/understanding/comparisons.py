"""Comparisons in a question: "lebih banyak dari", "more Koreans than Japanese", "tidak
lebih banyak", "di bawah Jepang", where one side of it ends, and a ratio said ("hampir
empat kali ITK")."""

from __future__ import annotations

from bot.model.frame import Entities
from bot.understanding.phrases import starts_with
from bot.understanding.surroundings import follows

MAX_COMPARISON_GAP = 5  # words between "more" and "than": "more residents from Japan than"
COMPARED_FROM = frozenset({"dari"})  # "Korea lebih banyak dari India dan Taiwan"


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
        j = i + 1 + n  # "dua kali jumlah WNA Korea", "three times the number of ITAP"
        j += next((k for k in (3, 2, 1) if tuple(tokens[j : j + k]) in lexicon.totals), 0)
        right_after = any(start == j for start, _, _ in found.subject_spans)
        right_after = right_after and lexicon.self_words.isdisjoint(tokens[:i])
        bare = not found.subject_spans and n > 1  # "kalau tiga kali lipat?": the one before
        if not found.factor and value > 1 and ((before and n > 1) or right_after or bare):
            found.scaled, found.factor, found.count = True, f"x{value}", None
            return


def _times_words(tokens: list[str], i: int, lexicon) -> int:
    """How many words from ``i`` say "times" ("kali lipat", "times"); 0 when none do."""
    return next((n for n in (2, 1) if tuple(tokens[i : i + n]) in lexicon.times), 0)
