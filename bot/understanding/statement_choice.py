"""Which statement of a release a question asks ("siapa kepala kantornya", "kenapa paspor
turun", "pasal apa yang dilanggar"), when a figure named beside it is only its subject,
and what a question about a statement counts."""

from __future__ import annotations

from bot.facts.base import FactBase
from bot.model.frame import RANK_INTENTS, Entities
from bot.model.text import split_list
from bot.understanding.cues import POSITION_PENALTY, cued
from bot.understanding.figures import YEAR_INTENTS

FIGURE_CUES = (
    *RANK_INTENTS, "share", "ratio", "difference", "compare", "sum", "average", *YEAR_INTENTS
)  # fmt: skip
COUNTING_CUES = frozenset({"value", *FIGURE_CUES})
NUMBER_CUES = frozenset({"value", "define", *FIGURE_CUES})  # "... | persen?": a number, a meaning
TOPIC_REACH = 4  # words between a topic and the figure it narrows (names aside)
COUNTED_REACH = 3  # words from a counting word to the figure it counts ("berapa jumlah WNA")
ITEM_REACH = 2  # ... to the things a statement lists ("ada berapa inovasi", "how many awards")


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


def counted_thing(ent: Entities, cues, statement: str) -> str:
    """What a question about a statement counts: "items" the statement lists ("berapa
    inovasi", "inovasinya ada berapa", "7 innovations?"), "other" things ("dipakai berapa
    orang", "Drive Thru ada berapa", "berapa kantor yang meraih WBK") or "" (none)."""
    if ent.counting:
        return "other"
    if "value" not in cues:
        return "items" if ent.count is not None and not ent.names_item else ""
    if ent.names_item or ent.terms or ent.offices:
        return "other"  # "Drive Thru ada berapa", "berapa penghargaan WBK", "berapa kantor"
    gap = _position(cues[statement]) - _position(cues["value"])
    return "items" if gap <= ITEM_REACH else "other"


def _position(score: float) -> int:
    return round((1.0 - score) / POSITION_PENALTY)


def lists_items(base: FactBase, statement: str, office: str) -> bool:
    return any(row.get("items") for row in base.statements(statement, office))


def of_another_figure(ent: Entities, statement: str, base: FactBase, office: str) -> bool:
    """Whether the statements asked name figures, none of them the figure the question
    itself names (a figure leant on from before is no subject of the statement)."""
    if not (ent.metrics and ent.subject_spans):
        return False
    rows = base.statements(statement, office)
    about = {m for row in rows for m in base.statement_metrics(row["id"])}
    return bool(about and not about & set(ent.metrics))


def statements_of_figure(ent: Entities, cues, base: FactBase, office: str) -> list[str]:
    """Statements asked beside a figure that speak of it ("pro justisia berapa orang,
    melanggar pasal apa?": the count, and the articles the release names for it)."""
    # "berapa orang kena pro justitia and why": the statements of the figure explain it
    asked = base.statement_intents if ent.asks_why else [i for i in cues]
    return [
        intent
        for intent in asked
        if intent in base.statement_intents
        and any(
            set(ent.metrics) & base.statement_metrics(row["id"])
            for row in base.statements(intent, office)
        )
    ]


def more_statements(ent, cues, base: FactBase, office: str, first: str) -> list[str]:
    """Other statements asked in the same breath ("siapa kepala kantornya dan penghargaan
    apa saja"): each cued, none needing a subject the question does not name."""
    needs_subject = subject_of_statements(base)
    named = set(ent.topics) | set(ent.metrics)
    return [
        intent
        for intent in cues
        if intent != first
        and intent in base.statement_intents
        and (intent not in needs_subject or needs_subject[intent] & named)
        and base.statements(intent, office)
    ]


def _counts_a_figure(ent: Entities, score: float, *, counted: bool) -> bool:
    """Whether the counting word whose cue scored ``score`` follows or is followed by the
    name of a figure ("berapa WNA", "how many deportations"): then it asks that figure, whatever
    statement cue came before ("pasal" in "saya baca pasal 71 ... berapa WNA ...")."""
    at = round((1.0 - score) / POSITION_PENALTY)
    # (or, for a figure the release counts, right before it: "Pak Wahyu bilang deportasi
    # berapa orang?"; "why passport numbers fell" asks why)
    before = counted and any(end == at for _, end, _ in ent.subject_spans)
    return before or any(at < start <= at + COUNTED_REACH for start, _, _ in ent.subject_spans)


def topic_asked(ent: Entities) -> bool:
    """Whether a topic is asked: alone, or next to the figure it narrows ("ITAS untuk TKA");
    far from the figure asked it is context ("my visa agent says ...")."""
    if not (ent.metrics or ent.groups or ent.countries) or not ent.subject_spans:
        return True  # the subject set aside as a whole, or leant on: "of the deportees"
    named = {i for start, end in ent.spans for i in range(start, end)}

    def apart(a: int, b: int) -> int:  # words between, names ("in Bekasi") aside
        return sum(1 for i in range(a, b) if i not in named)

    return any(
        apart(s_end, t_start) < TOPIC_REACH and apart(t_end, s_start) < TOPIC_REACH
        for t_start, t_end in ent.topic_spans
        for s_start, s_end, _ in ent.subject_spans
    )


def topic_statement(ent: Entities, cues, base: FactBase, office: str) -> str | None:
    """ "dia bilang apa soal paspor?", "bagaimana dengan paspor?": a thing the release
    names but never counts, asked without a number, is asked for what it says of it."""
    if not NUMBER_CUES.isdisjoint(cues) or ent.counting or ent.countries or ent.groups:
        return None  # a count, or a meaning ("apa itu penerbitan paspor"), is asked
    if ent.topics:
        return None  # a topic the release says nothing of: "syarat bikin paspor"
    if ent.years or ent.relative or ent.qualifiers:
        return None  # "passports issued 2019", "cara perpanjang paspor": not what it says
    uncounted = {m for m in ent.metrics if not base.series(m, office=office)}
    if not uncounted or uncounted != set(ent.metrics):
        return None  # "ITAS dan paspor?": a figure is asked too
    intents = [i for i, needs in subject_of_statements(base).items() if needs & uncounted]
    return next((i for i in intents if base.statements(i, office)), None)


def statement_asked(
    ent: Entities, cues: dict[str, float], base: FactBase, office: str
) -> str | None:
    needs_subject = subject_of_statements(base)
    named = set(ent.topics) | set(ent.metrics)
    if ent.mentions and not (ent.metrics or ent.groups or ent.countries):
        needs_subject = {}  # "disebut soal lockdown gak?": what the release says of it
    # "berapa ITAS menurut rilis" asks a figure; "melanggar pasal berapa" asks a statement:
    # with a figure named, a statement cue must come before the counting word (or before
    # "naik atau turun", which asks a change).
    figure = ent.metrics or ent.groups or ent.countries
    counting = (
        max((s for c, s in cues.items() if c in COUNTING_CUES), default=0.0) if figure else 0.0
    )
    counted = any(base.series(m, office=office) for m in ent.metrics)
    if counting and _counts_a_figure(ent, counting, counted=counted) and not ent.asks_no_number:
        # "baca pasal 71, penasaran berapa WNA yang diproses"; but "siapa yang menyampaikan
        # data 8.940 WNA" asks who, and its "data" only names the figure spoken of
        counting = float("inf")
    # "kok paspor turun?", "paspor naik atau turun?" when no passport count exists: the
    # statement says which way it went
    asks_number = "value" in cues or "share" in cues  # "berapa persen penurunannya": no
    direction = not counted and not asks_number and cued(cues, YEAR_INTENTS)
    found = [
        (score, intent)
        for intent, score in cues.items()
        if intent in base.statement_intents
        and (intent not in needs_subject or needs_subject[intent] & named)
        and (score > counting or (score == counting and not counted) or direction)
    ]
    return max(found)[1] if found else None
