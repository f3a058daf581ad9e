"""The assistant's blind copy of a follow-up it sent: the delivery receipt.

A follow-up is sent with the assistant as a blind-copy recipient. When that copy comes back
into the mailbox, the follow-up was delivered to the relay: the outbox row is marked sent even
if the worker that sent it died between the SMTP transaction and its commit, so recovery never
sends it a second time.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from assistant.mail.headers import read_headers
from assistant.pipeline.followup import on_sent
from assistant.store.models import OutboxMessage

log = logging.getLogger(__name__)


def is_own_copy(raw: bytes, assistant_address: str) -> bool:
    """A message the assistant sent on an owner's behalf (Sender is the assistant)."""
    try:
        sender = read_headers(raw)["Sender"]
        addresses = sender.addresses if sender is not None else ()
    except (ValueError, TypeError, LookupError, AttributeError):
        return False
    return any(a.addr_spec.lower() == assistant_address.lower() for a in addresses)


def confirm(session: Session, message_id: str | None, now: datetime) -> bool:
    """Mark the follow-up with this Message-ID sent; True when the message was ours."""
    if not message_id:
        return False
    row = session.scalars(select(OutboxMessage).where(
        OutboxMessage.message_id == message_id.strip(),
        OutboxMessage.purpose == "followup")).first()
    if row is None:
        return False
    if row.status in ("pending", "sending"):
        session.execute(update(OutboxMessage).where(OutboxMessage.id == row.id)
                        .values(status="sent", sent_at=now))
        log.info("outbox %d confirmed sent by its blind copy", row.id)
    elif row.status != "sent":
        # Failed or cancelled: the relay only carries the copy along with an accepted
        # contact, so this copy is older than that outcome and confirms nothing.
        log.warning("outbox %d is %s; its blind copy confirms nothing", row.id, row.status)
        return True
    on_sent(session, row.id, now)
    return True
