"""Re-enqueue what the database says is unfinished: the database, not the broker, is the truth.

Run at start (everything pending) and periodically (work whose job was lost: the process died
after committing and before enqueuing, or the broker lost its queue). Jobs are idempotent, so
enqueuing one twice is harmless.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select

from assistant.app import App
from assistant.pipeline import owner_send
from assistant.pipeline.ingest import Enqueue, enqueue_in_jobs
from assistant.pipeline.send import tell_uncertain
from assistant.store import outbox
from assistant.store.db import transaction
from assistant.store.models import InboundMessage, OutboxMessage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recovered:
    inbound: tuple[int, ...]
    outbox: tuple[int, ...]


def requeue(app: App, enqueue_process: Enqueue,
            enqueue_send: Callable[[int], None], *, older_than: timedelta = timedelta(0),
            now: datetime | None = None) -> Recovered:
    now = now or app.clock()
    cutoff = now - older_than
    stale_claim = timedelta(seconds=app.settings.send_lease_seconds)
    grace = timedelta(seconds=app.settings.receipt_grace_seconds)
    # Linked owners' follow-ups first: their Sent folder says whether they left.
    owner_send.settle_from_sent(app, now)
    # Copies of sent follow-ups still owed to the owner's Sent folder: filed, never resent.
    copy_notices = owner_send.file_owed_copies(app, now)
    with transaction(app.sessions) as session:
        # A claim whose lease lapsed belongs to a worker that died (or hung) mid-send: the row
        # is sent again at once, whatever its age.
        released = outbox.release_stale(session, now - stale_claim, now - grace)
        # Follow-ups that went without their receipt copy and whose worker died: never sent
        # again (nothing can tell whether they left); the owner is told instead.
        notices = [tell_uncertain(app, session, email, now)
                   for email in outbox.settle_unconfirmed(session, now - stale_claim)]
        inbound_ids = list(session.scalars(select(InboundMessage.id).where(
            InboundMessage.status == "pending", InboundMessage.received_at <= cutoff)
            .order_by(InboundMessage.id)))
        outbox_ids = list(session.scalars(select(OutboxMessage.id).where(
            OutboxMessage.status == "pending", OutboxMessage.created_at <= cutoff,
            or_(OutboxMessage.claimed_at.is_(None),
                OutboxMessage.claimed_at <= now - stale_claim))
            .order_by(OutboxMessage.id)))
    enqueue_in_jobs(app, inbound_ids, enqueue_process)
    emails = list(dict.fromkeys([*released, *outbox_ids, *copy_notices,
                                 *(n for n in notices if n is not None)]))
    for outbox_id in emails:
        enqueue_send(outbox_id)
    if inbound_ids or emails:
        log.info("re-enqueued %d message(s) and %d email(s)", len(inbound_ids), len(emails))
    return Recovered(tuple(inbound_ids), tuple(emails))
