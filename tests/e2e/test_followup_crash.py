"""A worker killed between a successful SMTP transaction and its commit: the follow-up is
still sent exactly once (the assistant's blind copy is the delivery receipt)."""

from __future__ import annotations

import signal
import time
from datetime import UTC, datetime

from sqlalchemy import select

from assistant.app import build_app
from assistant.clock import system_clock
from assistant.domain import ParsedContact
from assistant.pipeline.approve import queue_followup
from assistant.settings import Settings
from assistant.store import contacts, followups, owners
from assistant.store.db import make_engine, session_factory, transaction
from assistant.store.models import FollowUp, OutboxMessage
from tests.integration.helpers import (
    fresh_mailboxes,
    register_owner,
    run_process,
    server_env,
    wait_for,
)


def _approved_followup(env: dict[str, str], owner_address: str, jane: str) -> int:
    """The state right after the owner said "send": one follow-up queued in the outbox."""
    app = build_app(Settings.from_env(env))
    now = datetime.now(UTC)
    try:
        with transaction(app.sessions) as session:
            owner = owners.owner_by_address(session, owner_address)
            stored = contacts.merge_contact(session, owner_id=owner.id, inbound_id=None, now=now,
                                            parsed=ParsedContact(name="Jane Doe", emails=(jane,)))
            followup_id = followups.schedule(session, owner_id=owner.id, contact_id=stored.id,
                                             sequence=1, due_at=now, now=now)
            followups.save_draft(session, followup_id, to_address=jane, subject="Great to meet",
                                 body="Hi Jane,\n\nGreat to meet you.\n\nSam", value_adds=[],
                                 placeholders=[], approval_message_id="<a@x>", now=now)
            record = followups.load(session, followup_id)
            return queue_followup(app, session, owner, record, record.body, now)
    finally:
        app.close()


def _row(database_url: str, outbox_id: int) -> tuple[str, str]:
    engine = make_engine(database_url)
    try:
        with transaction(session_factory(engine)) as session:
            row = session.get(OutboxMessage, outbox_id)
            status = session.scalar(select(FollowUp.status).where(FollowUp.sequence == 1))
            return row.status, status
    finally:
        engine.dispose()


def _stop(process) -> str:  # type: ignore[no-untyped-def]
    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=30)
    return output.decode(errors="replace")[-3000:]


def test_kill_after_smtp_sends_the_followup_once(dovecot, smtp_server, database_url, tmp_path):
    # Given an approved follow-up waiting in the outbox
    boxes = fresh_mailboxes()
    jane = f"jane-{boxes.owner.split('-')[1].split('@')[0]}@acme.example"
    register_owner(database_url, boxes.owner, now=system_clock())
    env = {**server_env(dovecot, smtp_server, boxes, database_url, None, tmp_path),
           "ASSISTANT_SEND_LEASE_SECONDS": "1"}
    outbox_id = _approved_followup(env, boxes.owner, jane)

    # When the worker sends it and is killed before it can record the send
    crashed = run_process({**env, "ASSISTANT_FAULT_POINTS": "after_smtp"})
    assert crashed.wait(timeout=60) == -signal.SIGKILL, crashed.stdout.read().decode()
    assert len(dovecot.wait_for_messages(jane, "INBOX", 1, timeout=10)) == 1
    assert _row(database_url, outbox_id)[0] == "sending"

    # And it is restarted (its lease on the row long expired)
    restarted = run_process(env)
    try:
        assert wait_for(lambda: _row(database_url, outbox_id) == ("sent", "sent"), timeout=30), (
            _row(database_url, outbox_id), _stop(restarted))
        assert not wait_for(lambda: len(dovecot.messages(jane, "INBOX")) > 1, timeout=3)
    finally:
        restarted.send_signal(signal.SIGTERM)
        restarted.wait(timeout=30)

    # Then Jane received it exactly once, and the blind copy was kept as the receipt
    assert len(dovecot.messages(jane, "INBOX")) == 1
    assert len(dovecot.messages(boxes.assistant, "Assistant/Processed")) == 1


def test_kill_after_smtp_without_a_receipt_never_sends_twice_and_tells_the_owner(
        dovecot, faults_reset, database_url, tmp_path):  # noqa: ANN001
    # Given an approved follow-up, and a relay that refuses the assistant's receipt copy
    boxes = fresh_mailboxes()
    jane = f"jane-{boxes.owner.split('-')[1].split('@')[0]}@acme.example"
    register_owner(database_url, boxes.owner, now=system_clock())
    env = {**server_env(dovecot, faults_reset, boxes, database_url, None, tmp_path),
           "ASSISTANT_SEND_LEASE_SECONDS": "1"}
    outbox_id = _approved_followup(env, boxes.owner, jane)
    faults_reset.fail_recipient(boxes.assistant, 550)

    # When the worker sends it without the copy and is killed before it records the send
    crashed = run_process({**env, "ASSISTANT_FAULT_POINTS": "after_smtp"})
    assert crashed.wait(timeout=60) == -signal.SIGKILL, crashed.stdout.read().decode()
    assert len(dovecot.wait_for_messages(jane, "INBOX", 1, timeout=10)) == 1
    assert _row(database_url, outbox_id)[0] == "unconfirmed"

    # And it is restarted once its claim has lapsed (like systemd's RestartSec): no receipt
    # will ever come back to say whether it left
    time.sleep(1.5)
    restarted = run_process(env)
    try:
        assert wait_for(lambda: _row(database_url, outbox_id) == ("uncertain", "uncertain"),
                        timeout=30), (_row(database_url, outbox_id), _stop(restarted))
        told = dovecot.wait_for_messages(boxes.owner, "INBOX", 1, timeout=30)
        assert not wait_for(lambda: len(dovecot.messages(jane, "INBOX")) > 1, timeout=3)
    finally:
        restarted.send_signal(signal.SIGTERM)
        restarted.wait(timeout=30)

    # Then Jane got it once, never twice, and the owner is told it may or may not have left
    assert len(dovecot.messages(jane, "INBOX")) == 1
    assert b"may or may not have gone out" in told[0]
