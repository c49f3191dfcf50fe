"""Statements that are not figures: the head of office ("Kepala Kantor Imigrasi Depok,
Fitri Ayu Handayani") and the innovations the release lists."""

from __future__ import annotations

from bot.facts.ingest.document import Document
from bot.facts.ingest.proposal import Statement
from bot.facts.ingest.tokens import Sentence

MAX_NAME_WORDS = 6
LIST_SEPARATORS = frozenset(",;")
QUOTE_MARKS = frozenset('"“”')


def find_statements(doc: Document) -> list[Statement]:
    """The head of the release's office and its innovations, where the text states them."""
    found = [_head_of_office(doc), _innovations(doc)]
    return [s for s in found if s is not None]


def _cues(doc: Document, intent: str, sentence: Sentence) -> list[tuple[int, int]]:
    phrases = doc.vocab.kind("statement")
    cues = []
    for i in range(sentence.first, sentence.last):
        found = phrases.match(doc.tokens, i, sentence.last)
        if found and found[1] == intent:
            cues.append((i, found[0]))
    return cues


def _head_of_office(doc: Document) -> Statement | None:
    for sentence in doc.sentences:
        for first, end in _cues(doc, "head_of_office", sentence):
            if not doc.tokens[first].capitalized:
                continue
            office = [s for s in doc.offices.spans if first < s[0] <= end]
            if office and office[0][2] != doc.office:
                continue
            j = office[0][1] if office else end
            if not office and end - first < 3:
                continue  # "Kepala Divisi …" names no office
            name = _name(doc, j, sentence)
            if name is not None:
                return _head_statement(doc, first, name)
    return None


def _name(doc: Document, j: int, sentence: Sentence) -> tuple[int, int] | None:
    """A person's name: capitalised words after an optional comma."""
    if j < sentence.last and doc.tokens[j].raw == ",":
        j += 1
    start = j
    while j < sentence.last and j - start < MAX_NAME_WORDS and doc.tokens[j].capitalized:
        j += 1
    return (start, j) if j - start >= 2 else None


def _head_statement(doc: Document, first: int, name: tuple[int, int]) -> Statement:
    person = doc.span(*name)
    short_id, short_en = _office_names(doc)
    return Statement(
        intent="head_of_office",
        summary_id=f"Kepala {short_id}: {person}.",
        summary_en=f"Head of {short_en}: {person}.",
        quote=doc.span(first, name[1]),
        items=[person],
    )


def _office_names(doc: Document) -> tuple[str, str]:
    row = doc.vocab.office_rows.get(doc.office) or doc.offices.new_rows.get(doc.office) or {}
    return row.get("short_id", "kantor"), row.get("short_en", "the office")


def _innovations(doc: Document) -> Statement | None:
    for number, sentence in enumerate(doc.sentences):
        for cue, end in _cues(doc, "innovations", sentence):
            start = _list_start(doc, end, sentence)
            if start is None:
                continue
            last = sentence.last
            if start >= sentence.last:  # "antara lain:" and the items on the lines after it
                following = _list_lines(doc, number)
                if not following:
                    continue
                start, last = following[0].first, following[-1].last
                items = [_line_item(doc, line) for line in following]
            else:
                items = _items(doc, start, last)
            items = [item for item in items if item]
            if items:
                return _innovation_statement(doc, cue, last, items)
    return None


def _list_start(doc: Document, end: int, sentence: Sentence) -> int | None:
    """Where the list begins: after "antara lain", "including" or a colon, or right after
    the cue when a name follows it ("inovasi Depok Paspor Ceria")."""
    markers = doc.vocab.kind("list_marker")
    for j in range(end, sentence.last):
        found = markers.match(doc.tokens, j, sentence.last)
        if found:
            k = found[0]
            return k + 1 if k < sentence.last and doc.tokens[k].raw == ":" else k
        if doc.tokens[j].raw == ":":
            return j + 1
    if end < sentence.last and doc.tokens[end].capitalized:
        return end
    return None


def _list_lines(doc: Document, number: int) -> list[Sentence]:
    lines = []
    for sentence in doc.sentences[number + 1 :]:
        if doc.tokens[sentence.first].raw not in "-*•":
            break
        lines.append(Sentence(sentence.first + 1, sentence.last, sentence.paragraph))
    return lines


def _items(doc: Document, start: int, last: int) -> list[str]:
    function = doc.vocab.kind("function")
    items, current = [], []
    for j in range(start, last):
        token = doc.tokens[j]
        if token.raw in QUOTE_MARKS:
            break  # the end of a quoted list: '…," kata Dodi'
        # "Eazy Passport yang menjangkau sekolah dan kampus": a clause keeps its "dan"
        in_clause = any(function.match(doc.tokens, k) for k in current[1:])
        conjunction = token.norm in ("dan", "serta", "and") and not in_clause
        boundary = token.raw in LIST_SEPARATORS or conjunction
        if boundary or (j > start and "\n" in doc.text[doc.tokens[j - 1].end : token.start]):
            items.append(current)
            current = [] if boundary else [j]
            continue
        current.append(j)
    items.append(current)
    names = [_item_name(doc, [j for j in item if doc.tokens[j].raw not in ".-*"]) for item in items]
    return [n for n in names if n]


def _line_item(doc: Document, line: Sentence) -> str:
    """One list line is one item, up to its first comma: "Jaksel Ramah Lansia, jalur …"."""
    item = []
    for j in range(line.first, line.last):
        if doc.tokens[j].raw in LIST_SEPARATORS:
            break
        item.append(j)
    return _item_name(doc, item)


def _item_name(doc: Document, item: list[int]) -> str:
    """ "layanan Eazy Passport yang menjangkau sekolah" -> "Eazy Passport"."""
    function = doc.vocab.kind("function")
    while item and function.match(doc.tokens, item[0]):
        item = item[1:]
    capitals = [j for j in item if doc.tokens[j].capitalized]
    if capitals:
        item = item[item.index(capitals[0]) :]
    for n, j in enumerate(item[1:], 1):
        if function.match(doc.tokens, j) and not doc.tokens[j].capitalized:
            item = item[:n]
            break
    return doc.span(item[0], item[-1] + 1) if item else ""


def _innovation_statement(doc: Document, first: int, last: int, items: list[str]) -> Statement:
    listed_id = ", ".join(items[:-1]) + (" dan " if len(items) > 1 else "") + items[-1]
    listed_en = ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + items[-1]
    short_id, short_en = _office_names(doc)
    return Statement(
        intent="innovations",
        summary_id=f"Inovasi layanan {short_id}: {listed_id}.",
        summary_en=f"Service innovations of {short_en}: {listed_en}.",
        quote=doc.span(first, last).rstrip("."),
        items=items,
    )
