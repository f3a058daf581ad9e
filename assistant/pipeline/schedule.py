"""The scheduler tick: due rows in the database -> jobs.

Follow-ups whose time has come become drafting jobs; owners whose weekly slot has passed get
their summary job; acknowledgements held for a burst are combined when its window ends. The
tick only enqueues: each job claims its row with a conditional update, so a tick that runs
twice (two schedulers, a restart) drafts nothing twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from assistant.app import App
from assistant.pipeline import calm_acks
from assistant.store import followups
from assistant.store.db import transaction
from assistant.summary.schedule import owners_due

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Tick:
    drafts: tuple[int, ...]
    summaries: tuple[tuple[int, str], ...]


def tick(app: App, enqueue_draft: Callable[[int], None],
         enqueue_summary: Callable[[int, str], None], *,
         enqueue_send: Callable[[int], None] | None = None) -> Tick:
    now = app.clock()
    # Held acknowledgements whose burst window has ended: one combined email per owner
    # (without ``enqueue_send``, the recovery sweep sends it)
    for outbox_id in calm_acks.flush_due(app, now):
        if enqueue_send is not None:
            enqueue_send(outbox_id)
    with transaction(app.sessions) as session:
        due = followups.due_ids(session, now)
        summaries = _summaries_due(session, now)
    for followup_id in due:
        enqueue_draft(followup_id)
    for owner_id, week in summaries:
        enqueue_summary(owner_id, week)
    if due or summaries:
        log.info("tick: %d draft(s) and %d summar(ies) due", len(due), len(summaries))
    return Tick(tuple(due), tuple(summaries))


def _summaries_due(session: Session, now: datetime) -> list[tuple[int, str]]:
    return owners_due(session, now)
