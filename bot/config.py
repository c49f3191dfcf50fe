"""Paths and settings read from the environment (and an optional ``.env``)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_KNOWLEDGE_DIR = PROJECT_DIR / "knowledge"
DEFAULT_FACTS_DB = PROJECT_DIR / "data" / "facts.db"


def load_dotenv_file() -> None:
    """Read ``.env`` from the working directory or the project, without overriding the env."""
    try:
        from dotenv import load_dotenv
    except ImportError:  # pragma: no cover - python-dotenv is a dependency
        return
    for candidate in (Path.cwd() / ".env", PROJECT_DIR / ".env"):
        if candidate.is_file():
            load_dotenv(candidate, override=False)
            return


def knowledge_dir() -> Path:
    """The folder of knowledge files (``KNOWLEDGE_DIR``)."""
    return Path(os.environ.get("KNOWLEDGE_DIR") or DEFAULT_KNOWLEDGE_DIR)


def undo_dir() -> Path:
    """Where saves of new releases keep what ``undo`` needs (beside ``FACTS_DB``)."""
    return facts_db().parent / "undo"


def default_office() -> str | None:
    """The office a question that names none asks about (``DEFAULT_OFFICE``); None lets the
    fact base choose (its only office, or the one with the most releases)."""
    return os.environ.get("DEFAULT_OFFICE") or None


def facts_db() -> Path:
    """The SQLite fact base (``FACTS_DB``)."""
    return Path(os.environ.get("FACTS_DB") or DEFAULT_FACTS_DB)
