"""The fact base in memory: facts and the knowledge tables, with look-ups derived once.

Loaded once from the SQLite file that ``python -m bot build`` wrote; nothing
here is hand-written data, so editing ``knowledge/`` changes every answer.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from bot.facts.store import read_tables
from bot.model.fact import Fact, FactKey
from bot.model.text import clean_tokens, split_list

_SENTENCE_WORDS = re.compile(r"[^\W_]+")

T = TypeVar("T")


@dataclass
class FactBase:
    """Everything the pipeline needs, read from one fact base file.

    Figures are looked up by metric, year (or period), country and office; the office
    defaults to :attr:`default_office`.
    """

    facts: dict[FactKey, Fact]
    tables: dict[str, list[dict]]
    default_office: str = ""
    content_hash: str = ""
    _derived: dict[str, object] = field(default_factory=dict, repr=False)

    @classmethod
    def from_db(cls, db_path: Path, *, default_office: str | None = None) -> FactBase:
        """Load the fact base at ``db_path``; ``default_office`` names the office a question
        without one asks about (else the only office, or the one with most sources)."""
        return cls.from_tables(read_tables(Path(db_path)), default_office=default_office)

    @classmethod
    def from_tables(
        cls, tables: dict[str, list[dict]], *, default_office: str | None = None
    ) -> FactBase:
        """Build from table rows (as read from the database)."""
        facts = {}
        for r in tables["facts"]:
            if r["canonical"]:
                fact = Fact(
                    r["office"], r["period"], r["year"], r["metric"], r["country"], r["value"],
                    r["source"], r["quote"],
                )  # fmt: skip
                facts[fact.key] = fact
        meta = {r["key"]: r["value"] for r in tables.get("meta", [])}
        return cls(
            facts=facts,
            tables=tables,
            default_office=_default_office(tables, default_office),
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

    def counted(self, metric: str) -> str:
        """How ``metric`` is counted: "period", "date" or "" (``metrics.csv``)."""
        rows = self.derived(
            "counted", lambda b: {r["id"]: r.get("counted") or "" for r in b.tables["metrics"]}
        )
        return rows.get(metric, "")

    # Look-ups derived once per base: every message asks them, none changes until a reload.
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

    def fact(
        self, metric: str, year: int | str, country: str | None = None, office: str | None = None
    ) -> Fact | None:
        """The stored figure of ``metric`` for a year (its whole year) or a period."""
        return self.facts.get((office or self.default_office, str(year), metric, country))

    @cached_property
    def _series(self) -> dict[tuple[str, str, str | None], list[Fact]]:
        series: dict[tuple[str, str, str | None], list[Fact]] = defaultdict(list)
        for fact in sorted(self.facts.values(), key=lambda f: f.period):
            series[(fact.office, fact.metric, fact.country)].append(fact)
        return dict(series)

    def series(self, metric: str, country: str | None = None, office: str | None = None):
        """Every stored figure of ``metric`` at an office, oldest period first."""
        return list(self._series.get((office or self.default_office, metric, country), []))

    def years_of(self, metric: str, country: str | None = None, office: str | None = None):
        """The whole years ``metric`` has a figure for at an office, oldest first."""
        return [f.year for f in self.series(metric, country, office) if f.full_year]

    def partials(self, metric: str, year: int, country=None, office=None) -> list[Fact]:
        """Figures of ``metric`` for parts of ``year`` (a half, a quarter, a month)."""
        found = self.series(metric, country, office)
        return [f for f in found if f.year == year and not f.full_year]

    @cached_property
    def _office_years(self) -> dict[tuple[str, bool], list[int]]:
        years: dict[tuple[str, bool], set[int]] = defaultdict(set)
        for fact in self.facts.values():
            for office in (fact.office, ""):
                years[(office, False)].add(fact.year)
                if fact.full_year:
                    years[(office, True)].add(fact.year)
        return {key: sorted(found) for key, found in years.items()}

    def years(self, office: str | None = None, *, whole: bool = True) -> list[int]:
        """The years the facts of an office cover ("" for every office): whole years only,
        or also years with figures for a part of them."""
        key = self.default_office if office is None else office
        return list(self._office_years.get((key, whole), []))

    def newest_year(self, metric: str | None = None, office: str | None = None) -> int | None:
        """The newest whole year with a figure of ``metric`` (any metric) at the office."""
        years = self.years_of(metric, office=office) if metric else self.years(office)
        return years[-1] if years else None

    @cached_property
    def _by_country(self) -> dict[tuple[str, str, str], list[Fact]]:
        ranked: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
        for fact in self.facts.values():
            if fact.country:
                ranked[(fact.office, fact.metric, fact.period)].append(fact)
        return {key: sorted(v, key=lambda f: (-f.value, f.country)) for key, v in ranked.items()}

    def countries_with_facts(self, metric: str, year: int | str, office: str | None = None):
        """Per-country facts of ``metric`` in a year (or period), largest first."""
        key = (office or self.default_office, metric, str(year))
        return list(self._by_country.get(key, []))

    def countries_named(self, year: int | str, office: str | None = None) -> set[str]:
        """The countries any fact of the year (or period) at the office is about."""
        office = office or self.default_office
        return {
            f.country
            for (o, _, period), facts in self._by_country.items()
            if o == office and period == str(year)
            for f in facts
        }

    @cached_property
    def _breakdown(self) -> frozenset[str]:
        return frozenset(metric for _, metric, _ in self._by_country)

    def metrics_with_country_breakdown(self) -> frozenset[str]:
        """Metrics that have at least one per-country fact."""
        return self._breakdown

    @cached_property
    def _country_default(self) -> str:
        return next((r["id"] for r in self.tables["metrics"] if r.get("country_default")), "")

    def breakdown_metric(self) -> str:
        """The metric a bare country asks about ("WNA Jepang": active foreign residents)."""
        return self._country_default

    @cached_property
    def statement_intents(self) -> frozenset[str]:
        """Intents answered by stored statements (innovations, awards, ...)."""
        return frozenset(r["intent"] for r in self.tables["statements"])

    def facts_with_value(self, office: str, period: str, value: int) -> list[Fact]:
        """The stored figures of an office and period that have ``value`` (an index built
        once per base: "ada 8940 WNA", "2.301 itu orang mana?")."""
        index = self.derived("facts_by_value", _facts_by_value)
        return index.get((office, period, value), [])

    def statement_metrics(self, statement_id: str) -> frozenset[str]:
        """The metrics a statement names by one of their aliases, in either language ("Dua
        orang yang ditindak pro justitia melanggar Pasal 71 ...": pro_justitia)."""
        return self.derived("statement_metrics", _statement_metrics).get(statement_id, frozenset())

    def statements(self, intent: str, office: str | None = None, year: int | None = None):
        """The statements of ``intent`` at an office: of ``year``, else of the newest year
        that has any."""
        office = office or self.default_office
        rows = [r for r in self.tables["statements"] if r["intent"] == intent]
        rows = [r for r in rows if r["office"] == office]
        if year is None and rows:
            year = max(r["year"] for r in rows)
        return [r for r in rows if r["year"] == year]

    @cached_property
    def offices_with_facts(self) -> list[str]:
        """The offices that have at least one figure, in the order of offices.csv."""
        having = {fact.office for fact in self.facts.values()}
        return [r["id"] for r in self.tables["offices"] if r["id"] in having]

    def places_of_kind(self, kinds: tuple[str, ...]) -> frozenset[str]:
        """Names of the places of the given kinds (cached per kinds)."""
        key = "places:" + "|".join(kinds)
        return self.derived(
            key,
            lambda base: frozenset(r["name"] for r in base.tables["places"] if r["kind"] in kinds),
        )

    def region_members(self, place: str) -> frozenset[str]:
        """The country codes of a world region (empty for any other place)."""
        members = self.derived(
            "region_members",
            lambda base: {
                r["name"]: frozenset(split_list(r.get("members") or ""))
                for r in base.tables["places"]
            },
        )
        return members.get(place, frozenset())

    def quote_words(self, fact: Fact) -> frozenset[str]:
        """The normalized words of a fact's quote."""
        return self.derived("quote:" + fact.quote, lambda _: frozenset(clean_tokens(fact.quote)))

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


def _default_office(tables: dict[str, list[dict]], wanted: str | None) -> str:
    """The office named by the setting, else the only office with facts, else the office
    with the most sources, else the first office."""
    known = [r["id"] for r in tables["offices"]]
    if wanted and wanted in known:
        return wanted
    having = {r["office"] for r in tables["facts"]}
    if len(having) == 1:
        return having.pop()
    sources = Counter(r["office"] for r in tables["sources"])
    ranked = sorted(known, key=lambda office: -sources[office])
    return ranked[0] if ranked else ""


def _statement_metrics(base: FactBase) -> dict[str, frozenset[str]]:
    names = {
        row["id"]: {
            tuple(clean_tokens(a))
            for f in ("aliases_id", "aliases_en")
            for a in split_list(row.get(f, ""))
        }
        for row in base.tables["metrics"]
    }
    found = {}
    for statement in base.tables["statements"]:
        windows: set[tuple[str, ...]] = set()
        for text in (statement["summary_id"], statement["summary_en"]):
            # a capitalized word inside a sentence is a name ("Eazy Paspor"): no metric
            words = [w for w in _SENTENCE_WORDS.findall(text)]
            plain = [
                w.lower() if w[:1].islower() or w.isupper() or i == 0 else ""
                for i, w in enumerate(words)
            ]
            windows |= {tuple(plain[i : i + n]) for n in range(1, 5) for i in range(len(plain))}
        found[statement["id"]] = frozenset(m for m, aliases in names.items() if aliases & windows)
    return found


def _facts_by_value(base: FactBase) -> dict[tuple[str, str, int], list[Fact]]:
    index: dict[tuple[str, str, int], list[Fact]] = defaultdict(list)
    for fact in base.facts.values():
        index[(fact.office, fact.period, fact.value)].append(fact)
    return dict(index)
