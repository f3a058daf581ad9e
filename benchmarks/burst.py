"""Emails to the owner per note for a burst: 25 notes forwarded over 10 minutes one evening.

`assistant run` (SQLite) reads the rig's Dovecot and sends through its SMTP server, with the
product's default settings (the 5-minute burst window), on a clock moved forward instead of
waited: the notes arrive in five groups over ten minutes, the evening passes, and the next
morning comes past the owner's follow-up hour (09:00) until noon. Every email in the owner's
INBOX is counted: acknowledgements that evening, approval requests (or a digest) next morning.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from assistant.store.db import make_engine, session_factory, transaction
from assistant.store.models import FollowUp, InboundMessage, OutboxMessage
from benchmarks.notes_gen import FIRST, LAST
from tests.e2e.clock import SteppedClock, running_with_clock
from tests.harness import Dovecot, SmtpServer
from tests.integration.helpers import Mailboxes, note, register_owner, server_env

EVENING = datetime(2026, 11, 24, 0, 0, tzinfo=UTC)  # Monday 23 November, 18:00 in Chicago
MORNING = datetime(2026, 11, 24, 15, 5, tzinfo=UTC)  # Tuesday 09:05: drafts are due at 09:00
NOON = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
NOTES = 25
GROUPS = ((0, range(0, 5)), (2, range(5, 10)), (4, range(10, 15)), (7, range(15, 20)),
          (9.5, range(20, 25)))  # (minutes after the first note, notes)


@dataclass(frozen=True)
class BurstResult:
    notes: int
    evening: int
    morning: int

    @property
    def per_note(self) -> float:
        return round((self.evening + self.morning) / self.notes, 3)


def measure(dovecot: Dovecot, smtp: SmtpServer, root: Path, timeout: float = 120) -> BurstResult:
    boxes = Mailboxes(assistant="assistant-burst@bench.example", owner="sam-burst@bench.example")
    workdir = root / "burst"
    workdir.mkdir(parents=True, exist_ok=True)
    database_url = f"sqlite:///{workdir / 'assistant.db'}"
    register_owner(database_url, boxes.owner, now=EVENING)
    env = server_env(dovecot, smtp, boxes, database_url, None, workdir)
    env.update({"ASSISTANT_TICK_SECONDS": "0.2", "ASSISTANT_POLL_SECONDS": "1"})
    clock = SteppedClock(EVENING)
    store = _Store(database_url)
    try:
        with running_with_clock(env, clock):
            for minute, numbers in GROUPS:
                clock.set(EVENING + timedelta(minutes=minute))
                for n in numbers:
                    dovecot.append(boxes.assistant, "INBOX", _note(boxes, n))
                store.wait(lambda n=numbers.stop: store.read(n), timeout)
            clock.set(EVENING + timedelta(hours=4))  # the evening goes on
            store.wait(lambda: store.drained(clock()), timeout)
            evening = _settled(dovecot, boxes.owner)
            for moment in (MORNING, NOON):
                clock.set(moment)
                store.wait(lambda: store.drained(clock()), timeout)
            morning = _settled(dovecot, boxes.owner) - evening
    finally:
        store.close()
    return BurstResult(NOTES, evening, morning)


def _note(boxes: Mailboxes, n: int) -> bytes:
    name = f"{FIRST[n % len(FIRST)]} {LAST[n % len(LAST)]}"
    address = f"{name.replace(' ', '.').lower()}@example.org"
    return note(boxes.owner, boxes.assistant, f"Note {n:02d}: {name}",
                f"Met {name} <{address}> at the SaaS founders breakfast. She is looking for a "
                "good SRE contractor.\n")


def _settled(dovecot: Dovecot, owner: str, quiet: float = 2.0) -> int:
    """The owner's INBOX count once nothing has arrived for ``quiet`` seconds."""
    count, since = len(dovecot.messages(owner, "INBOX")), time.monotonic()
    while time.monotonic() - since < quiet:
        time.sleep(0.2)
        now = len(dovecot.messages(owner, "INBOX"))
        if now != count:
            count, since = now, time.monotonic()
    return count


class _Store:
    def __init__(self, database_url: str) -> None:
        self.engine = make_engine(database_url)
        self.sessions = session_factory(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def _count(self, model, *where) -> int:  # type: ignore[no-untyped-def]
        with transaction(self.sessions) as session:
            return int(session.scalar(select(func.count()).select_from(model).where(*where))
                       or 0)

    def read(self, expected: int) -> bool:
        return (self._count(InboundMessage) >= expected
                and self._count(InboundMessage, InboundMessage.status == "pending") == 0)

    def drained(self, now: datetime) -> bool:
        """Nothing due is left undrafted, and nothing queued or held is left unsent."""
        return (self._count(FollowUp, FollowUp.status == "scheduled", FollowUp.due_at <= now)
                == 0 and self._count(OutboxMessage, OutboxMessage.status.in_(
                    ("pending", "sending", "held"))) == 0)

    def wait(self, condition, timeout: float) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.2)
        raise RuntimeError("burst: the assistant did not finish in time")
