"""Dramatiq actors: thin, ids in, the pipeline does the work; every one idempotent.

At-least-once delivery is the broker's promise; exactly-once effects come from the pipeline
(unique keys, conditional claims, one transaction per step).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dramatiq

from assistant import metrics
from assistant.app import App, build_app
from assistant.errors import PermanentError
from assistant.pipeline import draft, process, send, send_batch
from assistant.settings import Settings
from workers.broker import ensure_placeholder

ensure_placeholder()

_app: App | None = None
RETRY: dict[str, Any] = {"max_retries": 12, "min_backoff": 1_000, "max_backoff": 300_000,
         "throws": (PermanentError,)}
# A worker runs the jobs it has taken lowest priority first: an email that is ready goes out
# before the notes still waiting to be read (a batch of notes takes some 0.2 s of CPU, a send
# job mostly waits on the relay), so acknowledgements do not queue up behind a busy inbox.
SEND_FIRST = -10


def configure(app: App, broker: dramatiq.Broker) -> None:
    """Bind the actors to ``broker`` and the pipeline to ``app`` (entry points call this)."""
    global _app
    _app = app
    dramatiq.set_broker(broker)
    for actor in ACTORS:
        actor.broker = broker
        broker.declare_actor(actor)


def current_app() -> App:
    global _app
    if _app is None:  # started as `dramatiq workers.actors`: build from the environment
        _app = build_app(Settings.from_env())
    return _app


@dramatiq.actor(queue_name="inbound", **RETRY)
def process_inbound(inbound_id: int) -> None:
    _process_and_send([inbound_id])


@dramatiq.actor(queue_name="inbound", **RETRY)
def process_inbound_batch(inbound_ids: list[int]) -> None:
    _process_and_send(inbound_ids)


def _process_and_send(inbound_ids: list[int]) -> None:
    batch = process.process_batch(current_app(), inbound_ids)
    queued: list[int] = []
    for outcome in batch.outcomes:
        metrics.record_processed(outcome.status, outcome.kind)
        queued.extend(i for i in outcome.outbox_ids if i is not None)
    enqueue_sends(queued)
    if batch.error is not None:
        raise batch.error  # retried with backoff; only the messages still pending are redone


@dramatiq.actor(queue_name="outbox", priority=SEND_FIRST, **RETRY)
def send_outbox(outbox_id: int) -> None:
    send.send_outbox(current_app(), outbox_id, enqueue_send)


@dramatiq.actor(queue_name="outbox", priority=SEND_FIRST, **RETRY)
def send_outbox_batch(outbox_ids: list[int]) -> None:
    send_batch.send_batch(current_app(), outbox_ids, enqueue_send)


@dramatiq.actor(queue_name="drafts", **RETRY)
def draft_followup(followup_id: int) -> None:
    outbox_id = draft.draft_followup(current_app(), followup_id)
    if outbox_id is not None:
        metrics.record_draft()
        send_outbox.send(outbox_id)


@dramatiq.actor(queue_name="summaries", **RETRY)
def send_summary(owner_id: int, week: str) -> None:
    from assistant.summary.deliver import queue_summary

    app = current_app()
    outbox_id = queue_summary(app, owner_id, week, app.clock())
    if outbox_id is not None:
        send_outbox.send(outbox_id)


ACTORS = (process_inbound, process_inbound_batch, send_outbox, send_outbox_batch, draft_followup,
          send_summary)


def enqueue_processing(inbound_ids: Sequence[int]) -> None:
    """One job for these stored messages (the pipeline decides how many go together)."""
    if len(inbound_ids) == 1:
        process_inbound.send(inbound_ids[0])
    elif inbound_ids:
        process_inbound_batch.send(list(inbound_ids))


def enqueue_send(outbox_id: int) -> None:
    send_outbox.send(outbox_id)


def enqueue_sends(outbox_ids: Sequence[int]) -> None:
    """One job for the emails a batch queued: they go out on one SMTP connection."""
    if len(outbox_ids) == 1:
        send_outbox.send(outbox_ids[0])
    elif outbox_ids:
        send_outbox_batch.send(list(dict.fromkeys(outbox_ids)))


def enqueue_draft(followup_id: int) -> None:
    draft_followup.send(followup_id)


def enqueue_summary(owner_id: int, week: str) -> None:
    send_summary.send(owner_id, week)
