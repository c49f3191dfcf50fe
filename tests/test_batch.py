"""``batch`` on several processes: each chat keeps its order and context, replies keep
the input's order, and the answers are those of one process."""

from __future__ import annotations

import json

from bot.batch import answer_lines


def _lines(chats: int) -> list[str]:
    turns = ["berapa ITAS 2020", "kalau ITAP?", "how many Japanese?", "and Chinese?", "junk ?!"]
    return [
        json.dumps({"chat_id": chat, "user_id": chat, "text": turn})
        for turn in turns
        for chat in range(chats)
    ]


def test_workers_answer_as_one_process_does_in_the_input_order(base):
    from bot.pipeline import Pipeline

    lines = _lines(chats=300)  # enough lines for two workers
    alone = answer_lines(Pipeline(base), lines, workers=1)
    shared = answer_lines(Pipeline(base), lines, workers=2)
    assert shared == alone
    assert [json.loads(r)["chat_id"] for r in shared] == [json.loads(x)["chat_id"] for x in lines]


def test_a_follow_up_keeps_its_chat_across_workers(base, value_of):
    from bot.pipeline import Pipeline

    replies = [json.loads(r) for r in answer_lines(Pipeline(base), _lines(300), workers=2)]
    itap = replies[300:600]  # every chat's "kalau ITAP?"
    assert all(r["facts"][0]["value"] == value_of("itap") for r in itap)


def test_few_lines_and_bad_lines_are_answered_in_process(base):
    from bot.pipeline import Pipeline

    replies = answer_lines(Pipeline(base), ["not json", "", '{"chat_id": 1, "text": "halo"}'])
    assert len(replies) == 2 and json.loads(replies[0])["status"] == "fallback"
