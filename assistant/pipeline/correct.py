"""Stage: the owner's reply to an acknowledgement corrects what was read.

The acknowledgement says what the assistant read ("Jane Okafor, CTO at Lumenfield") and asks
to be told when it is wrong. The owner's reply names the field ("title: CEO", "Jane is CEO
now", "her email is ..."): the value the owner gives replaces what was read, unlike a new
note, which only fills empty fields. Only the people that acknowledgement named can be
corrected, found through In-Reply-To/References (RFC 5322 3.6.4) and the acknowledgement's
outbox row. Each change is kept as a fact from the reply (its provenance), and one email
confirms what changed, what it was, and what was not understood.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.app import App
from assistant.domain import OwnerProfile
from assistant.mail.headers import HEADER_ERRORS, read_headers
from assistant.parsing.corrections import Correction, read_corrections
from assistant.parsing.mime import read_message
from assistant.parsing.replies import above_quote
from assistant.pipeline.notify import queue_to_owner
from assistant.store import followups, held_acks
from assistant.store.contacts import name_key
from assistant.store.models import (
    Contact,
    ContactEmail,
    ContactFact,
    ContactPhone,
    Interaction,
    OutboxMessage,
)

log = logging.getLogger(__name__)

ACK_KEY = "ack:"


@dataclass(frozen=True)
class Change:
    person: str
    field: str
    value: str
    was: str | None
    problem: str | None = None


def correct_from_reply(app: App, session: Session, owner: OwnerProfile, inbound_id: int,
                       raw: bytes, now: datetime) -> int | None:
    """Apply the corrections in a reply to an acknowledgement and queue the confirmation;
    None when the message answers no acknowledgement or names no field."""
    people = acknowledged(session, owner.id, raw)
    if not people:
        return None
    text = above_quote(read_message(raw).text)
    found = read_corrections(text, [c.name or "" for c in people], owner.region)
    if not found.changes and not found.unclear:
        return None
    changes = [_apply(session, owner.id, people[c.person], c, inbound_id, now)
               for c in found.changes]
    log.info("inbound %d corrected %d field(s)", inbound_id, len(changes))
    return queue_to_owner(app, session, key=f"corrected:{inbound_id}", purpose="command",
                          owner=owner, raw=raw, template="corrected", now=now,
                          context={"changes": [c.__dict__ for c in changes],
                                   "unclear": list(found.unclear)})


def acknowledged(session: Session, owner_id: int, raw: bytes) -> list[Contact]:
    """The people named in the acknowledgement this message answers, in its order."""
    try:
        headers = read_headers(raw)
    except HEADER_ERRORS:
        return []
    ids = " ".join(str(headers.get(name) or "") for name in ("In-Reply-To", "References"))
    answered = [part for part in ids.split() if part.startswith("<")]
    if not answered:
        return []
    keys = session.scalars(select(OutboxMessage.idempotency_key).where(
        OutboxMessage.owner_id == owner_id, OutboxMessage.message_id.in_(answered),
        OutboxMessage.idempotency_key.startswith(ACK_KEY))).all()
    inbound_ids = [int(key[len(ACK_KEY):]) for key in keys if key[len(ACK_KEY):].isdigit()]
    combined = held_acks.combined_answered(session, owner_id, answered) or []
    inbound_ids += [section.inbound_id for section in combined]  # one email for a burst
    if not inbound_ids:
        return []
    contact_ids = session.scalars(select(Interaction.contact_id).where(
        Interaction.owner_id == owner_id, Interaction.inbound_id.in_(inbound_ids))
        .order_by(Interaction.id)).all()
    ordered = list(dict.fromkeys(contact_ids))
    found = {c.id: c for c in session.scalars(select(Contact).where(Contact.id.in_(ordered)))}
    return [found[i] for i in ordered if i in found]


def _apply(session: Session, owner_id: int, contact: Contact, change: Correction,
           inbound_id: int, now: datetime) -> Change:
    person = contact.name or (contact.emails[0].email if contact.emails else "them")
    if change.field == "remove":  # "not a contact": kept for the record, never written to
        contact.status = "removed"
        contact.updated_at = now
        followups.cancel_open(session, contact.id, "cancelled", now)
        return Change(person, "remove", "", None)
    if change.field == "email":
        return _set_email(session, owner_id, contact, person, change.value, inbound_id, now)
    if change.field == "phone":
        was_phone = contact.phones[0].phone if contact.phones else None
        for phone in list(contact.phones):
            session.delete(phone)
        session.flush()
        session.add(ContactPhone(contact_id=contact.id, phone=change.value))
        _fact(session, contact, "phone", change.value, inbound_id, now)
        return Change(person, "phone", change.value, was_phone)
    was = getattr(contact, change.field)
    setattr(contact, change.field, change.value)
    if change.field == "name":
        contact.name_key = name_key(change.value)
    contact.updated_at = now
    _fact(session, contact, change.field, change.value, inbound_id, now)
    return Change(person, change.field, change.value, was)


def _set_email(session: Session, owner_id: int, contact: Contact, person: str, value: str,
               inbound_id: int, now: datetime) -> Change:
    """The address follow-ups go to from now on; the old ones are kept but not written to."""
    taken = session.scalar(select(ContactEmail).where(ContactEmail.owner_id == owner_id,
                                                      ContactEmail.email == value))
    was = next((e.email for e in contact.emails if not e.bad), None)
    if taken is not None and taken.contact_id != contact.id:
        return Change(person, "email", value, was,
                      problem="another of your contacts already has that address")
    for email in contact.emails:
        email.bad = email.email != value
    if taken is None:
        session.add(ContactEmail(owner_id=owner_id, contact_id=contact.id, email=value))
    _fact(session, contact, "email", value, inbound_id, now)
    contact.updated_at = now
    return Change(person, "email", value, was)


def _fact(session: Session, contact: Contact, field: str, value: str, inbound_id: int,
          now: datetime) -> None:
    exists = session.scalar(select(ContactFact.id).where(
        ContactFact.contact_id == contact.id, ContactFact.inbound_id == inbound_id,
        ContactFact.field == field, ContactFact.value == value))
    if exists is None:
        session.add(ContactFact(contact_id=contact.id, inbound_id=inbound_id, field=field,
                                value=value, created_at=now))
