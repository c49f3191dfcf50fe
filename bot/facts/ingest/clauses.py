"""What a figure's own clause says it counts (rules of attach.py).

``later``: a metric named later in the number's clause, before any other figure ("188
foreigners were deported").

``excluded``: a metric named after an exclusion word ("Selain deportasi, dua orang WNA
diproses secara pro justitia", "besides deportations") is what the figures after it do not
count. ``in_doubt``: a metric named before the number in an earlier clause, and another one
named after it in its own ("Untuk deportasi, sebanyak 30 WNA pemegang ITAS"): which of the
two it counts is not sure, so the figure is unread.

``others``: a figure of "others" ("two others", "7 WNA lainnya", "the remaining 27") counts
people besides those the figure before it counts. Only a metric its own clause names, other
than the previous figure's and not of its family, says what: "40 were deported, and 27
others" are the rest of a count, not a count.

``gapped``: "Kanim Tangerang mendeportasi 58 WNA dan Kanim Serang 17 WNA": a conjunction, the
name of another office and the number with the same counted words as the figure before it
leave the verb out; the figure counts what the one before it counts, for that office.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.facts.ingest.numbers import Mention
from bot.facts.ingest.subjects import Found, counted_at
from bot.facts.ingest.tokens import CLAUSE_MARKS, Sentence

if TYPE_CHECKING:
    from bot.facts.ingest.document import Document
    from bot.facts.ingest.reading import Reading

CLAUSE_BREAKS = frozenset(",;:")  # brackets enclose an aside about the same thing
MAX_LINKS = 2  # function words between a rest word and its number ("sisanya sebanyak 27")


def later(doc: Document, m: Mention, sentence: Sentence, subjects, earlier, reading) -> bool:
    """A metric later in the clause, before any other figure: "188 foreigners were deported"."""
    metrics = _metrics_after(doc, m, subjects)
    names = list(dict.fromkeys(f.id for f in metrics))
    if len(names) > 1:  # "500 WNA pemegang ITAS dideportasi": which one is counted?
        reading.reason = f"names two metrics after it: {', '.join(names)}"
        return False
    if metrics:
        _set(reading, metrics[0].id, "later", (metrics[0].first, metrics[0].last))
        return True
    return False


def _metrics_after(doc: Document, m: Mention, subjects) -> list[Found]:
    """The metrics named after the number in its clause, before any other figure or other
    kind of name."""
    stop = next((x.first for x in doc.mentions if x.first >= m.last and x.is_figure), None)
    metrics = []
    for found in (s for s in subjects if s.first >= m.last):
        if stop is not None and found.first > stop:
            break
        if any(t.raw in CLAUSE_MARKS for t in doc.tokens[m.last : found.first]):
            break
        if found.unit_like or found.kind == "country":
            continue
        if found.kind != "metric":
            break
        metrics.append(found)
    return metrics


def excluded(doc: Document, found: Found) -> bool:
    """True when an exclusion word stands right before the name ("selain", "besides")."""
    exclude = doc.vocab.kind("exclude")
    return exclude.ending_at(doc.tokens, found.first, max(0, found.first - 4)) is not None


def in_doubt(doc: Document, found: Found, m: Mention, subjects, reading) -> bool:
    """True, with the reason, when ``found`` (a metric named before the number) is in an
    earlier clause and the number's own clause names another metric after it."""
    if not any(t.raw in CLAUSE_BREAKS for t in doc.tokens[found.last : m.first]):
        return False
    after = [f.id for f in _metrics_after(doc, m, subjects) if f.id != found.id]
    if not after:
        return False
    names = ", ".join(dict.fromkeys(after))
    reading.reason = f"names {found.id} before it, in an earlier clause, and {names} after it"
    return True


def is_others(doc: Document, m: Mention, sentence: Sentence) -> bool:
    """ "two others", "7 WNA lainnya" (a rest word after the number and its counted words),
    "the remaining 27", "sisanya sebanyak 27" (one before it, function words between)."""
    rest, tokens, k = doc.vocab.kind("rest"), doc.tokens, m.first
    while (
        k > sentence.first
        and m.first - k < MAX_LINKS
        and doc.vocab.has("function", tokens[k - 1].norm)
    ):
        k -= 1
    if rest.ending_at(tokens, k, max(sentence.first, k - 3)) is not None:
        return True
    j = m.last
    while j < sentence.last and counted_at(tokens, j, doc.vocab) is not None:
        j = counted_at(tokens, j, doc.vocab)
    return rest.match(tokens, j, sentence.last) is not None


def others(doc: Document, m: Mention, sentence: Sentence, subjects, earlier, reading) -> bool:
    """The metric the clause of a figure of "others" names, when it is not what the figure
    before it counts."""
    if not later(doc, m, sentence, subjects, earlier, reading):
        reading.reason = reading.reason or "counts others, and its clause names no metric"
        return False
    paragraph = doc.paragraph(sentence.paragraph)
    start = paragraph[0].first if paragraph else sentence.first
    previous = [x for x in earlier if start <= x.first and x.last <= m.first]
    base = earlier[max(previous, key=lambda x: x.first)].metric if previous else None
    if base is None or _one_family(doc.vocab.families, base, str(reading.metric)):
        reading.reason = (
            f"counts others besides a figure of {base}: the rest of that count?"
            if base
            else "counts others, and no figure before it says besides whom"
        )
        reading.metric, reading.names = None, None
        return False
    return True


def gapped(doc: Document, m: Mention, sentence: Sentence, subjects, earlier, reading) -> bool:
    """ "Kanim Tangerang mendeportasi 58 WNA dan Kanim Serang 17 WNA": an office's name, the
    figure with its counted words, a conjunction or comma, another office's name, this number
    and the same counted words (or none), and the clause ends."""
    before = [x for x in earlier if sentence.first <= x.first and x.last <= m.first]
    previous = max(before, key=lambda x: x.first) if before else None
    base = earlier[previous] if previous is not None else None
    if base is None or base.metric is None or base.country is not None:
        return False
    if base.rule == "compared":  # "… dibanding 2022 sebanyak 44 orang dan Kanim B 30 orang"
        return False
    units, j = _counted(doc, previous.last, m.first)
    if j >= m.first or not _link_at(doc, j):
        return False
    link = doc.vocab.kind("conjunction").match(doc.tokens, j, m.first)
    j = link[0] if link else j + 1
    named = [o for a, b, o in doc.offices.spans if a == j and b == m.first]
    first = [o for _, _, o in doc.offices.at(sentence.first, previous.first)]
    if not named or not first or first[-1] == named[0]:
        return False
    own, k = _counted(doc, m.last, sentence.last)
    if (own and own != units) or not _clause_ends(doc, k, sentence):
        return False
    _set(reading, base.metric, "gapped", base.names)
    return True


def _counted(doc: Document, j: int, stop: int) -> tuple[list[str], int]:
    """The counted words from token ``j`` on, and where they end."""
    words = []
    while j < stop and (end := counted_at(doc.tokens, j, doc.vocab)) is not None:
        words += [t.norm for t in doc.tokens[j:end]]
        j = end
    return words, j


def _link_at(doc: Document, j: int) -> bool:
    return doc.tokens[j].raw == "," or bool(doc.vocab.kind("conjunction").match(doc.tokens, j))


def _clause_ends(doc: Document, k: int, sentence: Sentence) -> bool:
    """Nothing more is said of the gapped figure: its sentence or clause ends, or another
    gapped figure follows."""
    return k >= sentence.last or doc.tokens[k].kind == "punct" or _link_at(doc, k)


def _one_family(families, metric: str, other: str) -> bool:
    """The same metric, or one refines the other."""
    refines = families.refines
    return metric == other or other in refines.get(metric, ()) or metric in refines.get(other, ())


def _set(reading: Reading, metric: str, rule: str, names) -> None:
    reading.metric, reading.rule, reading.names = metric, rule, names
