"""Bounces: a follow-up that could not be delivered marks the address bad and tells the owner.

A bounce is an RFC 3464 delivery status notification or a plain-text one in a common MTA's
shape (see ``guard.read_bounce``); both are handled alike. The bounce itself is never answered
(RFC 3834 2): the owner is told at their registered address.

A follow-up a linked owner sent through their own server bounces to the owner's INBOX; the
reply watcher hands such a report here (``about_followup``, ``inbox_bounce``), and it is
handled like one that came back to the assistant, but only when it names a Message-ID the
owner's follow-up had.
"""

from __future__ import annotations

import email
import email.policy
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from assistant.app import App
from assistant.pipeline.guard import Bounce, read_bounce
from assistant.pipeline.notify import queue_to_owner
from assistant.store import outbox, owners
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
    _drop_touches_to(session, owner_id, bad, now)
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


def _drop_touches_to(session: Session, owner_id: int, bad: list[str], now: datetime) -> None:
    """A touch already drafted to a bad address (awaiting approval, or approved and not yet
    claimed by a sender) is skipped; one still scheduled picks a good address when drafted."""
    if not bad:
        return
    addressed = [FollowUp.owner_id == owner_id, func.lower(FollowUp.to_address).in_(bad)]
    session.execute(update(FollowUp).where(*addressed, FollowUp.status == "awaiting_approval")
                    .values(status="skipped", decided_at=now))
    for followup_id in session.scalars(select(FollowUp.id).where(
            *addressed, FollowUp.status == "approved")):
        if outbox.cancel_pending(session, [f"followup:{followup_id}"]):
            session.execute(update(FollowUp).where(FollowUp.id == followup_id)
                            .values(status="skipped", decided_at=now))


# -- a report in a linked owner's own INBOX -------------------------------------------------

@dataclass(frozen=True)
class SentFollowUp:
    outbox_id: int
    contact_id: int
    recipients: tuple[str, ...]  # lower-cased


@dataclass(frozen=True)
class InboxBounce:
    message_id: str  # the follow-up's, lower-cased
    failed: tuple[str, ...]  # its recipients the report says failed for good
    status: str


def is_temporary(status: str) -> bool:
    """An RFC 3463 persistent transient failure (4.x.x): the server still tries; nothing is
    blamed."""
    return status.strip().startswith("4")


def about_followup(bounce: Bounce, thread_ids: Sequence[str],
                   recipients: Mapping[str, Sequence[str]]) -> InboxBounce | None:
    """Which follow-up a report in the owner's INBOX is about, and which of its recipients
    failed for good (pure). ``recipients``: lower-cased Message-IDs of the follow-ups the owner
    sent -> their lower-cased recipients. The report must name one of those Message-IDs: the
    returned message's own (in its message/rfc822 or headers part, which then decides alone),
    else its References or In-Reply-To. A delay (4.x.x) or a failure of anyone else blames
    nobody."""
    if is_temporary(bounce.status):
        return None
    original = (bounce.original_message_id or "").strip().lower()
    if original:
        wanted = original if original in recipients else None
    else:
        wanted = next((i for i in thread_ids if i in recipients), None)
    if wanted is None:
        return None
    theirs = set(recipients[wanted])
    failed = tuple(a for a in dict.fromkeys(r.strip().lower() for r in bounce.failed_recipients)
                   if a in theirs)
    return InboxBounce(wanted, failed, bounce.status) if failed else None


def sent_followups(session: Session, owner_id: int,
                   assistant_address: str) -> dict[str, SentFollowUp]:
    """The owner's sent follow-ups by lower-cased Message-ID."""
    rows = session.execute(select(OutboxMessage.id, OutboxMessage.message_id,
                                  OutboxMessage.recipients, FollowUp.contact_id)
                           .join(FollowUp, FollowUp.sent_outbox_id == OutboxMessage.id)
                           .where(FollowUp.owner_id == owner_id)).all()
    return {r.message_id.strip().lower(): SentFollowUp(
        r.id, r.contact_id, tuple(a for a in _recipients(r.recipients)
                                  if a != assistant_address.lower())) for r in rows}


def _recipients(stored: str) -> list[str]:
    try:
        values = json.loads(stored or "[]")
    except ValueError:
        return []
    return [str(v).strip().lower() for v in values] if isinstance(values, list) else []


def inbox_bounce(app: App, session: Session, owner_id: int, sent: SentFollowUp,
                 found: InboxBounce, now: datetime) -> int | None:
    """A follow-up the owner's own server sent came back: as a relay bounce (addresses marked
    bad, the follow-up ``bounced``, the owner told once per follow-up). The outbox row keeps
    its status: the message did leave, and its copy in the owner's Sent folder is owed."""
    session.execute(update(OutboxMessage).where(OutboxMessage.id == sent.outbox_id)
                    .values(last_error=f"bounced: {found.status}"))
    log.info("owner %d: follow-up outbox %d bounced in the owner's mailbox (%s)", owner_id,
             sent.outbox_id, found.status)
    return undelivered(app, session, owner_id=owner_id, outbox_id=sent.outbox_id,
                       bad=list(found.failed), status=found.status,
                       key=f"bounce:sent:{sent.outbox_id}", purpose="bounce", now=now)
