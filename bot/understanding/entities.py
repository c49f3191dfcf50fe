"""Stage 3: the entities of a question: metrics, countries, year, place, ..."""

from __future__ import annotations

from bot.facts.base import FactBase
from bot.model.frame import Entities, add_unique
from bot.understanding.comparisons import read_comparison, read_times_said
from bot.understanding.corrections import read_correction
from bot.understanding.lexis import cue_phrases, lexis
from bot.understanding.operations import (
    fraction_claimed,
    fractions_said,
    read_beside_factor,
    read_fraction_between,
    read_percent_of,
    read_product,
)
from bot.understanding.phrases import Phrases, has_phrase, occurrences
from bot.understanding.quantities import take_numbers
from bot.understanding.rank_counts import (
    among_count,
    excluded_top,
    first_to,
    listed_positions,
    top_count,
)
from bot.understanding.rounding import read_rounding
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
    vague_exclusion,
)
from bot.understanding.vocabulary import EXACT_SCORE, Match
from bot.understanding.wholes import take_whole

TOTAL_WORDS = frozenset({"total", "totalnya", "keseluruhan", "seluruhnya"})  # "the total minus"
FAMILY = {"metric": "figure", "group": "figure"}
SHORT_TOTAL_WORDS = 4  # "jumlahnya berapa ya?": a total asked of what came before
BARE_RATE_WORDS = 4  # "kalau per bulan berapa?": a rate alone, asked of the figure before
HOME_KINDS = ("negara",)  # places.csv: the country the offices are in
FLAG_PHRASES = (
    "references", "rest", "also", "forecasts", "opinions", "counts", "unmeasured", "either",
    "country_counts", "person_questions", "count_questions", "every", "exceeds", "falls_short",
    "among", "combined", "scales", "middles", "mentions", "vague_before",
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
        kinds = match.by_kind
        if "country" in kinds and not_asked(found, tokens, match, lexicon):
            continue
        listed = excluding and listed_after(tokens, excluding, match, lexicon.conjunctions)
        after = excluded_after(tokens, match, lexicon.excludes_after, lexicon.whole_markers)
        gap = match.start > 0 and not any(m.end == match.start for m in matches)
        before = follows(tokens, match.start, lexicon.excludes) or (
            gap and follows(tokens, match.start - 1, lexicon.excludes)
        )  # one word between: "rather than administrative deportation", "except for Japanese"
        # "eh bukan, Taiwan": a correction's "bukan" takes back what came before, not
        # the name after it (but "eh bukan Korea tapi Taiwan" does leave Korea out)
        if before and follows(tokens, match.start, lexicon.repairs):
            before = not lexicon.contrasts.isdisjoint(tokens[match.end :])
        country = subtracting and "country" in kinds
        # "total WNA dikurangi China", "8940 minus Korea": a country out of the whole named
        # before it ("Korea dikurangi Jepang", "ITAS dikurangi ITK" stay differences)
        # "dikurangi (WNA) Korea": where what is taken away begins
        taken_from = _past_metrics(matches, match.start) if subtracting else match.start
        if subtracting and "metric" in kinds and follows(tokens, match.start, lexicon.subtracts):
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
        if placing and "country" in kinds and follows(tokens, match.start, lexicon.next_places):
            # "which country is largest after Korea?": the place after Korea's is asked
            found.spans.append((match.start, match.end))
            found.after = kinds["country"][0]
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
        if "country" in kinds:
            country_starts.append(match.start)
        if not kinds.keys().isdisjoint(SUBJECT_KINDS):
            english = all(e.lang == "en" for e in match.entries)
            found.subject_spans.append((match.start, match.end, english))
        if "topic" in kinds and not owned_by_asker(tokens, match.start, match.end):
            found.topic_spans.append((match.start, match.end))  # not "my visa agent"
        if "metric" in kinds:
            found.metric_phrases.append(tuple(tokens[match.start : match.end]))
            found.names_total = found.names_total or follows(tokens, match.start, lexicon.totals)
    holders_narrowing(found, tokens, matches, lexicon, base)
    contrasted_places(found, tokens, matches, lexicon)
    complete_names(tokens, list(found.metric_phrases), found, words.vocabulary)
    # ("ITAS dibagi jumlah WNA": divided by, side by side too)
    found.conjoined = conjoined(tokens, matches, lexicon.side_by_side)
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
    found.region_leads = bool(found.places) and _region_leads(matches)
    named = {i for start, end in found.spans for i in range(start, end)}  # "warga negara"
    found.names_countries = asks_countries(tokens, named)
    if in_home_country(tokens):  # "in this country": the whole country, no office's figure
        for place in base.places_of_kind(HOME_KINDS):
            add_unique(found.places, place)
    present = lexicon.present(tuple(tokens), FLAG_PHRASES)
    found.refers = "references" in present and points_back(tokens, lexicon.references)
    found.rest = "rest" in present
    found.also, found.forecast = "also" in present, "forecasts" in present
    found.each = not lexicon.each_words.isdisjoint(tokens)
    found.asks_why = not lexicon.why_words.isdisjoint(tokens)
    found.narrows_before = not lexicon.narrowing_before.isdisjoint(tokens)
    found.opinion = "opinions" in present
    found.rough = "vague_before" in present  # "roughly how many per week"
    found.bare_rate = len(tokens) <= BARE_RATE_WORDS and _only_rates(found, lexicon)
    found.counting, found.unmeasured = "counts" in present, "unmeasured" in present
    found.either, found.every = "either" in present, "every" in present
    found.among, found.combined = "among" in present, "combined" in present
    found.middle, found.mentions = "middles" in present, "mentions" in present
    # "and the total WNA?" names WNA's figure; "tambah total ITAP" still adds it
    adding = occurrences(tokens, base.derived("adding_cues", _adding_cues))
    found.names_total = found.names_total and not adding
    adding = [a for a in adding if _named_before_and_after(found.subject_spans, *a)]
    found.adds_between = bool(adding)
    if found.also and adding:  # "ITK plus ITAP": "plus" adds the two, not to what came before
        found.also = any(a not in adding for a in occurrences(tokens, lexicon.also))
    found.scaled = found.scaled or "scales" in present  # (or "x 2" read with the numbers)
    if "scales" in present and not found.factor:  # "setengah dari ITAS": "/2"
        said = [(p, f) for p, f in lexicon.scale_factors.items() if has_phrase(tokens, {p})]
        found.factor = said[0][1] if said else ""
        if said and any((w,) in lexicon.ordinals for w in said[0][0]):
            found.ordinal = None  # "a tenth of": no tenth place ("double the first": one)
    fractions = fractions_said(tokens, lexicon)
    claimed = found.whole and "scales" in present
    claimed = claimed or fraction_claimed(tokens, fractions, lexicon)
    if claimed and (found.countries or found.metrics):
        # "Jepang sepertiga dari total WNA, betul?", "a third of the foreigners are
        # Korean": the part's share of the whole, said as a fraction
        found.scaled, found.fraction, found.factor = False, True, ""
        found.ordinal = None  # ("a third of": no third place)
    read_times_said(found, tokens, lexicon)
    read_product(found, tokens, lexicon)
    read_rounding(found, tokens, lexicon)
    found.names_unit = not words.unit_words.isdisjoint(tokens)
    read_percent_of(found, tokens, lexicon)
    if len(tokens) <= SHORT_TOTAL_WORDS:  # "jumlahnya berapa?"
        asked = tuple(t for t in tokens if (t,) not in lexicon.count_questions)
        found.only_total = asked in lexicon.totals
    last = max((end for _, end, _ in found.subject_spans), default=len(tokens))
    several = len(found.subject_spans) > 1
    found.total_after = several and has_phrase(tokens[last:], lexicon.totals)
    found.percent_after = several and has_phrase(tokens[last:], cue_phrases(base, "share"))
    found.of_those = not found.among and _of_those(tokens, found, lexicon)
    read_comparison(found, tokens, lexicon, present, country_starts)
    read_beside_factor(found, tokens, fractions, lexicon)
    read_fraction_between(found, fractions)
    if found.fraction or found.factor:  # "China a quarter of foreigners?": no quarter year
        words_said = lexicon.fraction_words
        found.qualifiers = [q for q in found.qualifiers if not set(q[0].split()) <= words_said]
    found.names_item = has_phrase(tokens, words.items)
    found.asks_no_number = "person_questions" in present and "count_questions" not in present
    found.counts_countries = "country_counts" in present
    found.names_thing = not lexicon.not_origin.isdisjoint(tokens)
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
    read_correction(found, tokens, lexicon)
    found.own_office = names_own_office(tokens)
    if found.after and (found.countries or found.ordinal or found.count):
        # "Japan is behind Korea by how many?", "terbanyak ketiga setelah Korea": Korea is
        # named as itself, no place after it asked
        add_unique(found.countries, found.after)
        found.after = ""
    return found


def _of_those(tokens: list[str], found: Entities, lexicon) -> bool:
    """ "(WNA India berapa) dan yang dideportasi berapa", "... dan berapa yang dari China":
    a part joined on by "dan (berapa) yang" may ask among those just named ("dan berapa
    orang yang ..." asks people of its own)."""
    if len(tokens) < 3 or tokens[0] not in lexicon.and_words:
        return False
    at = 2 if (tokens[1],) in lexicon.questions else 1
    return tokens[at] in lexicon.relativizers and at < len(tokens) - 1


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


def _region_leads(matches: list[Match]) -> bool:
    """Whether a place is named before every country, and no country twice ("Asia Timur
    (Korea, Jepang, China)"; not "Korea berapa persen dari Asia Timur (Korea, ...)")."""
    places = [m.start for m in matches if m.of_kind("place")]
    countries = [m for m in matches if m.of_kind("country")]
    codes = [c for m in countries for c in set(m.of_kind("country"))]
    if not places or len(codes) != len(set(codes)):
        return False
    return all(min(places) < m.start for m in countries)


def _only_rates(found: Entities, lexicon) -> bool:
    """Whether the only thing named is a rate ("per month?", "dan per minggu?")."""
    rates = [q for q in found.qualifiers if tuple(q[1].split()) in lexicon.rates]
    return bool(rates) and len(rates) == len(found.qualifiers) and not found.has_subject()


def _named_before_and_after(spans, start: int, end: int) -> bool:
    """Whether a subject is named before ``start`` and another after ``end``."""
    return any(e <= start for _, e, _ in spans) and any(s >= end for s, _, _ in spans)


def _adding_cues(base: FactBase) -> Phrases:
    """The cue phrases of a sum that add ("tambah", "plus"), not those naming a total."""
    totals = lexis(base).lexicon.totals
    return Phrases(c for c in cue_phrases(base, "sum") if c not in totals)
