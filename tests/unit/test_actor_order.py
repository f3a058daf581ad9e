"""The order in which a worker runs the jobs it has taken: emails that are ready go first."""

from __future__ import annotations

from dramatiq import Message
from dramatiq.worker import _WorkQueueItem

from workers import actors


def test_sends_run_before_the_notes_waiting_to_be_read() -> None:
    for send in (actors.send_outbox, actors.send_outbox_batch):
        for process in (actors.process_inbound, actors.process_inbound_batch):
            assert send.priority < process.priority


def test_a_worker_takes_a_send_queued_after_a_batch_of_notes_first() -> None:
    # dramatiq's work queue orders by priority, then by the time each job was queued
    notes = _WorkQueueItem(actors.process_inbound_batch.priority,
                           Message(queue_name="inbound", actor_name="process_inbound_batch",
                                   args=([1, 2],), kwargs={}, options={}))
    send = _WorkQueueItem(actors.send_outbox_batch.priority,
                          Message(queue_name="outbox", actor_name="send_outbox_batch",
                                  args=([7],), kwargs={}, options={}))
    assert min(notes, send) is send
