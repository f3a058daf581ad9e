"""Follow-ups, approval tokens and resources in the store."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from assistant.store import deferred
from assistant.store.db import insert_ignoring, insert_once, rowcount, table_of
from assistant.store.models import (
    ApprovalToken,
    Contact,
    ContactEmail,
    FollowUp,
    Owner,
    Resource,
)

OPEN_STATUSES = ("scheduled", "awaiting_approval", "approved")
UNSHOWN_GRACE = timedelta(minutes=2)


@dataclass(frozen=True)
class FollowUpRecord:
    id: int
    owner_id: int
    contact_id: int
    sequence: int
    status: str
    due_at: datetime
    to_address: str | None
    subject: str | None
    body: str | None
    value_adds: tuple[tuple[str, str, str], ...]
    placeholders: tuple[str, ...]
    approval_message_id: str | None
    sent_at: datetime | None
    source_inbound_id: int | None


def _record(row: FollowUp) -> FollowUpRecord:
    return FollowUpRecord(
        id=row.id, owner_id=row.owner_id, contact_id=row.contact_id, sequence=row.sequence,
        status=row.status, due_at=row.due_at, to_address=row.to_address, subject=row.subject,
        body=row.body, value_adds=tuple(tuple(v) for v in json.loads(row.value_adds or "[]")),
        placeholders=tuple(json.loads(row.placeholders or "[]")),
        approval_message_id=row.approval_message_id, sent_at=row.sent_at,
        source_inbound_id=row.source_inbound_id)


def schedule(session: Session, *, owner_id: int, contact_id: int, sequence: int,
             due_at: datetime, now: datetime, inbound_id: int | None = None) -> int | None:
    """A follow-up for (contact, sequence) once; None when it already exists."""
    return insert_once(session, FollowUp, {
        "owner_id": owner_id, "contact_id": contact_id, "sequence": sequence,
        "status": "scheduled", "due_at": due_at, "source_inbound_id": inbound_id,
        "created_at": now}, unique=["contact_id", "sequence"])


def schedule_first_touches(session: Session, *, owner_id: int, contact_ids: list[int],
                           due_at: datetime, now: datetime, inbound_id: int | None) -> None:
    """``schedule(sequence=1)`` for each contact, returning nothing: the rows are written at
    the end of the batch being written (``deferred``), or now outside one."""
    statement = insert_ignoring(session.get_bind().dialect.name, table_of(FollowUp),
                                ("contact_id", "sequence"))
    deferred.add(session, statement, [
        {"owner_id": owner_id, "contact_id": contact_id, "sequence": 1, "status": "scheduled",
         "due_at": due_at, "source_inbound_id": inbound_id, "created_at": now}
        for contact_id in contact_ids])


def load(session: Session, followup_id: int) -> FollowUpRecord | None:
    row = session.get(FollowUp, followup_id)
    return _record(row) if row else None


def by_approval_message_id(session: Session, message_ids: list[str]) -> FollowUpRecord | None:
    if not message_ids:
        return None
    row = session.scalars(select(FollowUp).where(
        FollowUp.approval_message_id.in_(message_ids))).first()
    return _record(row) if row else None


def due_ids(session: Session, now: datetime, limit: int = 500) -> list[int]:
    """Scheduled follow-ups whose time has come, for owners not paused and contacts active;
    then drafts saved for a digest that no email shows minutes later (the job that should have
    gathered them died after its commit): their job gathers them."""
    due = list(session.scalars(
        select(FollowUp.id).join(Owner, Owner.id == FollowUp.owner_id)
        .join(Contact, Contact.id == FollowUp.contact_id)
        .where(FollowUp.status == "scheduled", FollowUp.due_at <= now,
               Owner.paused.is_(False), Contact.status == "active")
        .order_by(FollowUp.due_at).limit(limit)))
    unshown = session.scalars(
        select(func.min(FollowUp.id)).join(Owner, Owner.id == FollowUp.owner_id)
        .where(FollowUp.status == "awaiting_approval", FollowUp.approval_message_id.is_(None),
               FollowUp.drafted_at <= now - UNSHOWN_GRACE, Owner.paused.is_(False))
        .group_by(FollowUp.owner_id))
    return due + [i for i in unshown if i is not None]


def set_status(session: Session, followup_id: int, status: str, now: datetime,
               expected: tuple[str, ...] | None = None) -> bool:
    """Conditional status change: False when the row was not in an ``expected`` status."""
    query = update(FollowUp).where(FollowUp.id == followup_id)
    if expected:
        query = query.where(FollowUp.status.in_(expected))
    return rowcount(session.execute(query.values(status=status, decided_at=now))) == 1


def save_draft(session: Session, followup_id: int, *, to_address: str, subject: str, body: str,
               value_adds: list[tuple[str, str, str]], placeholders: list[str],
               now: datetime, approval_message_id: str | None = None) -> None:
    """The draft, waiting for the owner; ``approval_message_id`` is set once an email shows
    it (its own approval request, or a digest)."""
    session.execute(update(FollowUp).where(FollowUp.id == followup_id).values(
        status="awaiting_approval", to_address=to_address, subject=subject, body=body,
        value_adds=json.dumps(value_adds), placeholders=json.dumps(placeholders),
        approval_message_id=approval_message_id, drafted_at=now))


def set_approval_message_id(session: Session, followup_id: int, message_id: str) -> None:
    session.execute(update(FollowUp).where(FollowUp.id == followup_id).values(
        approval_message_id=message_id))


def snooze(session: Session, followup_id: int, due_at: datetime, now: datetime) -> None:
    session.execute(update(FollowUp).where(FollowUp.id == followup_id).values(
        status="scheduled", due_at=due_at, decided_at=now))


def mark_sent(session: Session, followup_id: int, outbox_id: int, now: datetime) -> None:
    session.execute(update(FollowUp).where(FollowUp.id == followup_id).values(
        status="sent", sent_outbox_id=outbox_id, sent_at=now))



def cancel_open(session: Session, contact_id: int, status: str, now: datetime) -> int:
    """Close every open follow-up of a contact (``cancelled`` on a reply, ``stopped``)."""
    return rowcount(session.execute(update(FollowUp).where(
        FollowUp.contact_id == contact_id, FollowUp.status.in_(OPEN_STATUSES))
        .values(status=status, decided_at=now)))


def approvals_sent(session: Session, followup_id: int) -> int:
    return len(session.scalars(select(ApprovalToken.id).where(
        ApprovalToken.followup_id == followup_id)).all())


def add_token(session: Session, *, nonce: str, owner_id: int, followup_id: int,
              expires_at: datetime, now: datetime) -> None:
    session.add(ApprovalToken(nonce=nonce, owner_id=owner_id, followup_id=followup_id,
                              expires_at=expires_at, created_at=now))
    session.flush()


@dataclass(frozen=True)
class TokenRow:
    nonce: str
    owner_id: int
    followup_id: int
    expires_at: datetime
    used_at: datetime | None


def find_token(session: Session, nonce: str) -> TokenRow | None:
    row = session.scalars(select(ApprovalToken).where(ApprovalToken.nonce == nonce)).first()
    if row is None:
        return None
    return TokenRow(row.nonce, row.owner_id, row.followup_id, row.expires_at, row.used_at)


def use_token(session: Session, nonce: str, now: datetime) -> bool:
    """Single use: the conditional update succeeds for exactly one answer."""
    return rowcount(session.execute(update(ApprovalToken).where(
        ApprovalToken.nonce == nonce, ApprovalToken.used_at.is_(None))
        .values(used_at=now))) == 1


def latest_token(session: Session, followup_id: int) -> TokenRow | None:
    row = session.scalars(select(ApprovalToken).where(ApprovalToken.followup_id == followup_id)
                          .order_by(ApprovalToken.id.desc())).first()
    if row is None:
        return None
    return TokenRow(row.nonce, row.owner_id, row.followup_id, row.expires_at, row.used_at)


def use_all_tokens(session: Session, followup_id: int, now: datetime) -> None:
    """Every open token of a draft answered another way (a digest): an older link is spent."""
    session.execute(update(ApprovalToken).where(ApprovalToken.followup_id == followup_id,
                                                ApprovalToken.used_at.is_(None))
                    .values(used_at=now))


def contact_ids_for_address(session: Session, address: str) -> list[tuple[int, int]]:
    """(owner_id, contact_id) of every contact with this email, across owners."""
    rows = session.execute(select(ContactEmail.owner_id, ContactEmail.contact_id).where(
        ContactEmail.email == address.lower())).all()
    return [(r.owner_id, r.contact_id) for r in rows]


def add_resource(session: Session, *, owner_id: int, title: str, url: str,
                 tags: tuple[str, ...], note: str, now: datetime) -> bool:
    exists = session.scalar(select(Resource.id).where(Resource.owner_id == owner_id,
                                                      Resource.url == url))
    if exists is not None:
        return False
    session.add(Resource(owner_id=owner_id, title=title, url=url, tags=" ".join(tags),
                         note=note, created_at=now))
    session.flush()
    return True


def list_resources(session: Session, owner_id: int) -> list[Resource]:
    return list(session.scalars(select(Resource).where(Resource.owner_id == owner_id)
                                .order_by(Resource.id)))
