"""Acknowledgements held for a combined email, kept in the outbox table.

A held acknowledgement is an outbox row like any other (key ``ack:<inbound id>``, purpose
``ack``) whose status is ``held`` and whose ``raw`` is the JSON of its section, not an email:
it is written in the transaction that processes its note, so it survives a crash, and its key
keeps it to one per note. When its window ends, the held rows of an owner are merged into one
combined email (key ``acks:<owner id>:<first inbound id>``) in one transaction: each becomes
``merged`` and takes the combined email's Message-ID with its section number (``<id>#3``),
which is how a reply to the combined email finds the note each section is about. The send
stage and recovery only look at ``pending`` rows, so a held row is never sent on its own.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from assistant.mail.compose import new_message_id
from assistant.store import deferred, ids, outbox
from assistant.store.db import insert_once, insert_returning_new, rowcount, table_of
from assistant.store.models import OutboxMessage

HELD = "held"
MERGED = "merged"
COMBINED_PREFIX = "acks:"


@dataclass(frozen=True)
class HeldAck:
    id: int
    inbound_id: int
    section: dict[str, object]


def outbox_key(owner_id: int | None) -> tuple[int, str]:
    """The ``deferred`` key of an owner's outbox rows kept for the end of a batch (no email
    or name key is empty)."""
    return (owner_id or 0, "")


class MergeRaced(Exception):
    """Raised when another flush merged some of these rows first (its transaction is undone)."""


def window_open(session: Session, owner_id: int, since: datetime) -> bool:
    """Whether a note of this owner's arriving now joins a burst: an acknowledgement was
    queued since ``since`` (alone or combined), or some are held already."""
    deferred.flush_if_touching(session, [outbox_key(owner_id)])  # one queued in this batch
    return session.scalar(select(OutboxMessage.id).where(
        OutboxMessage.owner_id == owner_id, OutboxMessage.purpose == "ack",
        or_(OutboxMessage.status == HELD,
            and_(OutboxMessage.created_at > since, OutboxMessage.status != "cancelled")))
        .limit(1)) is not None


def hold(session: Session, *, inbound_id: int, owner_id: int, section: Mapping[str, object],
         envelope_from: str, recipient: str, now: datetime) -> None:
    """Keep one note's section until its window ends (once per note)."""
    insert_once(session, OutboxMessage, {
        "idempotency_key": f"ack:{inbound_id}", "owner_id": owner_id, "purpose": "ack",
        "message_id": new_message_id(envelope_from), "envelope_from": envelope_from,
        "recipients": json.dumps([recipient]), "raw": json.dumps(section).encode("utf-8"),
        "status": HELD, "attempts": 0, "created_at": now}, unique=["idempotency_key"])


def queue_raw(session: Session, *, key: str, owner_id: int | None, purpose: str,
              message_id: str, raw: bytes, envelope_from: str, recipients: list[str],
              now: datetime) -> int:
    """``outbox.add`` for an email already written as bytes (``compose_bytes``).

    In a batch of notes that drew outbox ids (``ids``), the row is written with the batch's
    deferred rows, under its drawn id; a row with the same key written meanwhile by another
    worker (which finished the note first) makes that write raise ``RowsMissed``, and the
    batch is undone as when the note's status was taken."""
    values = {
        "idempotency_key": key, "owner_id": owner_id, "purpose": purpose,
        "message_id": message_id, "envelope_from": envelope_from,
        "recipients": json.dumps(recipients), "raw": raw, "status": "pending",
        "attempts": 0, "created_at": now}
    drawn = ids.take(session, ids.OUTBOX)
    if drawn is not None:
        deferred.add(session, insert_returning_new(session.get_bind().dialect.name,
                                                   table_of(OutboxMessage), ("idempotency_key",)),
                     [{"id": drawn, **values}], keys=[outbox_key(owner_id)], each_matches=True)
        return drawn
    new_id = insert_once(session, OutboxMessage, values, unique=["idempotency_key"])
    if new_id is not None:
        return new_id
    return int(session.scalar(select(OutboxMessage.id)
                              .where(OutboxMessage.idempotency_key == key)) or 0)


def owners_holding(session: Session) -> list[int]:
    return [o for o in session.scalars(select(OutboxMessage.owner_id).where(
        OutboxMessage.status == HELD, OutboxMessage.owner_id.is_not(None)).distinct())
            if o is not None]


def last_sent_at(session: Session, owner_id: int) -> datetime | None:
    """When the owner's latest acknowledgement email (alone or combined) was queued."""
    return session.scalar(select(func.max(OutboxMessage.created_at)).where(
        OutboxMessage.owner_id == owner_id, OutboxMessage.purpose == "ack",
        OutboxMessage.status.not_in((HELD, MERGED, "cancelled"))))


def held(session: Session, owner_id: int, limit: int) -> list[HeldAck]:
    rows = session.execute(select(OutboxMessage.id, OutboxMessage.idempotency_key,
                                  OutboxMessage.raw).where(
        OutboxMessage.owner_id == owner_id, OutboxMessage.status == HELD)
        .order_by(OutboxMessage.id).limit(limit)).all()
    return [HeldAck(row.id, int(row.idempotency_key.removeprefix("ack:")),
                    json.loads(row.raw)) for row in rows]


def merge(session: Session, *, owner_id: int, parts: list[HeldAck], message: EmailMessage,
          recipient: str, now: datetime) -> int:
    """The combined email queued and its parts marked merged, all or nothing."""
    combined_id = outbox.add(session, key=f"{COMBINED_PREFIX}{owner_id}:{parts[0].inbound_id}",
                             owner_id=owner_id, purpose="ack", message=message,
                             envelope_from=str(message["From"].addresses[0].addr_spec),
                             recipients=[recipient], now=now)
    message_id = str(message["Message-ID"])
    for number, part in enumerate(parts, start=1):
        done = session.execute(update(OutboxMessage).where(
            OutboxMessage.id == part.id, OutboxMessage.status == HELD).values(
            status=MERGED, message_id=f"{message_id}#{number}"))
        if rowcount(done) != 1:
            raise MergeRaced(part.id)
    return combined_id


def combined_answered(session: Session, owner_id: int,
                      message_ids: list[str]) -> list[HeldAck] | None:
    """The sections, in order, of the combined acknowledgement among ``message_ids`` (a
    reply's In-Reply-To and References), or None when they name none."""
    for message_id in message_ids:
        key = session.scalar(select(OutboxMessage.idempotency_key).where(
            OutboxMessage.message_id == message_id, OutboxMessage.owner_id == owner_id))
        if key and key.startswith(COMBINED_PREFIX):
            return sections_of(session, owner_id, message_id)
    return None


def sections_of(session: Session, owner_id: int, message_id: str) -> list[HeldAck]:
    rows = session.execute(select(OutboxMessage.id, OutboxMessage.idempotency_key,
                                  OutboxMessage.message_id, OutboxMessage.raw)
                           .where(OutboxMessage.owner_id == owner_id,
                                  OutboxMessage.status == MERGED,
                                  OutboxMessage.message_id.startswith(f"{message_id}#",
                                                                      autoescape=True))).all()
    numbered = sorted(((int(row.message_id.rpartition("#")[2]), row) for row in rows),
                      key=lambda pair: pair[0])
    return [HeldAck(row.id, int(row.idempotency_key.removeprefix("ack:")), json.loads(row.raw))
            for _, row in numbered]
