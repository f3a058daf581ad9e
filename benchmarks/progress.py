"""What the database says about an ingestion run: the count that decides when it is done.

A message counts as ingested when its inbound row has left ``pending``: processing commits the
contacts, the acknowledgement in the outbox and the new status in one transaction, so a row
that is no longer pending has its contacts committed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, func, select, text

from assistant.store.db import make_engine, session_factory, transaction
from assistant.store.models import Contact, InboundMessage, OutboxMessage


@dataclass(frozen=True)
class Snapshot:
    inbound: int
    pending: int
    contacts: int
    statuses: dict[str, int]
    first_stored: datetime | None
    last_stored: datetime | None
    first_finished: datetime | None
    last_finished: datetime | None
    outbox_unsent: int


class Progress:
    def __init__(self, database_url: str) -> None:
        self.engine: Engine = make_engine(database_url)
        self.sessions = session_factory(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def backend_pids(self) -> list[int]:
        """PostgreSQL server processes connected to this database (none on SQLite)."""
        if self.engine.dialect.name != "postgresql":
            return []
        with self.engine.connect() as connection:
            return list(connection.scalars(text(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()")))

    def counts(self) -> tuple[int, int]:
        """(inbound rows, rows still pending): the cheap query polled while waiting."""
        with transaction(self.sessions) as s:
            total = s.scalar(select(func.count()).select_from(InboundMessage)) or 0
            pending = s.scalar(select(func.count()).select_from(InboundMessage)
                               .where(InboundMessage.status == "pending")) or 0
        return int(total), int(pending)

    def snapshot(self) -> Snapshot:
        with transaction(self.sessions) as s:
            statuses = dict(s.execute(select(InboundMessage.status, func.count())
                                      .group_by(InboundMessage.status)).all())
            row = s.execute(select(func.min(InboundMessage.received_at),
                                   func.max(InboundMessage.received_at),
                                   func.min(InboundMessage.processed_at),
                                   func.max(InboundMessage.processed_at))).one()
            contacts = s.scalar(select(func.count()).select_from(Contact)) or 0
            unsent = s.scalar(select(func.count()).select_from(OutboxMessage)
                              .where(OutboxMessage.status != "sent")) or 0
        return Snapshot(inbound=sum(statuses.values()), pending=statuses.get("pending", 0),
                        contacts=int(contacts), statuses=statuses, first_stored=row[0],
                        last_stored=row[1], first_finished=row[2], last_finished=row[3],
                        outbox_unsent=int(unsent))

    def wait_done(self, expected: int, timeout: float,
                  alive: Callable[[], bool] = lambda: True, every: float = 0.2) -> bool:
        """Block until ``expected`` rows exist and none is pending; False on timeout or death."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and alive():
            total, pending = self.counts()
            if total >= expected and pending == 0:
                return True
            time.sleep(every)
        return False

    def wait_sent(self, timeout: float, every: float = 0.5) -> bool:
        """Block until every outbox row is sent (the acks of a phase have all gone out)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.snapshot().outbox_unsent == 0:
                return True
            time.sleep(every)
        return False
