"""Score the pipeline on a question set (JSON Lines, format of shared/eval/README.md).

A case passes when the last reply of its chat has an allowed status and
language, states every ``must`` item and none of the ``must_not`` items, and a
``bare`` reply states no figure. Stating a forbidden number is a *wrong number*.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from bot.model.text import ungroup_numbers

_TAG = re.compile(r"<[^>]+>")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
YEARS = range(1990, 2031)  # as the reference scorer (shared/eval/score.py) judges


@dataclass
class CaseResult:
    """The verdict on one case."""

    case: dict
    reply: dict
    problems: list[str] = field(default_factory=list)
    wrong: bool = False


_GROUPED_DECIMAL_ID = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+),(\d+)(?![\d.,]\d)")
_GROUPED_DECIMAL_EN = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+)\.(\d+)(?![\d.,]\d)")


def plain(text: str) -> str:
    """Reply text without markup, grouping separators removed, decimal commas as dots."""
    text = html.unescape(_TAG.sub("", text or ""))
    # a grouped number with decimals: "4.528,1" (id) and "4,528.1" (en) are 4528.1
    text = _GROUPED_DECIMAL_ID.sub(lambda m: m[1].replace(".", "") + "." + m[2], text)
    text = _GROUPED_DECIMAL_EN.sub(lambda m: m[1].replace(",", "") + "." + m[2], text)
    text = ungroup_numbers(text)
    return re.sub(r"(?<=\d),(?=\d)", ".", text)


def numbers(text: str) -> set[str]:
    """Every number written in ``text`` (as strings)."""
    return set(_NUMBER.findall(text))


def _has(item, text: str, nums: set[str]) -> bool:
    if isinstance(item, int):
        return str(item) in nums
    if re.fullmatch(r"[\d.]+%", item):
        return item[:-1] in nums
    return item.lower() in text.lower()


def judge(case: dict, reply: dict, fact_values: set[int]) -> CaseResult:
    """Check one reply against one case."""
    result = CaseResult(case, reply)
    text = plain(reply.get("text", ""))
    nums = numbers(text)
    if reply.get("status") not in case["status"]:
        result.problems.append(f"status {reply.get('status')!r} not in {case['status']}")
    if case["lang"] != "any" and reply.get("lang") != case["lang"]:
        result.problems.append(f"lang {reply.get('lang')!r} != {case['lang']}")
    for item in case.get("must", []):
        alternatives = item if isinstance(item, list) else [item]
        if not any(_has(a, text, nums) for a in alternatives):
            result.problems.append(f"missing {item!r}")
    for item in case.get("must_not", []):
        bad = str(item) in nums if re.fullmatch(r"\d+", str(item)) else _has(item, text, nums)
        if bad:
            result.problems.append(f"states forbidden {item!r}")
            result.wrong = True
    if case.get("bare"):
        _judge_bare(case, text, nums, fact_values, result)
    return result


def _judge_bare(case, text, nums, fact_values, result) -> None:
    last = case["q"][-1] if isinstance(case["q"], list) else case["q"]
    allowed = numbers(plain(last)) | {str(x) for x in case.get("allow", [])}
    extra = [
        n
        for n in nums
        if n not in allowed and len(n) > 1 and not (len(n) == 4 and int(float(n)) in YEARS)
    ]
    known = [n for n in extra if n.isdigit() and int(n) in fact_values]
    if known or any(len(n.split(".")[0]) >= 3 for n in extra):
        result.problems.append(f"states numbers {sorted(extra)} where none is known")
        result.wrong = True


def load_cases(path: Path) -> list[dict]:
    """The cases of a JSON Lines file."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def run_cases(pipeline, cases: list[dict]) -> list[CaseResult]:
    """Ask every case in a chat of its own and judge the last reply."""
    values = {f.value for f in pipeline.base.facts.values()}
    pipeline = type(pipeline)(pipeline.base)  # fresh conversations for every question set
    results = []
    for number, case in enumerate(cases):
        turns = case["q"] if isinstance(case["q"], list) else [case["q"]]
        chat_id = 900_000 + number
        reply = None
        for turn in turns:
            reply = pipeline.answer(turn, chat_id=chat_id)
        results.append(judge(case, reply.to_dict(), values))
    return results


def score(results: list[CaseResult]) -> tuple[int, float, int]:
    """(cases passed, percent passed, cases stating a wrong number)."""
    passed = sum(not r.problems for r in results)
    pct = 100 * passed / len(results) if results else 0.0
    return passed, pct, sum(r.wrong for r in results)


def summary(name: str, results: list[CaseResult]) -> str:
    """'score NAME passed/total pct wrong=N'."""
    passed, pct, wrong = score(results)
    return f"score {name} {passed}/{len(results)} {pct:.1f}% wrong={wrong}"
