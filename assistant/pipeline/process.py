"""Stage: one stored message -> classified, parsed, merged into contacts, acknowledged.

Idempotent: a message that is no longer ``pending`` is left alone, and everything a run
writes (contacts, facts, the acknowledgement in the outbox, the new status) commits in one
transaction, so a run killed half-way leaves no trace and the retry does the whole work once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from assistant.app import App
from assistant.domain import MessageKind, OwnerProfile, ParsedMessage, StoredContact
from assistant.errors import UnreadableMessageError
from assistant.faults import checkpoint
from assistant.mail.headers import sender_address
from assistant.pipeline import notify
from assistant.store import contacts as contact_store
from assistant.store import inbound, owners
from assistant.store.db import transaction

log = logging.getLogger(__name__)

CONTACT_KINDS = {MessageKind.NOTE, MessageKind.INTRO, MessageKind.VCARD, MessageKind.CARD_IMAGE}
NEVER_ANSWERED = {MessageKind.AUTO_REPLY, MessageKind.BOUNCE}
NO_CONTACTS = ("I found nobody to follow up with in it: no person's name or email address that "
               "I could read.")
INTERNAL_ERROR = ("The assistant hit an internal error while reading this message. It is kept "
                  "as it arrived and will be read again after the next upgrade.")


@dataclass(frozen=True)
class Outcome:
    """What processing did: the new status and the outbox rows to send now."""

    status: str
    kind: str | None
    outbox_ids: tuple[int, ...] = ()


def process_inbound(app: App, inbound_id: int, now: datetime | None = None) -> Outcome | None:
    now = now or datetime.now(UTC)
    with transaction(app.sessions) as session:
        record = inbound.load(session, inbound_id)
        if record is None or record.status != "pending":
            return None
        sender = sender_address(record.raw)
        owner = owners.owner_by_address(session, sender)
    if owner is None:
        return _set_aside(app, inbound_id, sender)
    parsed = _parse(record.raw, owner, app.settings.assistant_address)
    with transaction(app.sessions) as session:
        if inbound.load(session, inbound_id).status != "pending":  # type: ignore[union-attr]
            return None  # another worker finished it while this one was parsing
        outcome = _apply(app, session, inbound_id, owner, parsed, record.received_at, now)
    checkpoint(app.settings.fault_points, "after_job")
    return outcome


def _set_aside(app: App, inbound_id: int, sender: str | None) -> Outcome:
    # Mail from anyone but a registered owner is kept and logged, never answered; mail with no
    # readable From at all goes to the failed folder, since nobody can be told about it.
    status, error = (("ignored", "sender is not a registered owner") if sender
                     else ("failed", "the message has no readable From address"))
    with transaction(app.sessions) as session:
        inbound.finish(session, inbound_id, status=status, kind=None, owner_id=None, error=error)
    log.info("message %d %s: %s", inbound_id, status, error)
    return Outcome(status=status, kind=None)


def _parse(raw: bytes, owner: OwnerProfile, assistant_address: str) -> ParsedMessage:
    from assistant.parsing import parse_message

    try:
        return parse_message(raw, owner.identity(assistant_address))
    except UnreadableMessageError as exc:
        return ParsedMessage(kind=MessageKind.UNKNOWN, reason=str(exc))
    except Exception:  # a parser bug must not block the messages behind this one
        log.exception("parser failed on a message; it is kept and marked failed")
        return ParsedMessage(kind=MessageKind.UNKNOWN, reason=INTERNAL_ERROR)


def _apply(app: App, session: Session, inbound_id: int, owner: OwnerProfile,
           parsed: ParsedMessage, received_at: datetime, now: datetime) -> Outcome:
    kind = parsed.kind
    if kind in NEVER_ANSWERED:
        inbound.finish(session, inbound_id, status="ignored", kind=str(kind), owner_id=owner.id)
        return Outcome(status="ignored", kind=str(kind))
    if kind in CONTACT_KINDS and parsed.contacts:
        stored = [contact_store.merge_contact(session, owner_id=owner.id, inbound_id=inbound_id,
                                              parsed=c, now=now,
                                              interaction_kind=str(kind))
                  for c in parsed.contacts]
        outbox_id = notify.acknowledge(app, session, inbound_id, owner, parsed,
                                       _pair(parsed, stored), received_at, now)
        inbound.finish(session, inbound_id, status="processed", kind=str(kind),
                       owner_id=owner.id)
        return Outcome(status="processed", kind=str(kind), outbox_ids=(outbox_id,))
    if kind in (MessageKind.REPLY, MessageKind.COMMAND):
        inbound.finish(session, inbound_id, status="processed", kind=str(kind),
                       owner_id=owner.id, error=f"{kind} handling is not enabled")
        return Outcome(status="processed", kind=str(kind))
    reason = parsed.reason or NO_CONTACTS
    outbox_id = notify.explain_failure(app, session, inbound_id, owner, parsed, reason,
                                       received_at, now)
    inbound.finish(session, inbound_id, status="failed", kind=str(kind), owner_id=owner.id,
                   error=reason)
    return Outcome(status="failed", kind=str(kind), outbox_ids=(outbox_id,))


def _pair(parsed: ParsedMessage, stored: list[StoredContact]) -> list[tuple]:  # type: ignore[type-arg]
    return list(zip(parsed.contacts, stored, strict=True))
