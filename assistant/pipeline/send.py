"""Stage: an outbox row -> one SMTP transaction.

The row is claimed (``pending`` -> ``sending``) in its own committed transaction before SMTP,
so two workers given the same job cannot both send it. 4xx answers and dropped connections
release the row for a retry with backoff; 5xx answers mark it failed for good.
"""

from __future__ import annotations

import logging

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
        if not outbox.claim(session, outbox_id):
            return "skipped"
        email = outbox.load(session, outbox_id)
    assert email is not None
    try:
        app.outgoing().send(email.raw, email.envelope_from, email.recipients)
    except DeliveryError as exc:
        with transaction(app.sessions) as session:
            outbox.release(session, outbox_id, str(exc))
        log.warning("outbox %d deferred (attempt %d): %s", outbox_id, email.attempts, exc)
        raise
    except Exception as exc:  # released for the retry, then raised: nothing is swallowed
        with transaction(app.sessions) as session:
            outbox.release(session, outbox_id, f"{type(exc).__name__}: {exc}")
        raise
    except DeliveryRejected as exc:
        with transaction(app.sessions) as session:
            outbox.mark_failed(session, outbox_id, str(exc))
        log.error("outbox %d refused for good: %s", outbox_id, exc)
        return "failed"
    checkpoint(app.settings.fault_points, "after_smtp")
    with transaction(app.sessions) as session:
        outbox.mark_sent(session, outbox_id)
        on_sent(session, outbox_id, app.clock())
    log.info("outbox %d sent (%s)", outbox_id, email.purpose)
    return "sent"
