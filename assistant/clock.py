"""The assistant's one clock.

Every time the assistant writes or compares (timestamps in the database, due dates, limits,
token expiry, the Date header) comes from a ``Clock``: a callable returning an aware UTC
``datetime``. Process entry points build the app with ``system_clock``; tests and the demo pass
a clock they control. This module is the only place the product reads the wall clock
(``tests/unit/test_one_clock.py`` enforces it); durations use ``time.monotonic``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The wall clock, in UTC."""
    return datetime.now(UTC)
