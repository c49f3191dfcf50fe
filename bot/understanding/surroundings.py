"""What surrounds a name in a question: exclusions ("selain Korea"), the whole of a
share ("dari total izin tinggal"), words about the asker ("saya orang Jepang") and things
a country describes ("restoran Korea")."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from bot.model.frame import add_unique
from bot.understanding.lexis import lexis
from bot.understanding.phrases import has_phrase
from bot.understanding.vocabulary import Match

if TYPE_CHECKING:
    from bot.facts.base import FactBase
    from bot.model.frame import Entities

LEAD_WORDS = frozenset(
    {"total", "seluruh", "semua", "jumlah", "keseluruhan", "all", "the", "yang", "dari", "from"}
    | {"orang", "warga", "a", "an", "berasal", "asal", "aktif", "active", "registered"}
    # "of all three stay permit types", "dari ketiga izin tinggal": how many it has
    | {"both", "two", "three", "four", "dua", "tiga", "empat", "kedua", "ketiga", "keempat"}
)
SUBJECT_KINDS = ("metric", "group", "country")
OF_WORDS = frozenset({"dari", "of", "terhadap"})  # "persen Taiwan dari India": of what
SHARE_GLUE = frozenset({"as", "a", "an", "sebagai", "berapa", "what", "is", "itu"})
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


COUNT_NOUNS = frozenset({"number", "count", "amount", "figure", "total"})  # "number of X"
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
        for n in (1, 2, 3):
            if tuple(tokens[max(0, start - n) : start]) in phrases:
                return True
        if not (start and tokens[start - 1] in LEAD_WORDS):
            return False
        start -= 1


def excluded_after(tokens: list[str], match: Match, phrases: set[tuple[str, ...]]) -> bool:
    """Whether a leaving-out word follows the name: "Korea excluded"."""
    return any(tuple(tokens[match.end : match.end + n]) in phrases for n in (1, 2, 3))


def listed_after(tokens: list[str], previous: Match, match: Match, conjunctions) -> bool:
    """Whether ``match`` continues a list begun by ``previous`` ("Korea, Jepang dan China")."""
    kinds = {e.kind for e in previous.entries}
    between = tokens[previous.end : match.start]
    return bool(kinds & {e.kind for e in match.entries}) and all(t in conjunctions for t in between)


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


def take_whole(
    found: Entities, tokens: list[str], matches: list[Match], markers, base: FactBase
) -> list[Match]:
    """Set aside the whole of a share: "persen ITAS dari total izin tinggal", "share of
    stay permits", "persen WNA Taiwan dari WNA India". A country right after a marker is
    an origin ("WNA dari Korea"), not a whole. A whole written as its members ("dari total
    ITK, ITAS dan ITAP", "dari izin tinggal (ITK+ITAS+ITAP)") is their group. Returns the
    other matches."""
    candidates = [
        k
        for k in range(len(matches) - 1, -1, -1)
        if follows(tokens, matches[k].start, markers)
        and (matches[k].of_kind("metric") or matches[k].of_kind("group"))
        and not _asks_a_gap(tokens[: matches[k].start], base)  # "persen ITAS lebih banyak dari ITK"
    ]
    if not candidates:
        return _country_whole(found, tokens, matches, base)
    # "what percent of active foreigners is that number of deportations": the whole is
    # the one right after the share word, when the others only follow "number of" ("share
    # of ITK in total stay permits", "percentage of ITAS of all permits": the whole last)
    share = base.derived("share_cues", _share_cues)
    marked = {k: _marker_before(tokens, matches[k].start, markers) for k in candidates}
    first = [k for k in candidates if follows(tokens, marked[k][0], share)]
    weak = all(
        marked[k][1] == ("of",) and marked[k][0] > 0 and tokens[marked[k][0] - 1] in COUNT_NOUNS
        for k in candidates
        if k not in first
    )
    index = first[0] if first and weak else candidates[0]
    whole = matches[index]
    found.whole = {e.kind: e.value for e in whole.entries if e.kind in ("metric", "group")}
    listed = _listed_whole(found, tokens, matches, index, base)
    rest = [m for k, m in enumerate(matches) if k != index and m not in listed]
    for match in listed:
        found.spans.append((match.start, match.end))
    after = matches[index + 1] if index + 1 < len(matches) else None
    if after and after.start == whole.end and after.of_kind("country") and "metric" in found.whole:
        rest.remove(after)
        if not any(m.of_kind(k) for m in rest for k in SUBJECT_KINDS):
            # "percentage of WNA China": with nothing else named, that is the part
            found.whole = {}
            return matches
        found.whole["country"] = after.of_kind("country")[0]
        found.spans.append((after.start, after.end))
    found.spans.append((whole.start, whole.end))
    return rest


def _country_whole(found: Entities, tokens, matches: list[Match], base) -> list[Match]:
    """ "persen Taiwan dari India", "Taiwanese as a percentage of Indians": after a share
    word, a country right after "dari"/"of" that follows another country (share words
    between at most) is the whole asked, which no country is of another; "persen WNA dari
    Korea" names an origin, "persen lebih banyak Korea dari Jepang" a gap."""
    share = base.derived("share_cues", _share_cues)
    for part, whole in pairwise(matches):
        if not (whole.of_kind("country") and part.of_kind("country")):
            continue
        start = whole.start - 1
        between = tokens[part.end : start]  # "as a percentage"; not "lebih sedikit" (than)
        if (
            start >= part.end
            and tokens[start] in OF_WORDS
            and all(t in SHARE_GLUE or (t,) in share for t in between)
            and has_phrase(tokens[:start], share)
            and not _asks_a_gap(tokens, base)
        ):
            # "India of Korea and Japan combined": every country listed on is of the whole
            joins = lexis(base).lexicon.and_words
            later = matches[matches.index(whole) + 1 :]
            listed = [whole, *_listed_on(tokens, whole.end, later, joins)]
            codes = [m.of_kind("country")[0] for m in listed]
            found.whole = {"country": codes[0], "countries": ",".join(codes)}
            found.spans.extend((m.start, m.end) for m in listed)
            return [m for m in matches if m not in listed]
    return matches


def _listed_on(tokens: list[str], end: int, after: list[Match], joins) -> list[Match]:
    """The countries listed right on from a name ending at ``end``: "(Korea) and Japan",
    "(Korea), Japan"."""
    listed = []
    for match in after:
        if not match.of_kind("country") or not set(tokens[end : match.start]) <= joins:
            break
        listed.append(match)
        end = match.end
    return listed


def _asks_a_gap(tokens, base: FactBase) -> bool:
    lexicon = lexis(base).lexicon
    return has_phrase(tokens, lexicon.exceeds) or has_phrase(tokens, lexicon.falls_short)


def _share_cues(base: FactBase) -> frozenset[tuple[str, ...]]:
    """The cue phrases of a share ("persen", "percent of"), found once per base."""
    return frozenset(cue for cue, intents in lexis(base).cues.items() if "share" in intents)


def _marker_before(tokens: list[str], start: int, markers) -> tuple[int, tuple[str, ...]]:
    """(where it starts, the marker) of the whole marker before ``start``."""
    while start and tokens[start - 1] in LEAD_WORDS:
        start -= 1
    for n in (3, 2, 1):
        if n <= start and tuple(tokens[start - n : start]) in markers:
            return start - n, tuple(tokens[start - n : start])
    return start, ()


def _listed_whole(found: Entities, tokens, matches, index: int, base: FactBase) -> list[Match]:
    """The metrics listed right after the whole that belong to it: the members of a group
    named as a whole, or the rest of a list of metrics that makes up a group."""
    conjunctions = lexis(base).lexicon.conjunctions
    listed: list[Match] = []
    group = "group" in found.whole
    for k in range(index + 1, len(matches)):
        previous, match = matches[k - 1], matches[k]
        # "izin tinggal (ITK+ITAS+ITAP)": a group's members right after it describe it
        spelled_out = group and k == index + 1 and match.start == previous.end
        if not (
            match.of_kind("metric")
            and (spelled_out or listed_after(tokens, previous, match, conjunctions))
        ):
            break
        listed.append(match)
    named = {m for match in listed for m in match.of_kind("metric")}
    if group:
        members = set(base.group_members(found.whole["group"]))
        listed = [match for match in listed if set(match.of_kind("metric")) <= members]
        spelled = {m for match in listed for m in match.of_kind("metric")}
        return listed if spelled == members else []  # "persen izin tinggal ITAS": the part
    if "metric" in found.whole and listed:
        named.add(found.whole["metric"])
        group = next(
            (g for g in base.groups_of(list(named)) if set(base.group_members(g)) == named), None
        )
        if group:
            found.whole = {"group": group}
            return listed
    return []


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
