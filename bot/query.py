"""Stage 5: look the frame's facts up in the fact base and compute what is asked.

Every result lists the stored facts it rests on; computed values are marked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.base import Fact, FactBase
from bot.intents import RANK_CUES as RANK_INTENTS
from bot.intents import Frame, group_members


@dataclass
class Result:
    """The facts behind an answer and what was computed from them."""

    kind: str
    facts: list[Fact] = field(default_factory=list)
    total: int | None = None
    percent: float | None = None
    labels: list[str] = field(default_factory=list)
    missing: str = ""
    parts: list[Result] = field(default_factory=list)

    @property
    def computed(self) -> bool:
        """True when the reply states a figure that is not itself a stored fact."""
        return self.total is not None or self.percent is not None


def subject_metrics(frame: Frame, base: FactBase) -> list[str]:
    """The metrics a figure question is about; countries imply the broken-down metric."""
    ent = frame.entities
    if ent.metrics:
        return list(ent.metrics)
    breakdown = sorted(base.metrics_with_country_breakdown())
    return breakdown[:1] if ent.countries and breakdown else []


def run_query(frame: Frame, base: FactBase) -> Result:
    """The facts for ``frame``; ``missing`` names what the base lacks."""
    ent, year = frame.entities, frame.year or base.period
    metrics = subject_metrics(frame, base)
    if frame.intent in RANK_INTENTS:
        metric = (
            metrics[0] if metrics else next(iter(sorted(base.metrics_with_country_breakdown())), "")
        )
        return Result(frame.intent, facts=base.countries_with_facts(metric, year))
    if ent.countries:
        items = [base.facts.get((metrics[0], year, c)) for c in ent.countries] if metrics else []
    else:
        grouped = {m for g in ent.groups for m in group_members(base, g)}
        items = [base.facts.get((m, year, None)) for m in metrics if m not in grouped]
        for group in ent.groups:
            parts = [base.facts.get((m, year, None)) for m in group_members(base, group)]
            if frame.intent == "sum" and len(ent.groups) == 1 and not items:
                return _sum(parts, group)
            items.extend(parts)
    if not items or any(f is None for f in items):
        return Result(frame.intent, missing="fact")
    if frame.intent == "share":
        shares = [_share(item, base, year, ent.groups) for item in dict.fromkeys(items)]
        return _merge_shares(shares)
    if frame.intent == "sum":
        return _sum(items, "")
    if frame.intent in ("difference", "compare") and len(items) >= 2:
        return Result(frame.intent, facts=items[:2], total=abs(items[0].value - items[1].value))
    return Result("value", facts=items[:1])


def _merge_shares(shares: list[Result]) -> Result:
    """Several shares in one result: ``labels`` and ``facts`` line up per part."""
    if len(shares) == 1 or any(s.missing for s in shares):
        return shares[0] if len(shares) == 1 else Result("share", missing="whole")
    merged = Result("share", percent=shares[0].percent, total=shares[0].total)
    merged.parts = shares
    for share in shares:
        merged.facts.extend(f for f in share.facts if f not in merged.facts)
    return merged


def _sum(parts: list[Fact | None], group: str) -> Result:
    if not parts or any(p is None for p in parts):
        return Result("sum", missing="fact")
    return Result(
        "sum", facts=parts, total=sum(p.value for p in parts), labels=[group] if group else []
    )


def _share(part: Fact, base: FactBase, year: int, groups: list[str]) -> Result:
    if part.country:
        whole = base.facts.get((part.metric, year, None))
        label = part.metric
    else:
        # The whole must be named ("ITAS dari total izin tinggal"): never guessed.
        group = next((g for g in groups if part.metric in group_members(base, g)), None)
        if group is None:
            return Result("value", facts=[part])
        members = [base.facts.get((m, year, None)) for m in group_members(base, group)]
        if any(m is None for m in members):
            return Result("share", missing="fact")
        result = Result("share", facts=[part, *[m for m in members if m is not part]])
        result.total = sum(m.value for m in members)
        result.percent = 100 * part.value / result.total if result.total else 0.0
        result.labels = [group]
        return result
    if whole is None or not whole.value:
        return Result("share", missing="whole")
    return Result(
        "share", facts=[part, whole], percent=100 * part.value / whole.value, labels=[label]
    )
