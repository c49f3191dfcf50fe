"""Settings from the environment and the start-up of ``python -m bot run``."""

from __future__ import annotations

import pytest
from telegram_harness import (
    TOKEN,
)

from bot.errors import ConfigError
from bot.telegram.app import main
from bot.telegram.settings import MissingTokenError, load_settings

# -- settings -------------------------------------------------------------------------------

VALID = {"TELEGRAM_BOT_TOKEN": TOKEN}


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"TELEGRAM_BOT_TOKEN": "not a token"}, "TELEGRAM_BOT_TOKEN"),
        ({"ADMIN_IDS": "12,abc"}, "ADMIN_IDS"),
        ({"ADMIN_IDS": "1;2"}, "ADMIN_IDS"),
        ({"TELEGRAM_API_URL": "api.telegram.org"}, "TELEGRAM_API_URL"),
        ({"TELEGRAM_API_URL": "ftp://example.org"}, "TELEGRAM_API_URL"),
        ({"RATE_LIMIT_PER_MINUTE": "0"}, "RATE_LIMIT_PER_MINUTE"),
        ({"RATE_LIMIT_PER_MINUTE": "ten"}, "RATE_LIMIT_PER_MINUTE"),
        ({"WEBHOOK_PORT": "70000"}, "WEBHOOK_PORT"),
        ({"WEBHOOK_URL": "http://bot.example.org/hook"}, "WEBHOOK_URL"),
        ({"WEBHOOK_URL": "https://bot.example.org/hook"}, "WEBHOOK_SECRET"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
    ],
)
def test_malformed_settings_raise_one_clear_line(env, variable):
    with pytest.raises(ConfigError) as info:
        load_settings({**VALID, **env})
    message = str(info.value)
    assert message.startswith(variable) and "\n" not in message
    assert TOKEN not in message


def test_settings_defaults_and_parsing():
    settings = load_settings(
        {**VALID, "ADMIN_IDS": " 1, 2 ,", "TELEGRAM_API_URL": "http://127.0.0.1:9/"}
    )
    assert settings.admin_ids == {1, 2}
    assert settings.api_url == "http://127.0.0.1:9"
    assert settings.rate_limit_per_minute == 20 and settings.webhook_port == 8443
    assert settings.webhook_url is None and TOKEN not in repr(settings)
    hooked = load_settings(
        {**VALID, "WEBHOOK_URL": "https://bot.example.org/tg/hook", "WEBHOOK_SECRET": "s3cret"}
    )
    assert hooked.webhook_path == "tg/hook"


@pytest.mark.parametrize("mode", ["polling", "webhook"])
def test_main_runs_polling_or_webhook(monkeypatch, built_db, tmp_path, mode):
    from telegram.ext import Application

    runs = {}
    monkeypatch.setattr("bot.config.load_dotenv_file", lambda: None)
    monkeypatch.setattr("bot.telegram.app.setup_logging", lambda settings: None)
    for name in ("polling", "webhook"):
        monkeypatch.setattr(
            Application, f"run_{name}", lambda self, n=name, **kw: runs.update({n: kw})
        )
    env = {**VALID, "FACTS_DB": str(built_db), "STATS_DB": str(tmp_path / "s.db")}
    if mode == "webhook":
        env |= {"WEBHOOK_URL": "https://bot.example.org/tg/hook", "WEBHOOK_SECRET": "s3cret"}
        env |= {"WEBHOOK_PORT": "8000", "WEBHOOK_LISTEN": "127.0.0.1"}
    for key in ("WEBHOOK_URL", "WEBHOOK_SECRET", "ADMIN_IDS", "TELEGRAM_API_URL"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert main([]) == 0
    assert list(runs) == [mode]
    assert runs[mode]["allowed_updates"] == ["message", "callback_query"]
    if mode == "webhook":
        assert runs[mode]["secret_token"] == "s3cret"
        assert runs[mode]["url_path"] == "tg/hook" and runs[mode]["port"] == 8000
        assert runs[mode]["webhook_url"] == "https://bot.example.org/tg/hook"
        assert runs[mode]["listen"] == "127.0.0.1"


def test_missing_token():
    with pytest.raises(MissingTokenError, match="TELEGRAM_BOT_TOKEN"):
        load_settings({})


@pytest.mark.parametrize(
    ("env", "needle"),
    [({}, "TELEGRAM_BOT_TOKEN"), ({**VALID, "ADMIN_IDS": "x"}, "ADMIN_IDS")],
)
def test_main_prints_one_line_and_exits_2(monkeypatch, capsys, env, needle):
    monkeypatch.setattr("bot.config.load_dotenv_file", lambda: None)
    for key in ("TELEGRAM_BOT_TOKEN", "ADMIN_IDS"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert main([]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and needle in err
