"""Look-ups of word sequences in normalized tokens: one helper for every list of phrases
the understanding stage reads (exclusion words, references, question words, ...)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


class Phrases(frozenset):
    """A set of phrases (tuples of words) that knows the lengths it holds, and the
    lengths of those starting with each word (most words start none)."""

    lengths: tuple[int, ...]
    starts: dict[str, tuple[int, ...]]

    def __new__(cls, phrases: Iterable[tuple[str, ...]] = ()):
        found = super().__new__(cls, phrases)
        found.lengths = tuple(sorted({len(p) for p in found}, reverse=True))
        starts: dict[str, set[int]] = {}
        for phrase in found:
            if phrase:
                starts.setdefault(phrase[0], set()).add(len(phrase))
        found.starts = {w: tuple(sorted(n, reverse=True)) for w, n in starts.items()}
        return found


def lengths_of(phrases) -> Sequence[int]:
    """The lengths of ``phrases``, longest first."""
    lengths = getattr(phrases, "lengths", None)
    return lengths if lengths is not None else sorted({len(p) for p in phrases}, reverse=True)


def has_phrase(tokens: Sequence[str], phrases) -> bool:
    """Whether one of ``phrases`` occurs anywhere in ``tokens``."""
    tokens = tuple(tokens)
    starts = getattr(phrases, "starts", None)
    if starts is None:
        return any(
            tokens[i : i + n] in phrases for n in lengths_of(phrases) for i in range(len(tokens))
        )
    if starts.keys().isdisjoint(tokens):
        return False  # most texts hold no first word of the list: checked in one C loop
    for i, token in enumerate(tokens):
        for n in starts.get(token, ()):
            if tokens[i : i + n] in phrases:
                return True
    return False


def occurrences(tokens: Sequence[str], phrases: Phrases) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of ``phrases`` in ``tokens``, longest first at a
    start."""
    if phrases.starts.keys().isdisjoint(tokens):
        return []
    tokens = tuple(tokens)
    return [
        (i, i + n)
        for i, token in enumerate(tokens)
        for n in phrases.starts.get(token, ())
        if i + n <= len(tokens) and tokens[i : i + n] in phrases
    ]


def starts_with(tokens: Sequence[str], phrases) -> bool:
    """Whether ``tokens`` begin with one of ``phrases``."""
    tokens = tuple(tokens)
    starts = getattr(phrases, "starts", None)
    if starts is not None and (not tokens or tokens[0] not in starts):
        return False  # no phrase starts with the first word
    return any(tokens[:n] in phrases for n in lengths_of(phrases))
