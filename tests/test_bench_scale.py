"""The generated base of many offices and years that ``make bench`` builds: it builds, and
questions about any of its offices and years get that office's figure of that year."""

from __future__ import annotations

import pytest

from bot.bench_questions import distinct_variants
from bot.bench_scale import make_knowledge, office_names
from bot.facts.base import FactBase
from bot.facts.build import build
from bot.pipeline import Pipeline


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("scale")
    knowledge = make_knowledge(tmp / "knowledge", offices=4, years=(2019, 2020, 2021))
    build(knowledge, tmp / "facts.db")
    return FactBase.from_db(tmp / "facts.db")


@pytest.mark.parametrize(
    ("form", "metric", "country"),
    [
        ("berapa ITAS Kanim {t} tahun {y}", "itas", None),
        ("how many people did the {t} office deport in {y}?", "deportation", None),
        ("berapa WNA Jepang di {t} tahun {y}", "foreign_residents", "JP"),
    ],
)
def test_each_office_and_year_answers_its_own_figure(scaled, form, metric, country):
    pipeline = Pipeline(scaled)
    for town in office_names(4):
        for year in (2019, 2021):
            reply = pipeline.answer(form.format(t=town, y=year))
            fact = scaled.fact(metric, year, country, town.lower())
            assert reply.facts == [fact.as_reply_fact()], reply.text


def test_bench_questions_are_distinct_and_realistic():
    variants = distinct_variants(3000, seed=1)
    assert len(set(variants)) == 3000
    assert sum(v != v.lower() and v == v.upper() for v in variants) > 100  # some in capitals
