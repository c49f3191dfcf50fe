"""The names of metrics, groups, topics and countries in a text, longest first.

A name made only of counted words ("WNA", "orang asing", "foreigners") is ``unit_like``:
after a number it says what is counted, not which metric ("87 WNA" deported). After a
total word it is a subject again ("jumlah WNA"), and a group's name after one ("total izin
tinggal") is the group's stated total metric.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.facts.ingest.tokens import Token
from bot.facts.ingest.vocab import Subject, Vocabulary


@dataclass(frozen=True)
class Found:
    """A subject named by tokens ``first``..``last``."""

    first: int
    last: int
    subject: Subject
    unit_like: bool = False

    @property
    def kind(self) -> str:
        return self.subject.kind

    @property
    def id(self) -> str:
        return self.subject.id


def find_subjects(tokens: list[Token], vocab: Vocabulary, skip: set[int]) -> list[Found]:
    """Every subject named outside the token indices in ``skip`` (office names), in order."""
    found: list[Found] = []
    i = 0
    while i < len(tokens):
        match = vocab.subjects.match(tokens, i) if i not in skip else None
        if match is None:
            i += 1
            continue
        end, subject = match
        found.append(_qualified(tokens, Found(i, end, subject), vocab))
        i = end
    return found


def is_counted(tokens: list[Token], first: int, last: int, vocab: Vocabulary) -> bool:
    """True when tokens ``first``..``last`` are counted words only ("orang", "WNA")."""
    words = tuple(t.norm for t in tokens[first:last] if t.kind != "punct")
    counted = vocab.kind("counted")
    return bool(words) and (words in counted or all((w,) in counted for w in words))


def counted_at(tokens: list[Token], i: int, vocab: Vocabulary) -> int | None:
    """The end of a counted word or phrase starting at token ``i``, else None."""
    found = vocab.kind("counted").match(tokens, i)
    return found[0] if found else None


def _qualified(tokens: list[Token], item: Found, vocab: Vocabulary) -> Found:
    total = vocab.kind("total").ending_at(tokens, item.first, max(0, item.first - 4))
    if item.kind == "group":
        _, total_metric = vocab.groups[item.id]
        if total is not None and total_metric:
            return Found(total[0], item.last, Subject("metric", total_metric))
        return item
    if item.kind == "metric" and is_counted(tokens, item.first, item.last, vocab):
        if total is not None:
            return Found(total[0], item.last, item.subject)
        return Found(item.first, item.last, item.subject, unit_like=True)
    return item
