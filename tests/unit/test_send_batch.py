"""A batch of emails to owners goes out in one job: each claimed before SMTP, each recorded as
sent on its own, the owner's hourly budget kept, nothing sent twice (SQLite and a local
Maildir outbox: no server needed)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest
from sqlalchemy import select

from assistant.app import App, build_app
from assistant.errors import DeliveryError
from assistant.pipeline import recovery
from assistant.pipeline.process import process_batch
from assistant.pipeline.send import send_outbox
from assistant.pipeline.send_batch import send_batch
from assistant.settings import Settings
from assistant.store import inbound, outbox, owners
from assistant.store.db import transaction, upgrade
from assistant.store.inbound import FetchedMessage
from assistant.store.models import OutboxMessage

NOW = datetime(2026, 11, 24, 15, 5, tzinfo=UTC)
OWNER = "sam@example.com"
PEOPLE = ["Jane Doe <jane@acme.example>", "Raj Patel <raj@corvid.example>",
          "Ana Lima <ana@lima.example>"]


def _app(tmp_path: Path, **env: str) -> App:
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_ADDRESS": "assistant@example.net",
                                  "ASSISTANT_ACK_BURST_SECONDS": "0", **env})
    upgrade(settings.database_url)
    app = build_app(settings, clock=lambda: NOW)
    with transaction(app.sessions) as session:
        owners.add_owner(session, name="Sam Rivera", addresses=[OWNER],
                         timezone="America/Chicago", region="US", now=NOW)
    return app


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    application = _app(tmp_path)
    yield application
    application.close()


def _note(person: str) -> bytes:
    message = EmailMessage()
    message["From"] = f"Sam Rivera <{OWNER}>"
    message["To"] = "assistant@example.net"
    message["Subject"] = f"Met {person.split()[0]}"
    message["Message-ID"] = make_msgid(domain="example.com")
    message.set_content(f"Met {person} at the breakfast.\n")
    return message.as_bytes()


def _acks(app: App, people: list[str]) -> list[int]:
    """The notes about ``people`` stored and processed in one batch: their acks' outbox ids."""
    with transaction(app.sessions) as session:
        ids = [inbound.store_fetched(session, "maildir://test", None,
                                     FetchedMessage(make_msgid(), _note(p)), received_at=NOW)
               for p in people]
    batch = process_batch(app, [i for i in ids if i is not None])
    return [i for o in batch.outcomes for i in o.outbox_ids if i is not None]


def _statuses(app: App) -> list[str]:
    with transaction(app.sessions) as session:
        return list(session.scalars(select(OutboxMessage.status).order_by(OutboxMessage.id)))


def _delivered(app: App) -> int:
    return sum(1 for _ in (Path(app.settings.var_dir) / "outbox" / OWNER / "new").iterdir())


def test_a_batch_of_acks_is_sent_once_each(app: App) -> None:
    # Given three notes processed together: three acknowledgements queued
    acks = _acks(app, PEOPLE)
    assert len(acks) == 3
    # When the batch is sent, then sent again (the job delivered twice by the broker)
    first = send_batch(app, acks)
    again = send_batch(app, acks)
    # Then each went out once and is recorded as sent
    assert list(first.values()) == ["sent"] * 3
    assert list(again.values()) == ["skipped"] * 3
    assert _statuses(app) == ["sent"] * 3
    assert _delivered(app) == 3


def test_a_row_another_worker_sent_is_skipped(app: App) -> None:
    # Given three acks, one of which another worker already sent on its own
    acks = _acks(app, PEOPLE)
    assert send_outbox(app, acks[1]) == "sent"
    # When the batch is sent
    results = send_batch(app, acks)
    # Then only the two others went
    assert results == {acks[0]: "sent", acks[1]: "skipped", acks[2]: "sent"}
    assert _delivered(app) == 3


def test_claims_of_two_workers_never_overlap(app: App) -> None:
    # Given three pending acks claimed by one worker
    acks = _acks(app, PEOPLE)
    with transaction(app.sessions) as session:
        first = outbox.claim_many(session, acks[:2], NOW)
    # When another worker claims all three
    with transaction(app.sessions) as session:
        second = outbox.claim_many(session, acks, NOW)
    # Then it gets only the one left
    assert first == set(acks[:2]) and second == {acks[2]}


def test_the_owners_hourly_budget_holds_the_rest_for_later(tmp_path: Path) -> None:
    # Given an owner whose acknowledgements are paced at two an hour, and three acks
    app = _app(tmp_path, ASSISTANT_REPLIES_PER_SENDER_PER_HOUR="2")
    try:
        acks = _acks(app, PEOPLE)
        # When the batch is sent
        with pytest.raises(DeliveryError):  # the job is retried for the one left
            send_batch(app, acks)
        # Then two went and the third waits, pending, never dropped
        assert _statuses(app) == ["sent", "sent", "pending"]
        assert _delivered(app) == 2
    finally:
        app.close()


def test_a_relay_that_cannot_take_them_leaves_every_one_pending(tmp_path: Path) -> None:
    # Given three acks and a local outbox that cannot be written (its folder is a file)
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder")
    app = _app(tmp_path, ASSISTANT_SMTP_URL=f"maildir://{blocked}")
    try:
        acks = _acks(app, PEOPLE)
        # When the batch is sent
        with pytest.raises(DeliveryError):  # the job is retried
            send_batch(app, acks)
        # Then none is lost: each is back to pending for the retry
        assert _statuses(app) == ["pending"] * 3
    finally:
        app.close()


def test_a_lapsed_claim_is_sent_again_at_the_next_sweep(tmp_path: Path) -> None:
    # Given an ack claimed 10 s ago by a worker that died, with a 3 s send lease, and a
    # periodic sweep that re-enqueues only work older than a minute
    app = _app(tmp_path, ASSISTANT_SEND_LEASE_SECONDS="3")
    try:
        acks = _acks(app, PEOPLE[:1])
        claimed_at = NOW - timedelta(seconds=10)
        with transaction(app.sessions) as session:
            assert outbox.claim_many(session, acks, claimed_at) == set(acks)
        later = NOW
        # When the sweep runs
        queued: list[int] = []
        recovered = recovery.requeue(app, lambda *_a, **_k: None, queued.append,
                                     older_than=timedelta(seconds=60), now=later)
        # Then the ack is back to pending and queued for sending now, not a minute later
        assert queued == acks and recovered.outbox == tuple(acks)
        assert _statuses(app) == ["pending"]
        # And a claim still inside its lease is left alone
        with transaction(app.sessions) as session:
            assert outbox.claim_many(session, acks, later) == set(acks)
        queued.clear()
        recovery.requeue(app, lambda *_a, **_k: None, queued.append,
                         older_than=timedelta(seconds=60), now=later + timedelta(seconds=1))
        assert queued == [] and _statuses(app) == ["sending"]
    finally:
        app.close()
