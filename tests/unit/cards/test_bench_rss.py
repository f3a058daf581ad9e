"""The cards benchmark's worker RSS is the worker's own: a child spawned by a benchmark that
has grown large reports its own peak, not the benchmark's."""

from __future__ import annotations

import multiprocessing

from benchmarks.cards_bench import own_peak_rss_mb


def _report(queue: multiprocessing.Queue) -> None:
    queue.put(own_peak_rss_mb())


def test_a_spawned_child_reports_its_own_peak_not_its_parents() -> None:
    # Given a parent that has held 300 MB (its pages touched)
    big = bytearray(300 * 1024 * 1024)
    for offset in range(0, len(big), 4096):
        big[offset] = 1
    del big
    # When a child spawned afterwards reports its peak RSS
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue = context.Queue()
    child = context.Process(target=_report, args=(queue,))
    child.start()
    peak = queue.get(timeout=120)
    child.join()
    # Then it is a small Python process's, well under what the parent held
    assert 0 < peak < 150
