"""What a number counts: its metric and country, by where the names stand around it.

A figure in a table is read by its headers (cells.py). Elsewhere, in order: a metric named
right after the number (only counted words between: "38.117 paspor", "2.146 ITAS"); else the
nearest metric before it in the sentence that no other figure stands between
("Pendeportasian sebanyak 87 WNA") and no exclusion word stands before ("Selain deportasi,
dua orang WNA diproses secara pro justitia"), unless its own clause names another one after
it, or, after "dibanding", the metric of the figure it is compared with; else a metric later
in the same clause ("188 foreigners were deported"); else the metric of the figure before it
when a verb is left out ("58 WNA dan Kanim Serang 17 WNA"); else, for a country's figure,
the metric of the paragraph's last figure ("Korea Selatan (3.012 orang)"); else a "Total"
line's group; else its unit word's metric (refine.py: "149.330 permohonan" after "142.785
paspor dari"); else the people holding permits at a point in time (holders.py). A figure of
"others" ("two others") is read by its own clause alone (clauses.py). A thing named right
after the number that is no metric ("9 kantor imigrasi", "1,062,318 visas") means it counts
that.

Then the words around the name may refine the metric ("permohonan paspor ditunda"), a noun
that is the unit of other metrics overrules a name before it ("Passport services: 45,870
applications"), and a country named before the figure that no rule tied to it leaves the
figure unread (countries.py).
"""

from __future__ import annotations

from bot.facts.ingest.cells import read_cell
from bot.facts.ingest.clauses import excluded, gapped, in_doubt, is_others, later, others
from bot.facts.ingest.countries import attach_country, country_unattached
from bot.facts.ingest.document import Document
from bot.facts.ingest.holders import holders
from bot.facts.ingest.numbers import SKIPPABLE_KINDS, Mention
from bot.facts.ingest.reading import Reading
from bot.facts.ingest.refine import by_unit, check_unit, refine
from bot.facts.ingest.subjects import Found, counted_at
from bot.facts.ingest.tokens import Sentence

CONFIDENCE = {"after": 0.95, "before": 0.9, "compared": 0.85, "later": 0.8, "total_row": 0.8}
CONFIDENCE.update(inherited=0.75, table=0.85, caption=0.8, refined=0.8, unit=0.75, holders=0.75)
CONFIDENCE.update(gapped=0.8)


def read_figure(doc: Document, m: Mention, sentence: Sentence, earlier: dict) -> Reading:
    """The reading of mention ``m``; ``earlier`` maps earlier mentions to their readings."""
    table = next((t for t in doc.tables if t.first <= m.first < t.last), None)
    if table is not None:
        return read_cell(doc, table, m, Reading())
    reading = _read(doc, m, sentence, earlier)
    refine(doc, m, sentence, reading)
    check_unit(doc, m, sentence, earlier, reading)
    unattached = country_unattached(doc, m, sentence) if reading.country is None else None
    if reading.metric is not None and unattached is not None:
        reading.metric = None
        reading.reason = f"a country named before it ({unattached.id}) may be whose figure it is"
    return reading


def _read(doc: Document, m: Mention, sentence: Sentence, earlier: dict) -> Reading:
    reading = Reading()
    subjects = doc.in_sentence(doc.subjects, sentence)
    attach_country(doc, m, subjects, reading)
    if is_others(doc, m, sentence):  # "while two others were prosecuted"
        others(doc, m, sentence, subjects, earlier, reading)
        return reading
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
    # a rule that returns True has decided: a metric, or none with the reason
    for rule in (_before, later, gapped, _inherited, _total_row, by_unit, holders):
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
        if excluded(doc, found):  # "Selain deportasi, dua orang WNA diproses pro justitia"
            continue
        between = _figures_between(doc, found.last, m.first)
        if between:
            return _compared(doc, m, between[-1], earlier, reading)
        if found.kind == "metric":
            other = _other_metric_before(doc, found, m, subjects, consumed)
            if other:
                reading.reason = f"names two metrics before it: {other}, {found.id}"
                return False
            if in_doubt(doc, found, m, subjects, reading):
                return True  # decided: unread, whatever a later rule would say
            _found(reading, found.id, _compared_after(doc, found, m, sentence), found)
            return True
        reading.reason = f"counts {found.kind} {found.id!r}, which no metric holds"
        return False
    previous = _figures_between(doc, sentence.first, m.first)
    return bool(previous) and _compared(doc, m, previous[-1], earlier, reading)


def _compared_after(doc: Document, found: Found, m: Mention, sentence: Sentence) -> str:
    """ "27 foreigners were deported, compared with 19": a figure before the name and a
    comparison between the name and the number make it a compared figure."""
    compare = doc.vocab.kind("compare")
    compared = any(compare.match(doc.tokens, k) for k in range(found.last, m.first))
    earlier = _figures_between(doc, sentence.first, found.first)
    return "compared" if compared and earlier else "before"


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
