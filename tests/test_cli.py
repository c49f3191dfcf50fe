"""The command line, run as a user would: ask, chat, batch, eval, build, run."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli
from knowledge_edits import change_figure

from bot.answers.formatting import number
from bot.cli import COMMANDS_HELP


@pytest.fixture
def env(tmp_path, knowledge_copy):
    return {"KNOWLEDGE_DIR": str(knowledge_copy), "FACTS_DB": str(tmp_path / "facts.db")}


@pytest.mark.parametrize("command", sorted(COMMANDS_HELP))
def test_every_command_has_help(command):
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert COMMANDS_HELP[command] in " ".join(result.stdout.split())
    assert command in run_cli("--help").stdout


def test_ask_prints_the_answer_and_builds_when_needed(env, shown):
    result = run_cli("ask", "berapa", "ITAS", "2020", env_extra=env)
    assert result.returncode == 0
    assert shown("itas", lang="id") in result.stdout


def test_ask_json_prints_the_reply_object(env, value_of):
    result = run_cli("ask", "--json", "how many ITAS in 2020?", env_extra=env)
    data = json.loads(result.stdout)
    assert data["status"] == "answered" and data["lang"] == "en"
    assert data["facts"][0]["value"] == value_of("itas")
    assert set(data) >= {"chat_id", "text", "lang", "status", "intent", "confidence", "facts"}


def test_batch_keeps_one_context_per_chat(env, value_of):
    lines = [
        {"chat_id": 1, "user_id": 1, "text": "berapa ITAS 2020"},
        {"chat_id": 2, "user_id": 2, "text": "how many Japanese nationals?"},
        {"chat_id": 1, "user_id": 1, "text": "kalau ITAP?"},
        {"chat_id": 2, "user_id": 2, "text": "and Chinese?"},
    ]
    stdin = "\n".join(json.dumps(x) for x in lines) + "\n"
    result = run_cli("batch", env_extra=env, stdin=stdin)
    replies = [json.loads(x) for x in result.stdout.splitlines()]
    assert [r["chat_id"] for r in replies] == [1, 2, 1, 2]
    assert replies[2]["facts"][0]["value"] == value_of("itap")
    assert replies[3]["facts"][0]["value"] == value_of("foreign_residents", "CN")
    assert replies[3]["lang"] == "en"


def test_batch_survives_bad_lines(env):
    result = run_cli("batch", env_extra=env, stdin='not json\n{"chat_id": 1, "text": "halo"}\n')
    replies = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(replies) == 2 and replies[1]["status"] == "smalltalk"


def test_chat_reads_questions_from_a_pipe(env, shown):
    result = run_cli("chat", env_extra=env, stdin="berapa ITAS 2020\nkalau ITAP?\n")
    assert result.returncode == 0
    assert shown("itas") in result.stdout and shown("itap") in result.stdout


def test_run_without_token_falls_back_to_chat_only_when_asked(env, shown):
    env = {**env, "TELEGRAM_BOT_TOKEN": ""}
    result = run_cli("run", "--or-chat", env_extra=env, stdin="berapa ITAS 2020\n")
    assert result.returncode == 0 and shown("itas") in result.stdout
    refused = run_cli("run", env_extra=env)
    assert refused.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in refused.stderr + refused.stdout
    assert "Traceback" not in refused.stderr


def test_eval_scores_and_fails_on_wrong_numbers(env, tmp_path, value_of):
    cases = tmp_path / "cases.jsonl"
    good = {
        "id": "a",
        "q": "berapa ITAS",
        "lang": "id",
        "status": ["answered"],
        "must": [value_of("itas")],
        "must_not": [],
        "bare": False,
        "allow": [],
    }
    bad = dict(good, id="b", must=[], must_not=[value_of("itas")])
    cases.write_text(json.dumps(good) + "\n", encoding="utf-8")
    result = run_cli("eval", str(cases), env_extra=env)
    assert result.returncode == 0 and "1/1 100.0% wrong=0" in result.stdout
    cases.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    result = run_cli("eval", str(cases), env_extra=env)
    assert result.returncode == 1 and "wrong=1" in result.stdout and "FAIL b" in result.stdout


def test_changing_a_figure_in_knowledge_changes_the_answer(env, knowledge_copy, value_of):
    new_value = value_of("itas") + 692
    assert run_cli("build", env_extra=env).returncode == 0
    change_figure(knowledge_copy, "itas", new_value)
    assert run_cli("build", env_extra=env).returncode == 0
    result = run_cli("ask", "berapa ITAS 2020", env_extra=env)
    assert number(new_value, "id") in result.stdout
    assert number(value_of("itas"), "id") not in result.stdout


def test_broken_knowledge_is_refused_with_file_line_and_reason(env, knowledge_copy):
    path = knowledge_copy / "metrics.csv"
    path.write_text(path.read_text(encoding="utf-8") + "visa,,,,,,,,,\n", encoding="utf-8")
    result = run_cli("build", env_extra=env)
    assert result.returncode == 1
    assert "metrics.csv:" in result.stderr and "empty field" in result.stderr
