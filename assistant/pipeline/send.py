"""Stage: an outbox row -> one SMTP transaction.

The row is claimed (``pending`` -> ``sending``) in its own committed transaction before SMTP,
so two workers given the same job cannot both send it. 4xx answers and dropped connections
release the row for a retry with backoff; 5xx answers mark it failed for good.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy.exc import DBAPIError

from assistant import metrics
from assistant.app import App
from assistant.errors import DeliveryError, DeliveryRejected
from assistant.faults import checkpoint
from assistant.pipeline.followup import on_sent
from assistant.store import outbox
from assistant.store.db import transaction

log = logging.getLogger(__name__)


def send_outbox(app: App, outbox_id: int) -> str:
    """Send one row; returns its final status for this attempt (``sent``, ``skipped``...)."""
    with transaction(app.sessions) as session:
        email = outbox.load(session, outbox_id)
        if email is None or email.status != "pending":
            return "skipped"
        over = _over_limit(app, session, email)
        if over:
            raise DeliveryError(over)  # retried with backoff; recovery retries it later too
        if not outbox.claim(session, outbox_id):
            return "skipped"
    try:
        app.outgoing().send(email.raw, email.envelope_from, email.recipients)
    except DeliveryError as exc:
        with transaction(app.sessions) as session:
            outbox.release(session, outbox_id, str(exc))
        log.warning("outbox %d deferred (attempt %d): %s", outbox_id, email.attempts, exc)
        metrics.record_send_failure(email.purpose, permanent=False)
        raise
    except DeliveryRejected as exc:
        with transaction(app.sessions) as session:
            outbox.mark_failed(session, outbox_id, str(exc))
        log.error("outbox %d refused for good: %s", outbox_id, exc)
        metrics.record_send_failure(email.purpose, permanent=True)
        return "failed"
    except Exception as exc:  # released for the retry, then raised: nothing is swallowed
        with transaction(app.sessions) as session:
            outbox.release(session, outbox_id, f"{type(exc).__name__}: {exc}")
        raise
    checkpoint(app.settings.fault_points, "after_smtp")
    _record_sent(app, outbox_id, follow_up=email.purpose == "followup")
    metrics.record_sent(email.purpose)
    log.info("outbox %d sent (%s)", outbox_id, email.purpose)
    return "sent"


def _record_sent(app: App, outbox_id: int, *, follow_up: bool, attempts: int = 5) -> None:
    """Commit the send, retrying a dropped database connection: the SMTP transaction has
    happened, and a row left in ``sending`` is only resolved by the blind copy or, after the
    receipt grace, sent again. A failed attempt rolled back, so a retry writes nothing twice."""
    for attempt in range(attempts):
        try:
            with transaction(app.sessions) as session:
                outbox.mark_sent(session, outbox_id)
                if follow_up:
                    on_sent(session, outbox_id, app.clock())
            return
        except DBAPIError as exc:
            if not exc.connection_invalidated or attempt == attempts - 1:
                raise
            log.warning("recording the send of outbox %d: database connection lost; retrying",
                        outbox_id)
            time.sleep(0.5 * 2 ** attempt)


def _over_limit(app: App, session, email: outbox.OutgoingEmail) -> str | None:  # type: ignore[no-untyped-def]
    """Per-owner limits on follow-ups to contacts, per hour and per day."""
    if email.purpose != "followup" or email.owner_id is None:
        return None
    now = datetime.now(UTC)
    settings = app.settings
    for window, limit in ((timedelta(hours=1), settings.sends_per_owner_per_hour),
                          (timedelta(days=1), settings.sends_per_owner_per_day)):
        if outbox.sent_by_owner(session, email.owner_id, "followup", now - window) >= limit:
            return f"the owner's limit of {limit} follow-ups per {_words(window)} is reached"
    return None


def _words(window: timedelta) -> str:
    return "hour" if window <= timedelta(hours=1) else "day"
