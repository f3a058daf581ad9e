"""A message that cannot be processed is kept, moved to the failed folder, explained to its
owner when the owner is known, and the messages behind it still go through."""

from __future__ import annotations

import email
import email.policy

from assistant.clock import system_clock
from tests.integration.helpers import (
    assistant_running,
    authenticated,
    contact_names,
    counts,
    fresh_mailboxes,
    note,
    register_owner,
    server_env,
    wait_for,
)


def _broken_mime(owner: str, assistant: str) -> bytes:
    return (f"Authentication-Results: {authenticated(owner)}\r\n"
            f"From: Sam Rivera <{owner}>\r\nTo: {assistant}\r\nSubject: broken card\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"zzz\"\r\n\r\n"
            "--yyy\r\nContent-Type: text/plain\r\n\r\n").encode()


def _unknown_charset(owner: str, assistant: str) -> bytes:
    return (f"Authentication-Results: {authenticated(owner)}\r\n"
            f"From: Sam Rivera <{owner}>\r\nTo: {assistant}\r\nSubject: charset\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"x-klingon\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n//79/A==\r\n").encode()


def _missing_from(assistant: str) -> bytes:
    return (f"To: {assistant}\r\nSubject: who am I\r\n\r\n"
            "Met Bob Stone <bob@stone.example>\r\n").encode()


def test_bad_messages_fail_alone_and_are_explained(dovecot, smtp_server, database_url,
                                                   tmp_path):
    # Given three malformed messages ahead of a good note
    boxes = fresh_mailboxes()
    register_owner(database_url, boxes.owner, now=system_clock())
    for raw in (_broken_mime(boxes.owner, boxes.assistant),
                _unknown_charset(boxes.owner, boxes.assistant),
                _missing_from(boxes.assistant),
                note(boxes.owner, boxes.assistant, "Tom", "Met Tom Baker "
                     "<tom.baker@northwind.example>, CFO at Northwind.\n")):
        dovecot.append(boxes.assistant, "INBOX", raw)
    env = server_env(dovecot, smtp_server, boxes, database_url, None, tmp_path)

    # When the assistant runs
    with assistant_running(env):
        replies = dovecot.wait_for_messages(boxes.owner, "INBOX", 3, timeout=30)
        assert wait_for(lambda: counts(database_url).unmoved == 0)

    # Then the good note went through, the bad ones are kept in the failed folder,
    # and the owner was told about the two the owner sent (the third has no sender)
    assert contact_names(database_url) == ["Tom Baker"]
    assert len(dovecot.messages(boxes.assistant, "Assistant/Processed")) == 1
    failed = dovecot.messages(boxes.assistant, "Assistant/Failed")
    assert len(failed) == 3
    assert any(b"Subject: who am I" in raw for raw in failed)
    subjects = sorted(_parse(r)["Subject"] for r in replies)
    assert subjects == ["Re: Tom", "Re: broken card", "Re: charset"]
    explanation = next(_parse(r) for r in replies if _parse(r)["Subject"] == "Re: charset")
    text = explanation.get_body(preferencelist=("plain",)).get_content()
    assert "could not read" in text and "Assistant/Failed" in text
    assert len(dovecot.messages(boxes.owner, "INBOX")) == 3


def _parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)
