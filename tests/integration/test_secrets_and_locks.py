"""Secrets never reach logs; one watcher per mailbox with Redis; UIDVALIDITY changes."""

from __future__ import annotations

import base64
import logging

from assistant.clock import system_clock
from assistant.locks import RedisLeader
from assistant.store import inbound
from assistant.store.db import make_engine, session_factory, transaction, upgrade
from assistant.store.inbound import FetchedMessage
from tests.integration.helpers import (
    assistant_running,
    counts,
    fresh_mailboxes,
    note,
    register_owner,
    server_env,
    wait_for,
)


def test_passwords_and_keys_never_appear_in_the_logs(dovecot, smtp_server, postgres_url,
                                                     tmp_path, caplog):
    # Given a run through the whole ingestion flow with every log line captured, including
    # a failing login on the way
    boxes = fresh_mailboxes()
    register_owner(postgres_url, boxes.owner, now=system_clock())
    dovecot.append(boxes.assistant, "INBOX", note(boxes.owner, boxes.assistant, "Met Jane",
                                                  "Met Jane Doe <jane@acme.example>.\n"))
    env = server_env(dovecot, smtp_server, boxes, postgres_url, None, tmp_path,
                     smtp_kind="starttls")
    env["ASSISTANT_SECRET_KEY"] = "sk-very-secret-key-4711"
    caplog.set_level(logging.DEBUG)
    with assistant_running({**env, "ASSISTANT_INBOX_PASSWORD": "wrong-password-0815"}):
        # (a refused login does not end the watcher: it backs off and says so in the log)
        assert wait_for(lambda: "IMAP login refused" in caplog.text, timeout=30)
    with assistant_running(env):
        dovecot.wait_for_messages(boxes.owner, "INBOX", 1, timeout=30)
    # Then the passwords and the key were used but never written anywhere in the logs
    logged = caplog.text
    for secret in (dovecot.password, smtp_server.password, "wrong-password-0815",
                   "sk-very-secret-key-4711"):
        assert secret not in logged
    auth_plain = base64.b64encode(f"\0{smtp_server.username}\0{smtp_server.password}".encode())
    assert auth_plain.decode() not in logged  # nor the SMTP AUTH exchange
    assert "IMAP login refused" in logged or "mailbox" in logged


def test_only_one_watcher_holds_a_mailbox(redis_url):
    # Given two processes wanting to watch the same mailbox
    first = RedisLeader(redis_url, "watch:imap://a@x/INBOX", ttl=2)
    second = RedisLeader(redis_url, "watch:imap://a@x/INBOX", ttl=2)
    try:
        # Then the first holds it, the second waits, and keeps waiting while it is renewed
        assert first() and not second()
        assert first() and not second()
        # And when the first stops, the second takes over
        first.release()
        assert second()
    finally:
        second.release()


def test_a_uidvalidity_change_rescans_without_processing_twice(tmp_path):
    # Given a message stored under UIDVALIDITY 1
    url = f"sqlite:///{tmp_path}/a.db"
    upgrade(url)
    sessions = session_factory(make_engine(url))
    raw = note("sam@example.com", "a@x.net", "Met Jane", "Met Jane Doe <jane@acme.example>.\n")
    with transaction(sessions) as session:
        first = inbound.store_fetched(session, "imap://a@x/INBOX", 1,
                                      FetchedMessage("7", raw, uid=7), received_at=system_clock())
        inbound.finish(session, first, status="processed", kind="note", owner_id=None,
                       now=system_clock())
    # When the server renumbers the mailbox and the same message shows up as UID 1
    with transaction(sessions) as session:
        again = inbound.store_fetched(session, "imap://a@x/INBOX", 99,
                                      FetchedMessage("1", raw, uid=1), received_at=system_clock())
        moves = inbound.pending_moves(session, "imap://a@x/INBOX", 99)
    # Then it is not stored or processed again, and it is moved under its new UID
    assert first is not None and again is None
    assert [(m.id, m.uid) for m in moves] == [(first, 1)]
    assert counts(url).inbound == 1
