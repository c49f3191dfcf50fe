"""Shared fixtures: a built fact base, fresh pipelines and editable knowledge copies."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.answers.formatting import number
from bot.facts.base import FactBase
from bot.facts.build import build
from bot.pipeline import Pipeline

pytest_plugins = ["telegram_harness", "bot_process"]

PROJECT = Path(__file__).resolve().parent.parent
KNOWLEDGE = PROJECT / "knowledge"
RELEASES = PROJECT / "tests" / "data" / "releases"


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """The project's knowledge built once into a temporary database."""
    db = tmp_path_factory.mktemp("db") / "facts.db"
    build(KNOWLEDGE, db)
    return db


@pytest.fixture(scope="session")
def base(built_db) -> FactBase:
    """The fact base in memory."""
    return FactBase.from_db(built_db)


@pytest.fixture
def pipeline(base) -> Pipeline:
    """A pipeline with no conversation history."""
    return Pipeline(base)


@pytest.fixture
def last_reply(pipeline):
    """Send ``turns`` one after another in one chat; the reply to the last."""

    def send(turns: list[str], chat_id: int = 1):
        for turn in turns:
            reply = pipeline.answer(turn, chat_id=chat_id, now=0)
        return reply

    return send


@pytest.fixture(scope="session")
def ingest_vocab():
    """The release extractor's vocabulary over the project's knowledge."""
    from bot.facts.ingest import load_vocabulary

    return load_vocabulary(KNOWLEDGE)


@pytest.fixture
def knowledge_copy(tmp_path) -> Path:
    """An editable copy of ``knowledge/``."""
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, target)
    return target


@pytest.fixture
def value_of(base):
    """Look a stored figure up: ``value_of("itas")`` or ``value_of("foreign_residents", "JP")``."""

    def lookup(metric: str, country: str | None = None) -> int:
        return base.fact(metric, base.newest_year(), country).value

    return lookup


@pytest.fixture
def ranked(base):
    """The countries of the breakdown, largest first, as facts."""
    return base.countries_with_facts(base.breakdown_metric(), base.newest_year())


@pytest.fixture
def shown(value_of):
    """A stored figure as a reply in ``lang`` writes it (6.433 / 6,433)."""

    def render(metric: str, country: str | None = None, lang: str = "id") -> str:
        return number(value_of(metric, country), lang)

    return render


@pytest.fixture
def computed():
    """A computed figure as a reply writes it rounded half up (3.216,5 -> 3.217)."""

    def render(value: float, lang: str) -> str:
        return number(int(value + 0.5), lang)

    return render


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` by ``new`` in a file, insisting that ``old`` is there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def run_cli(*args, env_extra=None, stdin=None, timeout=60):
    """Run ``python -m bot ARGS`` in the project, without any real bot token."""
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        cwd=PROJECT,
        timeout=timeout,
    )
