"""The whole of a share: "persen ITAS dari total izin tinggal", "share of stay permits",
"persen Taiwan dari India", "dari total ITK, ITAS dan ITAP"."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from bot.model.text import split_list
from bot.understanding.lexis import cue_phrases, lexis
from bot.understanding.phrases import has_phrase
from bot.understanding.surroundings import LEAD_WORDS, SUBJECT_KINDS, follows, listed_after
from bot.understanding.vocabulary import Match

if TYPE_CHECKING:
    from bot.facts.base import FactBase
    from bot.model.frame import Entities


# "persen Taiwan dari India", "persen nya India": of what
OF_WORDS = frozenset({"dari", "of", "terhadap", "nya"})
FRACTION_REACH = 4  # "half of all the": the words from a fraction to its whole
COUNT_NOUNS = frozenset({"number", "count", "amount", "figure", "total"})  # "number of X"
# between the part and its whole: "Japanese count as a percentage of Koreans"
SHARE_GLUE = frozenset({"as", "a", "an", "sebagai", "berapa", "what", "is", "itu"}) | COUNT_NOUNS
# "what percent of China is India": the words from a whole named first to its part
COPULAS = frozenset({"is", "are", "itu", "adalah", "yang", "yg"})


def take_whole(
    found: Entities, tokens: list[str], matches: list[Match], markers, base: FactBase
) -> list[Match]:
    """Set aside the whole of a share: "persen ITAS dari total izin tinggal", "share of
    stay permits", "persen WNA Taiwan dari WNA India". A country right after a marker is
    an origin ("WNA dari Korea"), not a whole. A whole written as its members ("dari total
    ITK, ITAS dan ITAP", "dari izin tinggal (ITK+ITAS+ITAP)") is their group. Returns the
    other matches."""
    if not has_phrase(tokens, markers):  # (two questions in three say no "dari", "of", ...)
        return _country_whole(found, tokens, matches, base)
    candidates = [
        k
        for k in range(len(matches) - 1, -1, -1)
        if _after_marker(tokens, matches[k].start, markers)
        and (matches[k].of_kind("metric") or matches[k].of_kind("group"))
        # "persen ITAS lebih banyak dari ITK" asks a gap; "more than half of all foreigners"
        # a share
        and not (
            _asks_a_gap(tokens[: matches[k].start], base)
            and not _fraction_before(tokens, matches[k].start, base)
        )
    ]
    ratio = cue_phrases(base, "ratio")
    # "ratio of ITAS to ITK": "of" after a ratio word names its first side, no whole
    candidates = [
        k
        for k in candidates
        if not follows(tokens, _marker_before(tokens, matches[k].start, markers)[0], ratio)
    ]
    if not candidates:
        clipped = _clipped_group(tokens, matches, markers, base)
        if clipped:  # "itas brp persen dari total izin?": of all stay permits
            found.whole = {"group": clipped}
            return matches
        return _country_whole(found, tokens, matches, base)
    # "what percent of active foreigners is that number of deportations": the whole is
    # the one right after the share word, when the others only follow "number of" ("share
    # of ITK in total stay permits", "percentage of ITAS of all permits": the whole last)
    share = cue_phrases(base, "share")
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
    counted = whole.start > 0 and _counts_members(tokens[whole.start - 1])
    found.spans.append((whole.start - counted, whole.end))  # "3 izin tinggal": no count asked
    return rest


def _clipped_group(tokens: list[str], matches: list[Match], markers, base) -> str:
    """The group a share's whole names by the first word of its name alone, after a
    marker and a word for the total ("persen dari total izin?": izin tinggal), when it is
    the one group that holds every figure named as the part; "" otherwise."""
    parts = {v for m in matches for v in m.of_kind("metric")}
    if not parts or not has_phrase(tokens, cue_phrases(base, "share")):
        return ""
    totals = lexis(base).lexicon.totals
    for i in range(1, len(tokens) - 1):
        total = (tokens[i],) in totals and _after_marker(tokens, i, markers)
        if total and not any(m.start <= i + 1 < m.end for m in matches):
            groups = _groups_starting(tokens[i + 1], base)
            fits = [g for g in groups if parts <= set(base.group_members(g))]
            return fits[0] if len(fits) == 1 else ""
    return ""


def _groups_starting(word: str, base) -> list[str]:
    return base.derived("groups_by_first_word", _groups_by_first_word).get(word, [])


def _groups_by_first_word(base) -> dict[str, list[str]]:
    """The groups by the first word of their names of several words ("izin": stay permits)."""
    found: dict[str, list[str]] = {}
    for row in base.tables["groups"]:
        for alias in split_list(row["aliases_id"] + "|" + row["aliases_en"]):
            words = alias.split()
            if len(words) > 1 and row["id"] not in found.get(words[0], []):
                found.setdefault(words[0], []).append(row["id"])
    return found


def _country_whole(found: Entities, tokens, matches: list[Match], base) -> list[Match]:
    """ "persen Taiwan dari India", "Taiwanese as a percentage of Indians": after a share
    word, a country right after "dari"/"of" that follows another country (share words
    between at most) is the whole asked, which no country is of another; "persen WNA dari
    Korea" names an origin, "persen lebih banyak Korea dari Jepang" a gap."""
    share = cue_phrases(base, "share")
    for part, whole in pairwise(matches):
        if not (whole.of_kind("country") and part.of_kind("country")):
            continue
        if _whole_named_first(tokens, part, whole, share):
            part, whole = whole, part
            found.whole = {"country": whole.of_kind("country")[0]}
            found.spans.append((whole.start, whole.end))
            return [m for m in matches if m is not whole]
        start = whole.start - 1
        if start > 0 and (tokens[start],) in lexis(base).lexicon.combined:
            start -= 1  # "dari gabungan Korea, Jepang dan China": of the three together
        if tokens[start] not in OF_WORDS:
            # "India berapa persen China", "persen nya India": right after the share word,
            # when the clause asks no share of its own after it
            start = whole.start
            if (tokens[start - 1],) not in share or has_phrase(tokens[whole.end :], share):
                continue
        between = tokens[part.end : start]  # "as a percentage"; not "lebih sedikit" (than)
        if (
            start >= part.end
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


def _whole_named_first(tokens: list[str], first: Match, then: Match, share) -> bool:
    """ "what percent of China is India": a share word, "of", a country, "is", another
    country; the first is the whole."""
    before = first.start - 1
    return (
        before > 0
        and tokens[before] in OF_WORDS
        and (tokens[before - 1],) in share
        and 0 < then.start - first.end <= 2
        and set(tokens[first.end : then.start]) <= COPULAS
    )


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


def _marker_before(tokens: list[str], start: int, markers) -> tuple[int, tuple[str, ...]]:
    """(where it starts, the marker) of the whole marker before ``start``."""
    while start and (tokens[start - 1] in LEAD_WORDS or _counts_members(tokens[start - 1])):
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
        if any(set(match.of_kind("metric")) <= set(m.of_kind("metric")) for m in listed):
            break  # "(ITK, ITAS, ITAP), ITK itu berapa persen": the part, named again
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


def _fraction_before(tokens: list[str], start: int, base: FactBase) -> bool:
    """Whether a fraction of the whole ("half of all", "sepertiga dari total") stands
    right before ``start``."""
    return has_phrase(tokens[max(0, start - FRACTION_REACH) : start], lexis(base).lexicon.scales)


def _after_marker(tokens: list[str], start: int, markers) -> bool:
    """Whether a whole marker comes before ``start``, a count of members aside ("dari total
    3 izin tinggal")."""
    if start and _counts_members(tokens[start - 1]):
        start -= 1
    return follows(tokens, start, markers)


def _counts_members(token: str) -> bool:
    """ "dari total 3 izin tinggal": a digit before a whole counts its members."""
    return len(token) == 1 and token.isdigit()
