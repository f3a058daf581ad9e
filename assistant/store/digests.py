"""Digests in the store: the emails that list drafts by number, their items, the owner's mode."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from assistant.store.db import rowcount
from assistant.store.models import (
    ApprovalMode,
    ApprovalToken,
    Contact,
    Digest,
    DigestItem,
    FollowUp,
    Owner,
)

AUTO, DIGEST, EACH = "auto", "digest", "each"


@dataclass(frozen=True)
class DigestRecord:
    id: int
    owner_id: int
    kind: str
    nonce: str
    message_id: str
    expires_at: datetime
    items: tuple[tuple[int, int, str], ...]  # (number, follow-up id, fingerprint)


def fingerprint(to_address: str | None, subject: str | None, body: str | None) -> str:
    """What the owner saw of a draft: a bulk answer sends it only while this still matches."""
    text = "\x1f".join([to_address or "", subject or "", body or ""])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def mode_of(session: Session, owner_id: int) -> str:
    return session.scalar(select(ApprovalMode.mode).where(ApprovalMode.owner_id == owner_id)) \
        or AUTO


def set_mode(session: Session, owner_id: int, mode: str, now: datetime) -> None:
    row = session.get(ApprovalMode, owner_id)
    if row is None:
        session.add(ApprovalMode(owner_id=owner_id, mode=mode, updated_at=now))
    else:
        row.mode, row.updated_at = mode, now
    session.flush()


def add(session: Session, *, owner_id: int, kind: str, nonce: str, message_id: str,
        expires_at: datetime, followup_ids: list[int], now: datetime) -> int:
    """A digest and its items numbered from 1 in the order given."""
    row = Digest(owner_id=owner_id, kind=kind, nonce=nonce, message_id=message_id,
                 expires_at=expires_at, created_at=now)
    session.add(row)
    session.flush()
    for number, followup_id in enumerate(followup_ids, start=1):
        draft = session.get(FollowUp, followup_id)
        assert draft is not None
        session.add(DigestItem(digest_id=row.id, number=number, followup_id=followup_id,
                               fingerprint=fingerprint(draft.to_address, draft.subject,
                                                       draft.body)))
    session.flush()
    return row.id


def load(session: Session, digest_id: int) -> DigestRecord | None:
    row = session.get(Digest, digest_id)
    if row is None:
        return None
    items = session.execute(select(DigestItem.number, DigestItem.followup_id,
                                   DigestItem.fingerprint)
                            .where(DigestItem.digest_id == digest_id)
                            .order_by(DigestItem.number)).all()
    return DigestRecord(row.id, row.owner_id, row.kind, row.nonce, row.message_id,
                        row.expires_at, tuple((i.number, i.followup_id, i.fingerprint)
                                              for i in items))


def by_nonce(session: Session, nonce: str) -> DigestRecord | None:
    found = session.scalar(select(Digest.id).where(Digest.nonce == nonce))
    return load(session, found) if found is not None else None


def by_message_id(session: Session, message_ids: list[str]) -> DigestRecord | None:
    if not message_ids:
        return None
    found = session.scalar(select(Digest.id).where(Digest.message_id.in_(message_ids))
                           .order_by(Digest.id.desc()))
    return load(session, found) if found is not None else None


def due_together(session: Session, owner_id: int, now: datetime) -> tuple[int, int]:
    """(drafts still to write now, drafts written and shown in no email yet) for an owner."""
    to_write = session.scalar(
        select(func.count(FollowUp.id)).join(Contact, Contact.id == FollowUp.contact_id)
        .join(Owner, Owner.id == FollowUp.owner_id)
        .where(FollowUp.owner_id == owner_id, Owner.paused.is_(False),
               ((FollowUp.status == "scheduled") & (FollowUp.due_at <= now)
                & (Contact.status == "active")) | (FollowUp.status == "drafting"))) or 0
    return to_write, len(unshown(session, owner_id))


def unshown(session: Session, owner_id: int) -> list[int]:
    return list(session.scalars(select(FollowUp.id).where(
        FollowUp.owner_id == owner_id, FollowUp.status == "awaiting_approval",
        FollowUp.approval_message_id.is_(None)).order_by(FollowUp.due_at, FollowUp.id)))


def claim_unshown(session: Session, followup_ids: list[int], message_id: str) -> list[int]:
    """The drafts this email shows: of two jobs gathering at once, each draft goes to one."""
    claimed = []
    for followup_id in followup_ids:
        done = session.execute(update(FollowUp).where(
            FollowUp.id == followup_id, FollowUp.approval_message_id.is_(None))
            .values(approval_message_id=message_id))
        if rowcount(done) == 1:
            claimed.append(followup_id)
    return claimed


def waiting(session: Session, owner_id: int) -> list[int]:
    """Every draft of the owner waiting for an answer, oldest first."""
    return list(session.scalars(select(FollowUp.id).where(
        FollowUp.owner_id == owner_id, FollowUp.status == "awaiting_approval")
        .order_by(FollowUp.drafted_at, FollowUp.id)))


def expired(session: Session, owner_id: int, now: datetime) -> list[int]:
    """Drafts waiting whose every approval token has expired (none open and current)."""
    current = select(ApprovalToken.followup_id).where(ApprovalToken.used_at.is_(None),
                                                      ApprovalToken.expires_at > now)
    return list(session.scalars(select(FollowUp.id).where(
        FollowUp.owner_id == owner_id, FollowUp.status == "awaiting_approval",
        FollowUp.approval_message_id.is_not(None), FollowUp.id.not_in(current))
        .order_by(FollowUp.drafted_at, FollowUp.id)))
