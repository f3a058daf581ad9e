"""Emails to the owner about their own messages: the acknowledgement and the failure note.

Both are written to the outbox inside the caller's transaction, keyed by the inbound message,
so processing the same message twice writes one email.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from assistant.app import App
from assistant.domain import OwnerProfile, ParsedContact, ParsedMessage, StoredContact
from assistant.mail.compose import Thread, address, build_email, compose_bytes, reply_subject
from assistant.mail.headers import thread_of
from assistant.store import held_acks, outbox
from assistant.store.inbound import InboundRecord
from assistant.templating import render_pair

log = logging.getLogger(__name__)

ASSISTANT_NAME = "Follow-up Assistant"


def acknowledge(app: App, session: Session, record: InboundRecord, owner: OwnerProfile,
                parsed: ParsedMessage, pairs: list[tuple[ParsedContact, StoredContact]],
                due: datetime | None, now: datetime, left_out: int = 0) -> int | None:
    """The acknowledgement of an owner's note: queued at once for the first note of a burst,
    held for the combined email (``calm_acks``) when an acknowledgement went to the owner
    less than ``ack_burst_seconds`` ago (None is then returned: nothing to send yet)."""
    context = {
        "subject": parsed.subject or "(no subject)",
        "contacts": [contact_view(p, s) for p, s in pairs],
        "followup_when": describe_local_time(due, owner.timezone) if due else None,
        "left_out": left_out,
    }
    burst = app.settings.ack_burst_seconds
    if burst > 0 and held_acks.window_open(session, owner.id, now - timedelta(seconds=burst)):
        held_acks.hold(session, inbound_id=record.id, owner_id=owner.id,
                       section=context,
                       envelope_from=app.settings.assistant_address,
                       recipient=owner.primary_address, now=now)
        return None
    return queue_to_owner(app, session, key=f"ack:{record.id}", purpose="ack", owner=owner,
                          raw=record.raw, template="ack", context=context, now=now)


def explain_failure(app: App, session: Session, record: InboundRecord, owner: OwnerProfile,
                    parsed: ParsedMessage, reason: str, now: datetime) -> int | None:
    context = {
        "subject": parsed.subject or "(no subject)",
        "reason": reason,
        "received": describe_local_time(record.received_at, owner.timezone),
        "folder": app.settings.failed_folder,
    }
    return queue_to_owner(app, session, key=f"failed:{record.id}", purpose="failed",
                          owner=owner, raw=record.raw, template="failed", context=context,
                          now=now)


def queue_to_owner(app: App, session: Session, *, key: str, purpose: str, owner: OwnerProfile,
                   raw: bytes, template: str, context: Mapping[str, object], now: datetime,
                   reply_to: str | None = None,
                   finish: Callable[[EmailMessage], None] | None = None) -> int | None:
    """One email from the assistant to an owner, threaded to the message ``raw``; ``finish``
    adds to the built message (inline pictures) before it is queued.

    Always queued: the send stage paces emails to an owner (an hourly budget per kind of
    email), so a burst of notes, or a loop with a misbehaving client, delays mail to the
    owner and never drops it.
    """
    message_id, references, subject = thread_of(raw)
    text, html = render_pair(template, owner_first_name=first_name(owner), **context)
    sender = address(ASSISTANT_NAME, app.settings.assistant_address)
    to = address(owner.name, owner.primary_address)
    if finish is None and _ascii(sender, to):
        # the common case, every acknowledgement: the same email without header objects
        composed = compose_bytes(sender=sender, to=[to], subject=reply_subject(subject),
                                 text=text, html=html, now=now,
                                 thread=Thread(message_id, references),
                                 reply_to=address(ASSISTANT_NAME, reply_to) if reply_to else None)
        return held_acks.queue_raw(session, key=key, owner_id=owner.id, purpose=purpose,
                                   message_id=composed.message_id, raw=composed.raw,
                                   envelope_from=app.settings.assistant_address,
                                   recipients=[owner.primary_address], now=now)
    message = build_email(sender=address(ASSISTANT_NAME, app.settings.assistant_address),
                          to=[address(owner.name, owner.primary_address)],
                          subject=reply_subject(subject), text=text, html=html, now=now,
                          thread=Thread(message_id, references),
                          reply_to=address(ASSISTANT_NAME, reply_to) if reply_to else None)
    if finish is not None:
        finish(message)
    return outbox.add(session, key=key, owner_id=owner.id, purpose=purpose, message=message,
                      envelope_from=app.settings.assistant_address,
                      recipients=[owner.primary_address], now=now)


def _ascii(*addresses: Address) -> bool:
    return all(a.addr_spec.isascii() for a in addresses)


def first_name(owner: OwnerProfile) -> str:
    return owner.name.split()[0] if owner.name else "there"


def contact_view(parsed: ParsedContact, stored: StoredContact) -> dict[str, object]:
    return {
        "name": stored.name or parsed.name, "emails": list(stored.emails),
        "phones": list(stored.phones), "company": stored.company or parsed.company,
        "title": stored.title or parsed.title, "context": parsed.context,
        "introduced_by": parsed.introduced_by, "needs": list(parsed.needs),
        "offers": list(parsed.offers), "promises": list(parsed.promises),
        "created": stored.created,
    }


def describe_local_time(moment: datetime, timezone: str) -> str:
    """"on Tuesday 24 November at 09:00 (America/Chicago)" in the owner's zone."""
    local = moment.astimezone(ZoneInfo(timezone))
    return f"on {local:%A} {local.day} {local:%B} at {local:%H:%M} ({timezone})"
