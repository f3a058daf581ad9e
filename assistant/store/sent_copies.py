"""Copies still owed to a linked owner's Sent folder (``SentCopy``): one row per follow-up
whose copy could not be filed when it left. The message itself is the outbox row's ``raw``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from assistant.store.db import insert_once, rowcount
from assistant.store.models import OutboxMessage, SentCopy


@dataclass(frozen=True)
class OwedCopy:
    id: int
    outbox_id: int
    owner_id: int
    failures: int
    owed_since: datetime
    next_at: datetime
    message_id: str
    raw: bytes
    outbox_status: str
    sent_at: datetime | None


def owe(session: Session, *, outbox_id: int, owner_id: int, error: str, now: datetime,
        next_at: datetime) -> bool:
    """Record the first failed filing; False when the copy was already owed (a repeat)."""
    return insert_once(session, SentCopy, {
        "outbox_id": outbox_id, "owner_id": owner_id, "status": "owed", "failures": 1,
        "owed_since": now, "next_at": next_at, "last_error": error[:2000]},
        unique=["outbox_id"]) is not None


def due(session: Session, now: datetime, limit: int = 100) -> list[OwedCopy]:
    rows = session.execute(select(
        SentCopy.id, SentCopy.outbox_id, SentCopy.owner_id, SentCopy.failures,
        SentCopy.owed_since, SentCopy.next_at, OutboxMessage.message_id, OutboxMessage.raw,
        OutboxMessage.status, OutboxMessage.sent_at)
        .join(OutboxMessage, OutboxMessage.id == SentCopy.outbox_id)
        .where(SentCopy.status == "owed", SentCopy.next_at <= now)
        .order_by(SentCopy.next_at, SentCopy.id).limit(limit)).all()
    return [OwedCopy(id=r.id, outbox_id=r.outbox_id, owner_id=r.owner_id, failures=r.failures,
                     owed_since=r.owed_since, next_at=r.next_at, message_id=r.message_id,
                     raw=bytes(r.raw), outbox_status=r.status, sent_at=r.sent_at)
            for r in rows]


def claim(session: Session, copy: OwedCopy, until: datetime) -> bool:
    """Take the row for one attempt (the conditional UPDATE is the lock between sweeps): it is
    not due again before ``until``, whatever happens to this attempt."""
    return rowcount(session.execute(update(SentCopy).where(
        SentCopy.id == copy.id, SentCopy.status == "owed",
        SentCopy.next_at == copy.next_at, SentCopy.failures == copy.failures)
        .values(next_at=until))) == 1


def settle(session: Session, copy_id: int, status: str, now: datetime,
           error: str | None = None) -> bool:
    """``filed``, ``dropped`` or ``given_up``: the copy is owed no more."""
    values: dict[str, object] = {"status": status, "settled_at": now}
    if error is not None:
        values["last_error"] = error[:2000]
    return rowcount(session.execute(update(SentCopy).where(
        SentCopy.id == copy_id, SentCopy.status == "owed").values(**values))) == 1


def failed(session: Session, copy_id: int, failures: int, next_at: datetime,
           error: str) -> None:
    session.execute(update(SentCopy).where(SentCopy.id == copy_id, SentCopy.status == "owed")
                    .values(failures=failures, next_at=next_at, last_error=error[:2000]))


def status_of(session: Session, outbox_id: int) -> str | None:
    return session.scalar(select(SentCopy.status).where(SentCopy.outbox_id == outbox_id))
