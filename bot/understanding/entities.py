"""Stage 3: the entities of a question: metrics, countries, year, place, ..."""

from __future__ import annotations

from bot.facts.base import FactBase
from bot.model.frame import Entities, add_unique
from bot.understanding.lexis import lexis
from bot.understanding.phrases import has_phrase, starts_with
from bot.understanding.quantities import take_numbers
from bot.understanding.rank_counts import (
    among_count,
    excluded_top,
    first_to,
    listed_positions,
    top_count,
    top_counts,
)
from bot.understanding.strays import (
    take_unknown_modifiers,
    take_unknown_places,
)
from bot.understanding.surroundings import (
    SUBJECT_KINDS,
    asked_apart,
    asks_countries,
    conjoined,
    contrasted_places,
    excluded_after,
    follows,
    holders_narrowing,
    in_home_country,
    listed_after,
    names_own_office,
    not_asked,
    owned_by_asker,
    points_back,
    take_whole,
    vague_exclusion,
)
from bot.understanding.vocabulary import EXACT_SCORE, Match

MAX_COMPARISON_GAP = 5  # words between "more" and "than": "more residents from Japan than"
SHORT_DENIAL = 4  # "bukan, India", "bukan China, India": a short reply that corrects
TOTAL_WORDS = frozenset({"total", "totalnya", "keseluruhan", "seluruhnya"})  # "the total minus"
COMPARED_FROM = frozenset({"dari"})  # "Korea lebih banyak dari India dan Taiwan"
FAMILY = {"metric": "figure", "group": "figure"}
HOME_KINDS = ("negara",)  # places.csv: the country the offices are in
FLAG_PHRASES = (
    "references", "rest", "also", "forecasts", "counts", "unmeasured", "either", "country_counts",
    "person_questions", "count_questions", "every", "exceeds", "falls_short", "among",
    "combined", "scales",
)  # fmt: skip


def extract_entities(tokens: list[str], base: FactBase) -> Entities:
    """Find every entity in ``tokens`` using the fact base's vocabulary and lexicon."""
    words = lexis(base)
    lexicon = words.lexicon
    found = Entities()
    matches = words.vocabulary.find(tokens, known=words.sure_words)
    # (the residents themselves join no figure: "foreigners got deportated" asks deportations)
    population = base.breakdown_metric()
    exact = {
        FAMILY.get(e.kind, e.kind)
        for m in matches
        if m.score == EXACT_SCORE
        for e in m.entries
        if e.value != population
    }
    redundant = [
        m
        for m in matches
        # "how many ITAS in the report": a near-word never joins an exact name of its kind,
        # unless it is listed with one ("deportd plus prosecuted")
        if m.score < EXACT_SCORE
        and {FAMILY.get(e.kind, e.kind) for e in m.entries} & exact
        and not _listed_with_another(tokens, m, matches, lexicon.conjunctions)
    ]
    found.spans.extend((m.start, m.end) for m in redundant)
    matches = [m for m in matches if m not in redundant]
    excluding: Match | None = None
    subtracting = not lexicon.subtract_words.isdisjoint(tokens)  # "dikurangi", "minus"
    placing = not lexicon.next_place_words.isdisjoint(tokens)  # "setelah", "after"
    country_starts: list[int] = []
    for match in take_whole(found, tokens, matches, lexicon.whole_markers, base):
        if match.of_kind("country") and not_asked(found, tokens, match, lexicon):
            continue
        listed = excluding and listed_after(tokens, excluding, match, lexicon.conjunctions)
        after = excluded_after(tokens, match, lexicon.excludes_after)
        gap = match.start > 0 and not any(m.end == match.start for m in matches)
        before = follows(tokens, match.start, lexicon.excludes) or (
            gap and follows(tokens, match.start - 1, lexicon.excludes)
        )  # one word between: "rather than administrative deportation", "except for Japanese"
        # "eh bukan, Taiwan": a correction's "bukan" takes back what came before, not
        # the name after it (but "eh bukan Korea tapi Taiwan" does leave Korea out)
        if before and follows(tokens, match.start, lexicon.repairs):
            before = not lexicon.contrasts.isdisjoint(tokens[match.end :])
        country = subtracting and match.of_kind("country")
        # "total WNA dikurangi China", "8940 minus Korea": a country out of the whole named
        # before it ("Korea dikurangi Jepang", "ITAS dikurangi ITK" stay differences)
        # "dikurangi (WNA) Korea": where what is taken away begins
        taken_from = _past_metrics(matches, match.start) if subtracting else match.start
        if (
            subtracting
            and match.of_kind("metric")
            and follows(tokens, match.start, lexicon.subtracts)
        ):
            found.subtracts = True  # "ITAS? | kurangi ITAP": a figure taken from another
        if country and follows(tokens, taken_from, lexicon.subtracts):
            found.subtracts = True
            # a whole before the subtracting word ("kurangi WNA Jepang" after Korea names
            # Japan's residents, not a whole)
            whole_before = any(m.of_kind("metric") and m.end < taken_from for m in matches)
            whole_before = whole_before or any(
                t.isdigit() or t in TOTAL_WORDS for t in tokens[: match.start]
            )
            before = before or bool(whole_before and not found.countries)
        if (
            placing
            and match.of_kind("country")
            and follows(tokens, match.start, lexicon.next_places)
        ):
            # "which country is largest after Korea?": the place after Korea's is asked
            found.spans.append((match.start, match.end))
            found.after = match.of_kind("country")[0]
            continue
        if listed or after or before:
            # "selain Korea dan Jepang": every name of the list is left out, not asked
            found.spans.append((match.start, match.end))
            for entry in match.entries:
                add_unique(found.excluded, (entry.kind, entry.value))
            excluding = match
            continue
        excluding = None
        _take_match(found, match)
        if match.of_kind("country"):
            country_starts.append(match.start)
        if any(match.of_kind(k) for k in SUBJECT_KINDS):
            english = all(e.lang == "en" for e in match.entries)
            found.subject_spans.append((match.start, match.end, english))
        if match.of_kind("topic") and not owned_by_asker(tokens, match.start, match.end):
            found.topic_spans.append((match.start, match.end))  # not "my visa agent"
        if match.of_kind("metric"):
            found.metric_phrases.append(tuple(tokens[match.start : match.end]))
    holders_narrowing(found, tokens, matches, lexicon, base)
    contrasted_places(found, tokens, matches, lexicon)
    complete_names(tokens, list(found.metric_phrases), found, words.vocabulary)
    found.conjoined = conjoined(tokens, matches, lexicon.conjunctions)
    found.compatriot = has_phrase(tokens, lexicon.compatriots)
    if found.compatriot:
        for code in found.persona_countries:  # "I'm Korean: how many of my countrymen?"
            add_unique(found.countries, code)
    found.vague_exclusion = vague_exclusion(tokens, found, lexicon)
    take_numbers(found, tokens, base)
    if len(found.qualifiers) > 1:
        found.asked_apart = asked_apart(tokens, found.qualifiers, lexicon)
    take_unknown_places(found, tokens, base)
    take_unknown_modifiers(found, tokens, base)
    named = {i for start, end in found.spans for i in range(start, end)}  # "warga negara"
    found.names_countries = asks_countries(tokens, named)
    if in_home_country(tokens):  # "in this country": the whole country, no office's figure
        for place in base.places_of_kind(HOME_KINDS):
            add_unique(found.places, place)
    present = lexicon.present(tuple(tokens), FLAG_PHRASES)
    found.refers = "references" in present and points_back(tokens, lexicon.references)
    found.rest = "rest" in present
    found.also, found.forecast = "also" in present, "forecasts" in present
    found.counting, found.unmeasured = "counts" in present, "unmeasured" in present
    found.either, found.every = "either" in present, "every" in present
    found.among, found.combined = "among" in present, "combined" in present
    found.scaled = found.scaled or "scales" in present  # (or "x 2" read with the numbers)
    found.of_those = not found.among and _of_those(tokens, found, lexicon)
    split = split_comparison(tokens, lexicon)
    found.falls_short = "falls_short" in present or split == "falls_short"
    found.exceeds = "exceeds" in present or found.falls_short or bool(split)
    if found.multiple and len(found.countries) == 1:  # "lebih dari 5 kali lipat India"
        found.exceeds, found.falls_short = True, found.multiple[0] == "<"
    if found.exceeds and _comparison_negated(tokens, lexicon):
        found.falls_short = not found.falls_short  # "tidak lebih banyak dari India": fewer
    if found.exceeds and len(found.countries) == 1 and len(country_starts) == 1:
        found.beyond_country = _after_comparison(tokens, country_starts[0], lexicon)
    versus = lexicon.versus | COMPARED_FROM if found.exceeds else lexicon.versus
    if found.subtracts:  # "Korea dan Jepang dikurangi China": two sides, the first added up
        versus = versus | lexicon.subtract_words
    found.split = _sides_split(tokens, found.subject_spans, versus)
    first = min((start for start, _, _ in found.subject_spans), default=0)
    found.open_side = found.exceeds and any(t in versus for t in tokens[:first])
    found.names_item = has_phrase(tokens, words.items)
    found.asks_no_number = "person_questions" in present and "count_questions" not in present
    found.counts_countries = "country_counts" in present
    found.excluded_top = excluded_top(tokens, lexicon)
    found.top_count = top_count(tokens, lexicon)
    if found.top_count and first_to(tokens, lexicon):
        # "dari no 1 sampai 5": the first five, not the first
        found.ordinal = None if found.ordinal == 1 else found.ordinal
        found.count = None if found.count in (1, found.top_count) else found.count
    found.positions = listed_positions(tokens, lexicon)
    if found.positions:  # "peringkat 1 dan 2": two places, no count of two
        found.ordinal = found.positions[0]
        found.count = None if found.count in found.positions else found.count
    if found.count and found.top_count is None and among_count(tokens, found.count, lexicon):
        found.top_count, found.count = found.count, None  # "paling dikit dari 5 negara itu"
    found.corrects = _corrects(tokens, lexicon)
    if found.excluded_top and not lexicon.denials.isdisjoint(tokens[:2]):
        counts = top_counts(tokens, lexicon)  # "(eh) bukan top 3, top 5": top 5 is meant
        if len(counts) > 1 and counts[0] == found.excluded_top:
            found.excluded_top, found.top_count, found.corrects = None, counts[-1], True
            found.count = counts[-1] if found.count in counts else found.count
            found.vague_exclusion = False
    if found.corrects:  # "eh maksudnya ITAP": "maksudnya" corrects, it asks no meaning
        found.spans.append((0, _repair_length(tokens, lexicon)))
        if len(tokens) > 1 and (tokens[-1],) in lexicon.repairs:  # "..., Taiwan maksudnya"
            found.spans.append((len(tokens) - 1, len(tokens)))
    found.own_office = names_own_office(tokens)
    if found.after and (found.countries or found.ordinal or found.count):
        # "Japan is behind Korea by how many?", "terbanyak ketiga setelah Korea": Korea is
        # named as itself, no place after it asked
        add_unique(found.countries, found.after)
        found.after = ""
    return found


def _corrects(tokens: list[str], lexicon) -> bool:
    """Whether the message opens by correcting the turn before ("eh bukan, China", "I
    mean Indians", "bukan, India"); "eh kalau affidavit?" turns to something else."""
    if tokens[:1] and tokens[0] in lexicon.denials and len(tokens) <= SHORT_DENIAL:
        return True
    if not starts_with(tokens, lexicon.repairs):
        return False
    turns = lexicon.contrasts | lexicon.joiners
    if tuple(tokens[:2]) in lexicon.repairs:  # "eh salah, maksudnya ITAP"
        return True
    return not (len(tokens) > 1 and (tokens[0],) in lexicon.repairs and tokens[1] in turns)


def _of_those(tokens: list[str], found: Entities, lexicon) -> bool:
    """ "(WNA India berapa) dan yang dideportasi berapa", "... dan berapa yang dari China":
    a part joined on by "dan (berapa) yang" may ask among those just named ("dan berapa
    orang yang ..." asks people of its own)."""
    if len(tokens) < 3 or tokens[0] not in lexicon.and_words:
        return False
    at = 2 if (tokens[1],) in lexicon.questions else 1
    return tokens[at] in lexicon.relativizers and at < len(tokens) - 1


def _repair_length(tokens: list[str], lexicon) -> int:
    """How many words at the start correct ("eh salah, maksudnya ITAP": three)."""
    start = 0
    while True:
        ahead = tuple(tokens[start:])
        n = max((n for n in lexicon.repairs.lengths if ahead[:n] in lexicon.repairs), default=0)
        if not n:
            return start
        start += n


def _comparison_negated(tokens: list[str], lexicon) -> bool:
    """Whether a negation stands right before the comparison, or one word before it
    ("tidak lebih banyak dari", "do not have more ... than")."""
    for i in range(1, len(tokens)):
        if lexicon.negations.isdisjoint(tokens[max(0, i - 2) : i]):
            continue
        rest = tokens[i:]
        if tokens[i] in lexicon.split_comparatives or any(
            starts_with(rest, phrases) for phrases in (lexicon.exceeds, lexicon.falls_short)
        ):
            return True
    return False


def split_comparison(tokens: list[str], lexicon) -> str:
    """ "more Koreans than Japanese": the kind of a comparison whose words stand apart
    ("exceeds", "falls_short"), or ""."""
    opening = lexicon.split_comparatives
    if opening.keys().isdisjoint(tokens):
        return ""
    for i, token in enumerate(tokens):
        if token in opening:
            kind, closing = opening[token]
            if closing in tokens[i + 2 : i + 2 + MAX_COMPARISON_GAP]:
                return kind
    return ""


def _sides_split(tokens: list[str], spans: list[tuple[int, int, bool]], versus) -> int:
    """How many of the names come before the word between two sides of a comparison ("Korea
    than India and Taiwan combined": 1); 0 when no such word stands between names."""
    if versus.isdisjoint(tokens):
        return 0
    for i, token in enumerate(tokens):
        before = sum(1 for _, end, _ in spans if end <= i)
        if token in versus and 0 < before < len(spans):
            return before
    return 0


def _after_comparison(tokens: list[str], start: int, lexicon) -> bool:
    """Whether the name at ``start`` is what a comparison word measures against ("di
    bawah Jepang", "fewer than India"), not what it describes ("Korea lebih banyak")."""
    for n in (1, 2):  # "more than 2 times India", "lebih dari 2 kali lipat India"
        if start > n and tuple(tokens[start - n : start]) in lexicon.times:
            start = start - n - 1 if tokens[start - n - 1].isdigit() else start
            break
    return follows(tokens, start, lexicon.exceeds) or follows(tokens, start, lexicon.falls_short)


def _past_metrics(matches: list[Match], start: int) -> int:
    """Where the names of metrics right before ``start`` begin: "dikurangi WNA Korea"
    subtracts Korea's residents."""
    for match in reversed(matches):
        if match.end == start and match.of_kind("metric"):
            start = match.start
    return start


def _listed_with_another(tokens: list[str], match: Match, matches: list[Match], joiners) -> bool:
    """Whether a conjunction alone stands between ``match`` and another name."""
    for other in matches:
        if other is match:
            continue
        between = tokens[other.end : match.start] or tokens[match.end : other.start]
        if between and len(between) == 1 and between[0] in joiners:
            return True
    return False


def complete_names(tokens: list[str], phrases: list[tuple[str, ...]], found: Entities, vocabulary):
    """Read a bare last word as a sibling of a metric named by several words.

    "izin tinggal terbatas dan tetap" names ITAS and ITAP; after "izin tinggal
    terbatas", a follow-up "kalau yang tetap?" names ITAP.
    """
    covered = {i for start, end in found.spans for i in range(start, end)}
    for phrase in phrases:
        if len(phrase) < 2:
            continue
        for i, token in enumerate(tokens):
            candidate = (*phrase[:-1], token)
            if i in covered or candidate == phrase:
                continue
            for entry in vocabulary.exact.get(candidate, []):
                if entry.kind == "metric" and entry.value not in found.metrics:
                    found.metrics.append(entry.value)
                    found.spans.append((i, i + 1))


def _take_match(found: Entities, match: Match) -> None:
    found.spans.append((match.start, match.end))
    found.score = min(found.score, match.score)
    kinds = {
        "metric": found.metrics,
        "group": found.groups,
        "country": found.countries,
        "place": found.places,
        "office": found.offices,
        "topic": found.topics,
        "term": found.terms,
    }
    office = any(e.kind == "office" for e in match.entries)
    for entry in match.entries:
        if not (office and entry.kind == "place"):  # "Jakarta Selatan" names the office
            add_unique(kinds[entry.kind], entry.value)
    langs = {e.lang for e in match.entries if e.lang}
    if len(langs) == 1:
        found.lang_hints.append(langs.pop())
    if match.rivals:
        own = tuple(dict.fromkeys(e.value for e in match.entries if e.kind == match.rivals[0].kind))
        found.ties.append(own + tuple(dict.fromkeys(e.value for e in match.rivals)))
