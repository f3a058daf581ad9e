"""Stage: the mailbox -> the inbound store, and processed mail out of the way.

One pass: list what is in the folder, fetch (``BODY.PEEK[]``) what the store has not seen,
keep the raw bytes (committed) and only then hand their ids to the processing jobs; move the
messages whose processing has finished to the processed or failed folder. A crash between any
two steps is repaired by the next pass: unseen mail is fetched again, stored mail is never
stored twice (mailbox position and sha256 are unique), pending rows are re-enqueued by
recovery, and finished rows are moved on the next pass.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant import metrics
from assistant.app import App
from assistant.faults import checkpoint
from assistant.mail.inbox import Inbox
from assistant.store import inbound
from assistant.store.db import transaction

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PassResult:
    stored: tuple[int, ...]
    moved: int


Enqueue = Callable[[Sequence[int]], None]  # hands stored messages' ids to one processing job


def ingest_pass(app: App, inbox: Inbox, uidvalidity: int | None,
                enqueue: Enqueue) -> PassResult:
    stored = fetch_new(app, inbox, uidvalidity, enqueue)
    return PassResult(stored=tuple(stored), moved=move_finished(app, inbox, uidvalidity))


def fetch_new(app: App, inbox: Inbox, uidvalidity: int | None, enqueue: Enqueue) -> list[int]:
    """Store what the store has not seen, a batch at a time; each committed batch is handed to
    the workers at once, in jobs of ``process_batch`` messages, so they process it while the
    next batch is fetched."""
    refs = inbox.list_refs()
    with transaction(app.sessions) as session:
        known = inbound.known_refs(session, inbox.identity, refs)
    unseen = [r for r in refs if r not in known]
    stored: list[int] = []
    batch = app.settings.fetch_batch
    for start in range(0, len(unseen), batch):
        messages = inbox.fetch(unseen[start:start + batch])
        checkpoint(app.settings.fault_points, "after_fetch")
        with transaction(app.sessions) as session:
            batch_ids = inbound.store_fetched_many(session, inbox.identity, uidvalidity,
                                                   messages, clock=app.clock)
        checkpoint(app.settings.fault_points, "after_store")
        enqueue_in_jobs(app, batch_ids, enqueue)
        stored.extend(batch_ids)
    if stored:
        metrics.record_ingested(len(stored))
        log.info("stored %d new message(s) from the inbox", len(stored))
    return stored


def move_finished(app: App, inbox: Inbox, uidvalidity: int | None) -> int:
    with transaction(app.sessions) as session:
        moves = inbound.pending_moves(session, inbox.identity, uidvalidity)
    if not moves:
        return 0
    checkpoint(app.settings.fault_points, "before_move")
    for failed, folder in ((False, app.settings.processed_folder),
                           (True, app.settings.failed_folder)):
        group = [m for m in moves if m.failed == failed]
        if group:
            inbox.move([m.source_ref for m in group], folder)
            with transaction(app.sessions) as session:
                inbound.mark_moved(session, [m.id for m in group])
    return len(moves)


def enqueue_in_jobs(app: App, ids: Sequence[int], enqueue: Enqueue) -> None:
    size = max(1, app.settings.process_batch)
    for start in range(0, len(ids), size):
        enqueue(list(ids[start:start + size]))
