"""A linked owner on real servers: the harness SMTP server's implicit-TLS listener plays the
owner's own submission server, and the owner's Dovecot account is their own mailbox.

A follow-up leaves from the owner (envelope and From, no Sender) with a copy in Sent; the
contact's reply into the owner's INBOX cancels the second touch within one IDLE round; an
out-of-office does not; a provider that files sent mail itself gets no second copy; a kill
between SMTP and the commit never sends twice.
"""

from __future__ import annotations

import email
import email.policy
import signal
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from sqlalchemy import select

from assistant.store.db import make_engine, session_factory, transaction
from assistant.store.models import FollowUp, LinkedAccount, SeenReply
from tests.e2e.clock import SteppedClock, running_with_clock
from tests.e2e.test_followup_crash import _approved_followup, _row
from tests.integration.helpers import (
    authenticated,
    counts,
    fresh_mailboxes,
    register_linked_owner,
    register_owner,
    run_process,
    server_env,
    wait_for,
)


def _linked_setup(dovecot, smtp_server, database_url, tmp_path):  # noqa: ANN001
    boxes = fresh_mailboxes()
    jane = f"jane-{boxes.owner.split('-')[1].split('@')[0]}@acme.example"
    owner_id = register_linked_owner(database_url, dovecot, smtp_server, boxes.owner)
    env = {**server_env(dovecot, smtp_server, boxes, database_url, None, tmp_path),
           f"ASSISTANT_OWNER_{owner_id}_PASSWORD": dovecot.password,
           "ASSISTANT_SEND_LEASE_SECONDS": "1", "ASSISTANT_POLL_SECONDS": "1",
           "ASSISTANT_TICK_SECONDS": "0.2"}
    return boxes, jane, env


def _statuses(database_url: str) -> dict[int | str, str]:
    """Each touch's status by sequence, and what the reply watcher saw ("seen")."""
    engine = make_engine(database_url)
    try:
        with transaction(session_factory(engine)) as session:
            found: dict[int | str, str] = {r.sequence: r.status for r in session.execute(
                select(FollowUp.sequence, FollowUp.status))}
            found["seen"] = ",".join(session.scalars(select(SeenReply.kind)))
            return found
    finally:
        engine.dispose()


def _answer(jane: str, owner: str, followup: EmailMessage, **headers: str) -> bytes:
    answer = EmailMessage()
    answer["From"] = f"Jane Doe <{jane}>"
    answer["To"] = owner
    answer["Subject"] = "Re: " + str(followup["Subject"])
    answer["In-Reply-To"] = str(followup["Message-ID"])
    answer["Message-ID"] = make_msgid(domain="acme.example")
    for name, value in headers.items():
        answer[name.replace("_", "-")] = value
    answer.set_content("Thanks Sam!")
    return answer.as_bytes()


def _sent_and_answered(dovecot, smtp_server, database_url, tmp_path,  # noqa: ANN001
                       env_extra: dict[str, str] | None = None,
                       **headers: str) -> dict[int | str, str]:
    boxes, jane, env = _linked_setup(dovecot, smtp_server, database_url, tmp_path)
    env.update(env_extra or {})
    outbox_id = _approved_followup(env, boxes.owner, jane)
    with running_with_clock(env, SteppedClock(datetime.now(UTC))):
        # When the follow-up is sent
        raw = dovecot.wait_for_messages(jane, "INBOX", 1, timeout=30)[0]
        followup = email.message_from_bytes(raw, policy=email.policy.default)
        assert wait_for(lambda: _row(database_url, outbox_id) == ("sent", "sent"), timeout=20)
        # Then it left from the owner's own server, as the owner, with a copy in Sent
        assert followup["From"].addresses[0].addr_spec == boxes.owner
        assert "Sender" not in followup
        done = [t for t in smtp_server.transactions()
                if t["message_id"] == str(followup["Message-ID"])]
        assert [(t["mail_from"], t["listener"], t["auth_user"]) for t in done] == [
            (boxes.owner, "smtps", boxes.owner)]
        assert set(done[0]["rcpt_tos"]) == {jane}
        sent = dovecot.wait_for_messages(boxes.owner, "Sent", 1, timeout=10)
        assert str(followup["Message-ID"]).encode() in sent[0]
        assert wait_for(lambda: _statuses(database_url).get(2) == "scheduled", timeout=10)

        # When Jane's answer lands in the owner's INBOX
        dovecot.append(boxes.owner, "INBOX", _answer(jane, boxes.owner, followup, **headers))
        # (one IDLE round: the watcher waits ASSISTANT_POLL_SECONDS=1 at most)
        assert wait_for(lambda: _statuses(database_url)["seen"] != "", timeout=5)
    assert len(dovecot.messages(jane, "INBOX")) == 1
    return _statuses(database_url)


def test_a_reply_in_the_owners_inbox_cancels_the_second_touch(dovecot, smtp_server,
                                                              database_url, tmp_path):
    # Given a linked owner's follow-up, sent; When Jane replies; Then no second touch
    assert _sent_and_answered(dovecot, smtp_server, database_url, tmp_path) == {
        1: "sent", 2: "cancelled", "seen": "reply"}


def test_the_reply_is_seen_by_polling_where_idle_is_not_used(dovecot, smtp_server,
                                                             database_url, tmp_path):
    # Given a watcher told not to IDLE (ASSISTANT_IMAP_IDLE=0): it polls every second
    # When Jane replies; Then the next poll sees it and no second touch is left
    assert _sent_and_answered(dovecot, smtp_server, database_url, tmp_path,
                              env_extra={"ASSISTANT_IMAP_IDLE": "0"}) == {
        1: "sent", 2: "cancelled", "seen": "reply"}


def test_an_out_of_office_is_not_a_reply(dovecot, smtp_server, database_url, tmp_path):
    # Given a linked owner's follow-up, sent; When Jane's robot answers; Then it still stands
    assert _sent_and_answered(dovecot, smtp_server, database_url, tmp_path,
                              Auto_Submitted="auto-replied") == {1: "sent", 2: "scheduled",
                                                                  "seen": "auto_reply"}


def _sent_filed(database_url: str) -> bool | None:
    engine = make_engine(database_url)
    try:
        with transaction(session_factory(engine)) as session:
            return session.scalar(select(LinkedAccount.sent_filed))
    finally:
        engine.dispose()


def test_a_provider_that_files_sent_mail_itself_gets_no_second_copy(faults_reset, dovecot,
                                                                    database_url, tmp_path):
    # Given an owner whose provider files what they submit in Sent (as Gmail does)
    boxes, jane, env = _linked_setup(dovecot, faults_reset, database_url, tmp_path)
    faults_reset.file_in_sent(boxes.owner)
    outbox_id = _approved_followup(env, boxes.owner, jane)
    try:
        # When the follow-up is sent
        with running_with_clock(env, SteppedClock(datetime.now(UTC))):
            assert wait_for(lambda: _row(database_url, outbox_id) == ("sent", "sent"),
                            timeout=30)
    finally:
        faults_reset.file_in_sent(boxes.owner, False)
    # Then the assistant found the provider's copy and added none: one copy in Sent
    assert len(dovecot.messages(boxes.owner, "Sent")) == 1
    assert _sent_filed(database_url) is True


@pytest.mark.parametrize(("point", "provider_files", "settled"), [
    ("after_smtp", False, "sent"),  # killed once the copy was APPENDed: Sent says it left
    ("after_owner_smtp", True, "sent"),  # the provider filed it before the kill
    ("after_owner_smtp", False, "uncertain"),  # nothing can tell: the owner is told
])
def test_kill_after_the_owners_server_took_it_never_sends_twice(
        faults_reset, dovecot, database_url, tmp_path, point, provider_files, settled):
    # Given a linked owner's approved follow-up
    boxes, jane, env = _linked_setup(dovecot, faults_reset, database_url, tmp_path)
    if provider_files:
        faults_reset.file_in_sent(boxes.owner)
    outbox_id = _approved_followup(env, boxes.owner, jane)

    try:
        # When the worker submits it and is killed before it can record the send
        crashed = run_process({**env, "ASSISTANT_FAULT_POINTS": point})
        assert crashed.wait(timeout=60) == -signal.SIGKILL, crashed.stdout.read().decode()
        assert len(dovecot.wait_for_messages(jane, "INBOX", 1, timeout=10)) == 1
        assert _row(database_url, outbox_id)[0] == "unconfirmed"

        # And it is restarted: the Sent folder, not a blind copy, is looked at
        restarted = run_process(env)
        try:
            # (a restart within the 1-second lease leaves the row to the next recovery sweep,
            # SWEEP_EVERY = 30 s later)
            assert wait_for(lambda: _row(database_url, outbox_id) == (settled, settled),
                            timeout=45), _row(database_url, outbox_id)
            assert not wait_for(lambda: len(dovecot.messages(jane, "INBOX")) > 1, timeout=3)
        finally:
            restarted.send_signal(signal.SIGTERM)
            restarted.wait(timeout=30)
    finally:
        faults_reset.file_in_sent(boxes.owner, False)

    # Then Jane got it once; the owner is told when nothing could say whether it left
    assert len(dovecot.messages(jane, "INBOX")) == 1
    if settled == "uncertain":
        told = dovecot.wait_for_messages(boxes.owner, "INBOX", 1, timeout=30)
        assert b"may or may not have gone out" in told[0]


def test_a_reply_the_owner_forwards_cancels_the_second_touch_and_is_no_note(
        dovecot, smtp_server, database_url, tmp_path):
    # Given an owner in relay mode (no link) whose follow-up to Jane was sent
    boxes = fresh_mailboxes()
    jane = f"jane-{boxes.owner.split('-')[1].split('@')[0]}@acme.example"
    register_owner(database_url, boxes.owner, now=datetime.now(UTC))
    env = {**server_env(dovecot, smtp_server, boxes, database_url, None, tmp_path),
           "ASSISTANT_POLL_SECONDS": "1", "ASSISTANT_TICK_SECONDS": "0.2"}
    outbox_id = _approved_followup(env, boxes.owner, jane)
    with running_with_clock(env, SteppedClock(datetime.now(UTC))):
        raw = dovecot.wait_for_messages(jane, "INBOX", 1, timeout=30)[0]
        followup = email.message_from_bytes(raw, policy=email.policy.default)
        assert wait_for(lambda: _statuses(database_url).get(2) == "scheduled", timeout=20)
        assert _row(database_url, outbox_id)[0] == "sent"

        # When Sam forwards Jane's answer to the assistant, as an attachment
        forward = EmailMessage()
        forward["Authentication-Results"] = authenticated(boxes.owner)
        forward["From"] = f"Sam Rivera <{boxes.owner}>"
        forward["To"] = boxes.assistant
        forward["Subject"] = "Fwd: Re: " + str(followup["Subject"])
        forward["Message-ID"] = make_msgid(domain="example.com")
        forward.set_content("She answered!")
        forward.add_attachment(email.message_from_bytes(
            _answer(jane, boxes.owner, followup), policy=email.policy.default))
        dovecot.append(boxes.assistant, "INBOX", forward.as_bytes())

        # Then the second touch is cancelled, and nothing was read as a new note
        assert wait_for(lambda: _statuses(database_url).get(2) == "cancelled", timeout=20), \
            _statuses(database_url)
        assert _statuses(database_url)["seen"] == "reply"
        assert counts(database_url).contacts == 1


def test_a_451_from_the_owners_server_is_retried_and_sent_once(faults_reset, dovecot,
                                                               database_url, tmp_path):
    # Given a linked owner's approved follow-up, and their server deferring it once at DATA
    boxes, jane, env = _linked_setup(dovecot, faults_reset, database_url, tmp_path)
    outbox_id = _approved_followup(env, boxes.owner, jane)
    faults_reset.fail_next(451, stage="data")
    # When the assistant runs; Then the answered deferral is retried, and Jane gets it once
    with running_with_clock(env, SteppedClock(datetime.now(UTC))):
        assert wait_for(lambda: _row(database_url, outbox_id) == ("sent", "sent"), timeout=60)
        assert not wait_for(lambda: len(dovecot.messages(jane, "INBOX")) > 1, timeout=2)
    assert len(dovecot.messages(jane, "INBOX")) == 1
    assert len(dovecot.messages(boxes.owner, "Sent")) == 1
