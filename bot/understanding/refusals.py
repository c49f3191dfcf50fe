"""Stage 4c: what the release cannot answer, decided before any figure is looked up.

Another year, another office or place, a country it does not list, a breakdown or a
detail it does not give, or an exclusion it cannot compute: each becomes a ``no_data``
frame that says so, and "all but X" becomes a computed complement.
"""

from __future__ import annotations

from itertools import pairwise

from bot.facts.base import FactBase
from bot.model.frame import RANK_INTENTS, Entities, Frame
from bot.model.places import AROUND_KINDS, REGION_KINDS
from bot.model.text import clean_tokens
from bot.understanding.cues import cued
from bot.understanding.lexis import lexis
from bot.understanding.scope import Scope, subject_metric, year_available


def places_asked(ent: Entities, base: FactBase) -> list[str]:
    """Places the question asks about. Beside a named office, the country around it or a
    district inside it is only context ("expelled from Indonesia by the Bekasi office",
    "I work in Cikarang; how many Japanese live in Bekasi?")."""
    context = base.places_of_kind(AROUND_KINDS)
    # "the 4 east asian countries (korea japan china taiwan)": the region only describes
    # them; in "Korea, Jepang dan Eropa" it is asked beside them
    regions = base.places_of_kind(REGION_KINDS) if len(ent.countries) > 1 else ()
    regions = [r for r in regions if set(ent.countries) <= base.region_members(r)]
    return [p for p in ent.places if not (ent.offices and p in context) and p not in regions]


def unanswerable(
    ent: Entities, cues: dict[str, float], base: FactBase, scope: Scope, *, years_checked: bool
) -> Frame | None:
    """A no-data frame when the release lacks the year, country, breakdown or detail asked;
    a complement frame for "all but X".

    Args:
        years_checked: the caller checks each year itself (a change or a series).
    """
    year, office = scope.year, scope.office
    if year is None:  # the subject has no figure at this office at all
        return Frame("value", "no_data", reason="metric")
    uncounted = [m for m in ent.metrics if not base.series(m, office=office)]
    if uncounted and len(ent.metrics) > 1:  # "paspor dan ITAS": no passport count at all
        ent.metrics = uncounted  # the reply names what is missing, not what is there
        return Frame("value", "no_data", reason="metric")
    missing = None if years_checked else _missing_year(ent, base, scope)
    if missing is not None:
        return Frame("value", "no_data", year=missing, reason="year")
    breakdown = base.metrics_with_country_breakdown()
    listed = base.countries_named(year, office) if year else set()
    if any(c not in listed for c in ent.countries) and not years_checked:
        return Frame("value", "no_data", year=year, reason="country")
    if ent.countries and (ent.groups or any(m not in breakdown for m in ent.metrics)):
        return Frame("value", "no_data", year=year, reason="breakdown")
    measures = ent.metrics and all(m not in breakdown for m in ent.metrics)
    if ent.names_countries and not ent.countries and (measures or ent.groups):
        # "what nationality were the 72 deported?": no country breakdown of deportations
        return Frame("value", "no_data", year=year, reason="breakdown")
    narrowed = narrower(ent, base, scope)
    if narrowed:
        together = combined_details(ent, base, scope)
        if together and all(meant in together for _, meant in narrowed):
            # "ITAP baru saja", "is that new permits only?": given with renewals, not apart
            return Frame("value", "no_data", year=year, reason="combined", combined=together)
        # "ITAS per bulan", "deportasi karena covid": narrower than the release's figures
        return Frame("value", "no_data", year=year, reason="qualifier")
    if ent.rest and ent.names_countries and not (ent.countries or ent.excluded or ent.excluded_top):
        # "WNA negara lain berapa?": countries other than those listed, never counted
        return Frame("value", "no_data", year=year, reason="other_countries")
    if ent.excluded_top and not ent.countries:  # "selain 3 teratas": all but the first three
        metric = subject_metric(ent, base) or base.breakdown_metric()
        listed = base.countries_with_facts(metric, year, office)
        if ent.excluded_top >= len(listed):  # "selain lima negara itu": none listed is left
            return Frame("value", "no_data", year=year, reason="other_countries")
        ent.excluded = [("country", f.country) for f in listed[: ent.excluded_top]]
        return Frame("complement", year=year, reason="excluded")
    # "the rest of the top five" lists; "... combined, how many?" counts (below)
    counts = "sum" in cues or "value" in cues
    lists = cued(cues, RANK_INTENTS) and (ent.count or not counts)
    lists = lists or bool(ent.ordinal and ent.names_countries)  # "other than X, which is 3rd?"
    ranks_without = _ranks_without(ent) or _ranks_members_without(ent)
    left_out = "" if lists and ranks_without else _left_out(ent, base, breakdown, listed)
    if left_out == "complement" and set(ent.excluded_of("country")) >= listed and listed:
        return Frame("value", "no_data", year=year, reason="other_countries")  # "top 5? | sisanya?"
    if left_out == "complement":
        return Frame("complement", year=year, reason="excluded")
    if left_out:
        return Frame("value", "no_data", year=year, reason="excluded")
    return None


def _ranks_without(ent: Entities) -> bool:
    """Whether a ranking leaves countries out of its list ("the rest of the top five",
    "negara terbanyak selain Korea"), which needs no computed figure."""
    return bool(ent.excluded_of("country")) and not ent.countries and not ent.vague_exclusion


def _ranks_members_without(ent: Entities) -> bool:
    """Whether the members of a group are ranked, some left out ("selain ITAS, izin tinggal
    apa yang terbanyak?")."""
    return bool(ent.excluded_of("metric") and ent.groups and not ent.metrics)


def _missing_year(ent: Entities, base: FactBase, scope: Scope) -> int | None:
    """The year asked that the subject has no figure for."""
    metrics = ent.metrics or [m for g in ent.groups for m in base.group_members(g)]
    metrics = metrics or [subject_metric(ent, base) or base.breakdown_metric()]
    # a release may list countries without a total: "WNA Korea 2021" needs Korea's figure
    countries = [None, *ent.countries[:1]] if len(ent.countries) == 1 else [None]
    for year in scope.years or [scope.year]:
        if not any(
            year_available(base, m, year, c, scope.office) for m in metrics for c in countries
        ):
            return year
    return None


def narrower(ent: Entities, base: FactBase, scope: Scope) -> list[tuple[str, str]]:
    """The qualifiers the subject's own quotes do not state ("ITAP baru dan perpanjangan"
    is what the release says; "ITAS per bulan" is not)."""
    if not ent.qualifiers and not ent.excluded:
        return []  # most questions narrow nothing
    said = quoted_words(ent, base, scope)
    left_out = [(meant, meant) for meant in ent.excluded_of("qualifier")]  # "bukan perpanjangan"
    asked = {w for _, meant in ent.qualifiers for w in meant.split()} | set(ent.included)
    halves = _halves_of_pairs(ent, base, scope, asked)
    return [(shown, meant) for shown, meant in ent.qualifiers + left_out
            if not _said(meant, said) or meant in halves]  # fmt: skip


def _said(meant: str, said: set[str]) -> bool:
    """Whether the release's words state a qualifier: its words, and a numbered one ("pasal
    71") as written, not its label and number apart ("UU No 6 ... ayat (2)")."""
    words = meant.split()
    if len(words) == 2 and words[1].isdigit():
        return meant in said
    return set(words) <= said


def _halves_of_pairs(ent: Entities, base: FactBase, scope: Scope, asked: set[str]) -> set[str]:
    """The qualifiers asked without the other half of the pair the quote counts together
    ("ITAP baru" where the release says "ITAP baru dan perpanjangan sebanyak 139")."""
    conjunctions = lexis(base).lexicon.conjunctions
    apart = {w for meant in ent.asked_apart for w in meant.split()}
    halves = set()
    for fact in _facts_asked(ent, base, scope):
        quote = fact.quote
        words = base.derived("quote_tokens:" + quote, lambda _, q=quote: clean_tokens(q))
        for i, word in enumerate(words[1:-1], start=1):
            pair = {words[i - 1], words[i + 1]}
            together = pair <= asked and not pair & apart  # "baru brp, perpanjangan brp"
            if word in conjunctions and pair & asked and not together:
                halves.update(pair & asked)
    return halves


def _facts_asked(ent: Entities, base: FactBase, scope: Scope):
    """The stored facts of the subject asked, at the scope's year and office."""
    metrics = ent.metrics or ([base.breakdown_metric()] if ent.countries else [])
    for metric in metrics:
        for country in ent.countries or [None]:
            fact = base.fact(metric, scope.year or 0, country, scope.office)
            if fact is not None:
                yield fact


def quoted_words(ent: Entities, base: FactBase, scope: Scope) -> set[str]:
    """The words of the quotes of the facts a question is about, and of their metrics'
    names ("Izin Tinggal Tetap (baru dan perpanjangan)")."""
    metrics = ent.metrics or ([base.breakdown_metric()] if ent.countries else [])
    said = {w for fact in _facts_asked(ent, base, scope) for w in base.quote_words(fact)}
    said.update(*(statement_words(base, m) for m in metrics))
    return said.union(*(definition_words(base, m) for m in metrics))


def statement_words(base: FactBase, metric: str) -> frozenset[str]:
    """The words of the statements that name a metric ("Dua orang yang ditindak pro
    justitia melanggar Pasal 71 ...": pro justitia under article 71)."""

    def derive(base: FactBase) -> frozenset[str]:
        found: set[str] = set()
        for statement in base.tables["statements"]:
            if metric not in base.statement_metrics(statement["id"]):
                continue
            for field in ("summary_id", "summary_en"):
                words = clean_tokens(statement[field])
                found.update(words)  # and each label with its number: "pasal 71"
                found.update(f"{a} {b}" for a, b in pairwise(words) if b.isdigit())
        return frozenset(found)

    return base.derived(f"statement_words:{metric}", derive)


def definition_words(base: FactBase, metric: str) -> frozenset[str]:
    """The normalized words of a metric's names, in both languages. (Not its definition:
    "ITK for tourism" narrows ITK although its definition names tourism as an example.)"""

    def derive(base: FactBase) -> frozenset[str]:
        row = base.row("metrics", "id", metric) or {}
        fields = ("name_id", "name_en")
        return frozenset(w for f in fields for w in clean_tokens(row.get(f, "")))

    return base.derived(f"definition:{metric}", derive)


def group_members(ent: Entities, base: FactBase) -> list[str]:
    """Every member metric of the groups named."""
    return [m for g in ent.groups for m in base.group_members(g)]


def _left_out(ent: Entities, base: FactBase, breakdown: set[str], listed: set[str]) -> str:
    """The intent for a question that leaves something out: "WNA selain Korea" is the
    total less Korea (computed); leaving out a measure without a whole is not answerable."""
    countries, metrics = ent.excluded_of("country"), ent.excluded_of("metric")
    if ent.groups and metrics and set(metrics) >= set(group_members(ent, base)):
        # "selain ITAS (ITK sama ITAP)": what follows the exclusion names the rest
        ent.excluded = [("metric", metrics[0])]
        metrics = metrics[:1]
    if ent.countries and countries and not set(countries) & set(ent.countries):
        # "Korea + China, comparing the biggest non-Japanese groups": asked by name
        ent.excluded, countries = [], []
    if ent.vague_exclusion or (countries and not set(countries) <= listed):
        return "value"
    measures = metrics + ent.excluded_of("group")
    if measures and base.breakdown_metric() in ent.metrics:
        return "value"  # "WNA selain ITAS", "WNA tanpa izin tinggal": no count of those
    if countries:
        # "top 3? | sisanya dibanding Korea?": Korea against the rest of the three
        against = ent.rest and set(ent.countries) <= set(countries)
        alone = (against or not ent.countries) and not ent.groups and set(ent.metrics) <= breakdown
        return "complement" if alone else "value"  # "ITAS non Korea": no breakdown to subtract
    if metrics and ent.groups and not ent.metrics:
        # "izin tinggal selain ITAS": the group's other members
        return "complement" if set(metrics) <= set(group_members(ent, base)) else "value"
    if ent.excluded and not (ent.metrics or ent.groups or ent.countries):
        return "value"
    return ""


def combined_details(ent: Entities, base: FactBase, scope: Scope) -> list[str]:
    """The details a quote gives together when only some were asked ("ITAP baru": the
    figure is for "baru dan perpanjangan")."""
    asked = {meant for _, meant in ent.qualifiers}
    left_out = set(ent.excluded_of("qualifier"))  # "ITAP (bukan perpanjangan)"
    if not asked and not left_out:
        return []
    said = quoted_words(ent, base, scope)
    details = {
        meant for meant, words in base.derived("detail_words", _detail_words) if words <= said
    }
    alone = asked and details - asked - set(ent.included)  # "new plus renewals" is all
    return sorted(details) if alone or details & left_out else []


def _detail_words(base: FactBase) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each detail a qualifier means ("baru", "perpanjangan"), with its words."""
    meanings = dict.fromkeys(lexis(base).lexicon.qualifiers.values())
    return tuple((meant, frozenset(meant.split())) for meant in meanings)
