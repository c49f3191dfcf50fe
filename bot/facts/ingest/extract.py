"""Proposed facts and skipped figures: each figure with its metric and country (attach.py),
its office, its period and the shortest natural passage that states it."""

from __future__ import annotations

from bot.facts.ingest.attach import CONFIDENCE, read_figure
from bot.facts.ingest.cue import Cue
from bot.facts.ingest.dating import cue_for, period_of
from bot.facts.ingest.document import Document
from bot.facts.ingest.numbers import SKIPPABLE_KINDS, Mention
from bot.facts.ingest.proposal import ProposedFact, Skipped
from bot.facts.ingest.reading import Reading
from bot.facts.ingest.tokens import CLAUSE_MARKS, Sentence

SKIP_REASONS = {
    "rounded": "a rounded amount, not an exact figure",
    "frequency": "a number of times, not a count the metrics hold",
}


def extract(doc: Document) -> tuple[list[ProposedFact], list[Skipped]]:
    """The facts the body of the release states, and the figures it skips."""
    facts: list[ProposedFact] = []
    skipped: list[Skipped] = []
    readings: dict[Mention, Reading] = {}
    body = [s for s in doc.sentences if s.paragraph >= doc.title_paragraphs]
    for sentence in body:
        for m in doc.in_sentence(doc.mentions, sentence):
            if m.kind not in SKIPPABLE_KINDS:
                continue
            reading = read_figure(doc, m, sentence, readings)
            reason = _refusal(doc, m, reading) or _not_a_period_total(doc, m, sentence, reading)
            if reason:
                skipped.append(_skipped(doc, m, sentence, reason))
                continue
            readings[m] = reading
            facts.append(_fact(doc, m, sentence, reading))
    return facts, skipped


def _refusal(doc: Document, m: Mention, reading: Reading) -> str:
    """Why ``m`` is no fact, or "" when it is one."""
    metric = reading.metric
    if metric is None:
        kind = SKIP_REASONS.get(m.kind) or (f"vague ({m.vague})" if m.vague else "")
        return "; ".join(x for x in (kind, reading.reason) if x)
    if m.vague:
        return f"vague ({m.vague}): {metric}"
    if not m.is_figure:
        return f"{SKIP_REASONS.get(m.kind, m.kind)}: {metric}"
    currencies = {str(v) for _, v in doc.vocab.kind("currency").entries()}
    unit = doc.vocab.units.get(metric, "")
    if (m.kind == "money") != (unit in currencies) or (m.kind == "money" and m.currency != unit):
        return f"an amount in {m.currency or 'units'}, but {metric} counts {unit}"
    return ""


def _not_a_period_total(doc: Document, m: Mention, sentence: Sentence, reading: Reading) -> str:
    """Why a figure with a metric still counts no period's total, or ""."""
    cue = reading.period_cue or cue_for(doc, m, sentence)
    if cue is not None and cue.since:
        return f"a running count since {doc.span(cue.first, cue.last)}: {reading.metric}"
    span = doc.span(cue.first, cue.last) if cue is not None else ""
    if cue is not None and cue.unsure:
        return f"{span!r}: each month, or the span between them? {reading.metric}"
    if cue is not None and cue.year is None and cue.first >= m.last and _named_month(doc, cue):
        return f"{span!r} after it, no year: the month's count or the year's? {reading.metric}"
    if reading.rule == "compared" and cue is None:
        return f"compared with a period the text does not date: {reading.metric}"
    found = _clause_word(doc, m, sentence, "rate", after=True)
    if found:
        return f"a rate ({found}), not a total: {reading.metric}"
    found = _clause_word(doc, m, sentence, "hypothetical", after=False)
    if found:
        return f"a target or plan ({found}), not a figure reached: {reading.metric}"
    return ""


def _named_month(doc: Document, cue: Cue) -> bool:
    """ "in December": a cue that starts with a month's name."""
    return doc.tokens[cue.first].norm in doc.vocab.months


def _clause_word(doc: Document, m: Mention, sentence: Sentence, kind: str, after: bool) -> str:
    """A word of lexicon ``kind`` in the number's clause, after it or before it."""
    phrases = doc.vocab.kind(kind)
    span = (
        range(m.last, min(sentence.last, m.last + 8))
        if after
        else range(m.first - 1, max(sentence.first, m.first - 10) - 1, -1)
    )
    for k in span:
        token = doc.tokens[k]
        if token.raw in CLAUSE_MARKS or (token.kind == "num" and k not in range(m.first, m.last)):
            return ""
        found = phrases.match(doc.tokens, k, sentence.last)
        if found:
            return doc.span(k, found[0])
    return ""


def _fact(doc: Document, m: Mention, sentence: Sentence, reading: Reading) -> ProposedFact:
    office, office_named = (reading.office, True) if reading.office else _office(doc, m, sentence)
    confidence = CONFIDENCE[reading.rule] * (0.9 if m.words else 1.0)
    confidence *= 1.0 if office_named or office == doc.office else 0.95
    return ProposedFact(
        office=office,
        metric=str(reading.metric),
        country=reading.country,
        period=_period(doc, m, sentence, reading),
        value=int(m.value or 0),
        written=m.written,
        quote=_quote(doc, m, sentence, reading),
        confidence=confidence,
        start=m.start,
        end=m.end,
    )


def _office(doc: Document, m: Mention, sentence: Sentence) -> tuple[str, bool]:
    """The office the number's clause names ("5.210.433 perlintasan di TPI Ngurah Rai" after
    "Kepala Divisi Kanwil Bali, …, mengatakan"), else the one its sentence names nearest
    before it (else after it), else the last one its paragraph named before it, else the
    release's office."""
    spans = doc.offices.at(sentence.first, sentence.last)
    first, last = _clause(doc, m, sentence)
    spans = [s for s in spans if first <= s[0] and s[1] <= last] or spans
    before = [s for s in spans if s[1] <= m.first]
    if before or spans:
        return (before[-1] if before else spans[0])[2], True
    paragraph = doc.paragraph(sentence.paragraph)
    start = paragraph[0].first if paragraph else sentence.first
    earlier = doc.offices.at(start, sentence.first)
    return (earlier[-1][2], True) if earlier else (doc.office, False)


def _clause(doc: Document, m: Mention, sentence: Sentence) -> tuple[int, int]:
    first, last = m.first, m.last
    while first > sentence.first and doc.tokens[first - 1].raw not in CLAUSE_MARKS:
        first -= 1
    while last < sentence.last and doc.tokens[last].raw not in CLAUSE_MARKS:
        last += 1
    return first, last


def _period(doc: Document, m: Mention, sentence: Sentence, reading: Reading) -> str:
    return period_of(doc, reading.period_cue or cue_for(doc, m, sentence))


def _quote(doc: Document, m: Mention, sentence: Sentence, reading: Reading) -> str:
    """From the first name of the metric or country to the number and the counted words
    after it: "Izin Tinggal Terbatas (ITAS) sebanyak 8.214 izin", "Korea Selatan (3.012 orang)"."""
    if reading.span is not None:
        return doc.span(*reading.span)
    first, last = m.first, _after_units(doc, m, sentence)
    for names in (reading.names, reading.country_names):
        if names is not None and names[0] >= sentence.first:
            first, last = min(first, _full_name(doc, names)), max(last, names[1])
    if reading.names is None and reading.country_names is None:
        first = _clause_start(doc, m, sentence) if reading.rule != "total_row" else sentence.first
        while first < m.first and doc.tokens[first].kind == "punct":
            first += 1
    return doc.span(first, _close_bracket(doc, first, last, sentence))


def _full_name(doc: Document, names: tuple[int, int]) -> int:
    """ "Izin Tinggal Terbatas (ITAS)": a name in brackets starts with the name before it."""
    first = names[0]
    if first >= 2 and doc.tokens[first - 1].raw == "(":
        same = [s for s in doc.subjects if s.last == first - 1]
        if same:
            return same[0].first
    return first


def _after_units(doc: Document, m: Mention, sentence: Sentence) -> int:
    j = m.last
    while j < sentence.last:
        found = doc.vocab.kind("counted").match(doc.tokens, j)
        if found is None:
            return j
        j = found[0]
    return j


def _close_bracket(doc: Document, first: int, last: int, sentence: Sentence) -> int:
    raws = [t.raw for t in doc.tokens[first:last]]
    if raws.count("(") > raws.count(")") and last < sentence.last and doc.tokens[last].raw == ")":
        return last + 1
    return last


def _clause_start(doc: Document, m: Mention, sentence: Sentence) -> int:
    """The start of the number's clause, at most eight words back."""
    j = m.first
    while j > sentence.first and m.first - j < 8 and doc.tokens[j - 1].raw not in CLAUSE_MARKS:
        j -= 1
    while j < m.first and doc.tokens[j].kind == "punct":
        j += 1
    return j


def _skipped(doc: Document, m: Mention, sentence: Sentence, reason: str) -> Skipped:
    first = _clause_start(doc, m, sentence)
    last = _after_units(doc, m, sentence)
    words = 0
    while last < sentence.last and words < 3 and doc.tokens[last].kind == "word":
        if doc.vocab.kind("function").match(doc.tokens, last):
            break
        last, words = last + 1, words + 1
    return Skipped(doc.span(first, max(last, m.last)), reason, m.written, m.start, m.end)
