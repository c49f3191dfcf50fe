"""The admin's release flow in words: the preview of a proposal, the report of a save or an
undo, and the short notices, in Indonesian or English (the admin's chat language).

Plain text, no Telegram import: the handlers escape it and split it into messages.
"""

from __future__ import annotations

import re

from bot.answers.formatting import number
from bot.model.countries import country_name
from bot.telegram.admin_texts import t

QUOTE_WIDTH = 90  # characters of a quote shown per fact
CONFLICT_WIDTH = 120
LOW_CONFIDENCE = 0.8
MAX_DIFF_LINES = 40
MAX_PROBLEMS = 25


class Names:
    """Display names of metrics and offices, from the fact base's tables (and the new
    offices of ``proposal``, whose own office a fact line need not repeat)."""

    def __init__(self, tables: dict, proposal=None):
        new_offices = proposal.offices if proposal is not None else []
        self.metrics = {row["id"]: row for row in tables.get("metrics", [])}
        self.offices = {row["id"]: row for row in [*tables.get("offices", []), *new_offices]}
        self.release_office = proposal.source.get("office") if proposal is not None else None

    def metric(self, metric_id: str, lang: str) -> str:
        """The metric's abbreviation, else its name in ``lang``, else its id."""
        row = self.metrics.get(metric_id, {})
        return row.get("abbr") or row.get(f"name_{lang}") or metric_id

    def office(self, office_id: str, lang: str) -> str:
        """The office's short name in ``lang`` with its id."""
        row = self.offices.get(office_id, {})
        name = row.get(f"short_{lang}") or row.get("name")
        return f"{name} ({office_id})" if name else office_id


def preview_text(proposal, dropped: frozenset[int], lang: str, tables: dict) -> str:
    """The preview of ``proposal``: where and when, one line a fact, conflicts, skipped
    figures and statements, then how to save or remove facts (``tables``: the fact base's,
    for the names of metrics and offices)."""
    names = Names(tables, proposal)
    lines = [t("title", lang), *_heading(proposal, lang, names), ""]
    facts = proposal.facts
    lines.append(t("facts", lang, n=len(facts)) if facts else t("no_facts", lang))
    lines += [fact_line(n, f, lang, names, n in dropped) for n, f in enumerate(facts, 1)]
    if any(f.confidence < LOW_CONFIDENCE for f in facts):
        lines.append(t("low", lang))
    if proposal.conflicts:
        lines.append(t("conflicts", lang, n=len(proposal.conflicts)))
    if proposal.skipped:
        lines += ["", t("skipped", lang, n=len(proposal.skipped))]
        lines += [_skipped_line(s) for s in proposal.skipped]
    if proposal.statements:
        lines += ["", t("statements", lang, n=len(proposal.statements))]
        lines += [f"• {_summary(s, lang)}" for s in proposal.statements]
    lines += ["", t("how", lang) if savable(proposal) else t("need_where", lang)]
    return "\n".join(lines)


def savable(proposal) -> bool:
    """Whether the release's office and period are known (``save_proposal`` needs both)."""
    return bool(proposal.source.get("office") and proposal.source.get("period"))


def _heading(proposal, lang: str, names: Names) -> list[str]:
    source, unknown = proposal.source, t("unknown", lang)
    published = " · ".join(v for v in (source.get("publisher"), source.get("published")) if v)
    office = source.get("office")
    lines = [
        t("heading", lang, title=source.get("title") or "–", publisher=published or "–"),
        t(
            "where",
            lang,
            office=names.office(office, lang) if office else unknown,
            period=source.get("period") or unknown,
        ),
    ]
    lines += [t("new_office", lang, name=o.get("name", ""), id=o["id"]) for o in proposal.offices]
    return lines


def _skipped_line(skipped) -> str:
    return f"• {skipped.written}: {skipped.reason} — “{shorten(skipped.quote, skipped.written)}”"


def _summary(statement, lang: str) -> str:
    return statement.summary_en if lang == "en" else statement.summary_id


def fact_line(n: int, fact, lang: str, names: Names, dropped: bool = False) -> str:
    """``3. ITAS · 2021 · 7.102 — “…quote…”``, marked when removed, unsure or in conflict."""
    parts = [names.metric(fact.metric, lang)]
    if fact.country:
        parts.append(country_name(fact.country, lang))
    parts.append(fact.period)
    if fact.office != names.release_office:
        parts.append(names.office(fact.office, lang))
    parts.append(number(fact.value, lang) + (" (?)" if fact.confidence < LOW_CONFIDENCE else ""))
    line = f"{n}. {' · '.join(parts)} — “{shorten(fact.quote, fact.written)}”"
    if dropped:
        line = f"✗ {line} ({t('removed', lang)})"
    if fact.conflict:
        line += f"\n   ⚠ {t('conflict', lang)}: {shorten(fact.conflict, width=CONFLICT_WIDTH)}"
    return line


def shorten(quote: str, written: str = "", width: int = QUOTE_WIDTH) -> str:
    """``quote`` cut to about ``width`` characters around ``written``, at word ends, with
    "…" where something was cut."""
    quote = " ".join(quote.split())
    if len(quote) <= width:
        return quote
    at = quote.find(written) if written else -1
    centre = at + len(written) // 2 if at >= 0 else width // 2
    start = max(0, min(centre - width // 2, len(quote) - width))
    end = start + width
    if start > 0:
        start = _word_start(quote, start)
    if end < len(quote):
        end = _word_end(quote, end)
    return ("…" if start > 0 else "") + quote[start:end].strip() + ("…" if end < len(quote) else "")


def _word_start(text: str, at: int) -> int:
    space = text.find(" ", at)
    return space + 1 if 0 <= space < at + 15 else at


def _word_end(text: str, at: int) -> int:
    space = text.rfind(" ", at - 15, at)
    return space if space > 0 else at


def parse_numbers(text: str) -> list[int] | None:
    """Fact numbers from ``3 5``, ``3,5`` or ``3-5``; None when something else is there."""
    numbers: list[int] = []
    for item in re.split(r"[\s,;]+", text.strip()):
        if not item:
            continue
        span = re.fullmatch(r"(\d{1,4})(?:-(\d{1,4}))?", item)
        if span is None:
            return None
        low, high = int(span[1]), int(span[2] or span[1])
        numbers.extend(range(low, high + 1) if high - low < 1000 else [low, high])
    return numbers


def saved_text(report, lang: str, tables: dict) -> str:
    """A save's report: the folder, the facts written, the change of the base."""
    names = Names(tables)
    lines = [t("saved", lang, folder=report.folder, n=len(report.kept))]
    lines += diff_lines(report.reload, lang, names)
    for fact, why in report.left_out:
        name = _row_name(vars(fact), lang, names)
        lines.append(t("left_out", lang, why=why, fact=f"{name}: {number(fact.value, lang)}"))
    return "\n".join(lines)


def undone_text(folder: str, report, lang: str, tables: dict) -> str:
    """An undo's report: the folder removed and the facts it took away."""
    lines = diff_lines(report, lang, Names(tables))
    return "\n".join([t("undone", lang, folder=folder), *lines])


def refused_text(key: str, problems: list, lang: str) -> str:
    """A refused save or undo: every problem as ``file:line: reason``."""
    lines = [t(key, lang, n=len(problems))]
    lines += [str(p) for p in problems[:MAX_PROBLEMS]]
    if len(problems) > MAX_PROBLEMS:
        lines.append(f"… +{len(problems) - MAX_PROBLEMS}")
    return "\n".join(lines)


def diff_lines(report, lang: str, names: Names) -> list[str]:
    """Facts before → after, then ``+``/``-``/``~`` a fact added, removed or changed."""
    diff = report.diff
    counts = {name: len(rows) for name, rows in diff.items()}
    lines = [t("counts", lang, before=len(report.before), after=len(report.after), **counts)]
    changes = [
        f"~ {_row_name(new, lang, names)}: {number(old['value'], lang)} → "
        f"{number(new['value'], lang)}"
        for old, new in diff["changed"]
    ]
    changes += [f"+ {_row_name(r, lang, names)}: {number(r['value'], lang)}" for r in diff["added"]]
    changes += [
        f"- {_row_name(r, lang, names)}: {number(r['value'], lang)}" for r in diff["removed"]
    ]
    if len(changes) > MAX_DIFF_LINES:
        changes = [*changes[:MAX_DIFF_LINES], f"… +{len(changes) - MAX_DIFF_LINES}"]
    return lines + changes


def _row_name(row: dict, lang: str, names: Names) -> str:
    parts = [names.metric(row["metric"], lang)]
    if row.get("country"):
        parts.append(country_name(row["country"], lang))
    parts += [str(row.get("period") or row.get("year") or ""), row.get("office") or ""]
    return " ".join(p for p in parts if p)
