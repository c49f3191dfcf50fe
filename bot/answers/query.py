"""Stage 5: look the frame's facts up in the fact base and compute what is asked.

Every result lists the stored facts it rests on; computed values are marked. Sums
are made only of figures that add up (the members of a group, or the countries of
one metric), and a share only of a whole that contains its part.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.facts.base import FactBase
from bot.model.fact import Fact
from bot.model.frame import RANK_INTENTS, Frame


@dataclass
class Result:
    """The facts behind an answer and what was computed from them.

    ``kind`` is what the reply states: value, sum, compare, difference, share,
    complement or a ranking. ``whole`` names the whole of a share or of a sum
    (a group id, or a fact); ``missing`` says why nothing can be stated;
    ``apart`` marks figures asked to be added that do not add up.
    """

    kind: str
    facts: list[Fact] = field(default_factory=list)
    total: int | None = None
    shares: list[tuple[Fact, float]] = field(default_factory=list)
    whole: str | Fact | None = None
    missing: str = ""
    apart: bool = False
    together: float | None = None

    @property
    def computed(self) -> bool:
        """True when the reply states a figure that is not itself a stored fact."""
        return self.total is not None or bool(self.shares)


def subject_metrics(frame: Frame, base: FactBase) -> list[str]:
    """The metrics a figure question is about; countries imply the broken-down metric."""
    ent = frame.entities
    if ent.metrics:
        return list(ent.metrics)
    metric = base.breakdown_metric()
    return [metric] if ent.countries and metric else []


def run_query(frame: Frame, base: FactBase) -> Result:
    """The facts for ``frame``; ``missing`` says what the base lacks."""
    year = frame.year or base.period
    metrics = subject_metrics(frame, base)
    if frame.intent == "complement":
        return _complement(frame, base, metrics, year)
    if frame.intent in RANK_INTENTS:
        metric = metrics[0] if metrics else base.breakdown_metric()
        facts = base.countries_with_facts(metric, year)
        if (frame.entities.ordinal or 0) > len(facts):
            return Result(frame.intent, facts=facts, missing="rank")
        return Result(frame.intent, facts=facts)
    if frame.intent == "share":
        return _share(frame, base, metrics, year)
    items = _items(frame, base, metrics, year)
    if not items or any(f is None for f in items):
        return Result(frame.intent, missing="fact")
    if frame.intent == "sum" or (frame.entities.groups and len(items) > 1):
        return _sum(items, frame.entities.groups, base)
    difference = abs(items[0].value - items[1].value) if len(items) == 2 else None
    if frame.intent == "difference" and difference is not None:
        return Result("difference", facts=items, total=difference)
    if len(items) > 1:
        return Result("compare", facts=items, total=difference)  # the "higher by" line
    return Result("value", facts=items)


def _items(frame: Frame, base: FactBase, metrics: list[str], year: int) -> list[Fact | None]:
    ent = frame.entities
    if ent.countries:
        return [base.facts.get((metrics[0], year, c)) for c in ent.countries] if metrics else []
    grouped = {m for g in ent.groups for m in base.group_members(g)}
    items = [base.facts.get((m, year, None)) for m in metrics if m not in grouped]
    for group in ent.groups:
        items.extend(base.facts.get((m, year, None)) for m in base.group_members(group))
    return list(dict.fromkeys(items))


def _sum(items: list[Fact], groups: list[str], base: FactBase) -> Result:
    """A total, when the figures add up; otherwise the figures side by side."""
    metrics = {f.metric for f in items}
    countries = all(f.country for f in items) and len(metrics) == 1
    group = next(
        (g for g in base.groups_of(list(metrics)) if metrics <= set(base.group_members(g))), None
    )
    if not (countries or group):
        return Result("compare", facts=items, apart=True)
    whole = group if group and set(base.group_members(group)) == metrics else None
    return Result("sum", facts=items, total=sum(f.value for f in items), whole=whole)


def _share(frame: Frame, base: FactBase, metrics: list[str], year: int) -> Result:
    """Each part as a percentage of the named (or implied) whole."""
    ent = frame.entities
    whole = dict(ent.whole)
    if not whole and ent.groups:
        whole = {"group": ent.groups[0]}
    if not whole and ent.countries:
        whole = {"metric": base.breakdown_metric()}
    if ent.countries:
        parts = [base.facts.get((metrics[0], year, c)) for c in ent.countries]
    else:
        parts = [base.facts.get((m, year, None)) for m in metrics]
    if not parts or any(p is None for p in parts):
        return Result("share", missing="fact")
    if "group" in whole:
        members = base.group_members(whole["group"])
        wholes = [base.facts.get((m, year, None)) for m in members]
        outside = any(p.country or p.metric not in members for p in parts)
        if outside or any(w is None for w in wholes):
            return Result("share", missing="whole")
        total = sum(w.value for w in wholes)
        facts = list(dict.fromkeys([*parts, *wholes]))
        return _shares_of(parts, total, facts, whole["group"])
    if whole.get("country"):
        return Result("share", missing="whole")  # one country is no part of another
    fact = base.facts.get((whole.get("metric", ""), year, None))
    if fact is None or any(not p.country or p.metric != fact.metric for p in parts):
        return Result("share", missing="whole")
    result = _shares_of(parts, fact.value, [*parts, fact], fact)
    if frame.reason == "together" and result.shares:
        result.together = sum(share for _, share in result.shares)
    return result


def _shares_of(parts: list[Fact], total: int, facts: list[Fact], whole: str | Fact) -> Result:
    if not total:
        return Result("share", missing="whole")
    shares = [(p, 100 * p.value / total) for p in parts]
    return Result("share", facts=facts, total=total, shares=shares, whole=whole)


def _complement(frame: Frame, base: FactBase, metrics: list[str], year: int) -> Result:
    """The whole less the parts left out: "WNA selain Korea" = all WNA - Korea;
    "izin tinggal selain ITAS" = the group's other members, added up."""
    ent = frame.entities
    if ent.groups:
        left_out = set(ent.excluded_of("metric"))
        rest = [m for g in ent.groups for m in base.group_members(g) if m not in left_out]
        items = [base.facts.get((m, year, None)) for m in rest]
        if not items or any(f is None for f in items):
            return Result("complement", missing="fact")
        if len(items) == 1:
            return Result("value", facts=items)
        return Result("sum", facts=items, total=sum(f.value for f in items))
    metric = metrics[0] if metrics else base.breakdown_metric()
    whole = base.facts.get((metric, year, None))
    parts = [base.facts.get((metric, year, c)) for c in frame.entities.excluded_of("country")]
    if whole is None or not parts or any(p is None for p in parts):
        return Result("complement", missing="fact")
    left = whole.value - sum(p.value for p in parts)
    return Result("complement", facts=[whole, *parts], total=left, whole=whole)
