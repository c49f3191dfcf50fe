"""What a number counts: its metric and country, by where the names stand around it.

In order: a metric named right after the number (only counted words between: "38.117
paspor", "2.146 ITAS"); else the nearest metric before it in the sentence that no other
figure stands between ("Pendeportasian sebanyak 87 WNA"), or, after "dibanding", the metric
of the figure it is compared with; else a metric later in the same clause ("188 foreigners
were deported"); else, for a country's figure, the metric of the paragraph's last figure
("Korea Selatan (3.012 orang)"); else a "Total" line's group. A thing named right after the
number that is no metric ("9 kantor imigrasi", "1,062,318 visas") means it counts that.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.facts.ingest.document import Document
from bot.facts.ingest.numbers import SKIPPABLE_KINDS, Mention
from bot.facts.ingest.subjects import Found, counted_at
from bot.facts.ingest.tokens import Sentence

CLAUSE_MARKS = frozenset(",;:()|")
CONFIDENCE = {"after": 0.95, "before": 0.9, "compared": 0.85, "later": 0.8, "total_row": 0.8}
CONFIDENCE["inherited"] = 0.75


@dataclass
class Reading:
    """What one number counts, the rule that said so and the tokens naming it."""

    metric: str | None = None
    country: str | None = None
    rule: str = ""
    names: tuple[int, int] | None = None
    country_names: tuple[int, int] | None = None
    reason: str = ""


def read_figure(doc: Document, m: Mention, sentence: Sentence, earlier: dict) -> Reading:
    """The reading of mention ``m``; ``earlier`` maps earlier mentions to their readings."""
    subjects = doc.in_sentence(doc.subjects, sentence)
    reading = Reading()
    _attach_country(doc, m, subjects, reading)
    after, word = _after_noun(doc, m, subjects, sentence)
    if after is not None and after.kind == "metric":
        return _found(reading, after.id, "after", after)
    if after is not None and after.kind == "group" and _total_before(doc, m, sentence):
        _, total_metric = doc.vocab.groups[after.id]
        if total_metric:  # "for a total of 6,590 stay permits"
            return _found(reading, total_metric, "after", after)
    if after is not None and after.kind in ("topic", "group"):
        reading.reason = f"counts {after.kind} {after.id!r}, which no metric holds"
        return reading
    if word:
        reading.reason = f"counts {word!r}, which no metric holds"
        return reading
    for rule in (_before, _later, _inherited, _total_row):
        if rule(doc, m, sentence, subjects, earlier, reading):
            return reading
    reading.reason = reading.reason or "no metric named"
    return reading


def _found(reading: Reading, metric: str, rule: str, names: Found | None) -> Reading:
    reading.metric, reading.rule = metric, rule
    reading.names = (names.first, names.last) if names else None
    return reading


def _after_noun(doc, m, subjects, sentence) -> tuple[Found | None, str]:
    """The subject right after the number (counted words may stand between), or the
    content word there when the number counts something unnamed."""
    j = m.last
    while j < sentence.last:
        found = next((s for s in subjects if s.first == j), None)
        if found is not None and not found.unit_like:
            return (found, "") if found.kind != "country" else (None, "")
        end = found.last if found is not None else counted_at(doc.tokens, j, doc.vocab)
        if end is None:
            break
        j = end
    if j == m.last and j < sentence.last and _is_content_word(doc, j):
        return None, doc.tokens[j].raw
    return None, ""


def _total_before(doc: Document, m: Mention, sentence: Sentence) -> bool:
    start = max(sentence.first, m.first - 3)
    total = doc.vocab.kind("total")
    return any(total.match(doc.tokens, k, m.first) for k in range(start, m.first))


def _is_content_word(doc: Document, j: int) -> bool:
    token, vocab = doc.tokens[j], doc.vocab
    if token.kind != "word" or token.capitalized:
        return False
    kinds = ("function", "origin", "vague", "compare", "as_of", "total", "currency", "measure")
    return not any(vocab.kind(kind).match(doc.tokens, j) for kind in kinds)


def _figures_between(doc: Document, first: int, last: int) -> list[Mention]:
    return [x for x in doc.mentions if x.is_figure and first <= x.first and x.last <= last]


def _before(doc, m, sentence, subjects, earlier, reading) -> bool:
    consumed = _consumed(doc, sentence, subjects, m)
    for found in sorted((s for s in subjects if s.last <= m.first), key=lambda s: -s.last):
        if found.unit_like or found.kind == "country" or (found.first, found.last) in consumed:
            continue
        between = _figures_between(doc, found.last, m.first)
        if between:
            return _compared(doc, m, between[-1], earlier, reading)
        if found.kind == "metric":
            other = _other_metric_before(doc, found, m, subjects, consumed)
            if other:
                reading.reason = f"names two metrics before it: {other}, {found.id}"
                return False
            _found(reading, found.id, "before", found)
            return True
        reading.reason = f"counts {found.kind} {found.id!r}, which no metric holds"
        return False
    previous = _figures_between(doc, sentence.first, m.first)
    return bool(previous) and _compared(doc, m, previous[-1], earlier, reading)


def _other_metric_before(doc, nearest: Found, m: Mention, subjects, consumed) -> str:
    """Another metric earlier in the same stretch ("pendeportasian WNA pemegang ITAS
    sebanyak 47"): the nearest one is then not surely the one counted."""
    for found in subjects:
        if found.last > nearest.first or found.kind != "metric" or found.unit_like:
            continue
        if found.id == nearest.id or (found.first, found.last) in consumed:
            continue
        if _figures_between(doc, found.last, m.first):
            continue
        if any(t.raw in ";:" for t in doc.tokens[found.last : nearest.first]):
            continue
        return found.id
    return ""


def _consumed(doc, sentence, subjects, m) -> set[tuple[int, int]]:
    """Subjects that are the noun right after another number ("38.117 paspor")."""
    taken = set()
    for other in doc.in_sentence(doc.mentions, sentence):
        if other is not m:
            after, _ = _after_noun(doc, other, subjects, sentence)
            if after is not None:
                taken.add((after.first, after.last))
    return taken


def _compared(doc, m, previous: Mention, earlier, reading) -> bool:
    """ "ITK sebanyak 1.204 orang, turun dibandingkan tahun 2020 yang mencapai 1716 orang":
    after a comparison word, a number with no name of its own counts what the one before it
    counts."""
    compare = doc.vocab.kind("compare")
    if not any(compare.match(doc.tokens, k) for k in range(previous.last, m.first)):
        return False
    base = earlier.get(previous)
    if base is None or base.metric is None:
        return False
    reading.metric, reading.rule, reading.names = base.metric, "compared", base.names
    if reading.country is None and base.country is not None:
        reading.country, reading.country_names = base.country, base.country_names
    return True


def _later(doc, m, sentence, subjects, earlier, reading) -> bool:
    """A metric later in the clause, before any other figure: "188 foreigners were deported"."""
    stop = next((x.first for x in doc.mentions if x.first >= m.last and x.is_figure), None)
    metrics: list[Found] = []
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
    names = list(dict.fromkeys(f.id for f in metrics))
    if len(names) > 1:  # "500 WNA pemegang ITAS dideportasi": which one is counted?
        reading.reason = f"names two metrics after it: {', '.join(names)}"
        return False
    if metrics:
        _found(reading, metrics[0].id, "later", metrics[0])
        return True
    return False


def _inherited(doc, m, sentence, subjects, earlier, reading) -> bool:
    """A country's figure with no metric of its own counts what the paragraph's last figure
    counts ("Korea Selatan (3.012 orang)" after the number of foreign residents)."""
    if reading.country is None:
        return False
    # the number just before it: when that one is no fact ("Some 1,200 foreigners …"),
    # what the country's figure counts is unknown
    before = [x for x in doc.mentions if x.kind in SKIPPABLE_KINDS and x.last <= m.first]
    if not before or _paragraph_of(doc, before[-1]) != sentence.paragraph:
        return False
    base = earlier.get(before[-1])
    if base is None or base.metric is None:
        return False
    reading.metric, reading.rule = base.metric, "inherited"
    return True


def _total_row(doc, m, sentence, subjects, earlier, reading) -> bool:
    """A "Total" line naming nothing else states the total of the group whose members the
    lines before it in the paragraph list."""
    total = doc.vocab.kind("total")
    if subjects or not any(total.match(doc.tokens, k) for k in range(sentence.first, m.first)):
        return False
    siblings = {
        r.metric
        for x, r in earlier.items()
        if r.metric and _paragraph_of(doc, x) == sentence.paragraph
    }
    for members, total_metric in doc.vocab.groups.values():
        if total_metric and siblings and siblings <= set(members):
            reading.metric, reading.rule = total_metric, "total_row"
            return True
    return False


def _paragraph_of(doc: Document, m: Mention) -> int:
    return next(s.paragraph for s in doc.sentences if s.first <= m.first < s.last)


def _attach_country(doc, m, subjects, reading) -> None:
    countries = [s for s in subjects if s.kind == "country"]
    found = _country_after(doc, m, countries) or _country_before(doc, m, countries)
    if found is not None:
        reading.country, reading.country_names = found.id, (found.first, found.last)


def _country_after(doc, m, countries) -> Found | None:
    """ "3.012 orang asal Korea", "three Turks", "2215, China;"."""
    j, tokens, vocab = m.last, doc.tokens, doc.vocab
    if j < len(tokens) and tokens[j].raw == ",":
        found = next((c for c in countries if c.first == j + 1), None)
        if found is not None and (found.last >= len(tokens) or tokens[found.last].raw in ";,."):
            return found
        return None
    for _ in range(4):
        found = next((c for c in countries if c.first == j), None)
        if found is not None:
            return found
        step = counted_at(tokens, j, vocab) or _origin_at(doc, j)
        if step is None:
            return None
        j = step
    return None


def _origin_at(doc: Document, j: int) -> int | None:
    found = doc.vocab.kind("origin").match(doc.tokens, j)
    return found[0] if found else None


def _country_before(doc, m, countries) -> Found | None:
    """ "Korea Selatan (3.012 orang)", "Jepang 2.977 orang", "Russia (45)"."""
    tokens = doc.tokens
    for found in sorted((c for c in countries if c.last <= m.first), key=lambda c: -c.last):
        gap = tokens[found.last : m.first]
        if len(gap) > 3 or any(t.kind == "num" for t in gap):
            return None
        if any(t.kind == "punct" and t.raw not in "(:" for t in gap):
            return None
        if any(c.last in (found.first, found.first - 1) for c in countries if c is not found):
            return None  # "Jepang, Korea dan China 500 orang" is no one country's figure
        if any(s for s in doc.subjects if found.last <= s.first and s.last <= m.first):
            return None
        return found
    return None
