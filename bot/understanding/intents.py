"""Stage 4: pick the intent from the cue words (``knowledge/intents.csv``) and entities."""

from __future__ import annotations

from bot.facts.base import FactBase
from bot.model.frame import DEFAULT_CONFIDENCE, PAIR_INTENTS, RANK_INTENTS, Entities, Frame
from bot.understanding.cues import cued
from bot.understanding.figures import YEAR_INTENTS, figure_frame
from bot.understanding.refusals import places_asked
from bot.understanding.regions import read_region_group
from bot.understanding.scope import Scope, scope_of
from bot.understanding.statement_choice import (
    FIGURE_CUES,
    counted_thing,
    lists_items,
    more_statements,
    of_another_figure,
    statement_asked,
    statements_of_figure,
    subject_of_statements,
    topic_asked,
    topic_statement,
)

PAIRING_CUES = ("ratio", "difference", "compare", "sum", "average", "share", "change")
SMALLTALK_INTENTS = ("help", "about_bot", "thanks", "goodbye", "greeting")  # by priority
CLOSING_INTENTS = ("thanks", "goodbye")  # answered whatever other words come with them
MOSTLY_UNKNOWN = 0.5
SOME_UNKNOWN = 0.25
UNKNOWN_TOLERATED = 2  # "see you later" is small talk, "help me with my math homework" is not


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
    if ent.fraction or ent.times_said:  # a fraction or a number of times said: checked
        cues = {**cues, ("share" if ent.fraction else "ratio"): max(cues.values(), default=1.0)}
    if ent.places:  # "Asia Timur (Korsel, Jepang, China, Taiwan)": one group
        read_region_group(ent, cues, base)
    listed = ent.names_countries and (ent.count or 0) > 1 and not ent.countries
    if listed and not cued(cues, (*PAIRING_CUES, *RANK_INTENTS)):
        # "sebutkan lima negara asal WNA": listed
        cues = {**cues, "ranking": max(cues.values(), default=1.0)}
    if ent.total_after and not cued(cues, PAIRING_CUES):
        cues = {**cues, "sum": max(cues.values(), default=1.0)}  # "X dan Y, jumlahnya?"
    if ent.whole and "share" not in cues:
        ent.restore_whole()  # "number of ITAS": "of" marks a whole only in a share question
    _drop_qualifiers(ent, cues, base)
    scope = scope_of(ent, base)
    share = unknown_words / words if words else 0.0
    frame = _choose(ent, cues, base, scope, unknown_words, share)
    frame.entities = ent
    frame.office = frame.office or scope.office
    if frame.year is None:
        frame.year = scope.year
    frame.years = frame.years or list(scope.years)
    frame.confidence = round(min(frame.confidence, confidence), 3)
    counts = {"unknown_words": unknown_words, "words": words}
    if frame.reason == "year" and frame.status == "no_data":
        return _years_it_has(frame, ent, cues, base, **counts)
    if frame.reason == "country" and frame.status == "no_data":
        return _countries_it_lists(frame, ent, cues, base, **counts)
    return frame


def _uncounted_metrics(ent: Entities, base: FactBase, office: str) -> bool:
    """Whether the figures named have no count at the office at all (passports)."""
    return bool(ent.metrics) and not any(base.series(m, office=office) for m in ent.metrics)


def _countries_it_lists(frame: Frame, ent: Entities, cues, base: FactBase, **counts) -> Frame:
    """ "WNA Hongkong dan Korea berapa?": Korea's figure, and a word that Hong Kong is not
    listed; the refusal when no country asked is listed, or when they are compared."""
    listed = base.countries_named(frame.year, frame.office) if frame.year else set()
    present = [c for c in ent.countries if c in listed]
    # without a question word ("WNA Hongkong dan Taiwan?") the cues may have stayed in a
    # clause that lent its subject ("Katanya Korea dua kali Thailand. Bisa dikonfirm?")
    if not present or "value" not in cues or cued(cues, (*PAIR_INTENTS, "share")):
        return frame
    answered = _asked_of(ent, cues, base, counts, countries=present)
    if answered is None:
        return frame
    answered.missing_countries = [c for c in ent.countries if c not in listed]
    return answered


def _years_it_has(frame: Frame, ent: Entities, cues, base: FactBase, **counts) -> Frame:
    """ "Berapa ITAS 2020 dan ITAS 2019?" with no 2019 figure: the 2020 figure, and a word
    that 2019 has none; the refusal when no year asked has one."""
    have = set(base.years(frame.office, whole=False))
    present = [y for y in frame.years if y in have]
    if not present or present == frame.years or ent.relative:
        return frame  # no year asked has a figure (or every one has, and it is not that)
    if "value" not in cues or cued(cues, (*YEAR_INTENTS, *PAIR_INTENTS)):
        return frame  # "2019 compared to 2020": no comparison with half of it
    answered = _asked_of(ent, cues, base, counts, years=present)
    if answered is None:
        return frame
    answered.missing_years = [y for y in frame.years if y not in have]
    return answered


def _asked_of(ent: Entities, cues, base: FactBase, counts: dict, **present) -> Frame | None:
    """The answer to the question asked of what the base has (``present``: the years or
    countries kept), or None when even that part cannot be answered."""
    narrowed = ent.copy()
    for name, values in present.items():
        setattr(narrowed, name, values)
    answered = decide(narrowed, cues, base, **counts)
    return answered if answered.status == "answered" else None


def _drop_qualifiers(ent: Entities, cues: dict[str, float], base: FactBase) -> None:
    """Drop names that only qualify another: "penindakan pro justitia" (a group word before
    one of its members), "WNA yang dideportasi" (the population before a measure of it)."""
    if ent.groups and "sum" not in cues and "share" not in cues:
        ent.groups = [g for g in ent.groups if not set(base.group_members(g)) & set(ent.metrics)]
    population = base.metrics_with_country_breakdown() | {base.breakdown_metric()}
    measures = [m for m in ent.metrics if m not in population]
    named_apart = set(ent.metrics) & population & ent.conjoined  # "ITAS dan WNA"
    if (measures or ent.groups) and not ent.countries and not named_apart and not ent.per_base:
        # "WNA yang dideportasi", "foreigners faced immigration action": the people of it
        ent.metrics = measures


def _choose(
    ent: Entities,
    cues: dict[str, float],
    base: FactBase,
    scope: Scope,
    unknown_words: int,
    unknown_share: float,
) -> Frame:
    figure_cue = cued(cues, FIGURE_CUES) or "value" in cues
    if ent.ties:
        return Frame("clarify", "clarify", reason="tie", confidence=0.5)
    if ent.opinion and not (ent.has_subject() or figure_cue):
        # "menurut kamu, apakah Imigrasi Bekasi sudah bekerja dengan baik?": no judgement
        return Frame("value", "no_data", reason="opinion")
    if "source" in cues and not ent.has_subject():  # "datanya dari mana?": the releases
        return Frame("source", year=scope.years[0] if scope.years else None)
    statement = statement_asked(ent, cues, base, scope.office) or topic_statement(
        ent, cues, base, scope.office
    )
    bound = statement in subject_of_statements(base)  # "kenapa paspor turun": its subject named
    defines = ent.terms or ent.metrics or ent.groups
    # "Mohon penjelasan, pasal apa yang dilanggar ...?": a statement asked, explained
    explained = bool(statement)
    if "define" in cues and defines and not (figure_cue or bound or ent.qualifiers or explained):
        return Frame("define")  # "what's the gender split of ITAS" asks a detail, not ITAS
    subject = ent.metrics or ent.groups or ent.countries
    if ent.terms and not subject and not figure_cue and not statement:
        return Frame("define")  # "Kemenpan RB itu kementerian apa?"
    if statement and _elsewhere(ent, base, scope):
        # "kalau kepala Kanim Bogor siapa?": the releases say nothing of another office
        return Frame(statement, "no_data", reason="place" if ent.places else "office")
    uncounted = statement and not ent.asks_why and _uncounted_metrics(ent, base, scope.office)
    if uncounted and "value" in cues:
        # "penerbitan paspor turun berapa?": a count the release never gives; the reply
        # says so, with what it does say
        return Frame("value", "no_data", reason="metric")
    counted = statement and not subject and counted_thing(ent, cues, statement)
    lists = counted and lists_items(base, statement, scope.office)
    if counted == "items" and lists:
        # "ada berapa inovasi?", "7 innovations, true?": the things the release lists
        return Frame(statement, year=scope.years[0] if scope.years else None, reason="count")
    if counted == "other" and (ent.counting or lists):
        # "Drive Thru dipakai berapa orang?", "berapa kantor yang meraih WBK?": the release
        # names it but counts nothing
        return Frame(statement, "no_data", reason="uncounted")
    if statement and ent.unmeasured:  # "jam buka Drive Thru": the release names it, no more
        return Frame(statement, "no_data", reason="uncounted")
    if statement and of_another_figure(ent, statement, base, scope.office):
        # "pelanggaran yang bikin deportasi": the release names articles for pro justitia
        return Frame(statement, "no_data", reason="other_figure")
    if statement:
        frame = Frame(statement, year=scope.years[0] if scope.years else None)
        frame.more = more_statements(ent, cues, base, scope.office, statement)
        return frame
    if ent.unmeasured and not statement:  # "berapa lama proses KITAS"; "harga emas"
        if ent.metrics or ent.groups or ent.whole or ent.offices or ent.terms or ent.topics:
            return Frame("value", "no_data", reason="unmeasured")
        if ent.countries:  # "harga tiket ke Jepang": no question about residents
            return Frame("clarify", "fallback", reason="country", confidence=0.3)
        return Frame("fallback", "fallback", confidence=0.0)
    placed = ent.exceeds or ent.after or ent.ordinal  # "di bawah India ada siapa?"
    if ent.countries and not ent.metrics and ent.asks_no_number and not (figure_cue or placed):
        # "siapa juara liga Inggris tahun ini": a person asked, no residents counted
        return Frame("fallback", "fallback", confidence=0.0)
    asks_figure = ent.has_subject() or figure_cue
    silent = [o for o in scope.offices if o not in base.offices_with_facts]
    if silent and asks_figure:
        return Frame("value", "no_data", office=silent[0], reason="office")
    office_years = base.years(scope.office, whole=False)
    named = [y for y in scope.years if y not in office_years]
    across = cued(cues, YEAR_INTENTS)  # a change or series checks each year
    if named and not ent.places and asks_figure and not across:
        return Frame("value", "no_data", year=named[0], reason="year")
    chat_only = unknown_words < UNKNOWN_TOLERATED and unknown_share < MOSTLY_UNKNOWN
    ranks = cued(cues, RANK_INTENTS)  # "which country has the most"
    # "which nationality is 2nd?", "which nationality comes after Japan?"
    ranks = ranks or bool((ent.ordinal or ent.after) and ent.names_countries)
    ranks = ranks or len(ent.positions) > 1  # "the 2nd and 3rd?"
    ranks = ranks or (ent.middle and ent.names_countries)  # "the median country"
    named = ent.has_subject() or ent.places or ent.years or ent.relative
    if not (named or ranks) and chat_only:
        talk = next((i for i in SMALLTALK_INTENTS if i in cues), None)
        if talk:
            return Frame(talk, "smalltalk")
    closing = _closing(cues) if not (named or ranks) else None
    if closing:  # "makasih bnyk ya kak, sangat membantu buat tugas kuliahku": words aside
        return Frame(closing, "smalltalk")
    if places_asked(ent, base) and asks_figure:
        return Frame("value", "no_data", reason="place")
    if not ent.has_subject() and _figure_of_number(ent, base, scope):
        # "2.301 itu orang mana?": the one stored figure with that value, named
        return figure_frame(ent, cues, base, scope, strays=unknown_words)
    if ent.topics and topic_asked(ent):
        return Frame("value", "no_data", reason="topic")
    if ent.countries and not ent.metrics and unknown_share >= MOSTLY_UNKNOWN:
        # "harga tiket ke Jepang": a country amid unknown words may not be about residents.
        return Frame("clarify", "fallback", reason="country", confidence=0.3)
    if ent.has_subject() or (ranks and unknown_share < MOSTLY_UNKNOWN):
        frame = figure_frame(ent, cues, base, scope, strays=unknown_words)
        frame.more = statements_of_figure(ent, cues, base, scope.office)
        return frame
    if ent.qualifiers and (cues.get("value") or ent.counting):
        # "berapa jumlah pegawai kantor imigrasi": a count of something no release counts
        return Frame("value", "no_data", reason="unnamed")
    vague = ent.years or ent.offices or cues.get("value")
    if vague and unknown_share < SOME_UNKNOWN and not (ent.names_thing and not cues):
        # ("a good restaurant in Bekasi" asks nothing the releases count)
        return Frame("clarify", "clarify", reason="vague", confidence=0.5)
    return Frame("fallback", "fallback", confidence=0.0)


def _closing(cues: dict[str, float]) -> str | None:
    """The thanks or goodbye a message opens with, when it asks nothing else."""
    closing = next((i for i in CLOSING_INTENTS if i in cues), None)
    if closing and cues[closing] == max(cues.values()) and set(cues) <= set(SMALLTALK_INTENTS):
        return closing
    return None


def _elsewhere(ent: Entities, base: FactBase, scope: Scope) -> bool:
    """Whether the question names a place or office whose releases the base lacks (a known
    place: "di tesis saya" names no place)."""
    silent = [o for o in scope.offices if o not in base.offices_with_facts]
    known = [p for p in places_asked(ent, base) if base.row("places", "name", p)]
    return bool(silent or known)


def _figure_of_number(ent: Entities, base: FactBase, scope: Scope) -> bool:
    """Name the subject of the one figure of the office and year whose value the question
    states ("kak itu 2301 orang mana?"); whether there was one."""
    if not ent.stated or ent.qualifiers or ent.places or ent.topics:
        return False  # most state no number; "72 kecamatan" is no figure of the release
    period = str(scope.year or base.newest_year())
    found = [f for v in ent.stated for f in base.facts_with_value(scope.office, period, v)]
    if len(found) != 1:
        return False
    ent.metrics, ent.countries = [found[0].metric], [found[0].country] if found[0].country else []
    return True
