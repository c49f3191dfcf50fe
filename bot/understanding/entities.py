"""Stage 3: the entities of a question: metrics, countries, year, place, ..."""

from __future__ import annotations

from datetime import date

from bot.facts.base import FactBase
from bot.model.frame import Entities, add_unique
from bot.model.text import YEAR_RANGE
from bot.understanding.lexis import lexis
from bot.understanding.phrases import has_phrase
from bot.understanding.rank_counts import among_count, excluded_top, first_to, top_count
from bot.understanding.strays import (
    slip_of_qualifier,
    take_unknown_modifiers,
    take_unknown_places,
)
from bot.understanding.surroundings import (
    SUBJECT_KINDS,
    asked_apart,
    asks_countries,
    cited_year,
    conjoined,
    excluded_after,
    follows,
    holders_narrowing,
    in_home_country,
    listed_after,
    not_asked,
    points_back,
    take_whole,
    vague_exclusion,
)
from bot.understanding.vocabulary import EXACT_SCORE, Match

FAMILY = {"metric": "figure", "group": "figure"}
HOME_KINDS = ("negara",)  # places.csv: the country the offices are in
ORDINAL_PREFIXES = ("ke", "nomor", "urutan", "peringkat", "rank", "number", "no")
MAX_COUNT = 50
QUALIFIER_REACH = 6  # words (names and numbers aside) between a subject and its detail
FLAG_PHRASES = (
    "references", "rest", "also", "forecasts", "counts", "unmeasured", "either", "country_counts",
    "person_questions", "count_questions", "every",
)  # fmt: skip


def extract_entities(tokens: list[str], base: FactBase) -> Entities:
    """Find every entity in ``tokens`` using the fact base's vocabulary and lexicon."""
    words = lexis(base)
    lexicon = words.lexicon
    found = Entities()
    matches = words.vocabulary.find(tokens, known=words.sure_words)
    exact = {
        FAMILY.get(e.kind, e.kind) for m in matches if m.score == EXACT_SCORE for e in m.entries
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
    for match in take_whole(found, tokens, matches, lexicon.whole_markers, base):
        if match.of_kind("country") and not_asked(found, tokens, match, lexicon):
            continue
        listed = excluding and listed_after(tokens, excluding, match, lexicon.conjunctions)
        after = excluded_after(tokens, match, lexicon.excludes_after)
        gap = match.start > 0 and not any(m.end == match.start for m in matches)
        before = follows(tokens, match.start, lexicon.excludes) or (
            gap and follows(tokens, match.start - 1, lexicon.excludes)
        )  # one word between: "rather than administrative deportation", "except for Japanese"
        if listed or after or before:
            # "selain Korea dan Jepang": every name of the list is left out, not asked
            found.spans.append((match.start, match.end))
            for entry in match.entries:
                add_unique(found.excluded, (entry.kind, entry.value))
            excluding = match
            continue
        excluding = None
        _take_match(found, match)
        if any(match.of_kind(k) for k in SUBJECT_KINDS):
            english = all(e.lang == "en" for e in match.entries)
            found.subject_spans.append((match.start, match.end, english))
        if match.of_kind("topic"):
            found.topic_spans.append((match.start, match.end))
        if match.of_kind("metric"):
            found.metric_phrases.append(tuple(tokens[match.start : match.end]))
    holders_narrowing(found, tokens, matches, lexicon, base)
    complete_names(tokens, list(found.metric_phrases), found, words.vocabulary)
    found.conjoined = conjoined(tokens, matches, lexicon.conjunctions)
    found.compatriot = has_phrase(tokens, lexicon.compatriots)
    if found.compatriot:
        for code in found.persona_countries:  # "I'm Korean: how many of my countrymen?"
            add_unique(found.countries, code)
    found.vague_exclusion = vague_exclusion(tokens, found, lexicon)
    _take_numbers(found, tokens, base)
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
    found.names_item = has_phrase(tokens, words.items)
    found.asks_no_number = "person_questions" in present and "count_questions" not in present
    found.counts_countries = "country_counts" in present
    found.excluded_top = excluded_top(tokens, lexicon)
    found.top_count = top_count(tokens, lexicon)
    if found.top_count and first_to(tokens, lexicon):
        # "dari no 1 sampai 5": the first five, not the first
        found.ordinal = None if found.ordinal == 1 else found.ordinal
        found.count = None if found.count in (1, found.top_count) else found.count
    if found.count and found.top_count is None and among_count(tokens, found.count, lexicon):
        found.top_count, found.count = found.count, None  # "paling dikit dari 5 negara itu"
    return found


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


def _take_numbers(found: Entities, tokens: list[str], base: FactBase) -> None:
    """Years (also relative: "tahun lalu"), counts ("5 negara"), ordinals ("ketiga",
    "ke 3") and qualifiers ("per bulan") among the words no name covered."""
    words = lexis(base)
    lexicon = words.lexicon
    starts = lexicon.number_words
    taken = {i for start, end in found.spans for i in range(start, end)}
    for i in range(len(tokens)):
        if i in taken:
            continue
        token = tokens[i]
        counted = token.isdigit() or (token,) in lexicon.numbers
        after = counted and _relative_after(tokens, i, lexicon)  # "dua tahun sebelumnya"
        if after:
            add_unique(found.relative, after[0])
            taken.update(range(i, i + after[1]))
            continue
        if tokens[i] not in starts:
            meant = token not in words.sure_words and slip_of_qualifier(token, lexicon)
            if meant and _near_subject(found, tokens, i, i + 1):  # "new and extention"
                _take_qualifier(found, tokens, i, (tokens[i],), meant, lexicon)
            continue
        for n in range(starts[tokens[i]], 0, -1):
            window = tuple(tokens[i : i + n])
            if window in lexicon.relative_years:
                add_unique(found.relative, lexicon.relative_years[window])
                taken.update(range(i, i + n))
                break
            following = tokens[i + n] if i + n < len(tokens) else ""
            if window in lexicon.thresholds and following.isdigit() and found.threshold is None:
                found.threshold = (lexicon.thresholds[window], int(following))  # "lebih dari 1000"
                taken.update(range(i, i + n + 1))
                break
            if window in lexicon.qualifiers and _near_subject(found, tokens, i, i + n):
                _take_qualifier(found, tokens, i, window, lexicon.qualifiers[window], lexicon)
                taken.update(range(i, i + n))
                break
            if window in lexicon.ordinals and found.ordinal is None:
                found.ordinal = lexicon.ordinals[window]
                taken.update(range(i, i + n))
                break
            if n == 1 and window in lexicon.numbers and found.count is None:
                found.count = lexicon.numbers[window]
    not_claimed = lexicon.labels | lexicon.divisors  # "Pasal 72", "per 1000", "dibagi 365"
    for i, token in enumerate(tokens):
        if i not in taken and token.isdigit() and len(token) <= 6:
            before = tokens[i - 1] if i else ""
            # "dari 9000 WNA, berapa India?": a whole the asker assumes, no claim about India
            whole = follows(tokens, i, lexicon.whole_markers)
            claim = before not in not_claimed and not whole
            year = len(token) == 4 and int(token) in YEAR_RANGE  # "per 2020": as of 2020
            if year and _future_count(tokens, i, lexicon):
                year = False  # "WNA China 2.031 orang?": people counted, no year
            if before in lexicon.divisors and found.operand is None and not year:
                found.operand = int(token)
            labelled = before in lexicon.narrowing_labels and i - 1 not in taken
            if labelled and _near_subject(found, tokens, i - 1, i + 1):
                add_unique(found.qualifiers, (f"{before} {token}",) * 2)  # "pasal 71"
            if year and cited_year(tokens, i, lexicon.labels):
                continue  # "UU No. 6 Tahun 2011": the law's year, not a year asked
            _take_number(found, int(token), len(token), before, claim=claim, year=year)


def _relative_after(tokens: list[str], i: int, lexicon) -> tuple[str, int] | None:
    """The relative year a number starts ("2 years earlier": "before-2"), with its length."""
    token = tokens[i]
    value = int(token) if token.isdigit() and len(token) <= 2 else lexicon.numbers.get((token,))
    if not value:
        return None
    for tail, spec in lexicon.relative_patterns.items():
        if tuple(tokens[i + 1 : i + 1 + len(tail)]) == tail:
            return spec.replace("N", str(value)), len(tail) + 1
    return None


def _take_qualifier(found: Entities, tokens, i: int, window, meant: str, lexicon) -> None:
    """A detail asked ("per bulan"), left out ("bukan perpanjangan") or included ("including
    renewals", which narrows nothing)."""
    beside = {tokens[j] for j in (i - 1, i + len(window)) if 0 <= j < len(tokens)}
    if beside & lexicon.self_words:
        return  # "anak saya", "my kids": the asker's own, no detail of the figure
    if _negated(tokens, i, lexicon):
        add_unique(found.excluded, ("qualifier", meant))
    elif follows(tokens, i, lexicon.inclusive):
        add_unique(found.included, meant)
    else:
        add_unique(found.qualifiers, (" ".join(window), meant))


def _negated(tokens: list[str], start: int, lexicon) -> bool:
    """Whether a negation or exclusion word stands right before ``start``."""
    before = tokens[start - 1] if start else ""
    return before in lexicon.negations or follows(tokens, start, lexicon.excludes)


def _near_subject(found: Entities, tokens: list[str], start: int, end: int) -> bool:
    """Whether words start:end stand close to a subject ("ITAS per bulan", "WNA yang datang
    ke Bekasi untuk tujuan bekerja"), not in a sentence about something else ("I work in
    HR ... the number of ITAS"). Names and numbers between them ("in Bekasi in 2020") do
    not part them."""
    if not found.subject_spans:
        return True
    named = {i for a, b in found.spans for i in range(a, b)}

    def gap(a: int, b: int) -> int:
        return sum(1 for i in range(a, b) if i not in named and not tokens[i].isdigit())

    return any(
        gap(s_end, start) < QUALIFIER_REACH
        if start >= s_end
        else gap(end, s_start) < QUALIFIER_REACH
        for s_start, s_end, _ in found.subject_spans
    )


def _future_count(tokens: list[str], i: int, lexicon) -> bool:
    """Whether the year-like number at ``i`` is a count: a year still to come, followed by
    what it counts ("2031 orang", "2031 Chinese people")."""
    counted = not lexicon.counted_words.isdisjoint(tokens[i + 1 : i + 3])
    return counted and int(tokens[i]) > date.today().year


def _take_number(
    found: Entities, value: int, digits: int, before: str, *, claim: bool, year: bool = True
) -> None:
    if year and digits == 4 and value in YEAR_RANGE:
        add_unique(found.years, value)
    elif before in ORDINAL_PREFIXES and found.ordinal is None:
        found.ordinal = value  # "negara ke 6"
    elif 0 < value <= MAX_COUNT and found.count is None:
        found.count = value
    elif value > MAX_COUNT and claim:
        found.stated.append(value)  # "bener gak ITAS 6433?": a figure to check
