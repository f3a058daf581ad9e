"""Idle consumers poll Redis every worker_timeout only for the queues someone waits on."""

from __future__ import annotations

from workers.broker import PROMPT_QUEUES, SLOW_POLL_MS, _Broker


def test_prompt_queues_poll_at_the_worker_timeout_and_the_others_once_a_second() -> None:
    broker = _Broker(url="redis://127.0.0.1:1/0")  # never connected: consumers are built only
    timeouts = {queue: broker.consume(queue, prefetch=2, timeout=100).timeout  # type: ignore[attr-defined]
                for queue in ("inbound", "outbox", "drafts", "summaries", "inbound.DQ",
                              "outbox.DQ")}
    assert PROMPT_QUEUES == {"inbound", "outbox"}
    assert timeouts == {"inbound": 100, "outbox": 100, "drafts": SLOW_POLL_MS,
                        "summaries": SLOW_POLL_MS, "inbound.DQ": SLOW_POLL_MS,
                        "outbox.DQ": SLOW_POLL_MS}
    # a longer worker timeout is kept for every queue
    assert broker.consume("drafts", timeout=5000).timeout == 5000  # type: ignore[attr-defined]
