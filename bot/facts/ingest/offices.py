"""Offices: the ones a release names ("Kantor Imigrasi Kelas I Non TPI Jakarta Selatan",
"Kanim Jaksel", "Ngurah Rai Immigration Office"), known ones from ``offices.csv`` and new
ones proposed as rows, and where in the text each is named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.facts.ingest.tokens import Phrases, Token, glued
from bot.facts.ingest.vocab import Vocabulary

MAX_PLACE_WORDS = 3


@dataclass
class Named:
    """One naming of an office by its head word and place (``first``..``last`` tokens)."""

    first: int
    last: int
    kind: str  # "kanim" or "kanwil"
    place: tuple[str, ...]
    place_raw: str
    office: str = ""


@dataclass
class Offices:
    """The offices of one text: rows of new ones, and every span that names one."""

    new_rows: dict[str, dict] = field(default_factory=dict)
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    named: list[Named] = field(default_factory=list)

    def at(self, first: int, last: int) -> list[tuple[int, int, str]]:
        """The office spans within tokens ``first``..``last``."""
        return [s for s in self.spans if first <= s[0] and s[1] <= last]


def find_offices(text: str, tokens: list[Token], vocab: Vocabulary) -> Offices:
    """Every office the text names, known or new, and where."""
    named: list[Named] = []
    i = 0
    while i < len(tokens):
        found = _named_at(text, tokens, i, vocab)
        if found is not None and not (named and found.first < named[-1].last):
            named.append(found)
        i = found.last if found is not None else i + 1
    _fold_places(named, tokens, text)
    result = Offices(named=named)
    for item in named:
        item.office = _known(item, vocab) or _new_office(item, named, tokens, text, vocab, result)
    index = Phrases()
    for office_id, row in {**vocab.office_rows, **result.new_rows}.items():
        for alias in row["aliases"].split("|"):
            index.add(tuple(alias.split()), office_id)
    result.spans = _spans(tokens, index, named)
    return result


def _named_at(text: str, tokens: list[Token], i: int, vocab: Vocabulary) -> Named | None:
    if not tokens[i].capitalized:
        return None
    head = vocab.kind("office").match(tokens, i)
    if head and head[1] in ("kanim", "kanwil"):
        j = _skip_class(tokens, head[0], vocab)
        places = _place_after(tokens, j, vocab)
        if places:
            return Named(i, places[-1] + 1, str(head[1]), *_place(text, tokens, places))
    if head and head[1] == "tail":
        j = i
        while (found := vocab.kind("office").ending_at(tokens, j, max(0, j - 4))) and found[
            1
        ] == "class":
            j = found[0]
        places = _place_before(tokens, j, vocab)
        if places:
            return Named(places[0], head[0], "kanim", *_place(text, tokens, places))
    return None


def _skip_class(tokens: list[Token], j: int, vocab: Vocabulary) -> int:
    """Past class words ("Kelas I Non TPI") and a bracketed short name ("(Kanwil …)")."""
    while j < len(tokens):
        found = vocab.kind("office").match(tokens, j)
        if found and found[1] == "class":
            j = found[0]
        elif tokens[j].raw == "(" and ")" in [t.raw for t in tokens[j : j + 6]]:
            j += [t.raw for t in tokens[j : j + 6]].index(")") + 1
        else:
            return j


def _is_place_word(token: Token, vocab: Vocabulary) -> bool:
    if not token.capitalized or vocab.has("function", token.norm):
        return False
    return vocab.kind("office").get((token.norm,)) is None  # no class or head word


def _joined(tokens: list[Token], a: int, b: int) -> bool:
    """Words ``a`` < ``b`` of one name: one space between, or a hyphen ("Soekarno-Hatta")."""
    if b == a + 1:
        return tokens[b].start - tokens[a].end == 1
    hyphen = tokens[a + 1]
    return b == a + 2 and hyphen.raw == "-" and glued(tokens, a, a + 1) and glued(tokens, a + 1, b)


def _place_after(tokens: list[Token], j: int, vocab: Vocabulary) -> list[int]:
    places: list[int] = []
    while j < len(tokens) and len(places) < MAX_PLACE_WORDS:
        if (
            places
            and j + 1 < len(tokens)
            and tokens[j].raw == "-"
            and _joined(tokens, j - 1, j + 1)
        ):
            j += 1
        if not _is_place_word(tokens[j], vocab) or (places and not _joined(tokens, places[-1], j)):
            break  # a line break or double space ends a name
        places.append(j)
        j += 1
    return places


def _place_before(tokens: list[Token], j: int, vocab: Vocabulary) -> list[int]:
    places: list[int] = []
    j -= 1
    while j >= 0 and len(places) < MAX_PLACE_WORDS:
        if places and j >= 1 and tokens[j].raw == "-" and _joined(tokens, j - 1, j + 1):
            j -= 1
        if not _is_place_word(tokens[j], vocab) or (places and not _joined(tokens, j, places[0])):
            break
        places.insert(0, j)
        j -= 1
    return places


def _place(text: str, tokens: list[Token], places: list[int]) -> tuple[tuple[str, ...], str]:
    raw = text[tokens[places[0]].start : tokens[places[-1]].end]
    return tuple(tokens[k].norm for k in places), raw


def abbreviates(short: str, words: tuple[str, ...]) -> bool:
    """True when ``short`` is made of leading letters of each of ``words`` in turn:
    "jabar" of ("jawa", "barat"), "jaksel" of ("jakarta", "selatan")."""
    if not words:
        return not short
    first = words[0]
    return any(
        short.startswith(first[:n]) and abbreviates(short[n:], words[1:])
        for n in range(min(len(first), len(short)), 0, -1)
    )


def _same_place(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return True
    return (len(a) == 1 and len(b) > 1 and abbreviates(a[0], b)) or (
        len(b) == 1 and len(a) > 1 and abbreviates(b[0], a)
    )


def _fold_places(named: list[Named], tokens: list[Token], text: str) -> None:
    """ "Depok Terbitkan" in a title is "Depok" when the text names "Depok" elsewhere."""
    for item in named:
        others = [o.place for o in named if o is not item and o.kind == item.kind]
        for size in range(1, len(item.place)):
            prefix = item.place[:size]
            if any(_same_place(prefix, other) for other in others):
                places = list(
                    range(item.last - len(item.place), item.last - len(item.place) + size)
                )
                shift = len(item.place) - size
                if item.first == places[0]:  # a name before its tail ("X Immigration Office")
                    break
                item.place, item.place_raw = _place(text, tokens, places)
                item.last -= shift
                break


def _known(item: Named, vocab: Vocabulary) -> str:
    for head in _heads(item.kind, vocab):
        office = vocab.offices.get(head + item.place)
        if office:
            return office
    return ""


def _heads(kind: str, vocab: Vocabulary) -> list[tuple[str, ...]]:
    heads = [k for k, v in vocab.kind("office").entries() if v == kind]
    return [(), *heads] if kind == "kanim" else heads


def _new_office(item, named, tokens, text, vocab, result: Offices) -> str:
    """The id of the new office ``item`` names; its row is added to ``result`` once."""
    forms = [n for n in named if n.kind == item.kind and _same_place(n.place, item.place)]
    full = max((n.place for n in forms), key=len)
    short = min((n.place for n in forms), key=lambda p: (len(p), len(" ".join(p))))
    place = short if item.kind == "kanwil" else full
    office_id = ("kanwil_" if item.kind == "kanwil" else "") + "_".join(place)
    if office_id not in result.new_rows:
        result.new_rows[office_id] = _row(office_id, item.kind, forms, (text, tokens), vocab)
    return office_id


def _row(office_id: str, kind: str, forms: list[Named], source, vocab: Vocabulary) -> dict:
    text, tokens = source
    longest = max(forms, key=lambda n: (len(n.place), n.last - n.first))
    name = max((_written(text, tokens, n) for n in forms if n.place == longest.place), key=len)
    place = longest.place_raw
    places = sorted({" ".join(n.place) for n in forms})
    aliases = [*places]
    for head in _heads(kind, vocab):
        aliases += [" ".join(head + tuple(p.split())) for p in places if head]
    short = ("Kanwil Kemenkumham " if kind == "kanwil" else "Kantor Imigrasi ") + place
    short_en = f"the {place} {'regional' if kind == 'kanwil' else 'immigration'} office"
    return {
        "id": office_id,
        "name": name,
        "short_id": short,
        "short_en": short_en,
        "aliases": "|".join(dict.fromkeys(aliases)),
    }


def _written(text: str, tokens: list[Token], item: Named) -> str:
    """The words of a naming, a bracketed short name left out."""
    return re.sub(r"\s*\([^)]*\)", "", text[tokens[item.first].start : tokens[item.last - 1].end])


def _spans(tokens: list[Token], index: Phrases, named: list[Named]) -> list[tuple[int, int, str]]:
    spans = [(n.first, n.last, n.office) for n in named]
    taken = {k for n in named for k in range(n.first, n.last)}
    i = 0
    while i < len(tokens):
        found = index.match(tokens, i) if i not in taken else None
        if found:
            spans.append((i, found[0], str(found[1])))
            i = found[0]
        else:
            i += 1
    return sorted(spans)
