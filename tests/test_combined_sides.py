"""A comparison whose side is several figures added up: "how many more Koreans than Indians
and Taiwanese combined?" compares one figure with the sum of the others. Every expected
figure comes from the fact base."""

from __future__ import annotations

import pytest

from bot.answers.formatting import decimal, number


def _values(value_of, names: list[str]) -> list[int]:
    return [value_of("foreign_residents", n) if n.isupper() else value_of(n) for n in names]


@pytest.mark.parametrize(
    ("text", "left", "right"),
    [
        ("how many more Koreans than Indians and Taiwanese combined?", ["KR"], ["IN", "TW"]),
        ("selisih Korea dengan gabungan India dan Taiwan berapa?", ["KR"], ["IN", "TW"]),
        ("Jepang lebih banyak berapa dibanding India dan Taiwan digabung?", ["JP"], ["IN", "TW"]),
        ("India dan Taiwan digabung, selisihnya dengan Jepang berapa?", ["IN", "TW"], ["JP"]),
        ("how many more ITAS than ITK and ITAP combined?", ["itas"], ["itk", "itap"]),
        ("selisih ITAS dengan ITK dan ITAP digabung?", ["itas"], ["itk", "itap"]),
    ],
)
def test_a_difference_with_one_side_added_up(pipeline, value_of, text, left, right):
    reply = pipeline.answer(text)
    a, b = sum(_values(value_of, left)), sum(_values(value_of, right))
    assert reply.status == "answered", reply.text
    assert number(abs(a - b), reply.lang) in reply.text, reply.text
    summed = _values(value_of, left if len(left) > 1 else right)
    shown = " + ".join(number(v, reply.lang) for v in summed)
    assert f"{shown} = {number(sum(summed), reply.lang)}" in reply.text


@pytest.mark.parametrize(
    ("text", "left", "right"),
    [
        ("berapa kali lipat China dibanding India dan Taiwan digabung?", ["CN"], ["IN", "TW"]),
        ("how many times bigger is Japan than India and Taiwan combined?", ["JP"], ["IN", "TW"]),
    ],
)
def test_a_ratio_with_one_side_added_up(pipeline, value_of, text, left, right):
    reply = pipeline.answer(text)
    a, b = sum(_values(value_of, left)), sum(_values(value_of, right))
    assert decimal(max(a, b) / min(a, b), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    "text",
    ["selisih Korea dan Jepang?", "how many more Koreans than Japanese?", "ITAS vs ITK"],
)
def test_two_figures_compared_are_not_added_up(pipeline, value_of, text):
    reply = pipeline.answer(text)
    assert " = " not in reply.text.split("\n")[0], reply.text
