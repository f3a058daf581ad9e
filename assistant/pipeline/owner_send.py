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
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta

from sqlalchemy import select

from assistant.app import App
from assistant.errors import ConfigurationError, DeliveryError, MailboxError, TransientError
from assistant.faults import checkpoint
from assistant.mail.accounts import open_owner_imap, open_owner_sender
from assistant.mail.owner_message import as_owner
from assistant.mail.smtp import Delivery, ServerDeferred
from assistant.pipeline.followup import on_sent
from assistant.store import linked, outbox
from assistant.store.db import transaction
from assistant.store.linked import LinkedMailbox
from assistant.store.models import OutboxMessage

log = logging.getLogger(__name__)

FILED_CHECKS = (0.3, 0.7, 1.0)  # seconds to wait before each look for the provider's copy


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
    file_in_sent(app, mailbox, raw, email.message_id)
    return delivery


def file_in_sent(app: App, mailbox: LinkedMailbox, raw: bytes, message_id: str) -> None:
    """Make sure the owner's Sent folder holds the follow-up. A failure here is logged, never
    raised: the follow-up left, and sending it again would be worse than a missing copy."""
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
    except Exception as exc:  # noqa: BLE001 - logged; raising would send the follow-up again
        log.warning("owner %d: the follow-up left but no copy is in Sent: %s",
                    mailbox.owner_id, exc)


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
