"""Contact cards for ``find NAME`` and ``pending``: read from the store into frozen views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.store.contacts import name_key
from assistant.store.models import Contact, ContactEmail, ContactFact, FollowUp, Interaction

MAX_MATCHES = 5
HISTORY = 20
CARD_FIELDS = ("context", "introduced_by", "needs", "offers", "interests", "promises", "urls")


@dataclass(frozen=True)
class HistoryLine:
    when: datetime
    what: str


@dataclass(frozen=True)
class ContactCard:
    id: int
    name: str
    title: str | None
    company: str | None
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    facts: tuple[tuple[str, tuple[str, ...]], ...]  # (field, values) in CARD_FIELDS order
    history: tuple[HistoryLine, ...]


@dataclass(frozen=True)
class PendingDraft:
    followup_id: int
    name: str
    subject: str
    to_address: str | None
    drafted_at: datetime | None
    sequence: int


def find_contacts(session: Session, owner_id: int, query: str) -> list[int]:
    """Contact ids matching an email address, the exact name, or a part of the name."""
    query = query.strip()
    if "@" in query:
        return list(session.scalars(select(ContactEmail.contact_id).where(
            ContactEmail.owner_id == owner_id, ContactEmail.email == query.lower())))
    key = name_key(query)
    if not key:
        return []
    exact = list(session.scalars(select(Contact.id).where(
        Contact.owner_id == owner_id, Contact.name_key == key).limit(MAX_MATCHES)))
    if exact:
        return exact
    pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return list(session.scalars(select(Contact.id).where(
        Contact.owner_id == owner_id, Contact.name_key.like(pattern, escape="\\"))
        .order_by(Contact.name_key).limit(MAX_MATCHES)))


def load_card(session: Session, contact_id: int) -> ContactCard:
    contact = session.get(Contact, contact_id)
    assert contact is not None
    return ContactCard(id=contact.id, name=contact.name or "(no name)", title=contact.title,
                       company=contact.company, emails=tuple(e.email for e in contact.emails),
                       phones=tuple(p.phone for p in contact.phones),
                       facts=_facts(session, contact_id), history=_history(session, contact_id))


def _facts(session: Session, contact_id: int) -> tuple[tuple[str, tuple[str, ...]], ...]:
    rows = session.execute(select(ContactFact.field, ContactFact.value).where(
        ContactFact.contact_id == contact_id, ContactFact.field.in_(CARD_FIELDS))
        .order_by(ContactFact.id)).all()
    grouped: dict[str, list[str]] = {}
    for field, value in rows:
        values = grouped.setdefault(field, [])
        if value not in values:
            values.append(value)
    return tuple((f, tuple(grouped[f])) for f in CARD_FIELDS if f in grouped)


def _history(session: Session, contact_id: int) -> tuple[HistoryLine, ...]:
    lines = [HistoryLine(r.occurred_at, _interaction_text(r.kind, r.summary))
             for r in session.execute(select(Interaction.kind, Interaction.summary,
                                             Interaction.occurred_at)
                                      .where(Interaction.contact_id == contact_id))]
    for f in session.execute(select(FollowUp.sequence, FollowUp.status, FollowUp.due_at,
                                    FollowUp.sent_at).where(FollowUp.contact_id == contact_id)):
        label = "first follow-up" if f.sequence == 1 else "second follow-up"
        lines.append(HistoryLine(f.sent_at or f.due_at, f"{label}: {f.status.replace('_', ' ')}"))
    lines.sort(key=lambda line: line.when, reverse=True)
    return tuple(lines[:HISTORY])


INTERACTION_TEXT = {"note": "your note", "intro": "an introduction", "vcard": "a vCard",
                    "card_image": "a business card photo", "followup_sent": "follow-up sent",
                    "reply_received": "they replied"}


def _interaction_text(kind: str, summary: str | None) -> str:
    text = INTERACTION_TEXT.get(kind, kind.replace("_", " "))
    return f"{text}: {summary}" if summary else text


def pending_drafts(session: Session, owner_id: int) -> list[PendingDraft]:
    rows = session.execute(
        select(FollowUp.id, FollowUp.subject, FollowUp.to_address, FollowUp.drafted_at,
               FollowUp.sequence, Contact.name)
        .join(Contact, Contact.id == FollowUp.contact_id)
        .where(FollowUp.owner_id == owner_id, FollowUp.status == "awaiting_approval")
        .order_by(FollowUp.drafted_at, FollowUp.id)).all()
    return [PendingDraft(r.id, r.name or "(no name)", r.subject or "(no subject)",
                         r.to_address, r.drafted_at, r.sequence) for r in rows]
