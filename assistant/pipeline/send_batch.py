"""Stage: several outbox rows -> SMTP transactions on one connection, in one job.

A batch of notes queues a batch of emails to owners (acknowledgements, mostly); sending them
one job each cost a broker round trip, two transactions and a pool checkout per email. Here
the rows are read, paced and claimed together (one transaction), then each goes through this
thread's open SMTP connection and its send is committed on its own right after the relay's
answer, on one database connection held for the batch. The guarantees are those of
``assistant.pipeline.send``: a row is claimed (``pending`` -> ``sending``) before SMTP, so of
two workers one sends it; a worker that dies between the relay's answer and the commit leaves
that one row to be sent again once its lease lapses (at least once), and the rows it had
claimed but not sent yet are sent once, after the same lease.

Follow-ups to contacts keep their own path (``send.send_outbox``): receipt copies, the owner's
own server, never twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from assistant import metrics
from assistant.app import App
from assistant.errors import DeliveryError, DeliveryRejected, TransientError
from assistant.faults import checkpoint
from assistant.mail.smtp import Delivery
from assistant.pipeline import send
from assistant.store import outbox
from assistant.store.db import table_of, transaction
from assistant.store.models import OutboxMessage
from assistant.store.outbox import OutgoingEmail

log = logging.getLogger(__name__)


def send_batch(app: App, outbox_ids: Sequence[int],
               enqueue: Callable[[int], None] | None = None) -> dict[int, str]:
    """Send these rows; returns each one's status for this attempt (``sent``, ``skipped``,
    ``failed``, ``deferred``...). When some could not go now (the relay deferred them, or the
    owner's hourly budget is spent) they are left pending and the first such error is raised
    after the others went, so the job is retried with backoff."""
    now = app.clock()
    with transaction(app.sessions) as session:
        emails = [e for e in outbox.load_many(session, outbox_ids) if e.status == "pending"]
        followups = [e.id for e in emails if e.purpose == "followup"]
        allowed, waiting = _within_budgets(app, session, [e for e in emails
                                                          if e.purpose != "followup"], now)
        claimed_ids = outbox.claim_many(session, [e.id for e in allowed], now)
        claimed = [e for e in allowed if e.id in claimed_ids]
        received = outbox.acks_received_at(session, claimed)
    results = dict.fromkeys(outbox_ids, "skipped")
    errors: list[Exception] = []
    # Each send is recorded by one UPDATE committed on its own: in autocommit, no BEGIN and
    # COMMIT round trips around it, and on PostgreSQL without waiting for its WAL flush
    with app.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection, \
            _commits_unflushed(connection):
        for n, email in enumerate(claimed):
            try:
                results[email.id] = _send_one(app, connection, email, received.get(email.id))
            except DeliveryError as exc:
                results[email.id] = "deferred"
                errors.append(exc)
            except Exception:  # the rest go back to pending for the retry; nothing swallowed
                # (this one was released before SMTP, or stays claimed when the relay took it
                # and its record failed: then only the lease sends it again)
                with transaction(app.sessions) as session:
                    outbox.release_many(session, [e.id for e in claimed[n + 1:]],
                                        "not sent: the batch stopped on an error")
                raise
    for outbox_id in followups:
        try:
            results[outbox_id] = send.send_outbox(app, outbox_id, enqueue)
        except (DeliveryError, TransientError) as exc:
            results[outbox_id] = "deferred"
            errors.append(exc)
    for email, reason in waiting:
        results[email.id] = "deferred"
        errors.append(DeliveryError(reason))
    sent = [i for i, status in results.items() if status == "sent"]
    if sent:
        log.info("outbox: %d email(s) sent (%s)", len(sent), _span(sent))
    if errors:
        raise errors[0]
    return results


def _send_one(app: App, connection: Connection, email: OutgoingEmail,
              received_at: datetime | None) -> str:
    try:
        delivery = app.outgoing().send(email.raw, email.envelope_from, email.recipients)
    except DeliveryError as exc:
        with transaction(app.sessions) as session:
            outbox.release(session, email.id, str(exc))
        log.warning("outbox %d deferred (attempt %d): %s", email.id, email.attempts + 1, exc)
        metrics.record_send_failure(email.purpose, permanent=False)
        raise
    except DeliveryRejected as exc:
        with transaction(app.sessions) as session:
            outbox.mark_failed(session, email.id, str(exc))
        log.error("outbox %d refused for good: %s", email.id, exc)
        metrics.record_send_failure(email.purpose, permanent=True)
        return "failed"
    except Exception as exc:  # released for the retry, then raised: nothing is swallowed
        with transaction(app.sessions) as session:
            outbox.release(session, email.id, f"{type(exc).__name__}: {exc}")
        raise
    checkpoint(app.settings.fault_points, "after_smtp")
    _record_sent(app, connection, email, delivery)
    metrics.record_sent(email.purpose)
    if received_at is not None:  # from the store's arrival to the SMTP acceptance
        metrics.observe_ack_latency((app.clock() - received_at).total_seconds())
    return "sent"


def _record_sent(app: App, connection: Connection, email: OutgoingEmail,
                 delivery: Delivery) -> None:
    """The send committed at once, on the batch's connection; when that connection fails,
    ``send``'s own path commits it (retrying a dropped connection)."""
    if not delivery.refused:
        try:
            connection.execute(_MARK_SENT, {"outbox_id": email.id, "sent_now": app.clock()})
            return  # committed (autocommit)
        except DBAPIError:
            log.warning("recording the send of outbox %d on the batch's connection failed; "
                        "recording it again", email.id, exc_info=True)
            _forget(connection)
    send.record_sent(app, email, delivery)  # refused recipients noted there too


@contextmanager
def _commits_unflushed(connection: Connection) -> Iterator[None]:
    """On PostgreSQL, the connection's commits return before their WAL is flushed to disk
    (``synchronous_commit = off``; set back before the connection returns to the pool). A
    recorded send is visible to every worker at once, and survives a worker's death, as
    before; only a crash of the database server itself within a fraction of a second (its
    WAL writer's delay) may lose the record, and the email is then sent again once its lease
    lapses, as when a worker dies before recording it: at least once, as mail to the owner
    is by design (the rows sent here are never follow-ups to contacts). It spares a disk
    flush, and the wait for it, per email."""
    if connection.dialect.name != "postgresql":
        yield
        return
    connection.exec_driver_sql("SET synchronous_commit = off")
    try:
        yield
    finally:
        try:
            connection.exec_driver_sql("RESET synchronous_commit")
        except DBAPIError:  # the connection is broken: it is not given back to the pool
            log.debug("resetting synchronous_commit failed", exc_info=True)
            connection.invalidate()


def _mark_sent() -> Any:
    """``outbox.mark_sent``'s UPDATE, built once: each send passes its row and time."""
    table = table_of(OutboxMessage)
    return update(table).where(table.c.id == bindparam("outbox_id")).values(
        status="sent", sent_at=bindparam("sent_now"), last_error=None)


_MARK_SENT = _mark_sent()


def _forget(connection: Connection) -> None:
    try:
        connection.rollback()
    except DBAPIError:  # the connection is gone; the next statement opens a new one
        log.debug("rollback after a failed commit failed too", exc_info=True)


def _within_budgets(app: App, session: Session, emails: list[OutgoingEmail],
                    now: datetime) -> tuple[list[OutgoingEmail], list[tuple[OutgoingEmail, str]]]:
    """The emails the owners' hourly budgets let go now (``send``'s pacing, counted once per
    owner and kind for the batch), and the ones that wait, with why."""
    limit = app.settings.replies_per_sender_per_hour
    since = now - timedelta(hours=1)
    room: dict[tuple[int, tuple[str, ...]], int] = {}
    allowed: list[OutgoingEmail] = []
    waiting: list[tuple[OutgoingEmail, str]] = []
    for email in emails:
        kinds = next((k for k in (send.NOTICES, send.CONVERSATION) if email.purpose in k), None)
        if email.owner_id is None or kinds is None:
            allowed.append(email)
            continue
        budget = (email.owner_id, kinds)
        if budget not in room:
            room[budget] = limit - outbox.sent_by_owner(session, email.owner_id, kinds, since)
        if room[budget] > 0:
            room[budget] -= 1
            allowed.append(email)
        else:
            waiting.append((email, f"{limit} emails of this kind went to the owner in the last "
                                   "hour; this one waits for the next window"))
    return allowed, waiting


def _span(ids: list[int]) -> str:
    return f"{ids[0]}" if len(ids) == 1 else f"{min(ids)}..{max(ids)}"
