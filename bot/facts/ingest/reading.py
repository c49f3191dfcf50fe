"""What one number counts, as the attaching stages work it out (:class:`Reading`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.facts.ingest.periods import Cue


@dataclass
class Reading:
    """What one number counts, the rule that said so and the tokens naming it; a table's
    figure also has its headers' period (``period_cue``), office and the tokens to quote
    (``span``)."""

    metric: str | None = None
    country: str | None = None
    rule: str = ""
    names: tuple[int, int] | None = None
    country_names: tuple[int, int] | None = None
    reason: str = ""
    period_cue: Cue | None = None
    span: tuple[int, int] | None = None
    office: str = ""
