"""The gap between figures as a percentage: asked with the comparison's words apart ("how
many percent more Koreans than Japanese?"), against a side of several figures added up,
or as a follow-up ("berapa persen lebih sedikit dari Korea?", "and in percent?"). The gap
is over the smaller figure for "more", over the larger for "fewer"; never a share of the
whole. Every expected figure comes from the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import percent


def _total(value_of, names: list[str]) -> int:
    return sum(value_of("foreign_residents", n) if n.isupper() else value_of(n) for n in names)


def _gap(value_of, left: list[str], right: list[str], fewer: bool) -> float:
    a, b = _total(value_of, left), _total(value_of, right)
    larger, smaller = max(a, b), min(a, b)
    return 100 * (larger - smaller) / (larger if fewer else smaller)


def _share(value_of, code: str) -> float:
    return 100 * value_of("foreign_residents", code) / value_of("foreign_residents")


@pytest.mark.parametrize(
    ("text", "left", "right", "fewer"),
    [
        ("how many percent more Koreans than Japanese?", ["KR"], ["JP"], False),
        ("how many percent fewer Indians than Chinese?", ["IN"], ["CN"], True),
        ("what percent more foreign residents from Japan than from India?", ["JP"], ["IN"], False),
        ("how many percent more ITAS than ITK?", ["itas"], ["itk"], False),
        ("berapa persen ITAS lebih banyak dari ITK?", ["itas"], ["itk"], False),
        ("persen ITK lebih sedikit dari ITAS", ["itk"], ["itas"], True),
        ("brp persen korea lbh banyak dr jepang?", ["KR"], ["JP"], False),
        # one minus the other, in percent: the gap, not each one's share
        ("Korea dikurangi Jepang berapa persen?", ["KR"], ["JP"], False),
        ("Korea minus Japan in percent?", ["KR"], ["JP"], False),
    ],
)
def test_comparison_words_apart_ask_the_gap(pipeline, value_of, text, left, right, fewer):
    reply = pipeline.answer(text)
    assert percent(_gap(value_of, left, right, fewer), reply.lang) in reply.text, reply.text
    assert percent(_share(value_of, "KR"), reply.lang) not in reply.text


@pytest.mark.parametrize(
    ("text", "left", "right", "fewer"),
    [
        ("berapa persen Korea lebih banyak dari India dan Taiwan digabung?", "KR", "IN TW", 0),
        ("how many percent more Koreans than Indians and Taiwanese combined?", "KR", "IN TW", 0),
        ("India lebih sedikit berapa persen dari Jepang dan Korea digabung?", "IN", "JP KR", 1),
        ("Jepang dibanding Korea dan China digabung brp persen lebih sedikit?", "JP", "KR CN", 1),
        ("by what percent are Taiwanese fewer than Indians and Chinese together", "TW", "IN CN", 1),
    ],
)
def test_the_gap_to_a_side_added_up(pipeline, value_of, text, left, right, fewer):
    reply = pipeline.answer(text)
    gap = _gap(value_of, left.split(), right.split(), bool(fewer))
    assert reply.status == "answered", reply.text
    assert percent(gap, reply.lang) in reply.text, reply.text
    assert " = " in reply.text  # the side added up is shown


@pytest.mark.parametrize(
    ("turns", "left", "right", "fewer"),
    [
        (["WNA Jepang berapa?", "berapa persen lebih sedikit dari Korea?"], ["JP"], ["KR"], True),
        (["Japanese?", "how many percent more than Indians?"], ["JP"], ["IN"], False),
        (["selisih ITAS dan ITK", "dalam persen?"], ["itas"], ["itk"], False),
        (["how many more Koreans than Japanese?", "and in percent?"], ["KR"], ["JP"], False),
        (
            ["how many more Koreans than Indians and Taiwanese combined?", "and in percent?"],
            ["KR"],
            ["IN", "TW"],
            False,
        ),
        (
            ["WNA Jepang?", "how many percent more than China and India combined?"],
            ["JP"],
            ["CN", "IN"],
            False,
        ),
        (
            ["selisih Jepang dengan India dan Taiwan digabung?", "kalau dalam persen?"],
            ["JP"],
            ["IN", "TW"],
            False,
        ),
    ],
)
def test_a_follow_up_asks_the_gap_in_percent(last_reply, value_of, turns, left, right, fewer):
    reply = last_reply(turns, chat_id=91)
    assert percent(_gap(value_of, left, right, fewer), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["Korea dan Jepang", "berapa persen?"],
        ["Korea and Japan?", "as a percentage?"],
        ["There are more Koreans than Japanese, what percentage of the total are Koreans?"],
    ],
)
def test_in_percent_after_two_figures_side_by_side_is_their_shares(last_reply, value_of, turns):
    reply = last_reply(turns, chat_id=92)
    for code in ("KR", "JP"):
        assert percent(_share(value_of, code), reply.lang) in reply.text, reply.text
