"""Linked accounts: an owner's own mailbox (IMAP + SMTP submission), and where its reply
watcher resumes. No secret is stored here (see ``assistant.mail.accounts``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from assistant.store.db import rowcount
from assistant.store.models import LinkedAccount, OutboxMessage, OwnerAddress

AUTH_KINDS = ("password", "xoauth2")


@dataclass(frozen=True)
class LinkedMailbox:
    owner_id: int
    address: str  # the owner's primary address: From and envelope sender of follow-ups
    imap_url: str
    smtp_url: str
    auth: str
    sent_folder: str | None
    sent_filed: bool | None
    uidvalidity: int | None
    last_uid: int | None


def link(session: Session, owner_id: int, *, imap_url: str, smtp_url: str, auth: str,
         sent_folder: str | None, now: datetime) -> None:
    """Link (or re-link) an owner's mailbox; a new link starts learning the provider anew."""
    row = session.scalars(select(LinkedAccount).where(LinkedAccount.owner_id == owner_id)).first()
    if row is None:
        row = LinkedAccount(owner_id=owner_id, created_at=now)
        session.add(row)
    row.imap_url, row.smtp_url, row.auth = imap_url, smtp_url, auth
    row.sent_folder, row.sent_filed = sent_folder, None
    row.uidvalidity, row.last_uid, row.updated_at = None, None, now
    session.flush()


def unlink(session: Session, owner_id: int) -> bool:
    result = session.execute(delete(LinkedAccount).where(LinkedAccount.owner_id == owner_id))
    return bool(getattr(result, "rowcount", 0))


def linked_for(session: Session, owner_id: int | None) -> LinkedMailbox | None:
    if owner_id is None:
        return None
    row = session.scalars(select(LinkedAccount).where(LinkedAccount.owner_id == owner_id)).first()
    return _mailbox(session, row) if row is not None else None


def all_linked(session: Session) -> list[LinkedMailbox]:
    rows = session.scalars(select(LinkedAccount).order_by(LinkedAccount.owner_id)).all()
    return [_mailbox(session, row) for row in rows]


def set_sent_filed(session: Session, owner_id: int, filed: bool, folder: str,
                   now: datetime) -> None:
    session.execute(update(LinkedAccount).where(LinkedAccount.owner_id == owner_id)
                    .values(sent_filed=filed, sent_folder=folder, updated_at=now))


def set_position(session: Session, owner_id: int, uidvalidity: int, last_uid: int,
                 now: datetime) -> None:
    session.execute(update(LinkedAccount).where(LinkedAccount.owner_id == owner_id)
                    .values(uidvalidity=uidvalidity, last_uid=last_uid, updated_at=now))


def _mailbox(session: Session, row: LinkedAccount) -> LinkedMailbox:
    address = session.scalar(select(OwnerAddress.address).where(
        OwnerAddress.owner_id == row.owner_id).order_by(OwnerAddress.id)) or ""
    return LinkedMailbox(owner_id=row.owner_id, address=address, imap_url=row.imap_url,
                         smtp_url=row.smtp_url, auth=row.auth, sent_folder=row.sent_folder,
                         sent_filed=row.sent_filed, uidvalidity=row.uidvalidity,
                         last_uid=row.last_uid)


# -- outbox rows of follow-ups sent through an owner's own server ---------------------------

def mark_submitting(session: Session, outbox_id: int) -> bool:
    """Just before DATA at the owner's server: from here on the follow-up may have left, so
    it is never sent again without the Sent folder saying it did not."""
    return rowcount(session.execute(update(OutboxMessage).where(
        OutboxMessage.id == outbox_id, OutboxMessage.status == "sending").values(
        status="unconfirmed",
        last_error="submitted through the owner's server; the Sent folder is its receipt"))) == 1


def confirm_sent(session: Session, outbox_id: int, now: datetime) -> bool:
    return rowcount(session.execute(update(OutboxMessage).where(
        OutboxMessage.id == outbox_id,
        OutboxMessage.status.in_(("sending", "unconfirmed"))).values(
        status="sent", sent_at=now, last_error=None))) == 1


def release(session: Session, outbox_id: int, status: str) -> bool:
    return rowcount(session.execute(update(OutboxMessage).where(
        OutboxMessage.id == outbox_id, OutboxMessage.status == status).values(
        status="pending", last_error="not in the owner's Sent folder: it never left"))) == 1


def postpone(session: Session, outbox_id: int, status: str, now: datetime) -> None:
    """The Sent folder could not be read: the row waits one more lease before anything."""
    session.execute(update(OutboxMessage).where(
        OutboxMessage.id == outbox_id, OutboxMessage.status == status).values(claimed_at=now))
