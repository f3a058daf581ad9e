"""Prometheus metrics: the assistant's own counters, and Dramatiq's middleware beside them.

One HTTP endpoint per process (``start_metrics_server(port)``, port from
ASSISTANT_METRICS_PORT) serves both. Dramatiq's ``Prometheus`` middleware is not among its
default middleware in Dramatiq 2.x: it is added to the broker, and since the assistant starts
its workers itself (not through the ``dramatiq`` command, which would boot the middleware and
fork its own exposition server on ``dramatiq_prom_port``), ``instrument_broker`` boots it here
and registers its metrics in this process's registry.

The record_* helpers never raise: a metric must not break the pipeline.
"""

from __future__ import annotations

import logging
import os

from dramatiq import Broker
from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    start_http_server,
)
from prometheus_client.registry import Collector

log = logging.getLogger(__name__)

MESSAGES_INGESTED = Counter(
    "assistant_messages_ingested_total", "Messages stored from the mailbox (raw bytes kept).")
MESSAGES_PROCESSED = Counter(
    "assistant_messages_processed_total", "Inbound messages finished, by outcome and kind.",
    ["outcome", "kind"])
DRAFTS = Counter(
    "assistant_drafts_total", "Follow-up drafts sent to an owner for approval.")
SENDS = Counter(
    "assistant_sends_total", "Emails accepted by the SMTP server, by purpose.", ["purpose"])
SEND_FAILURES = Counter(
    "assistant_send_failures_total", "SMTP attempts that failed, by purpose and whether the "
    "failure is permanent (5xx) or transient (4xx, network).", ["purpose", "permanence"])
ACK_LATENCY = Histogram(
    "assistant_ack_latency_seconds", "From a message's arrival in the store to its "
    "acknowledgement being accepted by SMTP.",
    buckets=(0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600))
IMAP_LOGIN_FAILURES = Counter(
    "assistant_imap_login_failures_total", "The watcher's failed attempts to log in to the "
    "mailbox: refused (the credentials) or unreachable (network, TLS, the server).",
    ["reason"])
IMAP_BACKOFF = Gauge(
    "assistant_imap_backoff_seconds", "How long the watcher waits before its next attempt to "
    "reach the mailbox; 0 while connected.")

DRAMATIQ_METRICS = ("total_messages", "total_errored_messages", "total_retried_messages",
                    "total_rejected_messages", "inprogress_messages",
                    "inprogress_delayed_messages", "message_durations")
_exposed: dict[int, list[Collector]] = {}


def record_ingested(count: int = 1) -> None:
    MESSAGES_INGESTED.inc(count)


def record_processed(outcome: str, kind: str | None) -> None:
    MESSAGES_PROCESSED.labels(outcome=outcome, kind=kind or "unknown").inc()


def record_draft() -> None:
    DRAFTS.inc()


def record_sent(purpose: str) -> None:
    SENDS.labels(purpose=purpose).inc()


def record_send_failure(purpose: str, *, permanent: bool) -> None:
    SEND_FAILURES.labels(purpose=purpose,
                         permanence="permanent" if permanent else "transient").inc()


def observe_ack_latency(seconds: float) -> None:
    ACK_LATENCY.observe(max(0.0, seconds))


def record_imap_login_failure(*, refused: bool) -> None:
    IMAP_LOGIN_FAILURES.labels(reason="refused" if refused else "unreachable").inc()


def set_imap_backoff(seconds: float) -> None:
    IMAP_BACKOFF.set(max(0.0, seconds))


def start_metrics_server(port: int, addr: str = "0.0.0.0",
                         registry: CollectorRegistry = REGISTRY) -> None:
    """Serve ``/metrics`` on ``addr:port`` from a daemon thread (prometheus_client)."""
    start_http_server(port, addr=addr, registry=registry)
    log.info("metrics served on %s:%d/metrics", addr, port)


def instrument_broker(broker: Broker, registry: CollectorRegistry = REGISTRY) -> None:
    """Add Dramatiq's Prometheus middleware to ``broker`` and expose it via ``registry``."""
    from dramatiq.middleware.prometheus import Prometheus

    middleware = Prometheus()
    saved = {k: os.environ.get(k) for k in ("PROMETHEUS_MULTIPROC_DIR",
                                            "prometheus_multiproc_dir")}
    # The middleware's boot switches prometheus_client to multi-process files through the
    # environment; this process already chose in-memory values, so the switch is undone.
    middleware.after_process_boot(broker)
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    for collector in _exposed.pop(id(registry), []):
        registry.unregister(collector)  # a broker built again in the same process replaces
    _exposed[id(registry)] = [getattr(middleware, name) for name in DRAMATIQ_METRICS]
    for collector in _exposed[id(registry)]:
        registry.register(collector)
    broker.add_middleware(middleware)
