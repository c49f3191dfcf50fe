"""The command line: a thin layer over the library (``python -m bot --help``).

python-telegram-bot is imported only by ``run``, so ``ask``, ``chat``,
``batch`` and ``eval`` start fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot import config
from bot.errors import FactBaseError, IngestError, KnowledgeError

COMMANDS_HELP = {
    "build": "build the SQLite fact base from the knowledge folder",
    "facts": "list the facts the fact base holds",
    "ask": "answer one question",
    "chart": "draw the chart of a reply that lists several figures as a PNG file",
    "chat": "chat in the terminal (reads one question a line when piped)",
    "batch": "answer JSON Lines {chat_id, user_id, text} from stdin, one JSON reply a line",
    "eval": "score the pipeline on question sets (JSON Lines)",
    "bench": "measure answering speed",
    "run": "start the Telegram bot",
    "ingest": "propose the facts of a press release (a file or an http(s) URL); --accept saves",
    "undo": "take the last saved release back and rebuild",
    "ingest-eval": "score the release extractor on releases with <name>.expected.json",
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in COMMANDS_HELP.items():
        sub.add_parser(name, help=text, description=text)
    sub.choices["ask"].add_argument("question", nargs="+", help="the question")
    sub.choices["ask"].add_argument("--json", action="store_true", help="print the reply object")
    sub.choices["ask"].add_argument("--lang", choices=("id", "en"), help="force the reply language")
    chart = sub.choices["chart"]
    chart.add_argument("question", nargs="+", help="the question")
    chart.add_argument("-o", "--output", type=Path, required=True, help="the PNG file to write")
    chart.add_argument("--lang", choices=("id", "en"), help="force the reply language")
    sub.choices["eval"].add_argument("files", nargs="+", type=Path, help="question sets")
    sub.choices["eval"].add_argument("--min", type=float, default=0.0, help="lowest passing pct")
    sub.choices["eval"].add_argument("--quiet", action="store_true", help="summary only")
    sub.choices["bench"].add_argument("--questions", type=int, default=20000)
    sub.choices["batch"].add_argument(
        "--workers", type=int, default=0, help="processes (0: one per core, 1: no others)"
    )
    ingest = sub.choices["ingest"]
    ingest.add_argument("source", help="a .txt, .md, .docx or .pdf file, or an http(s) URL")
    ingest.add_argument("--json", action="store_true", help="print the proposal as JSON")
    ingest.add_argument("--office", default="", help="the release's office id (else detected)")
    ingest.add_argument("--period", default="", help="the release's period (else detected)")
    ingest.add_argument(
        "--accept", action="store_true", help="save the proposal, validate and rebuild"
    )
    ingest.add_argument("--drop", default="", help="with --accept: fact numbers to leave out")
    sub.choices["ingest-eval"].add_argument("folder", type=Path, help="releases and expectations")
    sub.choices["ingest-eval"].add_argument("--quiet", action="store_true", help="scores only")
    sub.choices["run"].add_argument(
        "--or-chat", action="store_true", help="without a token, chat in the terminal instead"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    config.load_dotenv_file()
    args = build_parser().parse_args(argv)
    handler = globals()[f"cmd_{args.command.replace('-', '_')}"]
    try:
        return handler(args)
    except KnowledgeError as exc:
        return _print_refusal(exc)
    except (FactBaseError, IngestError) as exc:
        print(exc, file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


def _print_refusal(exc: KnowledgeError) -> int:
    print(
        f"Knowledge refused: {len(exc.problems)} problem(s); nothing was changed.", file=sys.stderr
    )
    for problem in exc.problems:
        print(f"  {problem}", file=sys.stderr)
    return 1


def cmd_build(args) -> int:
    """Build the fact base."""
    from bot.facts.build import reload

    report = reload(config.knowledge_dir(), config.facts_db())
    built, diff = report.build, report.diff
    state = "rebuilt" if built.changed else "unchanged content"
    print(f"Built {built.db_path}: {built.facts} facts ({state}, {built.content_hash[:12]}).")
    if built.changed and report.before:
        changes = {name: len(rows) for name, rows in diff.items()}
        print("Facts added {added}, removed {removed}, changed {changed}.".format(**changes))
    return 0


def load_pipeline():
    """The pipeline over ``FACTS_DB``, built from ``KNOWLEDGE_DIR`` when it does not exist."""
    from bot.pipeline import Pipeline

    return Pipeline.open_configured()


def cmd_facts(args) -> int:
    """Print the facts as a table."""
    from bot.facts.store import read_tables

    rows = read_tables(config.facts_db())["facts"]
    columns = ("metric", "year", "country", "value", "source", "quote")
    table = [[str(r[c] if r[c] is not None else "") for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i][:60]) for row in table)) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in table:
        print("  ".join(v[:60].ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    print(f"{len(rows)} facts")
    return 0


def cmd_ask(args) -> int:
    """Answer one question."""
    reply = load_pipeline().answer(" ".join(args.question), lang=args.lang)
    if args.json:
        print(json.dumps(reply.to_dict(), ensure_ascii=False))
    else:
        print(reply.text)
    return 0


def cmd_chart(args) -> int:
    """Print the reply and draw its chart into a PNG file (1 when it makes no chart)."""
    from bot.answers.charts.draw import draw_png
    from bot.answers.charts.spec import chart_spec
    from bot.answers.charts.texts import text

    pipeline = load_pipeline()
    reply = pipeline.answer(" ".join(args.question), lang=args.lang)
    print(reply.text)
    spec = chart_spec(reply, pipeline.base)
    if spec is None:
        print(text("none", reply.lang), file=sys.stderr)
        return 1
    args.output.write_bytes(draw_png(spec))
    print(f"Wrote {args.output}.", file=sys.stderr)
    return 0


def cmd_chat(args) -> int:
    """A terminal chat on the same pipeline."""
    pipeline = load_pipeline()
    interactive = sys.stdin.isatty()
    if interactive:
        print("Tanya apa saja tentang data Imigrasi Bekasi / Ask anything (Ctrl-D to quit).")
    while True:
        try:
            line = input("> " if interactive else "")
        except EOFError:
            return 0
        if line.strip():
            print(pipeline.answer(line, chat_id=1).text + "\n", flush=True)


def cmd_batch(args) -> int:
    """JSON Lines in, JSON Lines out, one reply per input line, in order."""
    from bot.batch import answer_lines

    pipeline = load_pipeline()
    replies = answer_lines(pipeline, sys.stdin.read().splitlines(), workers=args.workers)
    sys.stdout.write("".join(reply + "\n" for reply in replies))
    sys.stdout.flush()
    return 0


def cmd_eval(args) -> int:
    """Score question sets and print failures and a summary."""
    from bot.evaluate import load_cases, run_cases, score, summary

    pipeline = load_pipeline()
    ok = True
    for path in args.files:
        results = run_cases(pipeline, load_cases(path))
        for r in results:
            if r.problems and not args.quiet:
                q = r.case["q"] if isinstance(r.case["q"], str) else " | ".join(r.case["q"])
                print(f"FAIL {r.case['id']} {q[:70]!r}: {'; '.join(r.problems)}")
                print(f"     -> {r.reply['status']} {r.reply['text'][:200]!r}")
        print(summary(path.name, results))
        _, pct, wrong = score(results)
        ok &= pct >= args.min and wrong == 0
    return 0 if ok else 1


def cmd_bench(args) -> int:
    """Print the speed figures."""
    from bot.bench import run_bench

    return run_bench(questions=args.questions)


def cmd_ingest(args) -> int:
    """Print what a release proposes: one line a fact, then conflicts, skipped, statements."""
    from bot.facts.ingest import propose_release
    from bot.facts.ingest.report import print_proposal

    proposal = propose_release(args.source, config.knowledge_dir(), args.office, args.period)
    if args.json:
        print(json.dumps(proposal.to_dict(), ensure_ascii=False, indent=1))
    else:
        print_proposal(proposal)
    if not args.accept:
        return 0
    from bot.facts.save import save_proposal

    drop = frozenset(int(n) for n in args.drop.split(",") if n.strip().isdigit())
    report = save_proposal(
        proposal, config.knowledge_dir(), config.facts_db(), config.undo_dir(), drop=drop
    )
    print(f"\nSaved {report.folder}: {len(report.kept)} facts.", file=sys.stderr)
    for fact, why in report.left_out:
        print(f"  left out: {fact.metric} {fact.period} {fact.value} ({why})", file=sys.stderr)
    _print_changes(report.reload)
    return 0


def cmd_undo(args) -> int:
    """Take the last saved release back."""
    from bot.facts.save import undo_last

    try:
        folder, report = undo_last(config.knowledge_dir(), config.facts_db(), config.undo_dir())
    except FileNotFoundError as exc:
        print(f"Nothing to undo ({exc}).", file=sys.stderr)
        return 1
    print(f"Removed {folder}.", file=sys.stderr)
    _print_changes(report)
    return 0


def _print_changes(report) -> None:
    diff = report.diff
    print(
        f"Facts {len(report.before)} -> {len(report.after)}: added {len(diff['added'])}, "
        f"removed {len(diff['removed'])}, changed {len(diff['changed'])}.",
        file=sys.stderr,
    )


def cmd_ingest_eval(args) -> int:
    """Score the extractor per release and overall; 1 below 90% recall or on a wrong value."""
    from bot.facts.ingest import load_vocabulary
    from bot.facts.ingest.evaluate import expected_files, passed, score_file, total

    vocab = load_vocabulary(config.knowledge_dir())
    scores = []
    for path in expected_files(args.folder):
        result, _ = score_file(path, vocab)
        scores.append(result)
        print(result.line())
        if not args.quiet:
            for item in result.missed:
                print(f"    missed {item}")
            for item in result.wrong:
                print(f"    WRONG  {item}")
    overall = total(scores)
    print(overall.line())
    return 0 if scores and passed(overall) else 1


def cmd_run(args) -> int:
    """Start the Telegram bot (or, with --or-chat and no token, the terminal chat)."""
    from bot.telegram.settings import token_configured

    if args.or_chat and not token_configured():
        print("TELEGRAM_BOT_TOKEN is not set: starting the terminal chat instead.", file=sys.stderr)
        return cmd_chat(args)
    from bot.telegram.runner import main as telegram_main

    return telegram_main([])
