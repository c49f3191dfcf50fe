"""Stage 5: look the frame's facts up in the fact base and compute what is asked.

Every result lists the stored facts it rests on; computed values are marked. Sums
are made only of figures that add up (the members of a group, or the countries of
one metric), and a share only of a whole that contains its part.
"""

from __future__ import annotations

import calendar
from dataclasses import replace

from bot.answers.over_time import YEAR_INTENTS, over_years
from bot.answers.result import At, Result
from bot.facts.base import FactBase
from bot.model.fact import Fact
from bot.model.frame import RANK_INTENTS, Frame, factor_of
from bot.model.period import parse_period
from bot.understanding.rounding import rounded, step_for

MONTHS_A_YEAR = 12
DAYS_PER_UNIT = {"week": 7, "day": 1}  # the weeks and days of the year asked (52,3 in 2020)


def subject_metrics(frame: Frame, base: FactBase) -> list[str]:
    """The metrics a figure question is about; countries imply the broken-down metric."""
    ent = frame.entities
    if ent.metrics:
        return list(ent.metrics)
    metric = base.breakdown_metric()
    return [metric] if ent.countries and metric else []


def place_of(frame: Frame, base: FactBase, metrics: list[str]) -> At:
    """The office and period of ``frame``: its year, or the longest part of that year the
    release gives when it gives no whole-year figure ("Januari-Juni 2024")."""
    year = frame.year or 0
    office = frame.office or base.default_office
    metric = metrics[0] if metrics else ""
    country = frame.entities.countries[0] if frame.entities.countries else None
    for name in [*metrics, *(m for g in frame.entities.groups for m in base.group_members(g))]:
        if base.fact(name, year, None, office) or base.fact(name, year, country, office):
            return At(base, office, str(year))
    parts = base.partials(metric, year, country, office)
    parts = parts or base.partials(metric, year, None, office)
    if not parts:
        return At(base, office, str(year))
    best = max(parts, key=lambda f: (_months(f.period), f.period))
    return At(base, office, best.period)


def _months(period: str) -> int:
    found = parse_period(period)
    return found.last_month - found.first_month if found else 0


def run_query(frame: Frame, base: FactBase) -> Result:
    """The facts for ``frame``; ``missing`` says what the base lacks."""
    metrics = subject_metrics(frame, base)
    if frame.intent in YEAR_INTENTS:
        return over_years(frame, base, metrics)
    at = place_of(frame, base, metrics)
    if frame.intent == "complement":
        return _complement(frame, at, metrics)
    if frame.intent in RANK_INTENTS:
        metric = metrics[0] if metrics else base.breakdown_metric()
        facts = base.countries_with_facts(metric, at.period, at.office)
        if max([frame.entities.ordinal or 0, *frame.entities.positions]) > len(facts):
            return Result(frame.intent, facts=facts, missing="rank")
        return Result(frame.intent, facts=facts)
    if frame.intent == "share":
        return _share(frame, at, metrics)
    items = _items(frame, at, metrics)
    if not items or any(f is None for f in items):
        return Result(frame.intent, missing="fact")
    if frame.intent == "average" and frame.reason in ("month", *DAYS_PER_UNIT):
        return _mean_per(items, at, frame.reason)
    if frame.intent == "rounded" and len(items) == 1:  # "dibulatkan ke ratusan"
        step, way = step_for(items[0].value, frame.entities.rounding), frame.entities.rounding_way
        value = rounded(items[0].value, step, way) if step > 1 else 0
        return Result("rounded", facts=items, total=items[0].value,
                      average=value or None, divisor=step)  # fmt: skip
    if frame.intent == "scaled" and len(items) == 1:  # "ITAS kali dua": the asker's factor
        return _scaled(items[0], frame.entities.factor)
    if frame.intent == "rate" and len(items) == 2:  # "deportasi per 1000 WNA"
        base_fact = items[1]
        if not base_fact.value:
            return Result("rate", missing="whole")
        rate = items[0].value / base_fact.value * frame.entities.per_base
        return Result("rate", facts=items, ratio=rate, divisor=frame.entities.per_base)
    arithmetic = frame.intent in ("average", "ratio", "difference")
    if frame.intent == "sum" or (frame.entities.groups and len(items) > 1 and not arithmetic):
        return _sum(items, frame.entities.groups, at)
    difference = abs(items[0].value - items[1].value) if len(items) == 2 else None
    if len({f.period for f in items}) > 1:  # each office's own newest year: no difference
        return Result("compare", facts=items, uneven=True)
    if frame.reason in ("grouped", "grouped_percent"):
        return _grouped(frame.intent, items, frame.entities.split)
    if frame.intent == "ratio" and len(items) == 2:
        first, second = items  # in the order asked: "rasio ITK terhadap ITAS" is ITK / ITAS
        if not (first.value and second.value):
            return Result("ratio", missing="whole")
        return Result("ratio", facts=[first, second], ratio=first.value / second.value)
    if frame.intent == "average":
        total = sum(f.value for f in items)
        return Result("average", facts=items, total=total, average=total / len(items))
    if frame.intent == "difference" and difference is not None:
        return Result("difference", facts=items, total=difference)
    if frame.reason.startswith("sorted"):  # "... dari yang terkecil": the smallest first
        ascending = frame.reason == "sorted_fewest"
        items = sorted(items, key=lambda f: f.value if ascending else -f.value)
    if len(items) > 1:
        return Result("compare", facts=items, total=difference)  # the "higher by" line
    return Result("value", facts=items)


def _scaled(fact: Fact, factor: str) -> Result:
    """One figure times or divided by the asker's own number ("x2", "/7")."""
    multiplies, by = factor_of(factor)
    value = fact.value * by if multiplies else fact.value / by
    value = value / 100 if factor.startswith("%") else value  # "50% dari Taiwan"
    return Result("scaled", facts=[fact], total=fact.value, average=value, divisor=by)


def _grouped(intent: str, items: list[Fact], split: int) -> Result:
    """Two sides of a comparison, one or both added up: "Korea than India and Taiwan
    combined" is 2,968 against 489 + 338."""
    a, b = (sum(f.value for f in side) for side in (items[:split], items[split:]))
    if intent == "ratio":
        if not min(a, b):
            return Result("ratio", missing="whole")
        return Result("grouped", facts=items, ratio=max(a, b) / min(a, b), split=split)
    return Result("grouped", facts=items, total=abs(a - b), split=split)


def _mean_per(items: list[Fact], at: At, unit: str) -> Result:
    """One yearly figure's mean per month, per week or per day (the weeks and days of that
    year: 366 / 7 = 52,3 weeks in 2020)."""
    fact = items[0]
    if len(items) != 1 or not at.period.isdigit():  # a part of a year: no fixed divisor
        return Result("average", missing="fact")
    days = 366 if calendar.isleap(fact.year) else 365
    divisor = MONTHS_A_YEAR if unit == "month" else days / DAYS_PER_UNIT[unit]
    return Result("average", facts=[fact], total=fact.value, average=fact.value / divisor,
                  divisor=divisor)  # fmt: skip


def _items(frame: Frame, at: At, metrics: list[str]) -> list[Fact | None]:
    ent, base = frame.entities, at.base
    offices = list(dict.fromkeys(ent.offices))
    if len(offices) > 1 and metrics:  # "ITAS Bekasi dan Jakarta Selatan"
        year = _common_year(frame, base, offices, metrics[0])
        return [_at_office(frame, base, office, metrics[0], year) for office in offices]
    if ent.countries:
        return [at.get(metrics[0], c) for c in ent.countries] if metrics else []
    grouped = {m for g in ent.groups for m in base.group_members(g)}
    items = [at.get(m) for m in metrics if m not in grouped]
    for group in ent.groups:
        items.extend(at.get(m) for m in base.group_members(group))
    return list(dict.fromkeys(items))


def _common_year(frame: Frame, base: FactBase, offices: list[str], metric: str) -> int | None:
    """The year asked, else the newest year every office has a figure for (None: each
    office's own newest year)."""
    if frame.years:
        return frame.years[0]
    shared = set.intersection(*(set(base.years_of(metric, None, o)) for o in offices))
    return max(shared) if shared else None


def _at_office(frame: Frame, base: FactBase, office: str, metric: str, year) -> Fact | None:
    """The figure of one office: of ``year``, else of its newest year."""
    country = frame.entities.countries[0] if frame.entities.countries else None
    year = year or base.newest_year(metric, office)
    return base.fact(metric, year, country, office) if year else None


def _sum(items: list[Fact], groups: list[str], at: At) -> Result:
    """A total, when the figures add up; otherwise the figures side by side. A group whose
    release states its own total answers with that total, and says when its parts add up
    to something else."""
    base = at.base
    metrics = {f.metric for f in items}
    countries = all(f.country for f in items) and len(metrics) == 1
    group = next(
        (g for g in base.groups_of(list(metrics)) if metrics <= set(base.group_members(g))), None
    )
    if not (countries or group):
        if base.breakdown_metric() in metrics and len(metrics) > 1:
            return Result("compare", facts=items, apart=True)  # residents hold the permits
        return Result("sum", facts=items, total=sum(f.value for f in items), overlap=True)
    whole = group if group and set(base.group_members(group)) == metrics else None
    total = sum(f.value for f in items)
    stated = at.get(_total_metric(base, whole)) if whole else None
    if stated is not None:  # the parts' sum is stated only when it differs
        differs = total if total != stated.value else None
        return Result("stated_total", facts=[stated, *items], total=differs, whole=whole)
    overlap = bool(group and (base.row("groups", "id", group) or {}).get("overlap"))
    return Result("sum", facts=items, total=total, whole=whole, overlap=overlap)


def _total_metric(base: FactBase, group: str) -> str:
    row = base.row("groups", "id", group) or {}
    return row.get("total") or ""


def _share(frame: Frame, at: At, metrics: list[str]) -> Result:
    """Each part as a percentage of the named (or implied) whole."""
    ent, base = frame.entities, at.base
    whole = dict(ent.whole)
    if not whole and ent.groups:
        whole = {"group": ent.groups[0]}
    if not whole and ent.countries:
        whole = {"metric": base.breakdown_metric()}
    if ent.countries:
        parts = [at.get(metrics[0], c) for c in ent.countries]
    else:
        parts = [at.get(m) for m in metrics]
    if not parts or any(p is None for p in parts):
        return Result("share", missing="fact")
    if "group" in whole:
        members = base.group_members(whole["group"])
        wholes = [at.get(m) for m in members]
        outside = any(p.country or p.metric not in members for p in parts)
        if outside or any(w is None for w in wholes):
            return Result("share", missing="whole")
        total = sum(w.value for w in wholes)
        facts = list(dict.fromkeys([*parts, *wholes]))
        overlap = bool((base.row("groups", "id", whole["group"]) or {}).get("overlap"))
        return replace(_shares_of(parts, total, facts, whole["group"]), overlap=overlap)
    if whole.get("country"):  # one country is no part of another: "China vs Korea, in %"
        return _of_countries(parts, at, whole.get("metric") or metrics[0], whole)
    fact = at.get(whole.get("metric", ""))
    apart = fact is not None and all(
        not p.country and base.counted(p.metric) not in ("", base.counted(fact.metric))
        for p in parts
    )
    if apart and all(p.value <= fact.value for p in parts):
        # "deportations as a percentage of active foreigners": events of a year against the
        # people counted on a date, given with that caveat rather than refused (never above
        # 100%); two figures counted alike that are no part of each other stay refused
        return replace(_shares_of(parts, fact.value, [*parts, fact], fact), apart=True)
    if fact is not None and all(_alike(base, p, fact) for p in parts):
        return _relative(parts, fact)  # "ITAP itu berapa persen dari ITAS?": no part of it
    if fact is None or any(not p.country or p.metric != fact.metric for p in parts):
        return Result("share", missing="whole")
    result = _shares_of(parts, fact.value, [*parts, fact], fact)
    if frame.reason in ("together", "together_only") and result.shares:
        result.together = sum(share for _, share in result.shares)
    return result


def _of_countries(parts: list[Fact], at: At, metric: str, whole: dict) -> Result:
    """Parts as percentages of one country (a comparison) or of several added up ("India
    berapa persen dari India dan Taiwan": a share of the two)."""
    codes = (whole.get("countries") or whole["country"]).split(",")
    wholes = [at.get(metric, c) for c in codes]
    if len(codes) == 1:
        return _relative(parts, wholes[0])
    if any(w is None for w in wholes) or any(p.country not in codes for p in parts):
        return Result("share", missing="whole")  # "India of Korea and Japan": no part of it
    total = sum(w.value for w in wholes)
    facts = list(dict.fromkeys([*parts, *wholes]))
    return _shares_of(parts, total, facts, tuple(wholes))


def _alike(base, part: Fact, whole: Fact) -> bool:
    """Whether two figures count alike but neither holds the other (ITAP and ITAS, two
    actions), so one can be put as a percentage of the other."""
    if part.country or whole.country or part.metric == whole.metric:
        return False
    counted = base.counted(part.metric)
    groups = set(base.groups_of([part.metric])) & set(base.groups_of([whole.metric]))
    return bool(counted) and counted == base.counted(whole.metric) and bool(groups)


def _relative(parts: list[Fact], whole: Fact | None) -> Result:
    """Each part as a percentage of a figure it is no part of, said to be a comparison."""
    if whole is None or any(p == whole for p in parts):
        return Result("share", missing="whole")
    return replace(_shares_of(parts, whole.value, [*parts, whole], whole), relative=True)


def _shares_of(parts: list[Fact], total: int, facts: list[Fact], whole: str | Fact) -> Result:
    if not total:
        return Result("share", missing="whole")
    shares = [(p, 100 * p.value / total) for p in parts]
    return Result("share", facts=facts, total=total, shares=shares, whole=whole)


def _complement(frame: Frame, at: At, metrics: list[str]) -> Result:
    """The whole less the parts left out: "WNA selain Korea" = all WNA - Korea;
    "izin tinggal selain ITAS" = the group's other members, added up."""
    ent, base = frame.entities, at.base
    if ent.groups:
        left_out = set(ent.excluded_of("metric"))
        rest = [m for g in ent.groups for m in base.group_members(g) if m not in left_out]
        items = [at.get(m) for m in rest]
        if not items or any(f is None for f in items):
            return Result("complement", missing="fact")
        if len(items) == 1:
            return Result("value", facts=items)
        return Result("sum", facts=items, total=sum(f.value for f in items))
    metric = metrics[0] if metrics else base.breakdown_metric()
    whole = at.get(metric)
    parts = [at.get(metric, c) for c in frame.entities.excluded_of("country")]
    if whole is None or not parts or any(p is None for p in parts):
        return Result("complement", missing="fact")
    left = whole.value - sum(p.value for p in parts)
    share = 100 * left / whole.value if frame.reason == "share" and whole.value else None
    # "top 2? | and the rest?": the rest, and the listed countries among them
    others = [f for f in at.base.countries_with_facts(metric, at.period, at.office)
              if f not in parts] if ent.rest else []  # fmt: skip
    return Result("complement", facts=[whole, *parts, *others], total=left, whole=whole,
                  percent=share, split=1 + len(parts))  # fmt: skip
