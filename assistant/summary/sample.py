"""A small, known history for one owner: what the demo, the tests and the preview show.

Relative to ``now``: Jane (a note 2 days ago: needs an SRE contractor, promised a checklist,
draft awaiting approval), Ali (introduced by Pat Lee 3 days ago), Cara (follow-up with a
resource sent 4 days ago, replied 2 days ago), Dan (a bare follow-up sent 5 days ago) and Bob
(offers SRE contracting, silent for 70 days). Expected figures: 2 new contacts, 2 follow-ups
sent, 1 awaiting approval, 1 reply, reply rate 50%, Bob going cold, 1 promise owed, Jane -> Bob
introduction, 1 give and 2 asks this week.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from assistant.domain import ParsedContact
from assistant.store.contacts import merge_contact
from assistant.store.models import Contact, FollowUp, InboundMessage, Interaction


def _inbound(session: Session, owner_id: int, label: str, kind: str, at: datetime) -> int:
    raw = (f"From: owner\r\nSubject: {label}\r\nMessage-ID: <{label}-{owner_id}@sample>\r\n\r\n"
           f"{label}\r\n").encode()
    row = InboundMessage(mailbox="sample", source_ref=f"{owner_id}/{label}",
                         sha256=hashlib.sha256(raw).hexdigest(), size=len(raw), raw=raw,
                         received_at=at, status="processed", kind=kind, owner_id=owner_id,
                         message_id=f"<{label}-{owner_id}@sample>", processed_at=at)
    session.add(row)
    session.flush()
    return row.id


def _contact(session: Session, owner_id: int, parsed: ParsedContact, kind: str,
             at: datetime) -> int:
    inbound_id = _inbound(session, owner_id, f"{kind}-{parsed.name}".replace(" ", "-"), kind, at)
    stored = merge_contact(session, owner_id=owner_id, inbound_id=inbound_id, parsed=parsed,
                           now=at, interaction_kind=kind)
    return stored.id


def _followup(session: Session, owner_id: int, contact_id: int, status: str, at: datetime,
              value_adds: str | None = None) -> None:
    session.add(FollowUp(owner_id=owner_id, contact_id=contact_id, sequence=1, status=status,
                         due_at=at, sent_at=at if status == "sent" else None,
                         drafted_at=at, subject="Great to meet you", value_adds=value_adds,
                         created_at=at))


def seed_sample_history(session: Session, owner_id: int, now: datetime) -> dict[str, int]:
    """Write the history above; returns the contact ids by first name."""
    day = timedelta(days=1)
    ids = {
        "jane": _contact(session, owner_id, ParsedContact(
            "Jane Doe", ("jane@acme.example",), company="Acme Robotics", title="CTO",
            needs=("a good SRE contractor",),
            promises=("send her our migration checklist",)), "note", now - 2 * day),
        "ali": _contact(session, owner_id, ParsedContact(
            "Ali Khan", ("ali@khan.example",), introduced_by="Pat Lee"), "intro", now - 3 * day),
        "cara": _contact(session, owner_id, ParsedContact(
            "Cara Lind", ("cara@lind.example",)), "note", now - 40 * day),
        "dan": _contact(session, owner_id, ParsedContact(
            "Dan Wu", ("dan@wu.example",)), "vcard", now - 45 * day),
        "bob": _contact(session, owner_id, ParsedContact(
            "Bob Stone", ("bob@stone.example",), offers=("SRE contracting",)), "note",
            now - 100 * day),
    }
    session.add(Interaction(owner_id=owner_id, contact_id=ids["bob"], kind="note",
                            occurred_at=now - 70 * day))
    _followup(session, owner_id, ids["jane"], "awaiting_approval", now - day)
    _followup(session, owner_id, ids["cara"], "sent", now - 4 * day,
              '[["resource", "https://example.org/checklist", "fits her need"]]')
    _followup(session, owner_id, ids["dan"], "sent", now - 5 * day)
    session.add(Interaction(owner_id=owner_id, contact_id=ids["cara"], kind="reply_received",
                            occurred_at=now - 2 * day))
    cara = session.get(Contact, ids["cara"])
    assert cara is not None
    cara.last_reply_at = now - 2 * day
    session.flush()
    return ids
