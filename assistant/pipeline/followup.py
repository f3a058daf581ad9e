"""The follow-up lifecycle around a send: first scheduling, the second touch, replies.

- A new contact with an email gets its first follow-up due the next business morning (or the
  date the note asks for).
- When a follow-up is sent, the second touch is scheduled N business days later.
- When the contact answers (the assistant sees their mail: BCC, CC, a forward), the reply is
  recorded and any open follow-up of theirs is cancelled. Their mail is never answered.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.domain import OwnerProfile, StoredContact
from assistant.scheduling import first_draft_due, may_draft_again, second_draft_due
from assistant.store import followups
from assistant.store.models import Contact, FollowUp, Interaction, OutboxMessage

log = logging.getLogger(__name__)

SECOND_TOUCH_BUSINESS_DAYS = 4


def schedule_first(session: Session, owner: OwnerProfile, contacts: list[StoredContact],
                   inbound_id: int, received_at: datetime, note_text: str | None,
                   now: datetime) -> datetime | None:
    """Schedule a first follow-up for each contact that has an email and none yet."""
    due = first_draft_due(received_at, owner.timezone, owner.region, owner.followup_hour,
                          note_text or None, now=now)
    chosen = [contact.id for contact in contacts
              if contact.emails and (contact.created or not _stopped(session, contact.id))]
    followups.schedule_first_touches(session, owner_id=owner.id, contact_ids=chosen,
                                     due_at=due, now=now, inbound_id=inbound_id)
    return due if chosen else None


def on_sent(session: Session, outbox_id: int, now: datetime) -> None:
    """After a follow-up's SMTP transaction: mark it sent, schedule the second touch."""
    purpose = session.scalar(select(OutboxMessage.purpose).where(OutboxMessage.id == outbox_id))
    key = session.scalar(select(OutboxMessage.idempotency_key)
                         .where(OutboxMessage.id == outbox_id))
    if purpose != "followup" or not key:
        return
    record = followups.load(session, int(key.split(":", 1)[1]))
    # The conditional update is the guard: the send step and the blind-copy receipt may
    # both get here; only the first one records the send.
    if record is None or not followups.set_status(session, record.id, "sent", now,
                                                  expected=("approved",)):
        return
    followups.mark_sent(session, record.id, outbox_id, now)
    contact = session.get(Contact, record.contact_id)
    if contact is None:
        return
    contact.last_touch_at = now
    session.add(Interaction(owner_id=record.owner_id, contact_id=contact.id, inbound_id=None,
                            kind="followup_sent", occurred_at=now,
                            summary=record.subject))
    if may_draft_again(record.sequence):
        _schedule_second(session, record.owner_id, contact.id, now)


def _schedule_second(session: Session, owner_id: int, contact_id: int, now: datetime) -> None:
    from assistant.store.owners import owner_by_id

    owner = owner_by_id(session, owner_id)
    if owner is None:
        return
    due = second_draft_due(now, owner.timezone, owner.region, owner.followup_hour,
                           SECOND_TOUCH_BUSINESS_DAYS)
    followups.schedule(session, owner_id=owner_id, contact_id=contact_id, sequence=2,
                       due_at=due, now=now)


def record_contact_reply(session: Session, inbound_id: int, sender: str,
                         now: datetime) -> int:
    """Mail from a known contact who was followed up: record it, cancel what is open.

    Returns how many contacts (across owners) it counted for.
    """
    counted = 0
    for owner_id, contact_id in followups.contact_ids_for_address(session, sender):
        was_followed_up = session.scalar(select(FollowUp.id).where(
            FollowUp.contact_id == contact_id, FollowUp.status == "sent"))
        if was_followed_up is None:
            continue
        contact = session.get(Contact, contact_id)
        if contact is not None:
            contact.last_reply_at = now
            contact.last_touch_at = now
        session.add(Interaction(owner_id=owner_id, contact_id=contact_id, inbound_id=inbound_id,
                                kind="reply_received", occurred_at=now))
        followups.cancel_open(session, contact_id, "cancelled", now)
        counted += 1
    return counted


def _stopped(session: Session, contact_id: int) -> bool:
    return session.scalar(select(Contact.status).where(Contact.id == contact_id)) == "stopped"
