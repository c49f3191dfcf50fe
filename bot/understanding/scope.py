"""Stage 4b: whose figures and which years a question asks about.

The office is the one named, else the default office. Years written out come first, then
relative ones ("tahun lalu"), resolved now against the year in question or the newest year
the base has; with no year at all, the newest year the base has for the subject.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.facts.base import FactBase
from bot.model.frame import Entities, add_unique


@dataclass
class Scope:
    """The office and years of a question.

    ``years`` are the years asked, in the order named (empty: none named); ``year`` is the
    main one, defaulting to the newest year of the subject; ``offices`` every office named.
    """

    office: str
    year: int | None
    years: list[int] = field(default_factory=list)
    offices: list[str] = field(default_factory=list)

    @property
    def named_year(self) -> bool:
        """Whether the question named a year (written out or relative)."""
        return bool(self.years)


def subject_metric(ent: Entities, base: FactBase) -> str | None:
    """The metric a figure question is mainly about (a country asks the default metric)."""
    if ent.metrics:
        return ent.metrics[0]
    for group in ent.groups:
        members = base.group_members(group)
        if members:
            return members[0]
    return base.breakdown_metric() if ent.countries else None


def scope_of(ent: Entities, base: FactBase) -> Scope:
    """The office and years ``ent`` asks about."""
    offices = list(ent.offices)
    office = offices[0] if offices else base.default_office
    metric = subject_metric(ent, base)
    country = ent.countries[0] if len(ent.countries) == 1 else None
    newest = newest_year(base, metric, country, office)
    years = asked_years(ent, newest)
    return Scope(office=office, year=years[0] if years else newest, years=years, offices=offices)


def newest_year(base: FactBase, metric: str | None, country: str | None, office: str):
    """The newest year the subject has a figure for at the office ("WNA India": the newest
    year that lists India), else the office's newest year."""
    if metric:
        years = base.years_of(metric, country, office) or base.years_of(metric, None, office)
        if years:
            return years[-1]
    return base.newest_year(office=office)


def asked_years(ent: Entities, newest: int | None) -> list[int]:
    """The years named, written out first, then the relative ones resolved."""
    years = list(ent.years)
    anchor = ent.anchor if ent.anchor is not None else (years[0] if years else None)
    for spec in ent.relative:
        year = relative_year(spec, anchor=anchor, newest=newest)
        if year is not None:
            add_unique(years, year)
    return years


def year_available(base: FactBase, metric: str, year: int, country=None, office=None) -> bool:
    """Whether ``metric`` has a figure for ``year`` (its whole year, or a part of it)."""
    if base.fact(metric, year, country, office) is not None:
        return True
    return bool(base.partials(metric, year, country, office))


def relative_year(spec: str, *, anchor: int | None, newest: int | None) -> int | None:
    """The year a relative phrase names, at question time.

    "ago-N" counts back from the year in question ("2021 dibanding tahun lalu": 2020), else
    from the year after the newest data, the way people say "tahun lalu" for the newest
    release; "before-N" counts back from the year in question or the newest year ("tahun
    sebelumnya"); "today+N" counts from the calendar year.
    """
    kind, _, offset = spec.partition("+") if "+" in spec else spec.partition("-")
    step = int(offset or 0) * (1 if "+" in spec else -1)
    if kind == "today":
        return date.today().year + step
    if anchor is not None:
        return anchor + step
    if newest is None:
        return None
    return newest + step + (1 if kind == "ago" else 0)
