"""The word indexes of a fact base kept on disk beside it, so that a one-shot command
(``python -m bot ask``) starts without building them again (about 0.1 s of its start-up).

The file is keyed by the base's content hash and by the source of the code that builds the
indexes: a rebuilt base or changed code makes it stale, and a stale, missing or unreadable
file is simply rebuilt and written again. It holds only what :func:`build_lexis` derives
from the base's own tables; no answer is ever cached.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from functools import cache
from pathlib import Path

from bot.facts.base import FactBase
from bot.understanding.lexis import Lexis, lexis

log = logging.getLogger(__name__)

FORMAT = 1
SUFFIX = ".lexis"
_PACKAGES = ("understanding", "model", "facts")  # the code the indexes are built by
_UNREADABLE = (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError)


@cache
def code_fingerprint() -> str:
    """A hash of the code that builds the indexes (and of the Python that pickled them)."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version}".encode())
    root = Path(__file__).resolve().parent.parent
    for package in _PACKAGES:
        for path in sorted((root / package).glob("*.py")):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def cache_path(db_path: Path) -> Path:
    """Where the indexes of the base at ``db_path`` are kept."""
    return db_path.with_name(db_path.name + SUFFIX)


def attach_lexis(base: FactBase, db_path: Path) -> Lexis:
    """Give ``base`` its word indexes: from the file beside ``db_path`` when it belongs to
    this base and this code, else built now and written there for the next start."""
    path = cache_path(db_path)
    key = (base.content_hash, code_fingerprint())
    if base.content_hash:
        stored = _read(path, key)
        if stored is not None:
            return base.derived("lexis", lambda _base: stored)
    words = lexis(base)
    if base.content_hash:
        _write(path, key, words)
    return words


def _read(path: Path, key: tuple[str, str]) -> Lexis | None:
    try:
        with path.open("rb") as file:
            stored_key, words = pickle.load(file)  # our own file, written by _write
    except FileNotFoundError:
        return None
    except (pickle.UnpicklingError, *_UNREADABLE) as exc:
        log.info("word index cache %s unreadable (%s): rebuilding it", path, exc)
        return None
    return words if stored_key == key and isinstance(words, Lexis) else None


def _write(path: Path, key: tuple[str, str], words: Lexis) -> None:
    """Write atomically (a reader never sees half a file); a read-only folder is no error."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            pickle.dump((key, words), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError) as exc:
        log.info("word index cache %s not written: %s", path, exc)
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(temporary)
