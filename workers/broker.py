"""The broker: Dramatiq on Redis when ``ASSISTANT_REDIS_URL`` is set, else in-process.

The in-process broker is Dramatiq's StubBroker with a Worker in the same process: nothing is
durable there, which is fine because the database is the source of truth and recovery
re-enqueues pending work at start.

Latency: an idle Dramatiq consumer backs off up to ``worker_timeout`` between polls (1 s by
default); the assistant sets it to 100 ms (``ASSISTANT_WORKER_TIMEOUT_MS``) so a message
waits at most about that long in an idle queue. That is for the queues someone waits on (the
owner's notes, ``inbound``, and the emails to them, ``outbox``); the others (drafts the
scheduler queues, weekly summaries, and every queue's delay queue, where retries wait out a
backoff of a second or more) are polled at most once a second (``SLOW_POLL_MS``): each idle
consumer polls Redis with a script call, and a worker has eight of them, which cost an idle
worker 45 ms of CPU a second at 100 ms (about 1 ms per note of the ingestion benchmark's two
workers). Redis prefetch stays at Dramatiq's default (twice the worker threads): larger
prefetch would let one worker hoard messages that another idle worker could run.

Garbage collection: processing a batch of notes allocates millions of short-lived objects
(the parser's tokens and header objects, SQLAlchemy's statement contexts), and with Python's
default threshold the youngest generation is collected every 700 net allocations, about 80
times per 400 notes, 0.3 ms of CPU per note. A worker collects it every ``YOUNG_OBJECTS``
instead (0.1 ms per note): what is garbage is freed by its reference count as before, only
objects in reference cycles wait a little longer.
"""

from __future__ import annotations

import gc

import dramatiq
import dramatiq.broker
from dramatiq.broker import Consumer
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker

from assistant.settings import Settings


def ensure_placeholder() -> None:
    """Give actor declarations a broker at import time, without connecting anywhere."""
    if dramatiq.broker.global_broker is None:
        dramatiq.set_broker(StubBroker())


# Queues whose jobs someone is waiting for: polled every worker_timeout when idle
PROMPT_QUEUES = frozenset({"inbound", "outbox"})
SLOW_POLL_MS = 1000


class _Broker(RedisBroker):
    """Dramatiq's Redis broker, its consumers of queues no one waits on polling less often."""

    def consume(self, queue_name: str, prefetch: int = 1, timeout: int = 5000) -> Consumer:
        if queue_name not in PROMPT_QUEUES:
            timeout = max(timeout, SLOW_POLL_MS)
        return super().consume(queue_name, prefetch, timeout)


def make_broker(settings: Settings) -> dramatiq.Broker:
    if settings.redis_url:
        return _Broker(url=settings.redis_url)
    return StubBroker()


# Container allocations (net of frees) between two collections of the youngest generation
YOUNG_OBJECTS = 10_000


def tune_collector() -> None:
    """Fewer collections of short-lived objects (process-wide; a higher threshold is kept)."""
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(young, YOUNG_OBJECTS), middle, old)


def start_worker(broker: dramatiq.Broker, settings: Settings,
                 queues: set[str] | None = None) -> dramatiq.Worker:
    tune_collector()
    worker = dramatiq.Worker(broker, queues=queues, worker_threads=settings.worker_threads,
                             worker_timeout=settings.worker_timeout_ms)
    worker.start()
    return worker
