"""Settings from the environment and the start-up of ``python -m bot run``."""

from __future__ import annotations

import pytest
from telegram_harness import (
    TOKEN,
)

from bot.errors import ConfigError
from bot.telegram import runner
from bot.telegram.runner import main
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
        ({"ADMIN_IDS": "１２３"}, "ADMIN_IDS"),  # full-width digits
        ({"ADMIN_IDS": "0"}, "ADMIN_IDS"),
        ({"ADMIN_IDS": "-5"}, "ADMIN_IDS"),
        ({"ADMIN_IDS": "1,,2"}, "ADMIN_IDS"),
        ({"ADMIN_IDS": "1, 2 ,"}, "ADMIN_IDS"),
        ({"STOP_TIMEOUT": "0"}, "STOP_TIMEOUT"),
        ({"SEND_RETRY_SECONDS": "٣"}, "SEND_RETRY_SECONDS"),  # Arabic-Indic digit
        ({"SEND_RATE_PER_SECOND": "-1"}, "SEND_RATE_PER_SECOND"),
        ({"LOG_MESSAGE_TEXTS": "maybe"}, "LOG_MESSAGE_TEXTS"),
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
        {**VALID, "ADMIN_IDS": " 1, 22 ", "TELEGRAM_API_URL": "http://127.0.0.1:9/"}
    )
    assert settings.admin_ids == {1, 22}
    assert load_settings({**VALID, "ADMIN_IDS": " "}).admin_ids == frozenset()
    assert settings.api_url == "http://127.0.0.1:9"
    assert settings.rate_limit_per_minute == 20 and settings.webhook_port == 8443
    assert settings.stop_timeout == 20 and settings.send_retry_seconds == 60
    assert settings.send_rate_per_second == 30 and not settings.log_message_texts
    assert settings.delivery_db.name == "delivery.db"
    tuned = load_settings({**VALID, "SEND_RATE_PER_SECOND": "0", "LOG_MESSAGE_TEXTS": "1"})
    assert tuned.send_rate_per_second == 0 and tuned.log_message_texts
    assert settings.webhook_url is None and TOKEN not in repr(settings)
    hooked = load_settings(
        {**VALID, "WEBHOOK_URL": "https://bot.example.org/tg/hook", "WEBHOOK_SECRET": "s3cret"}
    )
    assert hooked.webhook_path == "tg/hook"


@pytest.mark.parametrize("mode", ["polling", "webhook"])
def test_main_serves_with_the_settings(monkeypatch, built_db, tmp_path, mode):
    served = {}

    async def serve(app, settings, delivered):
        served.update(settings=settings, delivered=delivered, app=app)

    monkeypatch.setattr("bot.config.load_dotenv_file", lambda: None)
    monkeypatch.setattr(runner, "setup_logging", lambda settings: None)
    monkeypatch.setattr(runner, "serve", serve)
    env = {**VALID, "FACTS_DB": str(built_db), "STATS_DB": str(tmp_path / "s.db")}
    env["DELIVERY_DB"] = str(tmp_path / "d.db")
    env["MEMORY_DB"] = str(tmp_path / "m.db")
    if mode == "webhook":
        env |= {"WEBHOOK_URL": "https://bot.example.org/tg/hook", "WEBHOOK_SECRET": "s3cret"}
    for key in ("WEBHOOK_URL", "WEBHOOK_SECRET", "ADMIN_IDS", "TELEGRAM_API_URL"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert main([]) == 0
    assert (served["settings"].webhook_url is not None) == (mode == "webhook")
    assert served["app"].bot_data["state"].settings is served["settings"]
    assert (tmp_path / "d.db").is_file() and (tmp_path / "m.db").is_file()


def test_unwritable_data_dir_stops_start_up_with_one_line(monkeypatch, capsys, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")  # a file where the data folder should be: even root cannot write
    monkeypatch.setattr("bot.config.load_dotenv_file", lambda: None)
    monkeypatch.setattr(runner, "open_pipeline", lambda s: pytest.fail("must stop before"))
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("STATS_DB", str(blocker / "stats.db"))
    monkeypatch.delenv("ADMIN_IDS", raising=False)
    assert main([]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert str(blocker) in err and "STATS_DB" in err and "writable" in err
    assert "Traceback" not in err


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
