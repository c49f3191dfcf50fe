"""Distinct, realistic question variants for ``make bench``: every question of the sets in
``tests/data``, wrapped in chat fillers, with a typo or in capitals now and then, each
text used once (a cache of repeated questions is not throughput)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from bot import config

DATA_DIR = config.PROJECT_DIR / "tests" / "data"
OPENERS = (
    "",
    "",
    "min, ",
    "halo kak ",
    "pls ",
    "tolong ",
    "sorry, ",
    "hi, ",
    "gan ",
    "excuse me, ",
)
CLOSERS = ("", "", " ya", " dong", " pls", " thanks", "?", " asap", " makasih", " thx")
TYPO_SHARE = 0.4
CAPITALS_SHARE = 0.15


def sample_questions(folder: Path = DATA_DIR) -> list[str]:
    """Every turn of every question set, in order."""
    questions: list[str] = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                q = json.loads(line)["q"]
                questions.extend(q if isinstance(q, list) else [q])
    return questions


def distinct_variants(count: int, seed: int = 7, base: list[str] | None = None) -> list[str]:
    """``count`` distinct variants of the sample questions."""
    rng, base = random.Random(seed), base or sample_questions()
    seen: set[str] = set()
    found: list[str] = []
    while len(found) < count:
        text = rng.choice(OPENERS) + rng.choice(base) + rng.choice(CLOSERS)
        if rng.random() < TYPO_SHARE:
            text = _swap_letters(text, rng)
        if rng.random() < CAPITALS_SHARE:
            text = text.upper()
        if text not in seen:
            seen.add(text)
            found.append(text)
    return found


def _swap_letters(text: str, rng: random.Random) -> str:
    """Two neighbouring letters of one word swapped ("berapa" -> "beraap")."""
    words = text.split()
    if not words:
        return text
    i = rng.randrange(len(words))
    word = words[i]
    if len(word) > 3:
        j = rng.randrange(len(word) - 1)
        words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    return " ".join(words)
