"""Metric names a release splits around a number (the families of families.py).

``refine``: a marker of a metric that refines the one named, next to the name ("1.027
permohonan paspor ditunda", "menunda penerbitan paspor terhadap 187 pemohon", "64 passport
applications were postponed"), or that metric's own name before the number in its clause
("penundaan penerbitan paspor terhadap 1.027 permohonan paspor"), makes the figure count the
refining metric. A metric named before the number that is not of the family of the one named
after it leaves the figure unread: which of the two it counts is not sure.

``by_unit``: a figure named only by a unit word ("142.785 paspor dari 149.330 permohonan",
"A further 64 applications were postponed") counts a metric of that unit: the refinement a
marker next to it names, else the base the unit's other metrics refine, but only as the
whole another figure is "out of" ("142.785 paspor dari 149.330 permohonan"; after "rejected
64 applications" it may be a refinement no name marks); and only when that metric belongs
with the figure before it (the same, or one refines the other).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.facts.ingest.numbers import SKIPPABLE_KINDS, Mention
from bot.facts.ingest.tokens import CLAUSE_MARKS, Sentence

if TYPE_CHECKING:
    from bot.facts.ingest.document import Document
    from bot.facts.ingest.families import Families
    from bot.facts.ingest.reading import Reading

MAX_GAP = 2  # function words between a marker and the number it precedes ("terhadap")
MAX_PREDICATE = 4  # words after a name that may mark it ("were rejected or postponed")
MAX_BEFORE = 8  # words between a metric named before a number and the number
# a word of these kinds starts another phrase ("dari", "than", "hingga"): no marker after it
_NOT_A_LINK = ("origin", "compare", "as_of", "since", "total")


def refine(doc: Document, m: Mention, sentence: Sentence, reading: Reading) -> None:
    """Make ``reading`` count the refinement of its metric that the words next to its name
    mark; nothing changes when none does, or when two do."""
    families = doc.vocab.families
    targets = families.refinements(reading.metric or "")
    if reading.metric is None or reading.rule not in ("after", "before", "later"):
        return
    found: dict[str, int] = {}
    for k in _neighbours(doc, m, sentence, reading.names, reading.metric or ""):
        for target in targets:
            if families.marks(doc.tokens[k].norm, target):
                found.setdefault(target, k)
    named = _named_before(doc, m, sentence) if reading.rule == "after" else None
    if named is not None and named.id in targets:
        found.setdefault(named.id, named.first)
    elif named is not None and not _related(families, named.id, str(reading.metric)):
        reading.reason = f"names {named.id} before it and {reading.metric} after it"
        reading.metric = None
        return
    if len(found) == 1:
        (target, k), names = found.popitem(), reading.names or (m.first, m.last)
        reading.metric, reading.rule = target, "refined"
        reading.names = (min(names[0], k), max(names[1], k + 1))


def check_unit(
    doc: Document, m: Mention, sentence: Sentence, earlier: dict, reading: Reading
) -> None:
    """ "Passport services: 45,870 applications were received": the noun after the number is
    the unit of other metrics than the one named before it, so the figure is read by its
    unit word instead, or not at all."""
    if reading.metric is None or reading.rule in ("after", "unit", "holders"):
        return
    unit = doc.tokens[m.last].norm if m.last < sentence.last else ""
    metrics = doc.vocab.families.units.get(unit, frozenset())
    if not metrics or reading.metric in metrics:
        return
    named = reading.metric
    reading.metric, reading.names = None, None
    if not by_unit(doc, m, sentence, None, earlier, reading):
        counts = doc.vocab.units.get(named, "")
        reading.reason = f"its noun {unit!r} is not what {named} counts ({counts})"


def by_unit(
    doc: Document, m: Mention, sentence: Sentence, _subjects, earlier: dict, reading: Reading
) -> bool:
    """The metric of the unit word right after the number, when the figure before it in
    this or the previous paragraph counts one of its family (a rule of attach.py)."""
    families = doc.vocab.families
    unit = doc.tokens[m.last].norm if m.last < sentence.last else ""
    metrics = families.units.get(unit, frozenset())
    base = families.base_of(metrics)
    if base is None:
        return False
    near = _neighbours(doc, m, sentence, (m.last, m.last + 1))
    marked = {t for t in metrics - {base} for k in near if families.marks(doc.tokens[k].norm, t)}
    if len(marked) > 1:
        reading.reason = f"{unit!r} marked as two metrics: {', '.join(sorted(marked))}"
        return False
    if not marked and not _out_of(doc, m, sentence):
        reading.reason = f"counts {unit!r}, and nothing says whether all of them or which"
        return False  # "rejected 64 applications" are not all the applications
    metric = marked.pop() if marked else base
    before = _figure_before(doc, m, sentence, earlier)
    if before is None or not _related(families, metric, before):
        reading.reason = f"counts {unit!r}, and no figure before it counts {metric}'s family"
        return False
    reading.metric, reading.rule = metric, "unit"
    marks = [k for k in near if families.marks(doc.tokens[k].norm, metric)]
    reading.names = (min([m.last, *marks]), max([m.last + 1, *(k + 1 for k in marks)]))
    return True


def _neighbours(doc: Document, m: Mention, sentence: Sentence, names, metric="") -> list[int]:
    """The words after the number's noun (its name or counted words) up to MAX_PREDICATE
    ("… applications were rejected or postponed"), the last word before the number or its
    name, past at most MAX_GAP function words ("menunda … terhadap"), and the words between
    a name and the number after it ("permohonan paspor yang ditunda sebanyak 40")."""
    tokens, vocab = doc.tokens, doc.vocab
    j = m.last
    if names is not None and names[0] >= m.last:
        j = names[1]
    while j < sentence.last and vocab.kind("counted").match(tokens, j, sentence.last):
        j = vocab.kind("counted").match(tokens, j, sentence.last)[0]
    start = names[0] if names is not None and names[1] <= m.first else m.first
    found = [*_predicate(doc, j, sentence, metric), _skip_links(doc, start - 1, sentence, -1)]
    if names is not None and names[1] <= m.first:  # "permohonan paspor yang ditunda sebanyak 40"
        found += [k for k in range(names[1], m.first) if doc.tokens[k].kind == "word"]
    return [k for k in found if k is not None and not _owned_by_another(doc, k, m)]


def _predicate(doc: Document, j: int, sentence: Sentence, metric: str) -> list[int]:
    """The words that say something of the noun ending before ``j``: they end at a mark, a
    number or a new phrase, at a conjunction right after the noun ("paspor dan melakukan
    penundaan" starts a clause of its own; "were rejected or postponed" goes on), and
    after a marker of the noun's own metric ("paspor diterbitkan dan …")."""
    words: list[int] = []
    vocab = doc.vocab
    for k in range(j, min(sentence.last, j + MAX_PREDICATE)):
        token = doc.tokens[k]
        if token.kind != "word" or _starts_phrase(doc, k):
            break
        content = [w for w in words if not vocab.has("function", doc.tokens[w].norm)]
        if vocab.kind("conjunction").match(doc.tokens, k) and not content:
            break
        words.append(k)
        if metric and vocab.families.marks(token.norm, metric):
            break
    return words


def _starts_phrase(doc: Document, k: int) -> bool:
    return any(doc.vocab.kind(kind).match(doc.tokens, k) for kind in _NOT_A_LINK)


def _skip_links(doc: Document, k: int, sentence: Sentence, step: int) -> int | None:
    vocab = doc.vocab
    for _ in range(MAX_GAP + 1):
        if not sentence.first <= k < sentence.last or doc.tokens[k].kind != "word":
            return None
        if _starts_phrase(doc, k):
            return None
        if not vocab.has("function", doc.tokens[k].norm):
            return k
        k += step
    return None


def _owned_by_another(doc: Document, k: int, m: Mention) -> bool:
    """ "Dari 5.000 pengajuan, 4.500 paspor": a word right after another number is its own."""
    return any(
        x is not m
        and x.kind in SKIPPABLE_KINDS
        and x.last <= k <= x.last + 1
        and all(t.kind == "word" for t in doc.tokens[x.last : k])
        for x in doc.mentions
    )


def _named_before(doc: Document, m: Mention, sentence: Sentence):
    """The nearest metric named before the number in its clause ("penundaan penerbitan
    paspor terhadap 1.027 permohonan paspor"), no other number between."""
    start = max(sentence.first, m.first - MAX_BEFORE)
    for k in range(m.first - 1, start - 1, -1):
        if doc.tokens[k].raw in CLAUSE_MARKS or any(x.first <= k < x.last for x in doc.mentions):
            return None
        found = [s for s in doc.subjects if s.last == k + 1 and s.first >= sentence.first]
        if found and _owned_by_another(doc, found[0].first, m):
            return None  # "38,214 arrivals and 41,090 departures"
        if found and found[0].kind == "metric" and not found[0].unit_like:
            return found[0]
    return None


def _out_of(doc: Document, m: Mention, sentence: Sentence) -> bool:
    """ "142.785 paspor dari 149.330 permohonan", "21,487 passports out of 23,902
    applications": a figure, its noun and an origin word right before the number; the
    number is then the whole the first is part of. The first figure's period may stand
    between ("12,406 passports throughout 2021 out of 13,118 applications")."""
    k = m.first - 1
    if k < sentence.first or not doc.vocab.has("origin", doc.tokens[k].norm):
        return False
    before = [x for x in doc.mentions if x.is_figure and sentence.first <= x.first and x.last <= k]
    dated = {j for c in doc.cues for j in range(c.first, c.last)}
    gap = [doc.tokens[j] for j in range(before[-1].last, k) if j not in dated] if before else []
    return bool(before) and len(gap) <= MAX_PREDICATE and all(t.kind == "word" for t in gap)


def _figure_before(doc: Document, m: Mention, sentence: Sentence, earlier: dict) -> str | None:
    """The metric of the last fact before ``m`` in its paragraph or the one before."""
    facts = [x for x in earlier if x.last <= m.first and earlier[x].metric]
    if not facts:
        return None
    last = max(facts, key=lambda x: x.first)
    paragraph = next(s.paragraph for s in doc.sentences if s.first <= last.first < s.last)
    return earlier[last].metric if sentence.paragraph - paragraph <= 1 else None


def _related(families: Families, metric: str, other: str) -> bool:
    return (
        metric == other
        or other in families.refines.get(metric, ())
        or metric in families.refines.get(other, ())
    )
