"""Telegram front-end settings, read from the environment (and an optional ``.env``).

No Telegram import here: the command line reads these without loading the bot library.
Every problem raises :class:`~bot.errors.ConfigError` with one line meant for the user;
the messages never repeat the token.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bot import config
from bot.errors import ConfigError

DEFAULT_API_URL = "https://api.telegram.org"
DEFAULT_STATS_DB = config.PROJECT_DIR / "data" / "stats.db"
DEFAULT_DELIVERY_DB = config.PROJECT_DIR / "data" / "delivery.db"
DEFAULT_MEMORY_DB = config.PROJECT_DIR / "data" / "memory.db"
DEFAULT_PREVIEWS_DB = config.PROJECT_DIR / "data" / "previews.db"
DEFAULT_STOP_TIMEOUT = 20
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
TOKEN_PATTERN = re.compile(r"^[0-9]{1,20}:[A-Za-z0-9_-]+$")
SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
HOW_TO_SET_TOKEN = (
    "TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and export "
    "TELEGRAM_BOT_TOKEN=<token> or put it in .env (see .env.example)"
)


class MissingTokenError(ConfigError):
    """``TELEGRAM_BOT_TOKEN`` is not set (the front end can fall back to the terminal)."""


@dataclass(frozen=True)
class Settings:
    """Everything the Telegram front end reads from the environment."""

    token: str
    api_url: str = DEFAULT_API_URL
    admin_ids: frozenset[int] = frozenset()
    knowledge_dir: Path = config.DEFAULT_KNOWLEDGE_DIR
    facts_db: Path = config.DEFAULT_FACTS_DB
    stats_db: Path = DEFAULT_STATS_DB
    log_level: str = "INFO"
    rate_limit_per_minute: int = 20
    webhook_url: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    webhook_secret: str | None = None
    delivery_db: Path = DEFAULT_DELIVERY_DB
    stop_timeout: int = DEFAULT_STOP_TIMEOUT
    send_retry_seconds: int = 60
    send_rate_per_second: int = 30
    log_message_texts: bool = False
    memory_db: Path = DEFAULT_MEMORY_DB
    previews_db: Path = DEFAULT_PREVIEWS_DB

    def __repr__(self) -> str:
        """Like the dataclass repr, but never shows the token or the webhook secret."""
        return f"Settings(api_url={self.api_url!r}, admin_ids={sorted(self.admin_ids)!r}, ...)"

    @property
    def bot_id(self) -> int:
        """The bot's user id: the digits before the colon of the token."""
        return int(self.token.partition(":")[0])

    @property
    def undo_dir(self) -> Path:
        """Where saves of new releases keep what ``/undo`` needs (beside ``FACTS_DB``, as
        for ``python -m bot undo``)."""
        return self.facts_db.parent / "undo"

    @property
    def webhook_path(self) -> str:
        """The URL path Telegram posts updates to (the path part of ``webhook_url``)."""
        return urlsplit(self.webhook_url or "").path.strip("/")


def token_configured(environ: Mapping[str, str] | None = None) -> bool:
    """True when ``TELEGRAM_BOT_TOKEN`` is set (in the environment or ``.env``)."""
    if environ is None:
        config.load_dotenv_file()
        environ = os.environ
    return bool(environ.get("TELEGRAM_BOT_TOKEN", "").strip())


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read and check every setting.

    Args:
        environ: the variables to read; None reads ``.env`` and then ``os.environ``.

    Raises:
        MissingTokenError: ``TELEGRAM_BOT_TOKEN`` is not set.
        ConfigError: a setting is malformed (one line, naming the variable).
    """
    if environ is None:
        config.load_dotenv_file()
        environ = os.environ
    env = {key: value.strip() for key, value in environ.items()}
    token = _token(env.get("TELEGRAM_BOT_TOKEN", ""))
    webhook_url = _webhook_url(env.get("WEBHOOK_URL", ""))
    return Settings(
        token=token,
        api_url=_api_url(env.get("TELEGRAM_API_URL") or DEFAULT_API_URL),
        admin_ids=_admin_ids(env.get("ADMIN_IDS", "")),
        knowledge_dir=Path(env.get("KNOWLEDGE_DIR") or config.DEFAULT_KNOWLEDGE_DIR),
        facts_db=Path(env.get("FACTS_DB") or config.DEFAULT_FACTS_DB),
        stats_db=Path(env.get("STATS_DB") or DEFAULT_STATS_DB),
        log_level=_log_level(env.get("LOG_LEVEL") or "INFO"),
        rate_limit_per_minute=_int("RATE_LIMIT_PER_MINUTE", env, 20, 1, 100_000),
        webhook_url=webhook_url,
        webhook_listen=env.get("WEBHOOK_LISTEN") or "0.0.0.0",
        webhook_port=_int("WEBHOOK_PORT", env, 8443, 1, 65535),
        webhook_secret=_webhook_secret(env.get("WEBHOOK_SECRET", ""), webhook_url),
        delivery_db=Path(env.get("DELIVERY_DB") or DEFAULT_DELIVERY_DB),
        stop_timeout=_int("STOP_TIMEOUT", env, DEFAULT_STOP_TIMEOUT, 1, 3600),
        send_retry_seconds=_int("SEND_RETRY_SECONDS", env, 60, 0, 3600),
        send_rate_per_second=_int("SEND_RATE_PER_SECOND", env, 30, 0, 10_000),
        log_message_texts=_flag("LOG_MESSAGE_TEXTS", env),
        memory_db=Path(env.get("MEMORY_DB") or DEFAULT_MEMORY_DB),
        previews_db=Path(env.get("PREVIEWS_DB") or DEFAULT_PREVIEWS_DB),
    )


def unwritable_data_dir(settings: Settings) -> str | None:
    """One line naming a data directory the bot cannot write and the fix, or None."""
    variables = {"FACTS_DB": settings.facts_db, "STATS_DB": settings.stats_db}
    variables["DELIVERY_DB"] = settings.delivery_db
    variables["MEMORY_DB"] = settings.memory_db
    variables["PREVIEWS_DB"] = settings.previews_db
    for name, path in variables.items():
        folder = path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as exc:
            return (
                f"cannot write to the data directory {folder} ({name}): {exc.strerror or exc}; "
                f"make it writable by this user (e.g. chown) or set {name} to a writable path"
            )
    return None


def _token(value: str) -> str:
    if not value:
        raise MissingTokenError(HOW_TO_SET_TOKEN)
    if not TOKEN_PATTERN.match(value):
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN is malformed: expected <digits>:<letters, digits, _ or ->"
            " as given by @BotFather"
        )
    return value


def _api_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
        raise ConfigError(
            f"TELEGRAM_API_URL must be an http(s) URL like {DEFAULT_API_URL}, not {value!r}"
        )
    return value.rstrip("/")


def _admin_ids(value: str) -> frozenset[int]:
    if not value:
        return frozenset()
    ids = set()
    for item in value.split(","):
        item = item.strip()
        # ASCII digits only: int() would also take "１２３", and 0 or "" is nobody's id.
        if not re.fullmatch(r"[0-9]{1,20}", item) or int(item) == 0:
            raise ConfigError(
                "ADMIN_IDS must be comma-separated Telegram user ids "
                f"(positive numbers in ASCII digits), not {item!r}"
            )
        ids.add(int(item))
    return frozenset(ids)


def _log_level(value: str) -> str:
    if value.upper() not in LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {value!r}")
    return value.upper()


def _int(name: str, env: Mapping[str, str], default: int, low: int, high: int) -> int:
    value = env.get(name) or ""
    if not value:
        return default
    if not re.fullmatch(r"[0-9]{1,9}", value) or not low <= int(value) <= high:
        raise ConfigError(f"{name} must be a whole number from {low} to {high}, not {value!r}")
    return int(value)


def _flag(name: str, env: Mapping[str, str]) -> bool:
    value = (env.get(name) or "0").lower()
    if value not in ("0", "1", "true", "false", "yes", "no"):
        raise ConfigError(f"{name} must be 1 or 0, not {value!r}")
    return value in ("1", "true", "yes")


def _webhook_url(value: str) -> str | None:
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc:
        raise ConfigError(f"WEBHOOK_URL must be a public https:// URL, not {value!r}")
    return value


def _webhook_secret(value: str, webhook_url: str | None) -> str | None:
    if not value:
        if webhook_url:
            raise ConfigError("WEBHOOK_SECRET must be set when WEBHOOK_URL is set")
        return None
    if not SECRET_PATTERN.match(value):
        raise ConfigError("WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ or -")
    return value
