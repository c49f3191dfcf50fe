"""What surrounds a name in a question: exclusions ("selain Korea"), words about the asker
("saya orang Jepang"), things a country describes ("restoran Korea") and places someone
else named (the whole of a share is :mod:`bot.understanding.wholes`)."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from bot.model.frame import add_unique
from bot.understanding.phrases import has_phrase
from bot.understanding.vocabulary import Match

if TYPE_CHECKING:
    from bot.model.frame import Entities

LEAD_WORDS = frozenset(
    {"total", "seluruh", "semua", "jumlah", "keseluruhan", "all", "the", "yang", "dari", "from"}
    | {"orang", "warga", "a", "an", "berasal", "asal", "aktif", "active", "registered"}
    # "of all three stay permit types", "dari ketiga izin tinggal": how many it has
    | {"both", "two", "three", "four", "dua", "tiga", "empat", "kedua", "ketiga", "keempat"}
)
SUBJECT_KINDS = ("metric", "group", "country")
COUNTRY_WORDS = frozenset(
    {"negara", "country", "countries", "nationality", "nationalities", "kewarganegaraan",
     "kebangsaan", "citizenship", "citizenships"}
)  # fmt: skip
PEOPLE_WORDS = frozenset({"orang", "people"})  # "orang mana": people from which country
# "kicked out of the country", "left this country", "negara ini": Indonesia, not a country asked
MOVED_ACROSS = frozenset(
    {"of", "from", "in", "into", "leave", "left", "leaving", "enter", "entered"}
)


HERE = frozenset({"ini", "this"})  # "negara ini", "this country": where the asker is


def points_back(tokens: list[str], references: set[tuple[str, ...]]) -> bool:
    """Whether a reference word points back at the previous answer ("berapa persen dari
    itu?"), not at the country the asker is in ("berapa WNA di negara ini?")."""
    for i, token in enumerate(tokens):
        if (token,) not in references:
            continue
        beside = {tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens)}
        if not (token in HERE and beside & COUNTRY_WORDS):
            return True
    return has_phrase(tokens, {p for p in references if len(p) > 1})


WITHIN = frozenset({"in", "within", "inside", "across", "di", "dalam", "seluruh"})


def in_home_country(tokens: list[str]) -> bool:
    """Whether the question is about the whole country the asker is in ("how many
    foreigners live in this country?", "berapa WNA di negara ini?"), not about an office."""
    for i, token in enumerate(tokens):
        country = token == "country" and i >= 2 and tokens[i - 1] in HERE | {"the"}
        if country and tokens[i - 2] in WITHIN:
            return True
        negara = token == "negara" and tokens[i + 1 : i + 2] == ["ini"] and i >= 1
        if negara and tokens[i - 1] in WITHIN:
            return True
    return False


def asks_countries(tokens: list[str], named: set[int]) -> bool:
    """Whether a word for countries asks which ones ("dari negara mana", "by nationality"),
    unlike the country the people are in or leave ("deported out of the country")."""
    for i, token in enumerate(tokens):
        if token == "mana" and i and tokens[i - 1] in PEOPLE_WORDS:
            return True  # "yg dideportasi org mana aja": of which nationality
        if token not in COUNTRY_WORDS or i in named:
            continue
        before = tokens[max(i - 2, 0) : i]
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        home = (token == "country" and len(before) == 2 and before[1] in ("the", "this")
                and (before[0] in MOVED_ACROSS or before[1] == "this"))  # fmt: skip
        if not home and not (token == "negara" and after == "ini"):
            return True
    return False


def _add(items: list, value) -> None:
    if value not in items:
        items.append(value)


OWNERS_BEFORE = frozenset({"my", "our"})  # English puts the owner first: "my boss"
OWNERS_AFTER = frozenset({"saya", "aku", "kami", "gue", "gw", "ku"})  # "atasan saya"


def owned_by_asker(tokens: list[str], start: int, end: int) -> bool:
    """Whether the words at ``start``..``end`` are the asker's ("my boss", "agen visa saya")."""
    before = tokens[start - 1] if start else ""
    after = tokens[end] if end < len(tokens) else ""
    return before in OWNERS_BEFORE or after in OWNERS_AFTER


OFFICE_WORDS = frozenset({"kantor", "office", "kanim"})


def names_own_office(tokens: list[str]) -> bool:
    """Whether the asker names their own office ("kantor kami", "our office"), which a
    clause about the asker may name ("Saya dari Kantor Imigrasi Jakarta Selatan")."""
    if OFFICE_WORDS.isdisjoint(tokens):
        return False
    return any(t in OFFICE_WORDS and owned_by_asker(tokens, i, i + 1) for i, t in enumerate(tokens))


def follows(tokens: list[str], start: int, phrases: set[tuple[str, ...]]) -> bool:
    """Whether one of ``phrases`` ends right before ``start``, lead words ("total",
    "yang", ...) in between allowed."""
    while True:
        for n in range(1, min(start, 3) + 1):
            if tuple(tokens[start - n : start]) in phrases:
                return True
        if not (start and tokens[start - 1] in LEAD_WORDS):
            return False
        start -= 1


def excluded_after(
    tokens: list[str], match: Match, phrases: set[tuple[str, ...]], wholes=frozenset()
) -> bool:
    """Whether a leaving-out word follows the name: "Korea excluded", "leave Korea out";
    not the start of a whole (``wholes``): "ITAS out of all permits"."""
    after = tuple(tokens[match.end : match.end + 3])
    if after[:2] in wholes:
        return False
    return after[:1] in phrases or after[:2] in phrases or after in phrases


def listed_after(tokens: list[str], previous: Match, match: Match, conjunctions) -> bool:
    """Whether ``match`` continues a list begun by ``previous`` ("Korea, Jepang dan China")."""
    kinds = {e.kind for e in previous.entries}
    between = tokens[previous.end : match.start]  # ("the Koreans and the Japanese")
    listed = all(t in conjunctions or (t in LEAD_WORDS and i) for i, t in enumerate(between))
    return bool(kinds & {e.kind for e in match.entries}) and listed


def not_asked(found: Entities, tokens: list[str], match: Match, lexicon) -> bool:
    """A country that describes the asker ("I am Korean") or a thing ("Korean restaurant",
    "perusahaan Jepang"), not the people counted. Sets it aside; True when not asked."""
    after = tokens[match.end] if match.end < len(tokens) else ""
    before = tokens[match.start - 1] if match.start else ""
    persona = follows(tokens, match.start, lexicon.personas)
    if not persona and after not in lexicon.not_origin and before not in lexicon.not_origin:
        return False
    found.spans.append((match.start, match.end))
    if persona:
        found.persona_countries.extend(match.of_kind("country"))
    return True


def vague_exclusion(tokens: list[str], found: Entities, lexicon) -> bool:
    """An exclusion that names nothing we know: "WNA selain 5 negara" cannot be answered
    with the total. "selain itu" (besides that) excludes nothing."""
    if lexicon.excludes.starts.keys().isdisjoint(tokens):
        return False
    starts = {start for start, _ in found.spans}
    for i in range(len(tokens)):
        for n in (3, 2, 1):
            if tuple(tokens[i : i + n]) in lexicon.excludes:
                j = i + n
                while j < len(tokens) and tokens[j] in LEAD_WORDS:
                    j += 1
                rest = tokens[j] if j < len(tokens) else ""
                if j not in starts and (rest.isdigit() or rest in COUNTRY_WORDS):
                    return True
                break
    return False


def conjoined(tokens: list[str], matches: list[Match], conjunctions: set[str]) -> set[str]:
    """The figures named next to another with "dan", "and", "vs", ... between them: they
    are asked side by side ("ITAS dan WNA"), not one describing the other."""
    figures = [m for m in matches if m.of_kind("metric") or m.of_kind("group")]
    joined: set[str] = set()
    for a, b in pairwise(figures):
        if any(t in conjunctions for t in tokens[a.end : b.start]):
            joined.update(e.value for m in (a, b) for e in m.entries)
    return joined


def asked_apart(tokens: list[str], qualifiers, lexicon) -> list[str]:
    """The qualifiers each asked with a question word of its own ("ITAP baru brp,
    perpanjangan brp?"), not together ("baru dan perpanjangan berapa")."""
    askers = {p[0] for p in lexicon.questions}
    placed = sorted((tokens.index(shown), meant) for shown, meant in qualifiers if shown in tokens)
    apart: list[str] = []
    for (a, first), (b, second) in pairwise(placed):
        if askers.intersection(tokens[a + 1 : b]):
            apart.extend(m for m in (first, second) if m not in apart)
    return apart


def cited_year(tokens: list[str], i: int, labels: set[str]) -> bool:
    """Whether the year at ``i`` dates a numbered law or rule ("UU No 6 Tahun 2011",
    "PP 31/2013")."""
    back = tokens[max(i - 3, 0) : i]
    if back[-1:] == ["tahun"]:
        back = back[:-1]
    return len(back) >= 2 and back[-1].isdigit() and back[-2] in labels


def holders_narrowing(found: Entities, tokens: list[str], matches: list[Match], lexicon, base):
    """A figure whose people are named by another figure's holders ("how many permanent
    residents were deported?", "ITAS yang dideportasi"): the release never counts one
    among the other, so the holders narrow the figure asked (a qualifier), unless they are
    the population itself ("WNA yang dideportasi" asks deportations)."""
    population = base.metrics_with_country_breakdown() | {base.breakdown_metric()}
    links = lexicon.relativizers
    for a, b in pairwise(m for m in matches if m.of_kind("metric")):
        between = tokens[a.end : b.start]
        holders = set(a.of_kind("metric")) - population
        if not (between and holders and set(between) <= links):
            continue
        if set(b.of_kind("metric")) & holders or not set(found.metrics) >= holders:
            continue
        phrase = " ".join(tokens[a.start : a.end])
        abbr = base.row("metrics", "id", next(iter(holders))) or {}
        phrase = abbr.get("abbr") if phrase.upper() == abbr.get("abbr") else phrase  # "ITAS"
        found.metrics = [m for m in found.metrics if m not in holders]
        add_unique(found.qualifiers, (phrase, phrase))


def contrasted_places(found: Entities, tokens: list[str], matches: list[Match], lexicon) -> None:
    """Places named before a turn to an office ("temen saya di Surabaya bilang ..., kalau di
    Bekasi berapa?"): the office after "kalau"/"but" is asked, the places before are what
    someone else said."""
    offices = [m for m in matches if m.of_kind("office")]
    places = [m for m in matches if m.of_kind("place") and not m.of_kind("office")]
    if not (offices and places):
        return
    turns = [i for i, token in enumerate(tokens) if token in lexicon.contrasts]
    for place in places:
        turn = next((i for i in turns if i >= place.end), None)
        if turn is not None and any(office.start > turn for office in offices):
            found.places = [p for p in found.places if p not in place.of_kind("place")]
