"""Logging of the Telegram front end: one line a failure, secrets masked, no message texts
or user names unless ``LOG_MESSAGE_TEXTS`` asks for them."""

from __future__ import annotations

import logging
import time

from bot.telegram.settings import Settings


class RedactFilter(logging.Filter):
    """Replaces secrets (the bot token...) with ``***`` in every record, tracebacks included."""

    def __init__(self, secrets: list[str | None]):
        super().__init__()
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        """``text`` with every secret replaced."""
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place; never drops it."""
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to the formatter
            return True
        clean = self.redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def install_redaction(secrets: list[str | None]) -> RedactFilter:
    """Add a :class:`RedactFilter` to every handler of the root logger."""
    redact = RedactFilter(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)
    return redact


def setup_logging(settings: Settings) -> None:
    """Log to stderr at ``LOG_LEVEL``; httpx only from WARNING; secrets never shown."""
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(settings.log_level)
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if not settings.log_message_texts:
        # python-telegram-bot logs whole requests and updates (texts, names) at DEBUG.
        level = max(logging.getLevelName(settings.log_level), logging.INFO)
        logging.getLogger("telegram").setLevel(level)
    secret_part = settings.token.partition(":")[2]  # real tokens: 35 characters
    install_redaction(
        [settings.token, secret_part if len(secret_part) >= 16 else None, settings.webhook_secret]
    )


class Every:
    """Logs at most one line per ``seconds``; the next line says how many were left out."""

    def __init__(self, logger: logging.Logger, seconds: float = 10.0):
        self.logger, self.seconds = logger, seconds
        self._last = -seconds
        self._skipped = 0

    def warning(self, message: str, *args) -> None:
        """Log ``message`` at WARNING unless a line went out less than ``seconds`` ago."""
        now = time.monotonic()
        if now - self._last < self.seconds:
            self._skipped += 1
            self.logger.debug(message, *args)
            return
        if self._skipped:
            message += f" (and {self._skipped} more in the last {now - self._last:.0f} s)"
        self._last, self._skipped = now, 0
        self.logger.warning(message, *args)
