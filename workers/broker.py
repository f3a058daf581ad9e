"""The broker: Dramatiq on Redis when ``ASSISTANT_REDIS_URL`` is set, else in-process.

The in-process broker is Dramatiq's StubBroker with a Worker in the same process: nothing is
durable there, which is fine because the database is the source of truth and recovery
re-enqueues pending work at start.

Latency: an idle Dramatiq consumer backs off up to ``worker_timeout`` between polls (1 s by
default); the assistant sets it to 100 ms (``ASSISTANT_WORKER_TIMEOUT_MS``) so a message
waits at most about that long in an idle queue. Redis prefetch stays at Dramatiq's default
(twice the worker threads): larger prefetch would let one worker hoard messages that another
idle worker could run.
"""

from __future__ import annotations

import dramatiq
import dramatiq.broker
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker

from assistant.settings import Settings


def ensure_placeholder() -> None:
    """Give actor declarations a broker at import time, without connecting anywhere."""
    if dramatiq.broker.global_broker is None:
        dramatiq.set_broker(StubBroker())


def make_broker(settings: Settings) -> dramatiq.Broker:
    if settings.redis_url:
        return RedisBroker(url=settings.redis_url)
    return StubBroker()


def start_worker(broker: dramatiq.Broker, settings: Settings,
                 queues: set[str] | None = None) -> dramatiq.Worker:
    worker = dramatiq.Worker(broker, queues=queues, worker_threads=settings.worker_threads,
                             worker_timeout=settings.worker_timeout_ms)
    worker.start()
    return worker
