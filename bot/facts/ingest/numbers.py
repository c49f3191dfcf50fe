"""Every number mention of a text: where it is, as written, its value and its kind.

Only ``count`` and ``money`` mentions that are not ``vague`` can become facts. Rounded
amounts ("7 ribu", "Rp 45,7 miliar") and frequencies ("12 kali") can be skipped figures;
every other kind (dates, years, labels such as "Pasal 75" or "No. 207", codes such as
"G20", durations, percentages, decimals, ordinals, and the size of a ranking: "5 negara
terbanyak", "top 5 countries") is never a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.facts.ingest.tokens import Token, glued, tokenize
from bot.facts.ingest.vocab import Vocabulary
from bot.model.text import YEAR_RANGE

FIGURE_KINDS = frozenset({"count", "money"})
SKIPPABLE_KINDS = frozenset({"count", "money", "rounded", "frequency"})
_DATE = re.compile(r"(?<![\d/])(\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})(?![\d/])")
_GROUPED = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")
_ZERO_CENTS = re.compile(r"^(\d{1,3}(?:\.\d{3})+),0{2}$|^(\d{1,3}(?:,\d{3})+)\.0{2}$")
_ORDINAL_SUFFIX = frozenset({"st", "nd", "rd", "th"})


@dataclass(frozen=True)
class Mention:
    """One number in the text. ``first``/``last`` are token indices (``last`` exclusive)."""

    start: int
    end: int
    written: str
    value: int | None
    kind: str
    first: int
    last: int
    vague: str = ""
    currency: str = ""
    words: bool = False

    @property
    def is_figure(self) -> bool:
        """True for an exact count or amount of money, stated without a vague marker."""
        return self.kind in FIGURE_KINDS and not self.vague and self.value is not None


def find_numbers(text: str, vocab: Vocabulary, tokens: list[Token] | None = None) -> list[Mention]:
    """Every number mention of ``text``, in order."""
    tokens = tokenize(text) if tokens is None else tokens
    dates = [m.span() for m in _DATE.finditer(text)]
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        mention = _mention_at(text, tokens, i, vocab, dates)
        if mention is None:
            i += 1
            continue
        found.append(mention)
        i = mention.last
    return found


def _mention_at(text, tokens, i, vocab, dates) -> Mention | None:
    token = tokens[i]
    if token.kind == "num":
        if any(a <= token.start < b for a, b in dates):
            end = next(b for a, b in dates if a <= token.start < b)
            last = i
            while last < len(tokens) and tokens[last].start < end:
                last += 1
            return Mention(token.start, end, text[token.start : end], None, "date", i, last)
        return _digits(text, tokens, i, vocab)
    if token.kind == "word" and vocab.numbers.match(tokens, i):
        return _number_words(text, tokens, i, vocab)
    return None


def parse_digits(written: str) -> tuple[int | None, str]:
    """The value of a number written in digits and whether it is an integer.

    "6.168" and "1,503" are grouped thousands; "13,01" and "2.5" are decimals.
    """
    if written.isdigit():
        return int(written), "count"
    if _GROUPED.match(written):
        return int(re.sub(r"[.,]", "", written)), "count"
    whole = _ZERO_CENTS.match(written)  # "45.712.386.500,00": cents that are nought
    if whole:
        return int(re.sub(r"[.,]", "", whole.group(1) or whole.group(2))), "count"
    return None, "decimal"


def _digits(text, tokens, i, vocab) -> Mention:
    token = tokens[i]
    value, kind = parse_digits(token.raw)
    last = i + 1
    multiplier, last = _multiplier(tokens, last, vocab)
    if multiplier:
        number = float(token.raw.replace(",", ".")) if kind == "decimal" else value
        value, kind = int(number * multiplier), "rounded"
    mention = Mention(token.start, tokens[last - 1].end, "", value, kind, i, last)
    mention = _classify(tokens, mention, vocab)
    return _finish(text, tokens, mention, vocab)


def _multiplier(tokens, j, vocab) -> tuple[int, int]:
    """The product of the multiplier words from token ``j`` on ("ribu", "juta") and the end."""
    total = 0
    while j < len(tokens) and tokens[j].norm in vocab.multipliers and not glued(tokens, j - 1, j):
        total = max(total, 1) * vocab.multipliers[tokens[j].norm]
        j += 1
    return total, j


def _number_words(text, tokens, i, vocab) -> Mention | None:
    """ "dua puluh tiga", "twenty-three", "sembilan", "three": the value of the words."""
    # ``last`` is the latest group, which "puluh"/"ratus" multiply: "seratus dua puluh"
    total, current, last, j, seen = 0, 0, 0, i, False
    while j < len(tokens):
        if tokens[j].raw in "-‑" and seen and glued(tokens, j - 1, j):
            j += 1
            continue
        found = vocab.numbers.match(tokens, j)
        if found:
            current, last, j = current + found[1], found[1], found[0]
        elif tokens[j].norm in vocab.multipliers and seen:
            factor = vocab.multipliers[tokens[j].norm]
            if factor >= 1000:
                total, current, last = total + max(current, 1) * factor, 0, 0
            else:
                current, last = current - last + max(last, 1) * factor, max(last, 1) * factor
            j += 1
        else:
            break
        seen = True
    value = total + current
    rounded = any(vocab.multipliers.get(t.norm, 0) >= 1000 for t in tokens[i:j])
    kind = "rounded" if rounded else "count"
    # "one"/"satu" is "a" or "one of" far more often than a figure
    if value <= 1 and not rounded:
        return None
    mention = Mention(tokens[i].start, tokens[j - 1].end, "", value, kind, i, j, words=True)
    return _finish(text, tokens, _classify(tokens, mention, vocab), vocab)


def _classify(tokens: list[Token], m: Mention, vocab: Vocabulary) -> Mention:
    """The kind the words around a number give it."""
    after = m.last
    if after < len(tokens) and tokens[after].raw == "%":
        return _replace(m, kind="percent", last=after + 1)
    measure = _measure_after(tokens, after, vocab)
    if measure:
        kind = "frequency" if measure[1] == "frequency" else "measure"
        return _replace(m, kind=kind, last=measure[0] if kind == "measure" else m.last)
    if after < len(tokens) and tokens[after].norm in vocab.months and (m.value or 99) <= 31:
        return _replace(m, kind="date")
    if _ranking(tokens, m, vocab):
        return _replace(m, kind="rank")
    before = _word_before(tokens, m.first, vocab)
    if before in vocab.months and (m.value or 99) <= 31:
        return _replace(m, kind="date")
    if m.words:
        return m
    return _classify_digits(tokens, m, vocab)


def _ranking(tokens: list[Token], m: Mention, vocab: Vocabulary) -> bool:
    """ "5 negara terbanyak", "lima besar", "the five largest", "top 5 countries": the size of
    a ranking (a leading word after the number or its plain noun, or before both), not a
    figure; a counted word or a name says it is one: "tertinggi 3.106 orang", "96.412 paspor"."""
    leading = vocab.kind("leading")
    if not _plain_noun(tokens, m.last, vocab):
        return leading.match(tokens, m.last) is not None
    before = leading.ending_at(tokens, m.first, max(0, m.first - 3))
    return before is not None or leading.match(tokens, m.last + 1) is not None


def _plain_noun(tokens: list[Token], i: int, vocab: Vocabulary) -> bool:
    """A word that is no counted, function or leading word and names no metric or country."""
    kinds = ("counted", "function", "leading", "origin", "measure")
    found = i < len(tokens) and tokens[i].kind == "word" and not vocab.subjects.match(tokens, i)
    return found and not any(vocab.kind(kind).match(tokens, i) for kind in kinds)


def _classify_digits(tokens: list[Token], m: Mention, vocab: Vocabulary) -> Mention:
    token = tokens[m.first]
    glued_kind = _glued_kind(tokens, m, vocab)
    if glued_kind:
        return _replace(m, kind=glued_kind)
    if _phrase_before(tokens, m.first, vocab, "label", skip=".(#:") is not None:
        return _replace(m, kind="label")
    currency = _phrase_before(tokens, m.first, vocab, "currency", skip=".")
    if currency is None:
        after = vocab.kind("currency").match(tokens, m.last)
        currency = after[1] if after else None
    if currency and m.kind in ("count", "rounded", "decimal"):
        kind = "money" if m.kind == "count" else "rounded"
        return _replace(m, kind=kind, currency=str(currency))
    if len(token.raw) > 1 and token.raw.startswith("0"):
        return _replace(m, kind="code")  # phone and area codes: 021, 0812
    counted = m.last < len(tokens) and vocab.has("counted", tokens[m.last].norm)
    if m.kind == "count" and token.raw.isdigit() and int(token.raw) in YEAR_RANGE and not counted:
        return _replace(m, kind=_year_kind(tokens, m, vocab))
    return m


def _glued_kind(tokens: list[Token], m: Mention, vocab: Vocabulary) -> str:
    """The kind of a number glued to letters: "G20", "Covid-19", "211A", "3rd", or none."""
    i, last = m.first, m.last
    if glued(tokens, i - 1, i):
        before = tokens[i - 1]
        # "sebanyak112.345": a number glued to the end of an ordinary lower-case word
        if before.kind == "word" and before.raw.islower() and len(before.raw) >= 3:
            return ""
        if before.kind == "word" and vocab.has("currency", before.norm):
            return ""  # "Rp45.000"
        if before.kind == "word" or (before.raw in "-‑" and glued(tokens, i - 2, i - 1)):
            return (
                "label"
                if tokens[i - 2 if before.kind != "word" else i - 1].norm == "ke"
                else "code"
            )
    if glued(tokens, last - 1, last) and tokens[last].kind == "word":
        return "ordinal" if tokens[last].norm in _ORDINAL_SUFFIX else "code"
    if glued(tokens, last - 1, last) and tokens[last].raw in "-‑" and glued(tokens, last, last + 1):
        nxt = tokens[last + 1] if last + 1 < len(tokens) else None
        if nxt is not None and nxt.kind == "num":
            return "code"  # 0812-3456, 2022-2023
    return ""


def _year_kind(tokens: list[Token], m: Mention, vocab: Vocabulary) -> str:
    """ "Tahun 2011" after "No 6" names a law, not a period."""
    i = m.first
    if i >= 2 and tokens[i - 1].norm == "tahun":
        for j in range(max(0, i - 4), i - 1):
            if (
                tokens[j].kind == "num"
                and _phrase_before(tokens, j, vocab, "label", ".(") is not None
            ):
                return "label"
    if i >= 2 and tokens[i - 1].raw == "/" and tokens[i - 2].kind == "num":
        return "label"  # "UU 6/2011"
    return "year"


def _finish(text: str, tokens: list[Token], m: Mention, vocab: Vocabulary) -> Mention:
    vague = _vague(tokens, m, vocab)
    end = tokens[m.last - 1].end
    return _replace(m, end=end, written=text[m.start : end], vague=vague)


def _vague(tokens: list[Token], m: Mention, vocab: Vocabulary) -> str:
    start = m.first
    if _phrase_before(tokens, start, vocab, "currency", skip=".") is not None:
        start = _phrase_start(tokens, start, vocab, "currency", skip=".")
    marker = vocab.kind("vague").ending_at(tokens, start, max(0, start - 4))
    if marker and marker[1] == "before":
        return " ".join(t.raw for t in tokens[marker[0] : start])
    after = m.last
    if after < len(tokens) and tokens[after].raw in "-‑" and glued(tokens, after - 1, after):
        after += 1
    found = vocab.kind("vague").match(tokens, after)
    if found and found[1] == "after":
        return tokens[after].raw
    return ""


def _measure_after(tokens, i, vocab) -> tuple[int, str] | None:
    if i < len(tokens) and tokens[i].raw in "-‑" and glued(tokens, i - 1, i):
        i += 1  # "24-page"
    found = vocab.kind("measure").match(tokens, i)
    return (found[0], str(found[1])) if found else None


def _word_before(tokens: list[Token], i: int, vocab: Vocabulary) -> str:
    return tokens[i - 1].norm if i > 0 and tokens[i - 1].kind == "word" else ""


def _phrase_start(tokens, i, vocab, kind, skip="") -> int:
    j = i
    while j > 0 and tokens[j - 1].raw in skip and tokens[j - 1].raw:
        j -= 1
    found = vocab.kind(kind).ending_at(tokens, j, max(0, j - 6))
    return found[0] if found else i


def _phrase_before(tokens, i, vocab, kind, skip=""):
    """The value of a phrase of lexicon ``kind`` just before token ``i`` (marks in ``skip``
    may stand between: "No. 207", "ayat (2)"), else None."""
    j = i
    while j > 0 and tokens[j - 1].kind == "punct" and tokens[j - 1].raw in skip:
        j -= 1
    found = vocab.kind(kind).ending_at(tokens, j, max(0, j - 6))
    return None if found is None else found[1]


def _replace(m: Mention, **changes) -> Mention:
    return Mention(**{**m.__dict__, **changes})
