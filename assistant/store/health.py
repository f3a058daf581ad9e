"""Connection health: the latest attempts to reach a server, for ``assistant status``.

One row per connection name (the watcher's mailbox identity, which holds no password). Only
the process holding the connection writes its row (one watcher per mailbox: the leader lock),
so a read-then-write is enough.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.store.models import ConnectionHealth


@dataclass(frozen=True)
class Health:
    name: str
    consecutive_failures: int
    last_error: str | None
    last_failure_at: datetime | None
    next_attempt_at: datetime | None
    connected_at: datetime | None


def record_failure(session: Session, name: str, *, error: str, failures: int, now: datetime,
                   next_attempt_at: datetime) -> None:
    row = _row(session, name, now)
    row.consecutive_failures = failures
    row.last_error = error
    row.last_failure_at = now
    row.next_attempt_at = next_attempt_at


def record_connected(session: Session, name: str, now: datetime) -> None:
    """Connected: no failures in a row, no attempt waiting; the last error stays for history."""
    row = _row(session, name, now)
    row.consecutive_failures = 0
    row.next_attempt_at = None
    row.connected_at = now


def load(session: Session, name: str) -> Health | None:
    row = session.scalar(select(ConnectionHealth).where(ConnectionHealth.name == name))
    if row is None:
        return None
    return Health(name=row.name, consecutive_failures=row.consecutive_failures,
                  last_error=row.last_error, last_failure_at=row.last_failure_at,
                  next_attempt_at=row.next_attempt_at, connected_at=row.connected_at)


def _row(session: Session, name: str, now: datetime) -> ConnectionHealth:
    row = session.scalar(select(ConnectionHealth).where(ConnectionHealth.name == name))
    if row is None:
        row = ConnectionHealth(name=name, consecutive_failures=0)
        session.add(row)
    row.updated_at = now
    return row
