"""Sending a follow-up as the owner truly sends it: through their own submission server.

From and envelope sender are the owner, there is no Sender header and no blind copy to the
assistant: the owner's provider signs the message (DKIM) and, where it files submitted mail
itself (Gmail, Microsoft 365), puts it in Sent. Where it does not (most IMAP hosts), the
assistant APPENDs the copy. Which one is learned on the first send by looking for the
Message-ID in Sent, and kept.

Exactly once: the row is claimed as for relay mode; just before DATA it is marked
``unconfirmed`` (committed), so a worker that dies after that point never leads to a blind
second send. Recovery then looks for the Message-ID in the owner's Sent folder (the receipt
in place of the blind copy): there, the follow-up is recorded as sent; absent, at a provider
that files by itself, it never left and goes back to pending; absent elsewhere, nothing can
tell, so it is marked uncertain and the owner is told (relay mode's rule).

The copy in Sent is the owner's own record of what went out in their name, so a failed APPEND
is never just logged: the copy is recorded as owed (``sent_copies``; the message is the outbox
row's) and the recovery sweep files it with backoff, looking for its Message-ID first so it is
never filed twice, until it is there; after ``COPY_TRIES`` attempts or ``COPY_DAYS`` it stops
and tells the owner once. None of this ever sends the follow-up again. A provider that files
sent mail itself is owed nothing.
"""

from __future__ import annotations

import logging
import random
import time
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.app import App
from assistant.backoff import backoff_delay
from assistant.errors import ConfigurationError, DeliveryError, MailboxError, TransientError
from assistant.faults import checkpoint
from assistant.mail.accounts import open_owner_imap, open_owner_sender
from assistant.mail.owner_message import as_owner
from assistant.mail.smtp import Delivery, ServerDeferred
from assistant.pipeline.followup import on_sent
from assistant.pipeline.notify import queue_to_owner
from assistant.store import linked, outbox, owners, sent_copies
from assistant.store.db import transaction
from assistant.store.linked import LinkedMailbox
from assistant.store.models import OutboxMessage

log = logging.getLogger(__name__)

FILED_CHECKS = (0.3, 0.7, 1.0)  # seconds to wait before each look for the provider's copy
# A copy owed to Sent is tried again after 5 min, doubling up to 6 h (equal jitter), at most
# COPY_TRIES times in all or for COPY_DAYS, whichever ends first; then the owner is told.
COPY_RETRY_BASE = 300.0
COPY_RETRY_CAP = 6 * 3600.0
COPY_TRIES = 12
COPY_DAYS = timedelta(days=3)
COPY_CLAIM = timedelta(minutes=10)  # one sweep's hold on a copy while it tries to file it


class SubmissionUnknown(TransientError):
    """Raised when the connection to the owner's server failed after DATA began: the row
    stays ``unconfirmed`` and recovery asks the Sent folder, never a blind retry."""


def deliver_as_owner(app: App, email: outbox.OutgoingEmail, mailbox: LinkedMailbox) -> Delivery:
    """One SMTP transaction through the owner's server, then the copy in Sent."""
    raw = as_owner(email.raw)
    own = app.settings.assistant_address.lower()
    recipients = tuple(r for r in email.recipients if r.lower() != own)

    started: list[bool] = []

    def submitting() -> None:
        with transaction(app.sessions) as session:
            if not linked.mark_submitting(session, email.id):
                raise DeliveryError(f"outbox {email.id} is no longer claimed by this worker")
        started.append(True)

    sender = open_owner_sender(app.settings, mailbox)
    try:
        delivery = sender.send(raw, mailbox.address, recipients, before_data=submitting)
    except ServerDeferred:
        raise  # the server answered 4yz: it took nothing, the retry is safe
    except DeliveryError as exc:
        if started:  # lost during or after DATA: the message may have been taken
            raise SubmissionUnknown(str(exc)) from exc
        raise
    finally:
        sender.close()
    checkpoint(app.settings.fault_points, "after_owner_smtp")  # before the copy in Sent
    file_in_sent(app, mailbox, raw, email.message_id, email.id)
    return delivery


def file_in_sent(app: App, mailbox: LinkedMailbox, raw: bytes, message_id: str,
                 outbox_id: int) -> None:
    """Make sure the owner's Sent folder holds the follow-up. A failure here is never raised:
    the follow-up left, and sending it again would be worse than a missing copy; the copy is
    recorded as owed instead, for the recovery sweep (``file_owed_copies``)."""
    try:
        with open_owner_imap(app.settings, mailbox) as imap:
            folder = imap.sent_folder(mailbox.sent_folder)
            filed = mailbox.sent_filed is not False and _filed(imap, folder, message_id)
            if not filed:
                imap.append(folder, raw, app.clock())
            if mailbox.sent_filed is None or (filed and not mailbox.sent_filed):
                with transaction(app.sessions) as session:
                    linked.set_sent_filed(session, mailbox.owner_id, filed, folder, app.clock())
                log.info("owner %d: the provider %s sent mail itself", mailbox.owner_id,
                         "files" if filed else "does not file")
    except Exception as exc:  # noqa: BLE001 - recorded; raising would send the follow-up again
        log.warning("owner %d: outbox %d left but no copy is in Sent yet: %s",
                    mailbox.owner_id, outbox_id, exc)
        if mailbox.sent_filed:  # the provider files what it takes: nothing is owed
            return
        _owe_copy(app, mailbox.owner_id, outbox_id, f"{type(exc).__name__}: {exc}")


def _owe_copy(app: App, owner_id: int, outbox_id: int, error: str) -> None:
    now = app.clock()
    try:
        with transaction(app.sessions) as session:
            sent_copies.owe(session, outbox_id=outbox_id, owner_id=owner_id, error=error,
                            now=now, next_at=copy_retry_at(1, now, now, random.random()) or now)
    except Exception:  # noqa: BLE001 - the follow-up left: nothing here may raise
        log.exception("outbox %d: could not record the copy owed to Sent", outbox_id)


def _filed(imap, folder: str, message_id: str) -> bool:  # type: ignore[no-untyped-def]
    for pause in FILED_CHECKS:
        time.sleep(pause)
        if imap.holds(folder, message_id):
            return True
    return False


def settle_from_sent(app: App, now: datetime) -> list[int]:
    """Follow-ups of linked owners whose worker died around SMTP, settled by the owner's Sent
    folder; returns the ids put back to pending. Run before relay mode's settling, which
    then marks what is left ``uncertain`` and tells the owner."""
    lease = timedelta(seconds=app.settings.send_lease_seconds)
    grace = timedelta(seconds=app.settings.receipt_grace_seconds)
    with transaction(app.sessions) as session:
        rows = session.execute(select(OutboxMessage.id, OutboxMessage.owner_id,
                                      OutboxMessage.message_id, OutboxMessage.status,
                                      OutboxMessage.created_at).where(
            OutboxMessage.purpose == "followup",
            OutboxMessage.status.in_(("sending", "unconfirmed")),
            OutboxMessage.claimed_at < now - lease)).all()
        boxes = {row.owner_id: linked.linked_for(session, row.owner_id) for row in rows}
    released = []
    for row in rows:
        mailbox = boxes.get(row.owner_id)
        if mailbox is None:
            continue
        found = _in_sent(app, mailbox, row.message_id)
        with transaction(app.sessions) as session:
            if found is None:
                # The mailbox cannot be read now: ask again after a lease, for as long as a
                # receipt would be waited for; then relay mode's rule (uncertain) applies.
                if row.created_at > now - grace:
                    linked.postpone(session, row.id, row.status, now)
            elif found:
                if linked.confirm_sent(session, row.id, now):
                    on_sent(session, row.id, now)
                    log.info("outbox %d found in the owner's Sent folder: sent", row.id)
            elif row.status == "sending" or mailbox.sent_filed:
                # Never reached DATA, or the provider files every message it takes.
                if linked.release(session, row.id, row.status):
                    released.append(row.id)
    return released


def _in_sent(app: App, mailbox: LinkedMailbox, message_id: str) -> bool | None:
    try:
        with open_owner_imap(app.settings, mailbox) as imap:
            return bool(imap.holds(imap.sent_folder(mailbox.sent_folder), message_id))
    except (MailboxError, ConfigurationError, OSError) as exc:  # a refused login among them
        log.warning("owner %d: cannot read the Sent folder: %s", mailbox.owner_id, exc)
        return None


# -- copies owed to the Sent folder --------------------------------------------------------

def copy_action(outbox_status: str, linked_now: bool, provider_files: bool | None) -> str:
    """What the sweep does with an owed copy (pure): ``file`` it, ``wait`` (the send is not
    recorded yet: settled from Sent first), or ``drop`` it (nothing owed any more)."""
    if not linked_now or provider_files:
        return "drop"  # unlinked: no mailbox to file in; the provider files sent mail itself
    if outbox_status == "sent":
        return "file"
    if outbox_status in ("sending", "unconfirmed"):
        return "wait"
    return "drop"  # not known to have left (uncertain, failed...): no copy says it did


def copy_retry_at(failures: int, owed_since: datetime, now: datetime,
                  draw: float) -> datetime | None:
    """When to try filing again after the ``failures``-th failed attempt (pure); None when it
    is time to stop and tell the owner."""
    if failures >= COPY_TRIES or now - owed_since >= COPY_DAYS:
        return None
    return now + timedelta(seconds=backoff_delay(failures, base=COPY_RETRY_BASE,
                                                 cap=COPY_RETRY_CAP, draw=draw))


def file_owed_copies(app: App, now: datetime) -> list[int]:
    """Run by the recovery sweep: file each copy that is due (once: its Message-ID is looked
    for first); returns the ids of the notices queued to owners for copies given up on."""
    with transaction(app.sessions) as session:
        owed = sent_copies.due(session, now)
        boxes = {c.owner_id: linked.linked_for(session, c.owner_id) for c in owed}
    notices = []
    failing: set[int] = set()  # owners whose mailbox failed in this sweep: one wait each
    for copy in owed:
        if copy.owner_id in failing:
            continue  # still due: the next sweep tries it, not this one after a timeout
        mailbox = boxes.get(copy.owner_id)
        action = copy_action(copy.outbox_status, mailbox is not None,
                             mailbox.sent_filed if mailbox else None)
        with transaction(app.sessions) as session:
            if action == "drop":
                sent_copies.settle(session, copy.id, "dropped", now)
                continue
            if not sent_copies.claim(session, copy, now + COPY_CLAIM) or action == "wait":
                continue
        assert mailbox is not None
        error = _file_copy(app, mailbox, copy, now)
        with transaction(app.sessions) as session:
            if error is None:
                sent_copies.settle(session, copy.id, "filed", now)
                log.info("outbox %d: its copy is in the owner's Sent folder now", copy.outbox_id)
                continue
            failing.add(copy.owner_id)
            failures = copy.failures + 1
            retry = copy_retry_at(failures, copy.owed_since, now, random.random())
            if retry is not None:
                sent_copies.failed(session, copy.id, failures, retry, error)
                log.warning("outbox %d: copy to Sent failed again (%d): %s", copy.outbox_id,
                            failures, error)
            elif sent_copies.settle(session, copy.id, "given_up", now, error):
                log.error("outbox %d: no copy could be put in the owner's Sent folder after "
                          "%d attempts; the owner is told", copy.outbox_id, failures)
                notice = tell_copy_missing(app, session, copy, now)
                if notice is not None:
                    notices.append(notice)
    return notices


def _file_copy(app: App, mailbox: LinkedMailbox, copy: sent_copies.OwedCopy,
               now: datetime) -> str | None:
    """One attempt: None once the copy is in Sent (found there, or APPENDed), else the error."""
    try:
        with open_owner_imap(app.settings, mailbox) as imap:
            folder = imap.sent_folder(mailbox.sent_folder)
            if imap.holds(folder, copy.message_id):  # an APPEND whose answer was lost, say
                return None
            imap.append(folder, as_owner(copy.raw), copy.sent_at or now)
        return None
    except Exception as exc:  # noqa: BLE001 - recorded and tried again later
        return f"{type(exc).__name__}: {exc}"


def tell_copy_missing(app: App, session: Session, copy: sent_copies.OwedCopy,
                      now: datetime) -> int | None:
    """The owner is told once (the notice's key names the follow-up) that a follow-up went
    out in their name with no copy in their Sent folder."""
    owner = owners.owner_by_id(session, copy.owner_id)
    email = outbox.load(session, copy.outbox_id)
    if owner is None or email is None:
        return None
    own = app.settings.assistant_address.lower()
    message = BytesParser(policy=policy.default).parsebytes(email.raw)
    sent = (copy.sent_at or copy.owed_since).astimezone(ZoneInfo(owner.timezone))
    return queue_to_owner(app, session, key=f"sent_copy:{copy.outbox_id}", purpose="sent_copy",
                          owner=owner, raw=b"", template="sent_copy_missing", now=now,
                          context={"addresses": [r for r in email.recipients
                                                 if r.lower() != own],
                                   "subject": str(message["Subject"] or ""),
                                   "sent_on": f"{sent.day} {sent:%B %Y}",
                                   "text": _plain_text(message)})


def _plain_text(message: EmailMessage) -> str:
    """The follow-up's words as the contact read them, for the owner's own record."""
    part = message.get_body(preferencelist=("plain",))
    if not isinstance(part, EmailMessage):
        return ""
    try:
        return str(part.get_content()).strip()
    except (LookupError, ValueError):  # an unknown charset: the notice goes without the text
        return ""
