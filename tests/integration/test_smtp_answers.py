"""Exactly once at every SMTP answer, on the loopback SMTP server delivering into Dovecot.

An approved follow-up goes to the contact with the assistant's blind copy (the receipt). Each
test makes the relay answer one recipient differently from the other, refuses the login for
now, floods the owner with acknowledgements, or races ``undo`` with a send, and checks what
the contact, the owner and the database end up with.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from assistant.app import App, build_app
from assistant.commands.undo import undo_inbound
from assistant.domain import ParsedContact
from assistant.errors import DeliveryError
from assistant.pipeline.approve import queue_followup
from assistant.pipeline.notify import queue_to_owner
from assistant.pipeline.send import send_outbox
from assistant.settings import Settings
from assistant.store import contacts, followups, outbox, owners
from assistant.store.db import transaction
from assistant.store.inbound import FetchedMessage, store_fetched
from assistant.store.models import FollowUp, OutboxMessage
from tests.integration.helpers import fresh_mailboxes, register_owner, server_env

pytestmark = pytest.mark.servers

# Monday 23 November 2026, 15:00 UTC: the clock every test here runs on.
NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


@dataclass
class World:
    app: App
    owner: str
    assistant: str
    jane: str
    clock: list[datetime]


@pytest.fixture
def world(dovecot, faults_reset, database_url: str, tmp_path: Path,  # noqa: ANN001
          request: pytest.FixtureRequest) -> Iterator[World]:
    boxes = fresh_mailboxes()
    jane = f"jane-{boxes.owner.split('-')[1].split('@')[0]}@acme.example"
    kind = getattr(request, "param", "smtp")
    env = server_env(dovecot, faults_reset, boxes, database_url, None, tmp_path, smtp_kind=kind)
    env["ASSISTANT_REPLIES_PER_SENDER_PER_HOUR"] = "30"
    register_owner(database_url, boxes.owner, now=NOW)
    clock = [NOW]
    app = build_app(Settings.from_env(env), clock=lambda: clock[0])
    yield World(app, boxes.owner, boxes.assistant, jane, clock)
    app.close()


def approved_followup(world: World, inbound_id: int | None = None,
                      to: str | None = None, name: str = "Jane Doe") -> int:
    """The state right after the owner said "send": the follow-up's email in the outbox."""
    now, to = world.clock[0], to or world.jane
    with transaction(world.app.sessions) as session:
        owner = owners.owner_by_address(session, world.owner)
        stored = contacts.merge_contact(session, owner_id=owner.id, inbound_id=inbound_id,
                                        now=now, parsed=ParsedContact(name, (to,)))
        followup_id = followups.schedule(session, owner_id=owner.id, contact_id=stored.id,
                                         sequence=1, due_at=now, now=now, inbound_id=inbound_id)
        followups.save_draft(session, followup_id, to_address=to, subject="Great to meet",
                             body="Hi Jane,\n\nGreat to meet you.\n\nSam", value_adds=[],
                             placeholders=[], approval_message_id="<a@x>", now=now)
        record = followups.load(session, followup_id)
        return queue_followup(world.app, session, owner, record, record.body, now)


def state(world: World, outbox_id: int) -> tuple[str, str | None]:
    with transaction(world.app.sessions) as session:
        row = session.get(OutboxMessage, outbox_id)
        key = row.idempotency_key
        status = session.scalar(select(FollowUp.status).where(
            FollowUp.id == int(key.split(":")[1]))) if key.startswith("followup:") else None
        return row.status, status


def owner_notices(world: World, purpose: str) -> list[int]:
    with transaction(world.app.sessions) as session:
        return list(session.scalars(select(OutboxMessage.id).where(
            OutboxMessage.purpose == purpose).order_by(OutboxMessage.id)))


def test_receipt_deferred_after_the_contact_was_accepted_sends_nothing_until_both_go(
        world: World, dovecot, faults_reset) -> None:  # noqa: ANN001
    # Given an approved follow-up and a relay that accepts Jane but defers the blind copy
    outbox_id = approved_followup(world)
    faults_reset.fail_recipient(world.assistant, 451)
    # When it is sent, twice, while the relay still defers the copy
    for _ in range(2):
        with pytest.raises(DeliveryError, match="receipt"):
            send_outbox(world.app, outbox_id)
    # Then Jane got nothing yet (no DATA was sent), and the email waits
    assert dovecot.messages(world.jane, "INBOX") == []
    assert state(world, outbox_id) == ("pending", "approved")
    # And once the relay takes the copy, Jane gets it exactly once, with the receipt
    faults_reset.clear_faults()
    assert send_outbox(world.app, outbox_id) == "sent"
    assert len(dovecot.wait_for_messages(world.jane, "INBOX", 1, timeout=10)) == 1
    assert len(dovecot.wait_for_messages(world.assistant, "INBOX", 1, timeout=10)) == 1
    assert state(world, outbox_id) == ("sent", "sent")
    assert send_outbox(world.app, outbox_id) == "skipped"
    assert len(dovecot.messages(world.jane, "INBOX")) == 1


def test_receipt_refused_for_good_sends_the_followup_once_without_it(
        world: World, dovecot, faults_reset) -> None:  # noqa: ANN001
    # Given a relay that accepts Jane and refuses the blind copy for good
    outbox_id = approved_followup(world)
    faults_reset.fail_recipient(world.assistant, 550)
    # When the follow-up is sent
    result = send_outbox(world.app, outbox_id)
    # Then Jane got it once, and it is recorded as sent (no retry can repeat it)
    assert result == "sent"
    assert len(dovecot.wait_for_messages(world.jane, "INBOX", 1, timeout=10)) == 1
    assert dovecot.messages(world.assistant, "INBOX") == []
    assert state(world, outbox_id) == ("sent", "sent")
    assert send_outbox(world.app, outbox_id) == "skipped"


def test_contact_refused_and_receipt_accepted_is_failed_and_told_to_the_owner(
        world: World, dovecot, faults_reset) -> None:  # noqa: ANN001
    # Given a relay that refuses Jane's address for good and would accept the blind copy
    outbox_id = approved_followup(world)
    faults_reset.fail_recipient(world.jane, 550)
    # When the follow-up is sent
    enqueued: list[int] = []
    result = send_outbox(world.app, outbox_id, enqueued.append)
    # Then it failed for good: no copy came back to confirm it, no second touch is scheduled
    assert result == "failed"
    assert dovecot.messages(world.jane, "INBOX") == []
    assert dovecot.messages(world.assistant, "INBOX") == []
    assert state(world, outbox_id) == ("failed", "bounced")
    # And the owner is told, in plain words, once
    notices = owner_notices(world, "undeliverable")
    assert len(notices) == 1 and enqueued == notices  # sent at once, not at the next sweep
    faults_reset.clear_faults()
    assert send_outbox(world.app, notices[0]) == "sent"
    told = dovecot.wait_for_messages(world.owner, "INBOX", 1, timeout=10)
    assert b"could not be delivered" in told[0] and world.jane.encode() in told[0]
    with transaction(world.app.sessions) as session:
        assert session.scalar(select(FollowUp.id).where(FollowUp.sequence == 2)) is None


@pytest.mark.parametrize("world", ["starttls"], indirect=True)
def test_a_login_answered_454_delays_the_email_and_fails_nothing(
        world: World, dovecot, faults_reset) -> None:  # noqa: ANN001
    # Given an approved follow-up and a relay whose AUTH answers 454 "try again later"
    outbox_id = approved_followup(world)
    # (the client tries each mechanism the relay offers, PLAIN then LOGIN: both answer 454)
    faults_reset.fail_next(454, count=2, stage="auth")
    # When it is sent while the login is refused
    with pytest.raises(DeliveryError, match="454"):
        send_outbox(world.app, outbox_id)
    # Then nothing is failed: the email waits, and goes once the login works again
    assert state(world, outbox_id) == ("pending", "approved")
    assert send_outbox(world.app, outbox_id) == "sent"
    assert len(dovecot.wait_for_messages(world.jane, "INBOX", 1, timeout=10)) == 1
    assert state(world, outbox_id) == ("sent", "sent")


def test_a_burst_of_60_notes_in_an_hour_delays_acknowledgements_and_drops_none(
        world: World, dovecot) -> None:  # noqa: ANN001
    # Given 60 acknowledgements queued within an hour for an owner whose budget is 30 an hour
    with transaction(world.app.sessions) as session:
        owner = owners.owner_by_address(session, world.owner)
        acks = [queue_to_owner(world.app, session, key=f"ack:{n}", purpose="ack", owner=owner,
                               raw=b"", template="failed", now=NOW,
                               context={"subject": f"note {n}", "reason": "r", "received": "now",
                                        "folder": "F"}) for n in range(60)]
    # When they are sent
    first = [_try(world.app, a) for a in acks]
    # Then 30 went and 30 wait (none dropped), and an approval request is not starved
    assert first.count("sent") == 30 and first.count("deferred") == 30
    with transaction(world.app.sessions) as session:
        approval = queue_to_owner(world.app, session, key="approval:x", purpose="approval",
                                  owner=owners.owner_by_address(session, world.owner), raw=b"",
                                  template="failed", now=NOW,
                                  context={"subject": "s", "reason": "r", "received": "now",
                                           "folder": "F"})
    assert send_outbox(world.app, approval) == "sent"
    # And an hour later the rest go
    world.clock[0] = NOW + timedelta(hours=1, minutes=1)
    assert [_try(world.app, a) for a, r in zip(acks, first, strict=True) if r == "deferred"] == \
        ["sent"] * 30
    assert len(dovecot.wait_for_messages(world.owner, "INBOX", 61, timeout=30)) == 61


def _try(app: App, outbox_id: int) -> str:
    try:
        return send_outbox(app, outbox_id)
    except DeliveryError:
        return "deferred"


def test_undo_racing_a_send_either_cancels_the_email_or_keeps_the_sent_followup(
        world: World, dovecot, database_url: str) -> None:  # noqa: ANN001
    # Given approved follow-ups from one note each, and "undo" racing each one's send
    outcomes = []
    for n in range(6):
        with transaction(world.app.sessions) as session:
            inbound_id = store_fetched(session, "INBOX", 1, FetchedMessage(f"race-{n}", (
                f"From: {world.owner}\r\nSubject: note {n}\r\n\r\nMet Jane.\r\n").encode()),
                received_at=NOW)
        outbox_id = approved_followup(world, inbound_id, to=f"{n}-{world.jane}",
                                      name=f"Jane Doe {n}")
        gate = threading.Barrier(2)
        results: dict[str, object] = {}

        def send(outbox_id: int = outbox_id, gate: threading.Barrier = gate,
                 results: dict[str, object] = results) -> None:
            gate.wait()
            results["send"] = send_outbox(world.app, outbox_id)

        def undo(inbound_id: int = inbound_id, gate: threading.Barrier = gate,
                 results: dict[str, object] = results) -> None:
            gate.wait()
            with transaction(world.app.sessions) as session:
                owner = owners.owner_by_address(session, world.owner)
                results["undo"] = undo_inbound(session, owner.id, inbound_id)

        threads = [threading.Thread(target=send), threading.Thread(target=undo)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        with transaction(world.app.sessions) as session:
            row = outbox.load(session, outbox_id)
            kept = session.scalar(select(FollowUp.status).where(
                FollowUp.id == int(session.get(OutboxMessage, outbox_id)
                                   .idempotency_key.split(":")[1])))
        outcomes.append((results["send"], row.status, results["undo"].already_sent, kept))  # type: ignore[union-attr]
    # Then each race ends one of two ways: sent (and undo keeps the sent follow-up), or
    # cancelled before any SMTP (and nothing reaches Jane)
    # (a sent follow-up keeps its contact and its row, so the send is on record)
    for outcome in outcomes:
        assert outcome in (("sent", "sent", 1, "sent"), ("skipped", "cancelled", 0, None)), \
            outcomes
    for n, (sent, _, _, _) in enumerate(outcomes):
        expected = 1 if sent == "sent" else 0
        if expected:
            dovecot.wait_for_messages(f"{n}-{world.jane}", "INBOX", 1, timeout=10)
        assert len(dovecot.messages(f"{n}-{world.jane}", "INBOX")) == expected
