"""`assistant_ack_latency_seconds` is recorded by the pipeline when an acknowledgement goes out:
from the message's arrival in the store to the SMTP acceptance of its ack, both read from the
app's clock (SQLite and a local Maildir outbox: no server needed)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest
from prometheus_client import REGISTRY
from sqlalchemy import select

from assistant.app import App, build_app
from assistant.pipeline.process import process_inbound
from assistant.pipeline.send import send_outbox
from assistant.settings import Settings
from assistant.store import inbound, owners
from assistant.store.db import transaction, upgrade
from assistant.store.inbound import FetchedMessage
from assistant.store.models import OutboxMessage

ARRIVAL = datetime(2026, 11, 24, 15, 5, tzinfo=UTC)
OWNER = "sam@example.com"


class SteppedClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> SteppedClock:
    return SteppedClock(ARRIVAL)


@pytest.fixture
def app(tmp_path: Path, clock: SteppedClock) -> Iterator[App]:
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_ADDRESS": "assistant@example.net"})
    upgrade(settings.database_url)
    application = build_app(settings, clock=clock)
    with transaction(application.sessions) as session:
        owners.add_owner(session, name="Sam Rivera", addresses=[OWNER],
                         timezone="America/Chicago", region="US", now=ARRIVAL)
    yield application
    application.close()


def _latency() -> tuple[float, float]:
    count = REGISTRY.get_sample_value("assistant_ack_latency_seconds_count") or 0.0
    total = REGISTRY.get_sample_value("assistant_ack_latency_seconds_sum") or 0.0
    return count, total


def _note() -> bytes:
    message = EmailMessage()
    message["From"] = f"Sam Rivera <{OWNER}>"
    message["To"] = "assistant@example.net"
    message["Subject"] = "Met Jane"
    message["Message-ID"] = make_msgid(domain="example.com")
    message.set_content("Met Jane Doe <jane@acme.example> at the breakfast.\n")
    return message.as_bytes()


def _queued(app: App, purpose: str) -> list[int]:
    with transaction(app.sessions) as session:
        return list(session.scalars(select(OutboxMessage.id)
                                    .where(OutboxMessage.purpose == purpose)))


def test_sending_an_ack_records_the_time_since_the_message_arrived(app: App,
                                                                   clock: SteppedClock) -> None:
    # Given a note stored when it arrived and processed: its acknowledgement is queued
    with transaction(app.sessions) as session:
        inbound_id = inbound.store_fetched(session, "maildir://test", None,
                                           FetchedMessage(make_msgid(), _note()),
                                           received_at=app.clock())
    process_inbound(app, inbound_id)
    [ack_id] = _queued(app, "ack")
    before = _latency()
    # When the ack is sent 7 seconds after the note arrived
    clock.now = ARRIVAL + timedelta(seconds=7)
    assert send_outbox(app, ack_id) == "sent"
    # Then one latency of 7 seconds was observed
    count, total = _latency()
    # (the registry's running sum is a float: other tests' observations leave rounding)
    assert count - before[0] == 1 and total - before[1] == pytest.approx(7.0)


def test_other_emails_record_no_ack_latency(app: App, clock: SteppedClock) -> None:
    # Given a message that is not an owner's note: it gets no ack but a reply of another kind
    help_request = _note().replace(b"Subject: Met Jane", b"Subject: help")
    with transaction(app.sessions) as session:
        inbound_id = inbound.store_fetched(session, "maildir://test", None,
                                           FetchedMessage(make_msgid(), help_request),
                                           received_at=app.clock())
    process_inbound(app, inbound_id)
    others = [i for p in ("command", "failed", "quarantine") for i in _queued(app, p)]
    before = _latency()
    # When those are sent
    clock.now = ARRIVAL + timedelta(seconds=30)
    for outbox_id in others:
        send_outbox(app, outbox_id)
    # Then no ack latency was observed
    assert others and _latency() == before
