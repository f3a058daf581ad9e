"""Long-running processes: ``run`` (all in one), ``watch``, ``worker`` and ``scheduler``."""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

import dramatiq

from assistant import metrics
from assistant.app import App, build_app
from assistant.errors import ConfigurationError
from assistant.locks import RedisLeader, always_leader
from assistant.mail.inbox import mailbox_identity
from assistant.pipeline import recovery, schedule
from assistant.pipeline.watch import Watcher
from assistant.settings import Settings
from assistant.store.db import ensure_schema
from workers import actors
from workers.broker import make_broker, start_worker

log = logging.getLogger(__name__)

SWEEP_EVERY = 30.0
SWEEP_AGE = timedelta(seconds=60)


def stop_on_signals() -> threading.Event:
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    return stop


Clock = Callable[[], datetime]


@contextmanager
def running_app(settings: Settings,
                clock: Clock | None = None) -> Iterator[tuple[App, dramatiq.Broker]]:
    ensure_schema(settings.database_url)
    app = build_app(settings, clock)
    broker = make_broker(settings)
    metrics.instrument_broker(broker)
    if settings.metrics_port:
        metrics.start_metrics_server(settings.metrics_port)
    actors.configure(app, broker)
    try:
        yield app, broker
    finally:
        broker.close()
        app.close()


def run_all(settings: Settings, stop: threading.Event, clock: Clock | None = None) -> None:
    """Watcher, scheduler and worker threads in this process (the embedded default)."""
    with running_app(settings, clock) as (app, broker):
        worker = start_worker(broker, settings)
        try:
            recovery.requeue(app, actors.enqueue_processing, actors.enqueue_send)
            sweeper = _start_scheduler(app, stop, _leader(settings, "scheduler"))
            Watcher(app, actors.enqueue_processing, stop,
                    _leader(settings, f"watch:{mailbox_identity(settings)}")).run()
            sweeper.join()
        finally:
            worker.stop()


def run_watcher(settings: Settings, stop: threading.Event) -> None:
    _require_redis(settings, "watch")
    with running_app(settings) as (app, _broker):
        Watcher(app, actors.enqueue_processing, stop,
                _leader(settings, f"watch:{mailbox_identity(settings)}")).run()


def run_worker(settings: Settings, stop: threading.Event) -> None:
    _require_redis(settings, "worker")
    with running_app(settings) as (_app, broker):
        worker = start_worker(broker, settings)
        stop.wait()
        worker.stop()


def run_scheduler(settings: Settings, stop: threading.Event) -> None:
    _require_redis(settings, "scheduler")
    with running_app(settings) as (app, _broker):
        recovery.requeue(app, actors.enqueue_processing, actors.enqueue_send)
        _start_scheduler(app, stop, _leader(settings, "scheduler")).join()


def _start_scheduler(app: App, stop: threading.Event,
                     leader: Callable[[], bool]) -> threading.Thread:
    """Ticks (due drafts and summaries) and recovery sweeps, while this process leads."""
    def loop() -> None:
        last_sweep = time.monotonic()
        while not stop.wait(app.settings.tick_seconds):
            if not leader():
                continue
            try:
                schedule.tick(app, actors.enqueue_draft, actors.enqueue_summary,
                              enqueue_send=actors.enqueue_send)
                if time.monotonic() - last_sweep >= SWEEP_EVERY:
                    last_sweep = time.monotonic()
                    recovery.requeue(app, actors.enqueue_processing, actors.enqueue_send,
                                     older_than=SWEEP_AGE)
            except Exception:  # logged; the next tick tries again
                log.exception("scheduler tick failed")

    thread = threading.Thread(target=loop, name="scheduler", daemon=True)
    thread.start()
    return thread


def _leader(settings: Settings, name: str) -> Callable[[], bool]:
    return RedisLeader(settings.redis_url, name) if settings.redis_url else always_leader


def _require_redis(settings: Settings, command: str) -> None:
    if not settings.redis_url:
        raise ConfigurationError(
            f"`assistant {command}` runs beside other processes and needs ASSISTANT_REDIS_URL;"
            " on one machine without Redis use `assistant run`")
