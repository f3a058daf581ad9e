"""``undo`` in reply to an acknowledgement: remove what the acknowledged message created.

The owner's reply names the acknowledgement in In-Reply-To (or References, RFC 5322 3.6.4);
the acknowledgement's outbox row (key ``ack:<inbound id>``) names the message. Contacts that
message created and nothing else touched are deleted (their emails, phones, facts, interactions
and follow-ups go with them through the foreign keys); contacts another message also touched
keep what that message said and lose only this message's facts and interactions; follow-ups
the message scheduled are removed unless already sent. Running it twice changes nothing more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from assistant.mail.headers import header_text, read_headers
from assistant.store import outbox
from assistant.store.contacts import SCALAR_FIELDS, name_key
from assistant.store.models import (
    Contact,
    ContactEmail,
    ContactFact,
    ContactPhone,
    FollowUp,
    Interaction,
    OutboxMessage,
)

_MSGID = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True)
class UndoResult:
    removed: tuple[str, ...] = ()
    trimmed: tuple[str, ...] = ()
    followups_removed: int = 0
    already_sent: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.removed or self.trimmed or self.followups_removed)


def acknowledged_inbound(session: Session, owner_id: int, raw: bytes) -> int | None:
    """The inbound message whose acknowledgement the owner is answering, if any."""
    try:
        headers = read_headers(raw)
    except (ValueError, IndexError, TypeError, LookupError):
        return None
    named = _MSGID.findall(header_text(headers, "In-Reply-To") or "")
    named += reversed(_MSGID.findall(header_text(headers, "References") or ""))
    for message_id in dict.fromkeys(named):
        key = session.scalar(select(OutboxMessage.idempotency_key).where(
            OutboxMessage.message_id == message_id, OutboxMessage.owner_id == owner_id))
        if key and key.startswith("ack:") and key[4:].isdigit():
            return int(key[4:])
    return None


def undo_inbound(session: Session, owner_id: int, inbound_id: int) -> UndoResult:
    followups, sent = _remove_followups(session, owner_id, inbound_id)
    removed, trimmed = [], []
    for contact in _touched(session, owner_id, inbound_id):
        if _touched_elsewhere(session, contact.id, inbound_id):
            _trim(session, contact, inbound_id)
            trimmed.append(contact.name or "(no name)")
        elif _has_sent(session, contact.id):
            _trim(session, contact, inbound_id)
            trimmed.append(contact.name or "(no name)")
        else:
            removed.append(contact.name or "(no name)")
            session.execute(delete(Contact).where(Contact.id == contact.id))
    session.expire_all()
    return UndoResult(tuple(removed), tuple(trimmed), followups, sent)


def _touched(session: Session, owner_id: int, inbound_id: int) -> list[Contact]:
    by_fact = select(ContactFact.contact_id).where(ContactFact.inbound_id == inbound_id)
    by_event = select(Interaction.contact_id).where(Interaction.owner_id == owner_id,
                                                    Interaction.inbound_id == inbound_id)
    return list(session.scalars(select(Contact).where(
        Contact.owner_id == owner_id,
        or_(Contact.source_inbound_id == inbound_id, Contact.id.in_(by_fact),
            Contact.id.in_(by_event))).order_by(Contact.id)))


def _touched_elsewhere(session: Session, contact_id: int, inbound_id: int) -> bool:
    other_fact = session.scalar(select(ContactFact.id).where(
        ContactFact.contact_id == contact_id,
        or_(ContactFact.inbound_id != inbound_id, ContactFact.inbound_id.is_(None))).limit(1))
    other_event = session.scalar(select(Interaction.id).where(
        Interaction.contact_id == contact_id,
        or_(Interaction.inbound_id != inbound_id, Interaction.inbound_id.is_(None))).limit(1))
    return other_fact is not None or other_event is not None


def _has_sent(session: Session, contact_id: int) -> bool:
    """Sent, or being sent: an approved follow-up that ``_remove_followups`` could not cancel
    is in a sender's hands, and its contact must stay for the send to be recorded."""
    return session.scalar(select(FollowUp.id).where(
        FollowUp.contact_id == contact_id, FollowUp.status.in_(("sent", "approved")))
        .limit(1)) is not None


def _remove_followups(session: Session, owner_id: int, inbound_id: int) -> tuple[int, int]:
    """Remove the message's follow-ups that have not gone out, with their unsent emails.

    An approved follow-up goes only if its email can still be cancelled: the conditional
    UPDATE in ``outbox.cancel_pending`` and the sender's claim take the row one at a time, so
    a follow-up being sent right now is counted as sent and kept, and one cancelled here is
    never sent.
    """
    rows = session.execute(select(FollowUp.id, FollowUp.status).where(
        FollowUp.owner_id == owner_id, FollowUp.source_inbound_id == inbound_id)).all()
    unsent = []
    for row in rows:
        if row.status == "sent":
            continue
        if row.status == "approved" and not outbox.cancel_pending(session, [f"followup:{row.id}"]):
            if session.scalar(select(OutboxMessage.status).where(
                    OutboxMessage.idempotency_key == f"followup:{row.id}")) is not None:
                continue  # already claimed by a sender: it goes out, so it stays
        outbox.cancel_pending(session, _approval_keys(session, row.id))
        unsent.append(row.id)
    if unsent:
        session.execute(delete(FollowUp).where(FollowUp.id.in_(unsent)))
    return len(unsent), len(rows) - len(unsent)


def _approval_keys(session: Session, followup_id: int) -> list[str]:
    return list(session.scalars(select(OutboxMessage.idempotency_key).where(
        OutboxMessage.idempotency_key.like(f"approval:{followup_id}:%"),
        OutboxMessage.status == "pending")))


def _trim(session: Session, contact: Contact, inbound_id: int) -> None:
    """Drop this message's facts and interactions; fields fall back to what remains."""
    session.execute(delete(ContactFact).where(ContactFact.contact_id == contact.id,
                                              ContactFact.inbound_id == inbound_id))
    session.execute(delete(Interaction).where(Interaction.contact_id == contact.id,
                                              Interaction.inbound_id == inbound_id))
    remaining: dict[str, list[str]] = {}
    for field, value in session.execute(select(ContactFact.field, ContactFact.value).where(
            ContactFact.contact_id == contact.id).order_by(ContactFact.id)):
        remaining.setdefault(field, []).append(value)
    for field in SCALAR_FIELDS:
        values = remaining.get(field)
        setattr(contact, field, values[0] if values else None)
    contact.name_key = name_key(contact.name)
    if contact.source_inbound_id == inbound_id:
        contact.source_inbound_id = None
    kept_emails = {e.lower() for e in remaining.get("email", [])}
    session.execute(delete(ContactEmail).where(ContactEmail.contact_id == contact.id,
                                               ContactEmail.email.not_in(kept_emails)))
    session.execute(delete(ContactPhone).where(ContactPhone.contact_id == contact.id,
                                               ContactPhone.phone.not_in(
                                                   set(remaining.get("phone", [])))))
    session.flush()
