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
        ("Korea dan Jepang dikurangi China?", ["KR", "JP"], ["CN"]),
        ("Korea+Jepang-China?", ["KR", "JP"], ["CN"]),
        ("Korean plus Japanese minus Chinese residents?", ["KR", "JP"], ["CN"]),
        ("Korea dikurangi Jepang dan China", ["KR"], ["JP", "CN"]),
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
    ("turns", "left", "right"),
    [
        (["Korea dan Jepang?", "dikurangi China?"], ["KR", "JP"], ["CN"]),
        (["Korea and Japan, how many in total?", "minus China?"], ["KR", "JP"], ["CN"]),
        (["Korea, Jepang, China?", "minus Taiwan"], ["KR", "JP", "CN"], ["TW"]),
    ],
)
def test_a_country_taken_from_several_asked_before(last_reply, value_of, turns, left, right):
    reply = last_reply(turns, chat_id=140)
    a, b = sum(_values(value_of, left)), sum(_values(value_of, right))
    assert reply.status == "answered", reply.text
    assert number(a - b, reply.lang) in reply.text, reply.text


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


@pytest.mark.parametrize(
    ("turns", "side", "rest_of"),
    [
        (["Korea vs the rest?"], "KR", "KR"),
        (["is Korea more than all the others combined?"], "KR", "KR"),
        (["selisih Korea dengan negara lainnya"], "KR", "KR"),
        (["Korea dan Jepang dibanding sisanya"], "KR JP", "KR JP"),
        (["top 3", "selisih sisanya dengan Korea?"], "KR", "KR JP CN"),
        (["top 2", "and the rest compared with Japan?"], "JP", "KR JP"),
        (["top 5", "Korea vs sisanya?"], "KR", "KR"),
    ],
)
def test_countries_against_the_rest(last_reply, value_of, turns, side, rest_of):
    reply = last_reply(turns, chat_id=90)
    named = sum(_values(value_of, side.split()))
    rest = value_of("foreign_residents") - sum(_values(value_of, rest_of.split()))
    assert reply.status == "answered", reply.text
    assert number(rest, reply.lang) in reply.text, reply.text
    assert number(abs(named - rest), reply.lang) in reply.text, reply.text


@pytest.mark.parametrize(
    ("turns", "side", "rest_of"),
    [
        (["Korea dibanding sisanya berapa kali?"], "KR", "KR"),
        (["top 3", "sisanya berapa kali Korea?"], "KR", "KR JP CN"),
    ],
)
def test_how_many_times_the_rest(last_reply, value_of, turns, side, rest_of):
    reply = last_reply(turns, chat_id=91)
    named = sum(_values(value_of, side.split()))
    rest = value_of("foreign_residents") - sum(_values(value_of, rest_of.split()))
    assert decimal(max(named, rest) / min(named, rest), reply.lang) in reply.text, reply.text
