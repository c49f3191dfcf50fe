"""Metric families, derived from the metric names in ``metrics.csv`` (no word list here).

A metric's *markers* are the words of its names that no other metric's names use and that
are not counted or function words: "ditunda", "penundaan", "postponed" for
passport_postponed. A metric *refines* another when one of its names is a name of the other
plus markers: "paspor ditunda" is "paspor" (passports) said to be postponed, "passport
applications postponed" is "passport applications" postponed. A unit word counts the metrics
whose unit it is: "permohonan" and "applications" count passport_applications and
passport_postponed.

Words are compared by their stems, so that "menunda" (to postpone) meets the marker
"penundaan" (postponement) and "postponing" meets "postponed".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# Indonesian verb and noun affixes (meN-, peN-, di-, ter-, ber-, per-; -kan, -an, -i, -nya)
# and English inflections, longest first; a stem keeps at least MIN_STEM letters
_PREFIXES = ("meng", "meny", "peng", "peny", "mem", "men", "pem", "pen", "ter", "ber", "per")
_PREFIXES += ("me", "pe", "di")
_SUFFIXES = ("ments", "ment", "kan", "nya", "ing", "als", "an", "ed", "al", "es", "i", "s")
MIN_STEM = 4


@dataclass
class Families:
    """Names (token tuples), markers, refinements and unit words of the metrics."""

    names: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)
    markers: dict[str, frozenset[str]] = field(default_factory=dict)
    refines: dict[str, frozenset[str]] = field(default_factory=dict)
    units: dict[str, frozenset[str]] = field(default_factory=dict)

    def refinements(self, metric: str) -> list[str]:
        """The metrics that refine ``metric``."""
        return [t for t, bases in self.refines.items() if metric in bases]

    def marks(self, word: str, metric: str) -> bool:
        """True when ``word`` is (a form of) one of ``metric``'s markers."""
        return any(same_stem(word, marker) for marker in self.markers.get(metric, ()))

    def base_of(self, metrics: frozenset[str]) -> str | None:
        """The one metric of ``metrics`` that all the others refine, else None."""
        for base in sorted(metrics):
            if all(base in self.refines.get(other, ()) for other in metrics - {base}):
                return base
        return None


def derive(
    names: dict[str, set[tuple[str, ...]]],
    units: dict[str, list[str]],
    plain: Callable[[str], bool],
) -> Families:
    """The families of metrics with ``names`` (token tuples) and ``units`` (their unit
    words); ``plain`` is True for a counted or function word, which is never a marker."""
    words = {metric: {w for key in keys for w in key} for metric, keys in names.items()}
    families = Families(names=names)
    for metric, own in words.items():
        others = set().union(*(w for other, w in words.items() if other != metric))
        families.markers[metric] = frozenset(w for w in own - others if not plain(w))
    for metric, keys in names.items():
        markers = families.markers[metric]
        rests = {tuple(w for w in key if w not in markers) for key in keys}
        bases = {other for other, its in names.items() if other != metric and rests & its}
        families.refines[metric] = frozenset(bases)
    by_unit: dict[str, set[str]] = {}
    for metric, unit_words in units.items():
        for word in unit_words:
            by_unit.setdefault(word, set()).add(metric)
    families.units = {word: frozenset(metrics) for word, metrics in by_unit.items()}
    return families


def stem(word: str) -> str:
    """ "menunda" -> "unda", "penundaan" -> "unda", "ditunda" -> "tunda", "postponed" ->
    "postpon": one prefix and one suffix off, while MIN_STEM letters remain."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            word = word[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def same_stem(a: str, b: str) -> bool:
    """The stems are one but for a first letter (meN- and peN- drop the t of "tunda":
    "menunda") or a last one ("postpon", "postpone")."""
    if a == b:
        return True
    x, y = sorted((stem(a), stem(b)), key=len)
    close = len(x) >= MIN_STEM and len(y) - len(x) <= 1
    return close and (y.endswith(x) or y.startswith(x))
