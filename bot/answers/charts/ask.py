"""Does a message ask for a chart? The words are the lexicon's ``chart`` kind
("grafik", "diagram", "chart", "plot", "visualisasi"), read from the fact base."""

from __future__ import annotations

from bot.facts.base import FactBase
from bot.model.text import clean_tokens
from bot.understanding.analysis import tokens_of


def asks_for_chart(text: str, base: FactBase) -> bool:
    """True when ``text`` holds a chart word (after the pipeline's normalization:
    "GRAFIK!", "grafik2", "grafiiik")."""
    phrases = base.derived("chart_words", _chart_words)
    if not phrases:
        return False
    tokens = tokens_of(base, text)
    lengths = {len(p) for p in phrases}
    return any(tuple(tokens[i : i + n]) in phrases for i in range(len(tokens)) for n in lengths)


def _chart_words(base: FactBase) -> frozenset[tuple[str, ...]]:
    rows = base.tables.get("lexicon", [])
    return frozenset(tuple(clean_tokens(r["word"])) for r in rows if r["kind"] == "chart")
