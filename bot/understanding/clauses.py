"""Stage 0: a long message into clauses, and which of them ask something.

People wrap a question in greetings, introductions and thanks ("Selamat pagi, saya
wartawan ... Berapa ITAS 2020? Terima kasih"), and sometimes ask two things at once
("siapa kepala kantornya dan berapa ITAS 2020?"). The question is the clause with a
question or request word (``question`` in the lexicon), an intent cue or a question mark;
the others are context, whose places, topics and statement cues never choose the answer.
Which clauses then make up each question is planned in :mod:`bot.understanding.planning`.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass
from itertools import pairwise

from bot.understanding.lexicon import Lexicon
from bot.understanding.phrases import has_phrase, starts_with
from bot.understanding.vocabulary import one_slip

_SENTENCE_END = re.compile(r"[.!?;:]+(?=\s|$)|\n+")
_FIRST_WORD = re.compile(r"\s*([A-Za-z]+)")
_ITEM_MARKER = re.compile(r"(?<!\S)\(?([1-9]|[a-eA-E])[).](?=\s)")
_BULLET = re.compile(r"^[ \t]*[-*\u2022\u2013\u00b7>][ \t]+", re.MULTILINE)  # "- ITAS", "• ITK"
_COMMA = re.compile(r",\s*")
MIN_COMMA_WORDS = 3
MIN_CLAUSE_TOKENS = 2
SLIP_MIN_CHARS = 3  # question words this long are recognised with one slip
SLIP_REACH = 3  # ... among the first words of a clause


@dataclass(frozen=True)
class Clause:
    """The normalized tokens of one clause; ``questioned`` when it ended with "?"."""

    tokens: tuple[str, ...]
    questioned: bool = False
    # how a comma or colon cut it from the one before ("asks", "colon", ...), or "count":
    # cut before a count named anew ("... serta jumlah deportasi")
    after_comma: str = ""


def sentences(
    text: str,
    abbreviations: Set[str] = frozenset(),
    joiners: Set[str] = frozenset(),
    askers: Set[str] = frozenset(),
    reasons: Set[str] = frozenset(),
    repairs: Set[tuple[str, ...]] = frozenset(),
    relatives: Set[str] = frozenset(),
) -> list[tuple[str, bool, str]]:
    """``text`` cut at sentence ends, each with whether it ended with a question mark, and
    how a comma cut it from the piece before ("asks", "joins", "reason"; "": it was not). A
    full stop inside a number (6.433) or after an abbreviation ("surat ket. keimigrasian",
    "UU No. 6") ends nothing. A comma before a joining word ("..., terus inovasinya apa?")
    ends a clause when what follows asks something of its own, and so does a comma
    before a question or request word ("skripsi saya tentang TKA, butuh data WNA India")
    or before a reason ("..., karena banyak investor dari sana"), when the part before is
    a few words long ("WNA Korea, Jepang dan China" and "urutkan, sekalian sama ITAP" stay
    whole); ``askers`` are the question and request words (and their short forms). A
    comma before a correction ("how many ITAS, I mean ITK") cuts nothing: ``repairs``.
    Numbered items ("two things: (1) ..., (2) ...") are each a question of their own."""
    found = _corrections_joined(
        [
            piece
            for item, listed in _numbered_items(text)
            for piece in _sentence_ends(item, abbreviations, askers, listed=listed)
        ],
        repairs,
    )
    pieces = [(part, asked and i == _asking_part(parts), cut if i else colon)
              for piece, asked, colon in found
              for parts in [_at_commas(piece, joiners, askers, reasons, repairs, relatives)]
              for i, (part, cut) in enumerate(parts)]  # fmt: skip
    return [(piece.strip(), asked, cut) for piece, asked, cut in pieces if piece.strip()]


def _sentence_ends(
    text: str, abbreviations, askers, *, listed: bool
) -> list[tuple[str, bool, str]]:
    """``text`` cut at sentence ends: each piece, whether "?" ended it, and "colon" when
    a colon ended the piece before ("Total of all permits: ITK, ITAS and ITAP?")."""
    found, start, after = [], 0, ""
    for match in _SENTENCE_END.finditer(text):
        if match.group(0) == ".":
            word = _word_before(text, match.start())
            short = word and (word.lower() in abbreviations or len(word) <= 2)
            if short and not _asks_next(text, match.end(), askers):
                continue
        found.append((text[start : match.start()], "?" in match.group(0), after))
        start, after = match.end(), "colon" if match.group(0) == ":" else ""
    found.append((text[start:], listed, after))
    return found


def _word_before(text: str, end: int) -> str:
    """The ASCII word that ends at ``end`` ("" when none does)."""
    start = end
    while start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
        start -= 1
    return text[start:end]


def _numbered_items(text: str) -> list[tuple[str, bool]]:
    """The text before a numbered list and each of its items (True: an item), when the
    list starts "(1) ... (2)" or "a) ... b)", or has two lines or more that start with a
    bullet ("- ", "• "); else the whole text. A lone "(2)", as in
    "Pasal 72 ayat (2)", numbers nothing."""
    markers = list(_ITEM_MARKER.finditer(text))
    labels = [m.group(1).lower() for m in markers]
    if len(markers) < 2 or labels[:2] not in (["1", "2"], ["a", "b"]):
        markers = list(_BULLET.finditer(text))  # "tolong jawab:\n- ITAS\n- ITK"
        if len(markers) < 2:
            return [(text, False)]
    bounds = [m.start() for m in markers] + [len(text)]
    items = [
        (text[m.end() : end].strip(), True) for m, end in zip(markers, bounds[1:], strict=True)
    ]  # (an item's own line end would take its question mark)
    return [(text[: markers[0].start()], False), *items]


def _asks_next(text: str, at: int, askers: Set[str]) -> bool:
    """Whether the word at ``at`` asks: after "penasaran aja." or "ok." a question
    starts ("Berapa ..."), whatever the short word before the full stop."""
    following = _FIRST_WORD.match(text, at)
    return bool(following) and following.group(1).lower() in askers


def _corrections_joined(pieces: list[tuple[str, bool, str]], repairs) -> list:
    """A sentence that starts by correcting the one before ("How many Taiwanese? Sorry, I
    mean Indians") is read with it; the question mark of either asks."""
    joined: list[tuple[str, bool, str]] = []
    for piece, asked, colon in pieces:
        words = [w.strip("?!.,").lower() for w in piece.split()[:3]]
        if joined and any(tuple(words[:n]) in repairs for n in (1, 2, 3)):
            before, asked_before, colon_before = joined[-1]
            joined[-1] = (f"{before.rstrip('?!. ')}, {piece}", asked or asked_before, colon_before)
        else:
            joined.append((piece, asked, colon))
    return joined


def _asking_part(parts: list[tuple[str, str]]) -> int:
    """The part a sentence's question mark belongs to: the last, unless reasons follow it
    ("how many KITAS in March, because I think they were closed?")."""
    last = len(parts) - 1
    while last and parts[last][1] == "reason":
        last -= 1
    return last


def _at_commas(
    text: str, joiners: Set[str], askers: Set[str], reasons: Set[str], repairs=(), relatives=()
):
    parts, start, cut = [], 0, ""
    for match in _COMMA.finditer(text):
        end = text.find(",", match.end())
        before, after = text[start : match.start()], text[match.end() : end if end >= 0 else None]
        words = [w.strip("?!.").lower() for w in after.split()]
        asking = any(w in askers for w in words[1:])
        # "WNA Korea, Jepang, dan China berapa": the end of a list, not a new question
        # ("..., ada berapa WNA aktif di Bekasi, dan dari negara mana ...": the words since
        # the comma before, which cut nothing, make a clause of their own)
        single = len(before.rsplit(",", 1)[-1].split()) >= MIN_COMMA_WORDS
        kind = _comma_kind(words, joiners, askers, reasons)
        asked_before = before.split()[-1:] and before.split()[-1].strip("?!.").lower() in askers
        if not kind and asked_before and words[-1:] and words[-1] in askers:
            kind = "asks"  # "wna aktif bks brp, korsel brp?": two questions
        if any(tuple(words[:n]) in repairs for n in (1, 2, 3)):
            kind = ""  # "how many ITAS, I mean ITK": one question, corrected
        if words[:1] and words[0] in relatives:
            kind = "relative"  # "deportation, which rose in many cities": of the name before
        if single and (kind in ("asks", "reason", "relative") or (kind == "joins" and asking)):
            parts.append((before, cut))
            start, cut = match.end(), kind
    return [*parts, (text[start:], cut)]


def _comma_kind(words: list[str], joiners, askers, reasons) -> str:
    first = words[0] if words else ""
    if first in reasons:
        return "reason"
    if first in askers:
        return "asks"
    return "joins" if first in joiners else ""


def _ends_relative_year(tokens: tuple[str, ...], i: int, lexicon: Lexicon) -> bool:
    """Whether word ``i`` ends a relative year ("tahun lalu", "tahun yang lalu")."""
    ends = [tokens[max(0, i + 1 - n) : i + 1] for n in (2, 3)]
    return any(e in lexicon.relative_years or e in lexicon.relative_patterns for e in ends)


def split_questions(tokens: tuple[str, ...], lexicon: Lexicon) -> list[Clause]:
    """Cut before a joining word that starts another question ("siapa kepala kantornya |
    dan berapa ITAS 2020", "berapa ITAS 2020 | and how many Koreans") and before a word
    that turns to another thought ("klien kami orang Korea | tapi yang bertanya Taiwan").
    A part cut off before a question word asks (``questioned``)."""
    joiners, starts = lexicon.joiners, lexicon.starters
    cuts = [
        i
        for i in range(MIN_CLAUSE_TOKENS, len(tokens) - 1)
        if (
            tokens[i] in joiners
            and not _ends_relative_year(tokens, i, lexicon)  # "2 tahun lalu | berapa"
            and _question_starts(tokens, _after_lead(tokens, i + 1, lexicon), starts)
        )
        or tokens[i] in lexicon.clause_breaks
        or (tokens[i] in lexicon.sequencers and _asks_on_both_sides(tokens, i, lexicon))
        or _another_count(tokens, i, lexicon)
    ]
    bounds = [0, *cuts, len(tokens)]
    return [
        Clause(
            tokens[a:b],
            a in cuts and tokens[a] not in lexicon.clause_breaks,
            "count" if a in cuts and starts_with(tokens[a + 1 : b], lexicon.totals) else "",
        )
        for a, b in pairwise(bounds)
        if tokens[a:b]
    ]


def _question_starts(tokens: tuple[str, ...], i: int, starts) -> bool:
    return i < len(tokens) and any(
        tokens[i : i + n] in starts for n in starts.starts.get(tokens[i], ())
    )


def _after_lead(tokens: tuple[str, ...], i: int, lexicon: Lexicon) -> int:
    """Where a question after a joining word at ``i - 1`` may start: past hedging words
    ("dan kira kira berapa ...") or one word that leads into it ("dan dari berapa
    negara?", "and in which year")."""
    i += _vague_words(tokens, i, lexicon)
    return i + 1 if i < len(tokens) and tokens[i] in lexicon.question_leads else i


def _vague_words(tokens: tuple[str, ...], i: int, lexicon: Lexicon) -> int:
    """How many words from ``i`` hedge what follows ("dan kira kira berapa ...")."""
    return next((n for n in (2, 1) if tokens[i : i + n] in lexicon.vague_before), 0)


def _another_count(tokens: tuple[str, ...], i: int, lexicon: Lexicon) -> bool:
    """ "wna india brp dan pro justisia brp", "berapa WNA Taiwan serta jumlah deportasi":
    a listing word after a part that ends with its question word, before another that
    asks, or before a count named anew, starts another question."""
    if tokens[i] not in lexicon.and_words or not lexicon.asks(tokens[:i]):
        return False
    if (tokens[i - 1],) in lexicon.questions:
        return lexicon.asks(tokens[i + 1 :])
    return starts_with(tokens[i + 1 :], lexicon.totals)  # "... serta jumlah deportasi"


def _asks_on_both_sides(tokens: tuple[str, ...], i: int, lexicon: Lexicon) -> bool:
    """ "wna korea brp trs deportasi brp": a word that moves on ("terus", "then"; not "dan",
    which lists: ``lexicon.sequencers``) between two parts that each ask; or after a
    request, before a part of its own ("tolong hitung rasio ITAS terhadap ITK, lalu
    rata-rata ITK per bulan": the request goes on)."""
    if _ends_relative_year(tokens, i, lexicon):  # "ITAS 2 tahun lalu berapa"
        return False
    after = tokens[i + 1 :]
    if lexicon.asks(tokens[:i]):
        return lexicon.asks(after)
    steps = tokens[i] in lexicon.next_steps and len(after) >= MIN_CLAUSE_TOKENS
    return steps and has_phrase(tokens[:i], lexicon.requests)


def role(clause: Clause, lexicon: Lexicon, known: Set[str] = frozenset()) -> str:
    """ "question" (a question mark or word), "request" ("tolong", "I need"), "declined"
    ("tidak perlu", "we already have the ITAS number") or "context". A word that is no
    word of ``known`` and one slip from a question word asks too ("hwo many")."""
    if has_phrase(clause.tokens, lexicon.declined):
        return "declined"
    if clause.questioned or (
        lexicon.asks(tuple(clause.tokens)) and not _relative_only(clause.tokens, lexicon)
    ):
        return "question"
    if (
        clause.after_comma == "joins"
        and clause.tokens[:1]
        and clause.tokens[0] in lexicon.next_steps
    ):
        return "request"  # "please compute the ratio ..., then the average ITK per month"
    slips = [t for t in clause.tokens[:SLIP_REACH] if t not in known]
    if any(one_slip(t, w) for t in slips for w in lexicon.slip_targets(SLIP_MIN_CHARS)):
        return "question"
    return "request" if has_phrase(clause.tokens, lexicon.requests) else "context"


def _relative_only(tokens: tuple[str, ...], lexicon: Lexicon) -> bool:
    """Whether the asker tells of themselves and their only question words are relative
    ones after a word that leads into no question: "I'm a Korean national who has lived
    here", "I read of the cases under Article 71, which made me nervous" ask nothing."""
    if lexicon.self_words.isdisjoint(tokens):
        return False
    leads = lexicon.conjunctions | lexicon.clause_breaks | lexicon.addressing
    after_words = {i for i in range(1, len(tokens)) if tokens[i - 1] not in leads}
    return asks_only_relatively(tokens, after_words, lexicon)


def asks_only_relatively(tokens: tuple[str, ...], at: Set[int], lexicon: Lexicon) -> bool:
    """Whether the only question words of ``tokens`` are "who"/"which" at positions
    ``at`` (after a name: relative, "ITAS, which is common"; or "a Korean who ...")."""
    relative = lexicon.relative_askers
    if relative.isdisjoint(tokens):
        return False
    kept = tuple("" if i in at and t in relative else t for i, t in enumerate(tokens))
    return kept != tokens and not lexicon.asks(kept)
