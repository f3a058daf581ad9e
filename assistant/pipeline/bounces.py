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

from sqlalchemy import select, update
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
    session.execute(update(ContactEmail).where(
        ContactEmail.owner_id == sent.owner_id,
        ContactEmail.email.in_(bounce.failed_recipients)).values(bad=True))
    session.execute(update(OutboxMessage).where(OutboxMessage.id == sent.id).values(
        status="failed", last_error=f"bounced: {bounce.status}"))
    session.execute(update(FollowUp).where(FollowUp.sent_outbox_id == sent.id)
                    .values(status="bounced"))
    owner = owners.owner_by_id(session, sent.owner_id)
    if owner is None or sent.purpose != "followup":
        return None
    names = list(session.scalars(select(Contact.name).join(ContactEmail).where(
        ContactEmail.owner_id == owner.id, ContactEmail.email.in_(bounce.failed_recipients))))
    return queue_to_owner(app, session, key=f"bounce:{record.id}", purpose="bounce",
                          owner=owner, raw=b"", template="bounce", now=now,
                          context={"addresses": list(bounce.failed_recipients),
                                   "names": [n for n in names if n], "status": bounce.status})
