"""Self-corrections inside one message: "ITK tahun kemarin eh tahun 2020", "how many
Japanese, sorry, I mean Koreans". What comes before the correcting words ("eh", "maksud
saya", "I mean") is dropped when what follows names the same kind of thing (a year for a
year, a country for a country, a number for a number); otherwise those words are filler
("eh min, berapa ITAS?") or ask something else ("ITAS maksudnya apa?") and nothing is
dropped."""

from __future__ import annotations

from bot.facts.base import FactBase
from bot.model.text import YEAR_RANGE
from bot.understanding.entities import FAMILY
from bot.understanding.lexis import lexis
from bot.understanding.phrases import Phrases

MENTION_WORDS = 4  # the longest name a correction replaces ("izin tinggal kunjungan")
MAX_SKIPPED = 2  # words between a mention and its correction: "China berapa, eh India"
YEAR_LEAD = ("tahun", "thn", "th", "year", "the", "in", "di", "pada")  # "eh, tahun 2020"


def repaired(tokens: list[str], base: FactBase) -> list[str]:
    """``tokens`` with each corrected mention left out (the correction kept)."""
    words = lexis(base)
    repairs: Phrases = words.lexicon.repairs
    if repairs.starts.keys().isdisjoint(tokens):
        return tokens
    i = 0
    while i < len(tokens):
        n = next(
            (n for n in repairs.starts.get(tokens[i], ()) if tuple(tokens[i : i + n]) in repairs),
            0,
        )
        if not n:
            i += 1
            continue
        corrected = _corrected(tokens, i, i + n, base)
        if corrected is None:
            i += n
            continue
        start, end = corrected  # "WNA China berapa, eh India": "berapa" stays
        if start and tokens[start - 1] in lexis(base).lexicon.negations:
            start -= 1  # "not Japan, I mean Korea": the denial goes with what it denied
        chain = _chain_words(base)  # "itk.. eh bukan, maksudku itas": "eh bukan" goes too
        kept = [t for t in tokens[end:i] if t not in chain]
        tokens = tokens[:start] + kept + tokens[i + n :]
        i = start + len(kept)
    return tokens


def _corrected(tokens: list[str], at: int, after: int, base: FactBase) -> tuple[int, int] | None:
    """Where the mention corrected by the words at ``at``..``after`` starts and ends, when
    the words after them name the same kind of thing (a question word or two may stand
    between the mention and the correction); None when they correct nothing."""
    following = _mention_starting(tokens, after, base)
    if following is None:
        return None
    plain, chain = lexis(base).function_words, _chain_words(base)
    skipped = 0
    for end in range(at, -1, -1):
        if end < at and tokens[end] not in chain:  # "eh salah maksudnya": one correction
            if tokens[end] not in plain or skipped == MAX_SKIPPED:
                break
            skipped += 1
        before = _mention_ending(tokens, end, base)
        if before and before[1] == following:
            return before[0], end
    return None


def _chain_words(base: FactBase) -> frozenset[str]:
    """The words of correcting phrases ("eh", "salah", "bukan", "maksudnya"): several may
    stand in a row before the correction ("eh salah, maksudnya SKIM")."""
    return base.derived(
        "repair_words", lambda b: frozenset(w for p in lexis(b).lexicon.repairs for w in p)
    )


def _mention_ending(tokens: list[str], end: int, base: FactBase) -> tuple[int, str] | None:
    """(start, kind) of the mention ending right before ``end``."""
    words = lexis(base)
    lexicon = words.lexicon
    for n in (3, 2, 1):
        window = tuple(tokens[max(end - n, 0) : end])
        if len(window) == n and window in lexicon.relative_years:
            return end - n, "year"
    if end and _is_year(tokens[end - 1]):
        lead = end - 2 >= 0 and tokens[end - 2] in YEAR_LEAD
        return (end - 2 if lead else end - 1), "year"
    if end and tokens[end - 1].isdigit():
        return end - 1, "number"  # "ITAS 6433 eh 6343?", "top 3 eh 5"
    offset = max(end - MENTION_WORDS, 0)  # a name is a few words: look at those only
    for match in words.vocabulary.find(tokens[offset:end], known=words.sure_words):
        if match.end == end - offset and match.entries:
            return match.start + offset, _kind(match)
    return None


def _mention_starting(tokens: list[str], start: int, base: FactBase) -> str | None:
    """The kind of the mention starting at ``start``."""
    words = lexis(base)
    rest = tokens[start:]
    skipped = rest[1:] if rest[:1] and rest[0] in YEAR_LEAD else rest
    if skipped and _is_year(skipped[0]):
        return "year"
    for n in (3, 2, 1):
        if tuple(rest[:n]) in words.lexicon.relative_years:
            return "year"
    if rest and rest[0].isdigit():
        return "number"
    found = words.vocabulary.find(rest[:MENTION_WORDS], known=words.sure_words)
    if found and found[0].start == 0 and found[0].entries:
        return _kind(found[0])
    return None


def _kind(match) -> str:
    kind = match.entries[0].kind
    return FAMILY.get(kind, kind)


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and int(token) in YEAR_RANGE
