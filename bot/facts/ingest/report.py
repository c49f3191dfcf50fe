"""The proposal as a person reads it: one line a fact, then conflicts, skipped figures,
statements and new offices."""

from __future__ import annotations

from bot.facts.ingest.proposal import Proposal


def print_proposal(proposal: Proposal, out=None) -> None:
    """Print ``proposal`` readably (to ``out``, else stdout)."""
    for line in proposal_lines(proposal):
        print(line, file=out)


def proposal_lines(proposal: Proposal) -> list[str]:
    """The lines ``print_proposal`` prints."""
    source = proposal.source
    lines = [
        f"Source {source['id']}: {source['title']!r} — {source['publisher'] or '?'}, "
        f"{source['published'] or 'no date'}; office {source['office'] or '?'}, "
        f"period {source['period']}"
    ]
    lines += [
        f"New office {o['id']}: {o['name']} (aliases {o['aliases']})" for o in proposal.offices
    ]
    # numbered by their place in the proposal: the numbers --drop and /hapus take
    numbered = list(enumerate(proposal.facts, 1))
    plain = [(n, f) for n, f in numbered if not f.conflict]
    lines.append(f"Facts ({len(plain)}), to confirm:")
    lines += [_fact_line(n, f) for n, f in plain]
    conflicts = [(n, f) for n, f in numbered if f.conflict]
    if conflicts:
        lines.append(f"Conflicts ({len(conflicts)}), both sides kept:")
        lines += [f"{_fact_line(n, f)}\n       ! {f.conflict}" for n, f in conflicts]
    if proposal.skipped:
        lines.append(f"Skipped ({len(proposal.skipped)}):")
        lines += [f"  {s.written}: {s.reason} — {s.quote!r}" for s in proposal.skipped]
    if proposal.statements:
        lines.append("Statements:")
        lines += [f"  {s.intent}: {s.summary_en} — {s.quote!r}" for s in proposal.statements]
    return lines


def _fact_line(number: int, fact) -> str:
    where = f"{fact.office} {fact.metric} {fact.country or '-'} {fact.period}"
    line = f"{where:48} {fact.written:>16}  ({fact.confidence:.2f})  {fact.quote!r}"
    return f"{number:>3}. {line}"
