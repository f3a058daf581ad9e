"""The outbox: every email is a row (idempotency key, pre-generated Message-ID) before SMTP."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from assistant.store.db import insert_once, rowcount, table_of
from assistant.store.models import InboundMessage, OutboxMessage


@dataclass(frozen=True)
class OutgoingEmail:
    id: int
    purpose: str
    message_id: str
    envelope_from: str
    recipients: tuple[str, ...]
    raw: bytes
    status: str
    attempts: int
    owner_id: int | None
    key: str = ""  # idempotency_key: ``ack:<inbound id>`` names the note acknowledged


def add(session: Session, *, key: str, owner_id: int | None, purpose: str,
        message: EmailMessage, envelope_from: str, recipients: list[str], now: datetime) -> int:
    """Write the email once per ``key``; returns the row id (the existing one on a repeat)."""
    new_id = insert_once(session, OutboxMessage, {
        "idempotency_key": key, "owner_id": owner_id, "purpose": purpose,
        "message_id": str(message["Message-ID"]), "envelope_from": envelope_from,
        "recipients": json.dumps(recipients), "raw": message.as_bytes(), "status": "pending",
        "attempts": 0, "created_at": now}, unique=["idempotency_key"])
    if new_id is not None:
        return new_id
    return int(session.scalar(select(OutboxMessage.id)
                              .where(OutboxMessage.idempotency_key == key)) or 0)


def load(session: Session, outbox_id: int) -> OutgoingEmail | None:
    row = session.get(OutboxMessage, outbox_id)
    return None if row is None else _email(row)


def load_many(session: Session, outbox_ids: Sequence[int]) -> list[OutgoingEmail]:
    """The rows among ``outbox_ids`` that exist, in id order (one SELECT, no ORM identity)."""
    if not outbox_ids:
        return []
    table = table_of(OutboxMessage)
    rows = session.connection().execute(select(
        table.c.id, table.c.idempotency_key, table.c.purpose, table.c.message_id,
        table.c.envelope_from, table.c.recipients, table.c.raw, table.c.status,
        table.c.attempts, table.c.owner_id)
        .where(table.c.id.in_(sorted(set(outbox_ids)))).order_by(table.c.id)).all()
    return [_email(row) for row in rows]


def _email(row: Any) -> OutgoingEmail:
    return OutgoingEmail(id=row.id, purpose=row.purpose, message_id=row.message_id,
                         envelope_from=row.envelope_from,
                         recipients=tuple(json.loads(row.recipients)), raw=bytes(row.raw),
                         status=row.status, attempts=row.attempts, owner_id=row.owner_id,
                         key=row.idempotency_key)


def claim(session: Session, outbox_id: int, now: datetime) -> bool:
    """Move a pending row to ``sending``; False when another worker has it or it is done.

    The conditional UPDATE is the lock: of two workers given the same job, one wins.
    """
    result = session.execute(update(OutboxMessage).where(
        OutboxMessage.id == outbox_id, OutboxMessage.status == "pending").values(
        status="sending", attempts=OutboxMessage.attempts + 1, claimed_at=now))
    return rowcount(result) == 1


def claim_many(session: Session, outbox_ids: Sequence[int], now: datetime) -> set[int]:
    """``claim`` for several rows in one UPDATE; returns the ids this worker now holds (each
    row is moved only while still pending, so of two workers each row goes to one)."""
    if not outbox_ids:
        return set()
    table = table_of(OutboxMessage)
    claimed = session.connection().execute(update(table).where(
        table.c.id.in_(list(outbox_ids)), table.c.status == "pending").values(
        status="sending", attempts=table.c.attempts + 1, claimed_at=now)
        .returning(table.c.id))
    return {int(i) for i in claimed.scalars()}


def release_stale(session: Session, older_than: datetime,
                  followups_older_than: datetime) -> list[int]:
    """Rows left in ``sending`` by a worker that died: back to pending, returned for retry.

    A follow-up is released only after a longer grace: its SMTP transaction may have
    happened, and its blind copy (the receipt) marks it sent when it comes back; only when no
    receipt came within the grace is it sent again.
    """
    ids = list(session.scalars(select(OutboxMessage.id).where(
        OutboxMessage.status == "sending",
        or_(and_(OutboxMessage.purpose != "followup", OutboxMessage.claimed_at < older_than),
            and_(OutboxMessage.purpose == "followup",
                 OutboxMessage.claimed_at < followups_older_than)))))
    if ids:
        session.execute(update(OutboxMessage).where(OutboxMessage.id.in_(ids))
                        .values(status="pending"))
    return ids


def release(session: Session, outbox_id: int, error: str) -> None:
    """Back to ``pending`` after a transient failure, for the retry."""
    session.execute(update(OutboxMessage).where(OutboxMessage.id == outbox_id)
                    .values(status="pending", last_error=error))


def release_many(session: Session, outbox_ids: Sequence[int], error: str) -> None:
    """``release`` for the rows a worker claimed and had not sent yet."""
    if outbox_ids:
        session.execute(update(OutboxMessage).where(
            OutboxMessage.id.in_(list(outbox_ids)), OutboxMessage.status == "sending")
            .values(status="pending", last_error=error))


def mark_sent(session: Session, outbox_id: int, now: datetime) -> None:
    session.execute(update(OutboxMessage).where(OutboxMessage.id == outbox_id)
                    .values(status="sent", sent_at=now, last_error=None))


def mark_failed(session: Session, outbox_id: int, error: str) -> None:
    session.execute(update(OutboxMessage).where(OutboxMessage.id == outbox_id)
                    .values(status="failed", last_error=error))


def note_error(session: Session, outbox_id: int, error: str) -> None:
    session.execute(update(OutboxMessage).where(OutboxMessage.id == outbox_id)
                    .values(last_error=error))


def mark_unconfirmed(session: Session, outbox_id: int, reason: str) -> bool:
    """A claimed follow-up about to go without its receipt copy: from here on nothing can
    prove whether it left, so it is never sent again automatically (``settle_unconfirmed``)."""
    return rowcount(session.execute(update(OutboxMessage).where(
        OutboxMessage.id == outbox_id, OutboxMessage.status == "sending").values(
        status="unconfirmed", last_error=f"sent without the receipt copy: {reason}"))) == 1


def settle_unconfirmed(session: Session, older_than: datetime) -> list[OutgoingEmail]:
    """Follow-ups left ``unconfirmed`` by a worker that died during or after SMTP: marked
    ``uncertain`` for good (better never twice than twice), returned so the owner is told."""
    rows = list(session.scalars(select(OutboxMessage.id).where(
        OutboxMessage.status == "unconfirmed", OutboxMessage.claimed_at < older_than)))
    settled = []
    for outbox_id in rows:
        if rowcount(session.execute(update(OutboxMessage).where(
                OutboxMessage.id == outbox_id, OutboxMessage.status == "unconfirmed")
                .values(status="uncertain"))) == 1:
            email = load(session, outbox_id)
            if email is not None:
                settled.append(email)
    return settled


def cancel_pending(session: Session, keys: list[str]) -> int:
    """Cancel the emails with these keys that no worker has claimed yet; returns how many.

    The conditional UPDATE races fairly with ``claim``: a row is either cancelled or sent.
    """
    if not keys:
        return 0
    return rowcount(session.execute(update(OutboxMessage).where(
        OutboxMessage.idempotency_key.in_(keys), OutboxMessage.status == "pending")
        .values(status="cancelled")))


def sent_by_owner(session: Session, owner_id: int, purposes: tuple[str, ...],
                  since: datetime) -> int:
    """Emails of these purposes claimed for sending to or for the owner since ``since``."""
    return int(session.scalar(select(func.count()).select_from(OutboxMessage).where(
        OutboxMessage.owner_id == owner_id, OutboxMessage.purpose.in_(purposes),
        OutboxMessage.status.in_(("sent", "sending", "unconfirmed", "uncertain")),
        OutboxMessage.claimed_at >= since)) or 0)


def acks_received_at(session: Session, emails: Sequence[OutgoingEmail]) -> dict[int, datetime]:
    """``ack_received_at`` for several emails in one SELECT: outbox id -> arrival."""
    inbound_of = {int(key): e.id for e in emails if e.purpose == "ack"
                  for key in [e.key.removeprefix("ack:")] if key.isdigit()}
    if not inbound_of:
        return {}
    rows = session.execute(select(InboundMessage.id, InboundMessage.received_at).where(
        InboundMessage.id.in_(list(inbound_of)))).all()
    return {inbound_of[row.id]: row.received_at for row in rows}


def ack_received_at(session: Session, outbox_id: int) -> datetime | None:
    """When the message an acknowledgement answers arrived in the store: the ack's key names
    it (``ack:<inbound id>``). None for any other email."""
    key = session.scalar(select(OutboxMessage.idempotency_key)
                         .where(OutboxMessage.id == outbox_id)) or ""
    inbound_id = key.removeprefix("ack:")
    if not inbound_id.isdigit():
        return None
    return session.scalar(select(InboundMessage.received_at)
                          .where(InboundMessage.id == int(inbound_id)))
