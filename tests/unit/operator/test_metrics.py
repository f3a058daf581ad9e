"""Metrics: the assistant's counters and Dramatiq's middleware, served over HTTP."""

from __future__ import annotations

import socket
import urllib.request

import dramatiq
from dramatiq.brokers.stub import StubBroker
from prometheus_client import REGISTRY, CollectorRegistry

from assistant import metrics


def _value(name: str, registry: CollectorRegistry = REGISTRY, **labels: str) -> float:
    return registry.get_sample_value(name, labels) or 0.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_recorders_move_the_counters() -> None:
    # Given the current values
    before = (_value("assistant_messages_ingested_total"),
              _value("assistant_messages_processed_total", outcome="failed", kind="note"),
              _value("assistant_send_failures_total", purpose="ack", permanence="permanent"),
              _value("assistant_ack_latency_seconds_count"))
    # When each recorder is called
    metrics.record_ingested(3)
    metrics.record_processed("failed", "note")
    metrics.record_send_failure("ack", permanent=True)
    metrics.observe_ack_latency(1.5)
    metrics.record_draft()
    metrics.record_sent("followup")
    # Then the matching series grew by exactly that
    after = (_value("assistant_messages_ingested_total"),
             _value("assistant_messages_processed_total", outcome="failed", kind="note"),
             _value("assistant_send_failures_total", purpose="ack", permanence="permanent"),
             _value("assistant_ack_latency_seconds_count"))
    assert [a - b for a, b in zip(after, before, strict=True)] == [3, 1, 1, 1]


def test_dramatiq_middleware_counts_processed_messages() -> None:
    # Given a broker instrumented into a private registry, and an actor
    registry = CollectorRegistry()
    broker = StubBroker()
    metrics.instrument_broker(broker, registry)

    @dramatiq.actor(broker=broker, queue_name="inbound")
    def job(n: int) -> None:
        if n < 0:
            raise ValueError(n)

    worker = dramatiq.Worker(broker, worker_timeout=50)
    worker.start()
    try:
        # When two messages run
        job.send(1)
        job.send(2)
        broker.join("inbound")
        worker.join()
    finally:
        worker.stop()
    # Then Dramatiq's own counter says so
    assert _value("dramatiq_messages_total", registry, queue_name="inbound",
                  actor_name="job") == 2


def test_metrics_server_serves_both() -> None:
    # Given the server on a free port and the Dramatiq metrics in the default registry
    metrics.instrument_broker(StubBroker())
    port = _free_port()
    metrics.start_metrics_server(port, addr="127.0.0.1")
    metrics.record_ingested()
    # When /metrics is fetched
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        text = response.read().decode()
    # Then the assistant's and Dramatiq's series are there
    assert "assistant_messages_ingested_total" in text
    assert "dramatiq_message_duration_milliseconds" in text
