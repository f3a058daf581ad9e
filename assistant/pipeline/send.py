"""Stage: an outbox row -> one SMTP transaction.

The row is claimed (``pending`` -> ``sending``) in its own committed transaction before SMTP,
so two workers given the same job cannot both send it. Nothing is delivered unless every RCPT
answer allows it (``assistant.mail.smtp``), so a retry never repeats what someone got:
4xx answers, a refused login and dropped connections release the row for a retry with
backoff; 5xx answers fail it for good, and a follow-up refused for good is told to the owner.
A follow-up of an owner who linked their own mailbox goes through that mailbox's submission
server instead of the relay (``assistant.pipeline.owner_send``).

Emails to an owner are paced, never dropped: each kind has an hourly budget per owner, and an
email over it stays pending until the window has room (the recovery sweep re-enqueues it).
Acknowledgements and other notices have a budget of their own, so a burst of notes never
starves the owner's approval requests or the answers to their commands.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from assistant import metrics
from assistant.app import App
from assistant.errors import DeliveryError, DeliveryRejected
from assistant.faults import checkpoint
from assistant.mail.smtp import Delivery, Receipt
from assistant.pipeline.bounces import followup_of, undelivered
from assistant.pipeline.followup import on_sent
from assistant.pipeline.notify import queue_to_owner
from assistant.pipeline.owner_send import SubmissionUnknown, deliver_as_owner
from assistant.store import linked, outbox, owners
from assistant.store.db import transaction
from assistant.store.models import FollowUp

log = logging.getLogger(__name__)

# Per owner and hour; a burst over a budget waits for the next window.
NOTICES = ("ack", "failed", "quarantine", "resources", "bounce", "sent_copy")
CONVERSATION = ("approval", "command", "approval_refused", "approval_unclear", "undeliverable",
                "uncertain")
RECEIPT_TRIES = 5  # after as many deferrals of the receipt copy, a follow-up goes without it


def send_outbox(app: App, outbox_id: int,
                enqueue: Callable[[int], None] | None = None) -> str:
    """Send one row; returns its final status for this attempt (``sent``, ``skipped``...).

    A notice this send leads to (a follow-up refused for good) is handed to ``enqueue``
    once committed; without one, the recovery sweep sends it.
    """
    now = app.clock()
    with transaction(app.sessions) as session:
        email = outbox.load(session, outbox_id)
        if email is None or email.status != "pending":
            return "skipped"
        over = _over_limit(app, session, email, now)
        if over:
            raise DeliveryError(over)  # retried with backoff; recovery retries it later too
        if not outbox.claim(session, outbox_id, now):
            return "skipped"
        # read with the claim: no transaction of its own after the send
        received_at = outbox.ack_received_at(session, outbox_id) if email.purpose == "ack" \
            else None
        mailbox = (linked.linked_for(session, email.owner_id)
                   if email.purpose == "followup" else None)
    recipients, receipt = _envelope(app, email)
    try:
        if mailbox is not None:  # the owner's own server; the Sent folder is the receipt
            delivery = deliver_as_owner(app, email, mailbox)
        else:
            delivery = app.outgoing().send(email.raw, email.envelope_from, recipients,
                                           receipt=_receipt(app, email, receipt))
    except SubmissionUnknown as exc:
        log.warning("outbox %d may have been taken by the owner's server (%s); the Sent folder "
                    "will tell", outbox_id, exc)
        return "unconfirmed"
    except DeliveryError as exc:
        with transaction(app.sessions) as session:
            outbox.release(session, outbox_id, str(exc))
        log.warning("outbox %d deferred (attempt %d): %s", outbox_id, email.attempts, exc)
        metrics.record_send_failure(email.purpose, permanent=False)
        raise
    except DeliveryRejected as exc:
        notice = _record_refused(app, email, getattr(exc, "refused", {}), str(exc))
        if notice is not None and enqueue is not None:
            enqueue(notice)
        log.error("outbox %d refused for good: %s", outbox_id, exc)
        metrics.record_send_failure(email.purpose, permanent=True)
        return "failed"
    except Exception as exc:  # released for the retry, then raised: nothing is swallowed
        with transaction(app.sessions) as session:
            outbox.release(session, outbox_id, f"{type(exc).__name__}: {exc}")
        raise
    checkpoint(app.settings.fault_points, "after_smtp")
    notice = record_sent(app, email, delivery)
    if notice is not None and enqueue is not None:
        enqueue(notice)
    metrics.record_sent(email.purpose)
    if received_at is not None:  # from the store's arrival to the SMTP acceptance
        metrics.observe_ack_latency((app.clock() - received_at).total_seconds())
    log.info("outbox %d sent (%s)", outbox_id, email.purpose)
    return "sent"


def _envelope(app: App, email: outbox.OutgoingEmail) -> tuple[tuple[str, ...], str | None]:
    """The real recipients, and the assistant's receipt copy apart from them (follow-ups)."""
    own = app.settings.assistant_address.lower()
    if email.purpose != "followup":
        return email.recipients, None
    real = tuple(r for r in email.recipients if r.lower() != own)
    return real, own if len(real) < len(email.recipients) else None


def _receipt(app: App, email: outbox.OutgoingEmail, address: str | None) -> Receipt | None:
    """The receipt copy of a follow-up; going without it is committed before DATA."""
    if address is None:
        return None

    def going_without(answer: str) -> None:
        with transaction(app.sessions) as session:
            if not outbox.mark_unconfirmed(session, email.id, answer):
                raise DeliveryError(f"outbox {email.id} is no longer claimed by this worker")

    return Receipt(address, required=email.attempts < RECEIPT_TRIES, going_without=going_without)


def tell_uncertain(app: App, session: Session, email: outbox.OutgoingEmail,
                   now: datetime) -> int | None:
    """A follow-up that may or may not have left (no receipt could prove it, and the worker
    died around the SMTP transaction): it is not sent again, and the owner is told."""
    if email.owner_id is None:
        return None
    followup_id = followup_of(session, email.id)
    session.execute(update(FollowUp).where(FollowUp.id == followup_id,
                                           FollowUp.status == "approved")
                    .values(status="uncertain"))
    owner = owners.owner_by_id(session, email.owner_id)
    if owner is None:
        return None
    return queue_to_owner(app, session, key=f"uncertain:{email.id}", purpose="uncertain",
                          owner=owner, raw=b"", template="uncertain", now=now,
                          context={"addresses": list(_envelope(app, email)[0])})


def record_sent(app: App, email: outbox.OutgoingEmail, delivery: Delivery,
                attempts: int = 5) -> int | None:
    """Commit the send, retrying a dropped database connection: the SMTP transaction has
    happened, and a row left in ``sending`` is only resolved by the blind copy or, after the
    receipt grace, sent again. A failed attempt rolled back, so a retry writes nothing twice."""
    for attempt in range(attempts):
        try:
            now, notice = app.clock(), None
            with transaction(app.sessions) as session:
                outbox.mark_sent(session, email.id, now)
                if email.purpose == "followup":
                    on_sent(session, email.id, now)
                    if delivery.refused:
                        notice = _tell_undeliverable(app, session, email, delivery.refused,
                                                     now)
                if delivery.refused:
                    outbox.note_error(session, email.id, "refused: " + "; ".join(
                        f"{a}: {why}" for a, why in delivery.refused.items()))
            return notice
        except DBAPIError as exc:
            if not exc.connection_invalidated or attempt == attempts - 1:
                raise
            log.warning("recording the send of outbox %d: database connection lost; retrying",
                        email.id)
            time.sleep(0.5 * 2 ** attempt)
    return None


def _record_refused(app: App, email: outbox.OutgoingEmail, refused: Mapping[str, str],
                    error: str) -> int | None:
    """Failed for good. For a follow-up, the owner is told; the addresses are marked bad only
    when the relay refused them (RCPT), not when it refused the message itself."""
    now = app.clock()
    with transaction(app.sessions) as session:
        outbox.mark_failed(session, email.id, error)
        if email.purpose == "followup":
            return _tell_undeliverable(app, session, email, refused, now, error=error)
    return None


def _tell_undeliverable(app: App, session: Session, email: outbox.OutgoingEmail,
                        refused: Mapping[str, str], now: datetime,
                        error: str = "") -> int | None:
    """A follow-up the relay refused for good is handled like a bounce; the addresses are
    blamed only when the relay refused them (RCPT), not the message itself."""
    if email.owner_id is None:
        return None
    return undelivered(app, session, owner_id=email.owner_id, outbox_id=email.id,
                       bad=[a.lower() for a in refused],
                       status="; ".join(dict.fromkeys(refused.values())) or error,
                       key=f"undeliverable:{email.id}", purpose="undeliverable", now=now,
                       recipients=list(_envelope(app, email)[0]))


def _over_limit(app: App, session: Session, email: outbox.OutgoingEmail,
                now: datetime) -> str | None:
    """Per-owner budgets: follow-ups to contacts per hour and per day; emails to the owner
    per hour, notices apart from the owner's conversation with the assistant."""
    if email.owner_id is None:
        return None
    settings = app.settings
    if email.purpose == "followup":
        for window, limit in ((timedelta(hours=1), settings.sends_per_owner_per_hour),
                              (timedelta(days=1), settings.sends_per_owner_per_day)):
            if outbox.sent_by_owner(session, email.owner_id, ("followup",),
                                    now - window) >= limit:
                return f"the owner's limit of {limit} follow-ups per {_words(window)} is reached"
        return None
    for kinds in (NOTICES, CONVERSATION):
        if email.purpose in kinds and outbox.sent_by_owner(
                session, email.owner_id, kinds,
                now - timedelta(hours=1)) >= settings.replies_per_sender_per_hour:
            return (f"{settings.replies_per_sender_per_hour} emails of this kind went to the "
                    "owner in the last hour; this one waits for the next window")
    return None


def _words(window: timedelta) -> str:
    return "hour" if window <= timedelta(hours=1) else "day"
