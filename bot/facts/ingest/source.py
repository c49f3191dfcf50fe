"""The source row of a release: id, title, publisher, publication date, url, office, period.

The publisher comes from the dateline ("DEPOK, Radar Margonda – ", "BOGOR (BogorNews) - ",
"WARTABEKASI – "); a dateline that gives only a place and a date is the office's own
release, published by the office itself.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from babel import Locale

from bot.facts.ingest.document import Document

_DATELINE = re.compile(r"^(?P<head>[^\n–—]{2,80}?)\s+[-–—]\s+\S", re.MULTILINE)
_NUMERIC_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


def source_row(doc: Document, url: str = "", meta: dict | None = None) -> dict:
    """The proposed ``sources.csv`` row; ``meta`` holds what a web page said of itself."""
    meta = meta or {}
    period = doc.period or "unknown"
    return {
        "id": source_id(doc.office, period),
        "title": meta.get("title") or title(doc),
        "publisher": meta.get("publisher") or publisher(doc),
        "published": _iso(meta.get("published", "")) or published(doc),
        "url": url,
        "office": doc.office,
        "period": period,
    }


def source_id(office: str, period: str) -> str:
    """ "depok-2024-h1", "bekasi-2021": lower case, only letters, digits, - and _."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", f"{office or 'release'}-{period}".lower())
    return slug.strip("-")


def title(doc: Document) -> str:
    """The title paragraph (the last one when a breadcrumb line comes first)."""
    if not doc.title_paragraphs:
        return ""
    sentences = doc.paragraph(doc.title_paragraphs - 1)
    return doc.span(sentences[0].first, sentences[-1].last)


def _lead_text(doc: Document) -> str:
    if not doc.lead:
        return ""
    return doc.span(doc.lead[0].first, doc.lead[-1].last)


def publisher(doc: Document) -> str:
    """The publisher the dateline names, else the office that issued the release."""
    match = _DATELINE.match(_lead_text(doc))
    if match:
        head = match.group("head").strip(" *")
        bracket = re.search(r"\(([^)]+)\)", head)
        if bracket and not _NUMERIC_DATE.search(bracket.group(1)):
            return bracket.group(1).strip()
        parts = [p.strip() for p in head.split(",")]
        if len(parts) == 2 and not _has_date(parts[1]):
            return parts[1]
        if len(parts) == 1 and not _is_place(doc, parts[0]) and len(parts[0].split()) <= 4:
            return parts[0]
    return _office_name(doc)


def _has_date(text: str) -> bool:
    """A date or a weekday (CLDR's names: "Kamis", "Thursday")."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
    return bool(_NUMERIC_DATE.search(text)) or bool(words & _weekdays())


@cache
def _weekdays() -> frozenset[str]:
    names = (Locale.parse(lang).days["format"]["wide"].values() for lang in ("id", "en"))
    return frozenset(name.lower() for group in names for name in group)


def _is_place(doc: Document, text: str) -> bool:
    key = tuple(text.lower().split())
    return bool(doc.vocab.offices.get(key)) or any(
        text.lower() in row["aliases"].split("|") for row in doc.offices.new_rows.values()
    )


def _office_name(doc: Document) -> str:
    """The release office's name as the lead writes it, else as the knowledge has it."""
    names = [n for n in doc.offices.named if n.office == doc.office]
    lead_end = doc.lead[-1].last if doc.lead else 0
    in_lead = [n for n in names if n.last <= lead_end] or names
    if in_lead:
        best = max(in_lead, key=lambda n: n.last - n.first)
        return re.sub(r"\s*\([^)]*\)", "", doc.span(best.first, best.last))
    row = doc.vocab.office_rows.get(doc.office) or doc.offices.new_rows.get(doc.office)
    return row["name"] if row else ""


def published(doc: Document) -> str:
    """The first date of the lead paragraph ("Senin (10/1/2022)"), as YYYY-MM-DD."""
    for text in (_lead_text(doc), doc.text):
        match = _NUMERIC_DATE.search(text)
        if match:
            return _iso_of(*(int(g) for g in match.groups()))
        found = _named_month_date(doc, text)
        if found:
            return found
    return ""


def _named_month_date(doc: Document, text: str) -> str:
    """ "10 Januari 2022" or "January 10, 2022"."""
    pattern = r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})|([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})"
    for match in re.finditer(pattern, text):
        day, month, year = (
            (match.group(1), match.group(2), match.group(3))
            if match.group(1)
            else (match.group(5), match.group(4), match.group(6))
        )
        number = doc.vocab.months.get(month.lower())
        if number:
            return _iso_of(int(day), number, int(year))
    return ""


def _iso_of(day: int, month: int, year: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def _iso(text: str) -> str:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text or "")
    return _iso_of(int(match.group(3)), int(match.group(2)), int(match.group(1))) if match else ""
