"""The fact base in memory: facts and the knowledge tables, with look-ups derived once.

Loaded once from the SQLite file that ``python -m bot build`` wrote; nothing
here is hand-written data, so editing ``knowledge/`` changes every answer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from bot.facts.store import read_tables
from bot.model.fact import Fact
from bot.model.text import clean_tokens, split_list

T = TypeVar("T")


@dataclass
class FactBase:
    """Everything the pipeline needs, read from one fact base file."""

    facts: dict[tuple[str, int, str | None], Fact]
    tables: dict[str, list[dict]]
    period: int
    content_hash: str = ""
    _derived: dict[str, object] = field(default_factory=dict, repr=False)
    _quote_words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _place_kinds: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_db(cls, db_path: Path) -> FactBase:
        """Load the fact base at ``db_path``."""
        return cls.from_tables(read_tables(Path(db_path)))

    @classmethod
    def from_tables(cls, tables: dict[str, list[dict]]) -> FactBase:
        """Build from table rows (as read from the database)."""
        facts = {
            (r["metric"], r["year"], r["country"]): Fact(
                r["metric"], r["year"], r["country"], r["value"], r["source"], r["office"],
                r["quote"],
            )
            for r in tables["facts"]
        }  # fmt: skip
        period = max((int(s["period"]) for s in tables["sources"]), default=0)
        meta = {r["key"]: r["value"] for r in tables.get("meta", [])}
        return cls(
            facts=facts,
            tables=tables,
            period=period,
            content_hash=meta.get("content_hash", ""),
        )

    def derived(self, name: str, make: Callable[[FactBase], T]) -> T:
        """``make(self)``, computed on first use and kept as long as this base.

        Later stages keep their own indexes of the base here (the understanding stage's
        vocabulary), so the facts layer needs to know nothing about them.
        """
        if name not in self._derived:
            self._derived[name] = make(self)
        return self._derived[name]

    # Lookups derived once per base: every message asks them, none changes until a reload.
    @cached_property
    def _rows(self) -> dict[tuple[str, str, str], dict]:
        index: dict[tuple[str, str, str], dict] = {}
        for table, rows in self.tables.items():
            for row in rows:
                for key, value in row.items():
                    index.setdefault((table, key, value), row)
        return index

    def row(self, table: str, key: str, value: str) -> dict | None:
        """The (first) row of ``table`` whose ``key`` column equals ``value``."""
        return self._rows.get((table, key, value))

    @cached_property
    def _years(self) -> list[int]:
        return sorted({year for _, year, _ in self.facts})

    def years(self) -> list[int]:
        """The years the facts cover."""
        return self._years

    @cached_property
    def _by_country(self) -> dict[tuple[str, int], list[Fact]]:
        ranked: dict[tuple[str, int], list[Fact]] = defaultdict(list)
        for (metric, year, country), fact in self.facts.items():
            if country:
                ranked[(metric, year)].append(fact)
        return {key: sorted(v, key=lambda f: (-f.value, f.country)) for key, v in ranked.items()}

    def countries_with_facts(self, metric: str, year: int) -> list[Fact]:
        """Per-country facts of ``metric`` in ``year``, largest first."""
        return list(self._by_country.get((metric, year), []))

    def countries_named(self, year: int) -> set[str]:
        """The countries any fact of ``year`` is about."""
        return {f.country for (_, y), facts in self._by_country.items() if y == year for f in facts}

    @cached_property
    def _breakdown(self) -> frozenset[str]:
        return frozenset(metric for metric, _ in self._by_country)

    def metrics_with_country_breakdown(self) -> frozenset[str]:
        """Metrics that have at least one per-country fact."""
        return self._breakdown

    @cached_property
    def statement_intents(self) -> frozenset[str]:
        """Intents answered by stored statements (innovations, awards, ...)."""
        return frozenset(r["intent"] for r in self.tables["statements"])

    def places_of_kind(self, kinds: tuple[str, ...]) -> frozenset[str]:
        """Names of the places of the given kinds (cached per kinds)."""
        if kinds not in self._place_kinds:
            names = (r["name"] for r in self.tables["places"] if r["kind"] in kinds)
            self._place_kinds[kinds] = frozenset(names)
        return self._place_kinds[kinds]

    def quote_words(self, fact: Fact) -> frozenset[str]:
        """The normalized words of a fact's quote."""
        if fact.quote not in self._quote_words:
            self._quote_words[fact.quote] = frozenset(clean_tokens(fact.quote))
        return self._quote_words[fact.quote]

    def group_members(self, group: str) -> list[str]:
        """The metric ids of a group (stay_permits -> itk, itas, itap)."""
        row = self.row("groups", "id", group)
        return split_list(row["members"]) if row else []

    def groups_of(self, metrics: list[str]) -> list[str]:
        """The groups that contain one of ``metrics``."""
        return [
            row["id"]
            for row in self.tables["groups"]
            if set(split_list(row["members"])) & set(metrics)
        ]

    def breakdown_metric(self) -> str:
        """The metric broken down by country (active foreign residents), or ""."""
        return min(self.metrics_with_country_breakdown(), default="")
