"""The country a figure is for: named right after it ("3.012 orang asal Korea", "three
Turks", "2215, China;") or right before it ("Korea Selatan (3.012 orang)", "Jepang 2.977
orang"; not across another name, an office's included); and a country named before a
figure that no rule tied to it, which leaves the figure in doubt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.facts.ingest.document import Document
from bot.facts.ingest.numbers import Mention
from bot.facts.ingest.subjects import Found, counted_at
from bot.facts.ingest.tokens import Sentence

if TYPE_CHECKING:
    from bot.facts.ingest.reading import Reading


def attach_country(doc: Document, m: Mention, subjects, reading: Reading) -> None:
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
        if doc.offices.at(found.last, m.first):
            return None  # "58 WNA asal Tiongkok dan Kanim Depok 17 WNA": Depok's are not surely
        return found
    return None


def country_unattached(doc: Document, m: Mention, sentence: Sentence) -> Found | None:
    """ "Nigerian nationals made up the largest group with 58 deportees": a country named
    before the number, after any other figure of its sentence, that no rule tied to it."""
    start = max([sentence.first, *(x.last for x in doc.mentions if x.last <= m.first)])
    countries = [s for s in doc.subjects if s.kind == "country" and start <= s.first]
    return next((s for s in countries if s.last <= m.first), None)
