"""A worker process collects its youngest generation of objects less often than Python's
default (every 700 net container allocations)."""

from __future__ import annotations

import gc

from workers.broker import YOUNG_OBJECTS, tune_collector


def test_the_youngest_generation_is_collected_less_often_and_the_others_as_before() -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        tune_collector()
        assert gc.get_threshold() == (YOUNG_OBJECTS, 10, 10)
        assert YOUNG_OBJECTS > 700
        gc.set_threshold(50_000, 5, 5)  # a higher threshold set by the operator stays
        tune_collector()
        assert gc.get_threshold() == (50_000, 5, 5)
    finally:
        gc.set_threshold(*before)
