"""A linked owner's copy in Sent that could not be filed when the follow-up left (the owner's
IMAP server unreachable) is owed, and a later recovery sweep files exactly one copy; the
follow-up itself is sent once, whatever happens to its copy. When the mailbox never takes it,
the sweep stops and the owner is told once."""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from assistant.app import App, build_app
from assistant.mail.owner_message import as_owner
from assistant.pipeline import recovery
from assistant.pipeline.owner_send import COPY_DAYS, COPY_RETRY_BASE
from assistant.pipeline.send import send_outbox
from assistant.settings import Settings
from assistant.store import sent_copies
from assistant.store.db import transaction
from assistant.store.models import LinkedAccount, OutboxMessage
from tests.e2e.test_followup_crash import _approved_followup
from tests.integration.helpers import fresh_mailboxes, register_linked_owner, server_env


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _set_imap_url(app: App, owner_id: int, url: str) -> None:
    with transaction(app.sessions) as session:
        session.execute(update(LinkedAccount).where(LinkedAccount.owner_id == owner_id)
                        .values(imap_url=url))


def _copy_status(app: App, outbox_id: int) -> str | None:
    with transaction(app.sessions) as session:
        return sent_copies.status_of(session, outbox_id)


def _linked_followup_sent_while_imap_is_down(dovecot, smtp_server, database_url,  # noqa: ANN001
                                             tmp_path):
    boxes = fresh_mailboxes()
    jane = f"jane-{boxes.owner.split('-')[1].split('@')[0]}@acme.example"
    owner_id = register_linked_owner(database_url, dovecot, smtp_server, boxes.owner)
    env = {**server_env(dovecot, smtp_server, boxes, database_url, None, tmp_path),
           f"ASSISTANT_OWNER_{owner_id}_PASSWORD": dovecot.password}
    outbox_id = _approved_followup(env, boxes.owner, jane)
    clock = [datetime.now(UTC)]
    app = build_app(Settings.from_env(env), clock=lambda: clock[0])
    good_url = dovecot.imap_url(boxes.owner)
    _set_imap_url(app, owner_id, good_url.replace(f":{dovecot.imap_port}/",
                                                  f":{_closed_port()}/"))
    # When the follow-up is sent while the owner's IMAP server cannot be reached
    assert send_outbox(app, outbox_id) == "sent"
    return app, boxes, jane, owner_id, outbox_id, clock, good_url


def _sweeper(app: App, clock: list[datetime]) -> Callable[[], list[int]]:
    def sweep() -> list[int]:
        enqueued: list[int] = []
        recovery.requeue(app, lambda *_: None, enqueued.append, now=clock[0])
        return enqueued
    return sweep


@pytest.mark.parametrize("copy_already_there", [False, True])
def test_a_copy_sent_could_not_take_is_filed_once_by_a_later_sweep(
        dovecot, smtp_server, database_url, tmp_path, copy_already_there):
    app, boxes, jane, owner_id, outbox_id, clock, good_url = \
        _linked_followup_sent_while_imap_is_down(dovecot, smtp_server, database_url, tmp_path)
    sweep = _sweeper(app, clock)
    try:
        # Then it left once, with no copy in Sent: the copy is owed
        assert len(dovecot.wait_for_messages(jane, "INBOX", 1, timeout=10)) == 1
        assert dovecot.messages(boxes.owner, "Sent") == []
        assert _copy_status(app, outbox_id) == "owed"

        # When the server is back, a sweep before the backoff's wait files nothing yet
        _set_imap_url(app, owner_id, good_url)
        sweep()
        assert dovecot.messages(boxes.owner, "Sent") == []
        with transaction(app.sessions) as session:
            row = session.get(OutboxMessage, outbox_id)
            assert row is not None
            message_id, raw = row.message_id, bytes(row.raw)
        if copy_already_there:  # an earlier APPEND whose answer was lost, say
            dovecot.append(boxes.owner, "Sent", as_owner(raw))

        # And a sweep once the wait is over files it, and later sweeps file nothing more
        clock[0] += timedelta(seconds=COPY_RETRY_BASE + 1)
        assert sweep() == []
        assert _copy_status(app, outbox_id) == "filed"
        for _ in range(2):
            clock[0] += timedelta(hours=7)
            sweep()
        sent = dovecot.messages(boxes.owner, "Sent")
        assert len(sent) == 1 and message_id.encode() in sent[0]
        assert b"Sender:" not in sent[0].split(b"\r\n\r\n")[0]
    finally:
        app.close()
    # And the follow-up was sent exactly once
    assert len(dovecot.messages(jane, "INBOX")) == 1
    assert len([t for t in smtp_server.transactions() if t["message_id"] == message_id]) == 1


def test_a_copy_the_mailbox_never_takes_is_given_up_and_the_owner_told_once(
        dovecot, smtp_server, database_url, tmp_path):
    app, boxes, jane, owner_id, outbox_id, clock, _ = \
        _linked_followup_sent_while_imap_is_down(dovecot, smtp_server, database_url, tmp_path)
    sweep = _sweeper(app, clock)
    try:
        # When the owner's IMAP server stays unreachable past the days a copy is tried for
        clock[0] += timedelta(seconds=COPY_RETRY_BASE + 1)
        assert sweep() == []
        assert _copy_status(app, outbox_id) == "owed"
        clock[0] += COPY_DAYS
        notices = sweep()
        # Then the copy is given up and one notice is queued to the owner, and sent
        assert _copy_status(app, outbox_id) == "given_up"
        with transaction(app.sessions) as session:
            purposes = list(session.scalars(select(OutboxMessage.purpose).where(
                OutboxMessage.id.in_(notices))))
        assert purposes == ["sent_copy"]
        assert send_outbox(app, notices[0]) == "sent"
        clock[0] += timedelta(days=1)
        assert sweep() == []
    finally:
        app.close()
    told = dovecot.wait_for_messages(boxes.owner, "INBOX", 1, timeout=30)
    assert len(told) == 1 and b"Sent folder" in told[0]
    received = dovecot.messages(jane, "INBOX")
    assert len(received) == 1
    # The notice carries the follow-up's words: the owner's own record of what went out
    followup = _plain(received[0])
    notice = _plain(told[0])
    lines = [line.strip() for line in followup.splitlines() if line.strip()]
    assert lines and all(line in notice for line in lines)


def _plain(raw: bytes) -> str:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())
