"""A long run's set-up: word indexes built before the first question, the collector kept
off what lives as long as the process, and an old base freed after a reload."""

from __future__ import annotations

import gc
import weakref

import pytest

from bot.facts.base import FactBase
from bot.pipeline import Pipeline
from bot.runtime import YOUNG_COLLECTION_THRESHOLD, settle_memory


@pytest.fixture
def collector():
    """Python's collector as the test found it, afterwards."""
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_warm_up_builds_the_word_indexes_before_the_first_question(built_db, collector):
    base = FactBase.from_db(built_db)
    pipeline = Pipeline(base)
    assert "lexis" not in base._derived
    pipeline.warm_up()
    assert "lexis" in base._derived
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == YOUNG_COLLECTION_THRESHOLD
    assert pipeline.answer("berapa ITAS 2020").status == "answered"


def test_a_reload_swaps_in_a_warm_base_and_frees_the_old_one(built_db, collector):
    pipeline = Pipeline(FactBase.from_db(built_db))
    pipeline.warm_up()
    old = weakref.ref(pipeline.base)
    pipeline.load(built_db)
    assert "lexis" in pipeline.base._derived  # built before the swap, not by a user
    assert old() is None  # frozen with the process, yet collected once replaced
    assert pipeline.answer("how many ITAS in 2020?").status == "answered"


def test_what_was_frozen_and_then_dropped_is_collected_at_the_next_settling(collector):
    kept = [[] for _ in range(1000)]
    for item in kept:
        item.append(item)  # cycles: only the collector frees them
    settle_memory()
    frozen = gc.get_freeze_count()
    del kept, item  # an old base after a reload
    settle_memory()
    assert gc.get_freeze_count() <= frozen - 1000
