"""Stage 1c: names that share their head, written once ("izin tinggal kunjungan, terbatas
dan tetap", "visit, limited and permanent stay permits"), spelled out in full so that each
is found as the name it stands for ("izin tinggal kunjungan, izin tinggal terbatas dan
izin tinggal tetap")."""

from __future__ import annotations

from itertools import pairwise

from bot.facts.base import FactBase
from bot.model.text import clean_tokens, split_list
from bot.understanding.lexis import lexis

NAME_TABLES = (("metrics", ("aliases_id", "aliases_en")), ("groups", ("aliases_id", "aliases_en")))


class SharedHeads:
    """The names of figures of two words or more, by the words they share: Indonesian puts
    the head first ("izin tinggal" + "kunjungan"), English last ("visit" + "stay permits")."""

    def __init__(self, names: set[tuple[str, ...]]):
        self.names = frozenset(names)
        self.lasts: dict[tuple[str, ...], set[str]] = {}  # head first: its last words
        self.firsts: dict[tuple[str, ...], set[str]] = {}  # head last: its first words
        for name in names:
            if len(name) > 1:
                self.lasts.setdefault(name[:-1], set()).add(name[-1])
                self.firsts.setdefault(name[1:], set()).add(name[0])
        self.first_heads = _by_start(self.lasts)
        self.last_heads = _by_start(self.firsts)
        self.head_starts = frozenset(self.first_heads) | frozenset(self.last_heads)
        self.first_words = frozenset(w for words in self.firsts.values() for w in words)


def _by_start(heads: dict[tuple[str, ...], set[str]]) -> dict[str, list[tuple]]:
    """(head, words) pairs by the head's first word, longest head first."""
    found: dict[str, list[tuple]] = {}
    for head, words in sorted(heads.items(), key=lambda item: -len(item[0])):
        found.setdefault(head[0], []).append((head, words))
    return found


def shared_heads(base: FactBase) -> SharedHeads:
    """The names of the base's figures, by the words they share (built once per base)."""
    return base.derived("shared_heads", _build)


def _build(base: FactBase) -> SharedHeads:
    names: set[tuple[str, ...]] = set()
    for table, columns in NAME_TABLES:
        for row in base.tables.get(table, []):
            for column in columns:
                for alias in split_list(row.get(column) or ""):
                    names.add(tuple(clean_tokens(alias)))
    return SharedHeads(names)


def spelled_out(tokens: list[str], base: FactBase) -> list[str]:
    """``tokens`` with each name whose head is written once spelled out in full."""
    conjunctions = lexis(base).lexicon.conjunctions
    heads = shared_heads(base)
    if heads.head_starts.isdisjoint(tokens):
        return tokens
    if conjunctions.isdisjoint(tokens):  # only a comma lists: "visit, limited permits"
        firsts = heads.first_words
        pairs = pairwise(tokens)
        listed = any(a in firsts and b in firsts for a, b in pairs)
        return _head_last(tokens, heads, conjunctions) if listed else tokens
    return _head_last(_head_first(tokens, heads, conjunctions), heads, conjunctions)


def _head_first(tokens: list[str], heads: SharedHeads, conjunctions) -> list[str]:
    """ "izin tinggal kunjungan terbatas dan tetap": the head before each last word."""
    for i, token in enumerate(tokens):
        for head, lasts in heads.first_heads.get(token, ()):
            n = len(head)
            if tuple(tokens[i : i + n]) != head or i + n >= len(tokens):
                continue
            if tokens[i + n] not in lasts:
                continue
            listed = _listed(tokens, i + n + 1, 1, lasts - {tokens[i + n]}, conjunctions)
            if listed:
                out = list(tokens)
                for k in sorted(listed, reverse=True):
                    out[k:k] = head
                return _head_first(out, heads, conjunctions)
    return tokens


def _head_last(tokens: list[str], heads: SharedHeads, conjunctions) -> list[str]:
    """ "visit limited and permanent stay permits": each first word before the head."""
    for i, token in enumerate(tokens):
        for head, firsts in heads.last_heads.get(token, ()):
            n = len(head)
            if i == 0 or tuple(tokens[i : i + n]) != head or tokens[i - 1] not in firsts:
                continue
            # a comma lists too ("visit, limited permits"), unless the words are one name
            # ("visit stay permits")
            listed = _listed(tokens, i - 2, -1, firsts - {tokens[i - 1]}, conjunctions, bare=True)
            run = tokens[min(listed, default=i) : i + n]
            if listed and not any(tuple(run[:k]) in heads.names for k in range(2, len(run) + 1)):
                out = list(tokens)
                for k in sorted(listed, reverse=True):
                    out[k + 1 : k + 1] = head
                return _head_last(out, heads, conjunctions)
    return tokens


def _listed(
    tokens: list[str], start: int, step: int, words: set[str], conjunctions, *, bare=False
) -> list[int]:
    """Where the words of ``words`` listed from ``start`` on (towards ``step``) stand, with
    conjunctions between; empty unless one of them comes after a conjunction (or,
    ``bare``, right after the last)."""
    found: list[int] = []
    seen: set[str] = set()
    joined = after_conjunction = False
    k = start
    while 0 <= k < len(tokens):
        if tokens[k] in conjunctions:
            joined = True
        elif tokens[k] in words and tokens[k] not in seen:
            found.append(k)
            seen.add(tokens[k])
            after_conjunction = after_conjunction or joined
        else:
            break
        k += step
    return found if after_conjunction or (bare and found) else []
