"""Bounces: a follow-up that could not be delivered marks the address bad and tells the owner.

A bounce is an RFC 3464 delivery status notification or a plain-text one in a common MTA's
shape (see ``guard.read_bounce``); both are handled alike. The bounce itself is never answered
(RFC 3834 2): the owner is told at their registered address.
"""

from __future__ import annotations

import email
import email.policy
import logging
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from assistant.app import App
from assistant.pipeline.guard import Bounce, read_bounce
from assistant.pipeline.notify import queue_to_owner
from assistant.store import owners
from assistant.store.inbound import InboundRecord
from assistant.store.models import Contact, ContactEmail, FollowUp, OutboxMessage

log = logging.getLogger(__name__)


def read(raw: bytes) -> Bounce | None:
    """The bounce in these bytes, or None when they are no mail system's failure report."""
    try:
        return read_bounce(email.message_from_bytes(raw, policy=email.policy.default))
    except (ValueError, TypeError, LookupError, IndexError):
        return None


def handle(app: App, session: Session, record: InboundRecord, bounce: Bounce,
           now: datetime) -> int | None:
    """Mark the bounced addresses bad for the owner who sent the message; tell that owner."""
    sent = session.scalars(select(OutboxMessage).where(
        OutboxMessage.message_id == (bounce.original_message_id or ""))).first()
    if sent is None or sent.owner_id is None or not bounce.failed_recipients:
        log.info("bounce %d matches no message the assistant sent; kept, not answered",
                 record.id)
        return None
    session.execute(update(OutboxMessage).where(OutboxMessage.id == sent.id).values(
        status="failed", last_error=f"bounced: {bounce.status}"))
    return undelivered(app, session, owner_id=sent.owner_id, outbox_id=sent.id,
                       bad=list(bounce.failed_recipients), status=bounce.status,
                       key=f"bounce:{record.id}", purpose="bounce", now=now,
                       tell=sent.purpose == "followup")


def undelivered(app: App, session: Session, *, owner_id: int, outbox_id: int,
                bad: list[str], status: str, key: str, purpose: str, now: datetime,
                tell: bool = True, recipients: list[str] | None = None) -> int | None:
    """A follow-up that did not arrive (bounced, or refused for good by the relay): the
    ``bad`` addresses are marked so, the follow-up becomes ``bounced``, and the owner is told
    once under ``key``. ``recipients`` names who it was for when no address is to blame (the
    relay refused the message itself)."""
    session.execute(update(ContactEmail).where(
        ContactEmail.owner_id == owner_id, ContactEmail.email.in_(bad)).values(bad=True))
    session.execute(update(FollowUp).where(
        FollowUp.owner_id == owner_id,
        or_(FollowUp.sent_outbox_id == outbox_id, FollowUp.id == followup_of(session, outbox_id)))
        .values(status="bounced"))
    owner = owners.owner_by_id(session, owner_id)
    if owner is None or not tell:
        return None
    addresses = bad or recipients or []
    names = list(session.scalars(select(Contact.name).join(ContactEmail).where(
        ContactEmail.owner_id == owner.id, ContactEmail.email.in_(addresses))))
    return queue_to_owner(app, session, key=key, purpose=purpose, owner=owner, raw=b"",
                          template="bounce", now=now,
                          context={"addresses": addresses, "names": [n for n in names if n],
                                   "status": status, "marked_bad": bool(bad)})


def followup_of(session: Session, outbox_id: int) -> int:
    """The follow-up whose email this is (outbox key ``followup:<id>``), else -1."""
    key = session.scalar(select(OutboxMessage.idempotency_key)
                         .where(OutboxMessage.id == outbox_id)) or ""
    prefix, _, number = key.partition(":")
    return int(number) if prefix == "followup" and number.isdigit() else -1
