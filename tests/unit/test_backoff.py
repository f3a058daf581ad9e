"""The wait before trying a server again: exponential, capped, jittered (assistant/backoff.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.backoff import backoff_delay

BASE, CAP = 5.0, 900.0


def test_nothing_failed_means_no_wait() -> None:
    assert backoff_delay(0, base=BASE, cap=CAP, draw=0.7) == 0.0


@pytest.mark.parametrize("failures,ceiling", [(1, 5), (2, 10), (3, 20), (4, 40), (8, 640),
                                              (9, 900), (50, 900), (10_000, 900)])
def test_the_ceiling_doubles_from_the_base_up_to_the_cap(failures: int, ceiling: float) -> None:
    # Given the n-th failure in a row
    # When the random part is at its lowest and at its highest
    lowest = backoff_delay(failures, base=BASE, cap=CAP, draw=0.0)
    highest = backoff_delay(failures, base=BASE, cap=CAP, draw=1.0)
    # Then the wait spans the upper half of a ceiling that doubles and then stays at the cap
    assert (lowest, highest) == (ceiling / 2, ceiling)


def test_the_random_part_spreads_the_wait() -> None:
    # Given two watchers failing for the fifth time together
    # When they draw different random numbers
    first = backoff_delay(5, base=BASE, cap=CAP, draw=0.1)
    second = backoff_delay(5, base=BASE, cap=CAP, draw=0.9)
    # Then they do not retry in step
    assert first == pytest.approx(44.0) and second == pytest.approx(76.0)


@given(failures=st.integers(min_value=1, max_value=10**6),
       draw=st.floats(min_value=0.0, max_value=1.0))
def test_a_wait_never_exceeds_the_cap_nor_comes_sooner_than_half_the_base(failures: int,
                                                                          draw: float) -> None:
    delay = backoff_delay(failures, base=BASE, cap=CAP, draw=draw)
    assert BASE / 2 <= delay <= CAP


def test_at_the_cap_a_wrong_password_costs_at_most_eight_logins_an_hour() -> None:
    # Given a watcher whose login has been refused for hours
    shortest = backoff_delay(100, base=BASE, cap=CAP, draw=0.0)
    # Then no two attempts come closer than half the cap
    assert 3600 / shortest == 8
