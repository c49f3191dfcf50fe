"""A count of people at a point in time who hold permits: the stock the people metric counts.

"As of December 31, 2021, a total of 5,902 foreign nationals held active residence permits",
"jumlah WNA pemegang izin tinggal di Jawa Timur hingga akhir tahun tercatat 14.386 orang":
the figure counts the people (a metric named only by counted words: "WNA", "foreign
nationals"), not the permits, when the sentence dates it at a point in time (an ``as_of``
phrase of two words or more, or one before a date or month that ends no span of months) and
names nothing else but groups no one holds two members of (``groups.csv`` ``overlap`` not
``yes``: one person, one stay permit) after the people.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.facts.ingest.numbers import Mention
from bot.facts.ingest.subjects import Found, is_counted
from bot.facts.ingest.tokens import CLAUSE_MARKS, Sentence

if TYPE_CHECKING:
    from bot.facts.ingest.document import Document
    from bot.facts.ingest.reading import Reading


def holders(
    doc: Document, m: Mention, sentence: Sentence, subjects, _earlier, reading: Reading
) -> bool:
    """Read ``m`` as the people metric its sentence counts at a point in time."""
    first, last = _stretch(doc, m, sentence)
    named = [s for s in subjects if s.kind != "country" and first <= s.first and s.last <= last]
    people = [s for s in named if s.kind == "metric" and _people(doc, s)]
    if len(people) != 1 or not _point_in_time(doc, sentence):
        return False
    head, groups = people[0], [s for s in named if s is not people[0]]
    if not groups or any(not _disjoint(doc, g) or g.first < head.last for g in groups):
        return False
    if head.last > m.first and not _right_after(doc, m, head):
        return False
    last = max(head.last, *(g.last for g in groups))
    reading.metric, reading.rule, reading.names = head.id, "holders", (head.first, last)
    return True


def _stretch(doc: Document, m: Mention, sentence: Sentence) -> tuple[int, int]:
    """From the figure before ``m`` in its sentence to the mark or figure after it: "…
    tercatat 7.118 orang, terdiri atas pemegang ITAS 5.220 orang" ends at the comma."""
    others = [x for x in doc.mentions if x.is_figure and x is not m]
    first = max([sentence.first, *(x.last for x in others if x.last <= m.first)])
    last = m.last
    while last < sentence.last and doc.tokens[last].raw not in CLAUSE_MARKS:
        if any(x.first == last for x in others):
            break
        last += 1
    return first, last


def _people(doc: Document, found: Found) -> bool:
    """A metric named by counted words only, or by a total word and counted words."""
    if found.unit_like:
        return True
    total = doc.vocab.kind("total").match(doc.tokens, found.first, found.last)
    return total is not None and is_counted(doc.tokens, total[0], found.last, doc.vocab)


def _disjoint(doc: Document, found: Found) -> bool:
    return found.kind == "group" and found.id not in doc.vocab.overlapping


def _right_after(doc: Document, m: Mention, head: Found) -> bool:
    """The people named right after the number, past counted words ("5,902 foreign …")."""
    j = m.last
    while j < head.first:
        found = doc.vocab.kind("counted").match(doc.tokens, j, head.first)
        if found is None:
            return False
        j = found[0]
    return True


def _point_in_time(doc: Document, sentence: Sentence) -> bool:
    tokens, vocab = doc.tokens, doc.vocab
    dated = {x.first for x in doc.mentions if x.kind in ("date", "year")}
    for k in range(sentence.first, sentence.last):
        found = vocab.kind("as_of").match(tokens, k, sentence.last)
        if found is None or (k > 0 and tokens[k - 1].norm in vocab.months):
            continue
        end = found[0]
        if end - k >= 2 or (
            end < sentence.last and (tokens[end].norm in vocab.months or end in dated)
        ):
            return True
    return False
