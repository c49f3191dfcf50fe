"""Stage 4: pick the intent from the cue words (``knowledge/intents.csv``) and entities."""

from __future__ import annotations

from rapidfuzz import fuzz, process, utils

from bot.facts.base import FactBase
from bot.model.frame import DEFAULT_CONFIDENCE, RANK_INTENTS, Entities, Frame
from bot.model.text import split_list
from bot.understanding.lexis import FUZZY_CUE_MIN_CHARS, lexis

CUE_FUZZY_CUTOFF = 88.0
FIGURE_CUES = ("ranking", "top", "fewest", "share", "difference", "compare", "sum")
RANK_CUES = RANK_INTENTS
PAIR_INTENTS = ("difference", "compare")
PAIRING_CUES = ("difference", "compare", "sum", "share")
SMALLTALK_INTENTS = ("help", "about_bot", "thanks", "goodbye", "greeting")  # by priority
POSITION_PENALTY = 0.001
CONTEXT_PLACE_KINDS = ("negara", "kecamatan", "kawasan")
MOSTLY_UNKNOWN = 0.5
SOME_UNKNOWN = 0.25
UNKNOWN_TOLERATED = 2  # "see you later" is small talk, "help me with my math homework" is not


def find_cues(tokens: list[str], base: FactBase, covered: set[int]) -> dict[str, float]:
    """Intents signalled by cue words, each with a score in 0..1.

    Cues inside an entity mention ("negara" in "warga negara asing") do not count.
    """
    scores: dict[str, float] = {}
    words = lexis(base)
    longest = words.longest_cue
    for i in range(len(tokens)):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            window = tuple(tokens[i : i + n])
            if window in words.cues and not all(j in covered for j in range(i, i + n)):
                for intent in words.cues[window]:
                    # Earlier cues score a hair higher: a question's focus comes first.
                    scores.setdefault(intent, 1.0 - POSITION_PENALTY * i)
        token = tokens[i]
        if (
            i not in covered
            and token not in words.known_words
            and len(token) >= FUZZY_CUE_MIN_CHARS
        ):
            for intent, score in _fuzzy_cue(base, token):
                scores[intent] = max(scores.get(intent, 0.0), score)
    return scores


def _fuzzy_cue(base: FactBase, token: str) -> list[tuple[str, float]]:
    choices = lexis(base).single_word_cues
    best = process.extractOne(
        token,
        choices,
        scorer=fuzz.ratio,
        processor=utils.default_process,
        score_cutoff=CUE_FUZZY_CUTOFF,
    )
    if not best:
        return []
    return [(intent, best[1] / 100) for intent in lexis(base).cues[(best[0],)]]


def subject_of_statements(base: FactBase) -> dict[str, set[str]]:
    """Statement intents that only make sense with their subject named, each with the
    topics and metrics that name it (the passport decline needs passports named)."""

    def derive(base: FactBase) -> dict[str, set[str]]:
        subjects: dict[str, set[str]] = {}
        for row in base.tables["topics"]:
            if row["intent"]:
                subjects.setdefault(row["intent"], set()).add(row["id"])
        for row in base.tables["metrics"]:
            for intent in split_list(row.get("statements") or ""):
                subjects.setdefault(intent, set()).add(row["id"])
        return subjects

    return base.derived("statement_subjects", derive)


def decide(
    ent: Entities,
    cues: dict[str, float],
    base: FactBase,
    *,
    unknown_words: int = 0,
    words: int = 0,
) -> Frame:
    """The intent for these entities and cues, before any fact is looked up.

    Args:
        ent: the entities of the question (after any follow-up merge).
        cues: the intent cues found, with their scores.
        base: the fact base.
        unknown_words: how many words the fact base does not know (a question
            about bitcoin prices is mostly unknown words).
        words: how many words the question has.
    """
    confidence = min(ent.score / 100, max(cues.values(), default=DEFAULT_CONFIDENCE))
    if ent.whole and "share" not in cues:
        ent.restore_whole()  # "number of ITAS": "of" marks a whole only in a share question
    _drop_qualifiers(ent, cues, base)
    frame = _choose(ent, cues, base, unknown_words, unknown_words / words if words else 0.0)
    frame.entities = ent
    frame.confidence = round(min(frame.confidence, confidence), 3)
    return frame


def _drop_qualifiers(ent: Entities, cues: dict[str, float], base: FactBase) -> None:
    """Drop names that only qualify another: "penindakan pro justitia" (a group word before
    one of its members), "WNA yang dideportasi" (the population before a measure of it)."""
    if ent.groups and "sum" not in cues and "share" not in cues:
        ent.groups = [g for g in ent.groups if not set(base.group_members(g)) & set(ent.metrics)]
    population = base.metrics_with_country_breakdown()
    measures = [m for m in ent.metrics if m not in population]
    pairing = ent.conjoined or any(c in cues for c in PAIRING_CUES)
    if measures and not ent.countries and not pairing:
        ent.metrics = measures


def _choose(
    ent: Entities, cues: dict[str, float], base: FactBase, unknown_words: int, unknown_share: float
) -> Frame:
    figure_cue = any(c in cues for c in FIGURE_CUES) or "value" in cues
    if ent.ties:
        return Frame("clarify", "clarify", reason="tie", confidence=0.5)
    statement = _statement(ent, cues, base)
    bound = statement in subject_of_statements(base)  # "kenapa paspor turun": its subject named
    defines = ent.terms or ent.metrics or ent.groups
    if "define" in cues and defines and not figure_cue and not bound:
        return Frame("define")
    subject = ent.metrics or ent.groups or ent.countries
    if ent.terms and not subject and not figure_cue and not statement:
        return Frame("define")  # "Kemenpan RB itu kementerian apa?"
    if statement:
        return Frame(statement)
    year = ent.years[0] if ent.years else None  # the first year named is the one asked
    if year and year not in base.years() and not ent.places and (ent.has_subject() or figure_cue):
        return Frame("value", "no_data", year=year, reason="year")
    chat_only = unknown_words < UNKNOWN_TOLERATED and unknown_share < MOSTLY_UNKNOWN
    if not (ent.has_subject() or ent.places or ent.years) and chat_only:
        talk = next((i for i in SMALLTALK_INTENTS if i in cues), None)
        if talk:
            return Frame(talk, "smalltalk")
    if _places_asked(ent, base) and (ent.has_subject() or figure_cue):
        return Frame("value", "no_data", reason="place")
    if ent.topics:
        return Frame("value", "no_data", reason="topic")
    if ent.countries and not ent.metrics and unknown_share >= MOSTLY_UNKNOWN:
        # "harga tiket ke Jepang": a country amid unknown words may not be about residents.
        return Frame("clarify", "fallback", reason="country", confidence=0.3)
    if ent.has_subject() or (any(c in cues for c in RANK_CUES) and unknown_share < MOSTLY_UNKNOWN):
        return _figure(ent, cues, base)
    if (ent.years or ent.offices or cues.get("value")) and unknown_share < SOME_UNKNOWN:
        return Frame("clarify", "clarify", reason="vague", confidence=0.5)
    return Frame("fallback", "fallback", confidence=0.0)


def _places_asked(ent: Entities, base: FactBase) -> list[str]:
    """Places the question asks about. Beside a named office, the country around it or a
    district inside it is only context ("expelled from Indonesia by the Bekasi office",
    "I work in Cikarang; how many Japanese live in Bekasi?")."""
    context = base.places_of_kind(CONTEXT_PLACE_KINDS)
    return [p for p in ent.places if not (ent.offices and p in context)]


def _statement(ent: Entities, cues: dict[str, float], base: FactBase) -> str | None:
    needs_subject = subject_of_statements(base)
    named = set(ent.topics) | set(ent.metrics)
    # "berapa ITAS menurut rilis" asks a figure; "melanggar pasal berapa" asks a statement:
    # with a figure named, a statement cue must come before the counting word.
    counting = cues.get("value", 0.0) if ent.metrics or ent.groups or ent.countries else 0.0
    found = [
        (score, intent)
        for intent, score in cues.items()
        if intent in base.statement_intents
        and (intent not in needs_subject or needs_subject[intent] & named)
        and score > counting
    ]
    return max(found)[1] if found else None


def _narrower(ent: Entities, base: FactBase, year: int) -> list[tuple[str, str]]:
    """The qualifiers the subject's own quotes do not state ("ITAP baru dan perpanjangan"
    is what the release says; "ITAS per bulan" is not)."""
    said = _said(ent, base, year)
    return [(shown, meant) for shown, meant in ent.qualifiers if not set(meant.split()) <= said]


def _said(ent: Entities, base: FactBase, year: int) -> set[str]:
    """The words of the quotes of the facts a question is about."""
    metrics = ent.metrics or ([base.breakdown_metric()] if ent.countries else [])
    keys = [(m, year, c) for m in metrics for c in (ent.countries or [None])]
    return {w for key in keys if key in base.facts for w in base.quote_words(base.facts[key])}


def base_members(ent: Entities, base: FactBase) -> list[str]:
    """Every member metric of the groups named."""
    return [m for g in ent.groups for m in base.group_members(g)]


def _left_out(ent: Entities, base: FactBase, breakdown: set[str], listed: set[str]) -> str:
    """The intent for a question that leaves something out: "WNA selain Korea" is the
    total less Korea (computed); leaving out a measure without a whole is not answerable."""
    countries, metrics = ent.excluded_of("country"), ent.excluded_of("metric")
    if ent.vague_exclusion or (countries and not set(countries) <= listed):
        return "value"
    if countries:
        alone = not ent.countries and not ent.groups and set(ent.metrics) <= breakdown
        return "complement" if alone else "value"  # "ITAS non Korea": no breakdown to subtract
    if metrics and ent.groups and not ent.metrics:
        # "izin tinggal selain ITAS": the group's other members
        return "complement" if set(metrics) <= set(base_members(ent, base)) else "value"
    if ent.excluded and not (ent.metrics or ent.groups or ent.countries):
        return "value"
    return ""


def _figure(ent: Entities, cues: dict[str, float], base: FactBase) -> Frame:
    """The frame of a figure question: first what the release cannot answer, then how."""
    year = ent.years[0] if ent.years else base.period
    refusal = _unanswerable(ent, cues, base, year)
    if refusal:
        return refusal
    frame = _figure_frame(ent, cues, base, year)
    frame.combined = _combined(ent, base, year)
    return frame


def _combined(ent: Entities, base: FactBase, year: int) -> list[str]:
    """The details a quote gives together when only some were asked ("ITAP baru": the
    figure is for "baru dan perpanjangan")."""
    asked = {meant for _, meant in ent.qualifiers}
    if not asked:
        return []
    said = _said(ent, base, year)
    details = {
        meant for meant in lexis(base).lexicon.qualifiers.values() if set(meant.split()) <= said
    }
    return sorted(details) if details - asked else []


def _figure_frame(ent: Entities, cues: dict[str, float], base: FactBase, year: int) -> Frame:
    breakdown = base.metrics_with_country_breakdown()
    ranked = ent.ordinal and ent.metrics and not ent.countries and set(ent.metrics) <= breakdown
    listing = ent.threshold and ent.names_countries  # "negara dengan WNA lebih dari 1000"
    wants_rank = ranked or listing or any(c in cues for c in RANK_CUES)
    if wants_rank and len(ent.countries) < 2 and len(ent.metrics) < 2:
        if any(m not in breakdown for m in ent.metrics) or ent.groups:
            return Frame("ranking", "no_data", year=year, reason="breakdown")
        if "sum" in cues and ent.count:
            # "top 3 countries combined": the sum of the first three
            top = base.countries_with_facts(base.breakdown_metric(), year)[: ent.count]
            ent.countries = [f.country for f in top]
            return Frame("sum", year=year)
        if cues.get("fewest", 0) > cues.get("top", 0):  # "from most to least" stays largest first
            return Frame("fewest", year=year)
        # "rank ... from most to least" lists; "paling banyak dari negara mana" names one
        listed = cues.get("ranking", 0) > cues.get("top", 0) or ranked or listing
        return Frame("ranking" if listed else "top", year=year)
    items = len(ent.countries) or len(ent.metrics) + len(ent.groups)
    if "share" in cues:
        if ent.whole or ent.countries or ent.groups:
            together = "sum" in cues and len(ent.countries) > 1  # "Korea and Japan together"
            return Frame("share", year=year, reason="together" if together else "")
        # A share of what? The whole is asked for, never guessed.
        return Frame("clarify", "clarify", year=year, reason="whole", confidence=0.5)
    for intent in PAIR_INTENTS:
        if intent in cues and items >= 2:
            return Frame(intent, year=year)
    if "sum" in cues and (items >= 2 or ent.groups):
        return Frame("sum", year=year)
    if items >= 2:
        return Frame("compare", year=year)
    return Frame("sum" if ent.groups else "value", year=year)


def _unanswerable(ent: Entities, cues: dict[str, float], base: FactBase, year: int) -> Frame | None:
    """A no-data frame when the release lacks the year, country, breakdown or detail asked;
    a complement frame for "all but X"."""
    if year not in base.years():
        return Frame("value", "no_data", year=year, reason="year")
    breakdown = base.metrics_with_country_breakdown()
    listed = base.countries_named(year)
    if any(c not in listed for c in ent.countries):
        return Frame("value", "no_data", year=year, reason="country")
    if ent.countries and (ent.groups or any(m not in breakdown for m in ent.metrics)):
        return Frame("value", "no_data", year=year, reason="breakdown")
    if _narrower(ent, base, year) and not any(c in cues for c in RANK_CUES):
        # "ITAS per bulan", "deportasi karena covid": narrower than the release's figures
        return Frame("value", "no_data", year=year, reason="qualifier")
    left_out = _left_out(ent, base, breakdown, listed)
    if left_out == "complement":
        return Frame("complement", year=year, reason="excluded")
    if left_out:
        return Frame("value", "no_data", year=year, reason="excluded")
    return None
