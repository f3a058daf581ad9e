"""A clock the test moves forward: the assistant reads time only through it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from assistant.runtime import run_all
from assistant.settings import Settings


class SteppedClock:
    def __init__(self, start: datetime) -> None:
        self._now = start
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, **delta: float) -> datetime:
        with self._lock:
            self._now += timedelta(**delta)
            return self._now

    def set(self, moment: datetime) -> None:
        with self._lock:
            self._now = moment


@contextmanager
def running_with_clock(env: dict[str, str], clock: SteppedClock) -> Iterator[None]:
    """`assistant run` in a thread, reading time from ``clock``; stopped when the block ends."""
    stop = threading.Event()
    thread = threading.Thread(target=run_all, args=(Settings.from_env(env), stop, clock),
                              daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=30)
