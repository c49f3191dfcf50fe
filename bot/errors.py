"""The project's own exception types."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a knowledge file, located by file and line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class BotError(Exception):
    """Base of the project's own errors."""


class KnowledgeError(BotError):
    """The knowledge files are invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ConfigError(BotError):
    """A setting is missing or malformed; the message is one line for the user."""


class FactBaseError(BotError):
    """The fact base on disk is missing, unreadable or not one this version can use."""


class IngestError(BotError):
    """A release cannot be read (missing, empty, binary or unreachable); one line for the user."""
