"""A forwarded note travels the real flow: Dovecot -> store -> contact -> ack in Dovecot.

Runs on SQLite and PostgreSQL, with the in-process broker and with Redis.
"""

from __future__ import annotations

import email
import email.policy

import pytest

from assistant.clock import system_clock
from tests.integration.helpers import (
    assistant_running,
    contact_names,
    counts,
    fresh_mailboxes,
    note,
    register_owner,
    server_env,
    wait_for,
)

JANE_NOTE = ("Met Jane Doe (jane.doe@acmerobotics.com), CTO at Acme Robotics, at the SaaS "
             "founders breakfast. She is looking for a good SRE contractor.\n")


def test_note_becomes_contact_and_acknowledgement(dovecot, smtp_server, database_url,
                                                  broker_url, tmp_path):
    # Given an owner and the assistant's mailbox with one forwarded note in it
    boxes = fresh_mailboxes()
    register_owner(database_url, boxes.owner, now=system_clock())
    dovecot.append(boxes.assistant, "INBOX",
                   note(boxes.owner, boxes.assistant, "Met Jane", JANE_NOTE))
    env = server_env(dovecot, smtp_server, boxes, database_url, broker_url, tmp_path)

    # When the assistant runs
    with assistant_running(env):
        acks = dovecot.wait_for_messages(boxes.owner, "INBOX", 1, timeout=30)
        assert wait_for(lambda: counts(database_url).unmoved == 0)

    # Then the contact is stored, the note moved, and the owner got one threaded ack
    assert contact_names(database_url) == ["Jane Doe"]
    assert dovecot.messages(boxes.assistant, "INBOX") == []
    assert len(dovecot.messages(boxes.assistant, "Assistant/Processed")) == 1
    ack = email.message_from_bytes(acks[0], policy=email.policy.default)
    assert ack["Auto-Submitted"] == "auto-generated"
    assert ack["Subject"] == "Re: Met Jane"
    assert ack["In-Reply-To"]
    text = ack.get_body(preferencelist=("plain",)).get_content()
    assert "Jane Doe" in text and "Acme Robotics" in text
    assert "follow-up draft" in text


def test_a_note_arriving_while_idle_is_acknowledged(dovecot, smtp_server, postgres_url,
                                                    tmp_path):
    # Given the assistant already running and idling on an empty mailbox
    boxes = fresh_mailboxes()
    register_owner(postgres_url, boxes.owner, now=system_clock())
    env = server_env(dovecot, smtp_server, boxes, postgres_url, None, tmp_path)
    with assistant_running(env):
        assert wait_for(lambda: "Assistant/Processed" in dovecot.folders(boxes.assistant),
                        timeout=10)
        # When a note arrives
        dovecot.append(boxes.assistant, "INBOX",
                       note(boxes.owner, boxes.assistant, "Raj", "Met Raj Patel "
                            "<raj@corvidlabs.io>, VP Marketing at Corvid Labs.\n"))
        # Then the acknowledgement follows without waiting for a poll
        acks = dovecot.wait_for_messages(boxes.owner, "INBOX", 1, timeout=4)
    assert len(acks) == 1
    assert contact_names(postgres_url) == ["Raj Patel"]


def test_strangers_and_auto_replies_are_kept_but_never_answered(dovecot, smtp_server,
                                                                database_url, tmp_path):
    # Given mail from a stranger and an out-of-office reply from the owner's own address
    boxes = fresh_mailboxes()
    register_owner(database_url, boxes.owner, now=system_clock())
    stranger = note("eve@elsewhere.example", boxes.assistant, "Hello",
                    "Met Bob Smith <bob@x.example>", sender_name="Eve")
    auto = note(boxes.owner, boxes.assistant, "Out of Office: back Monday", "I am away.")
    auto = auto.replace(b"Subject:", b"Auto-Submitted: auto-replied\nSubject:", 1)
    good = note(boxes.owner, boxes.assistant, "Lena", "Met Lena Fischer "
                "<lena@fischer-design.de> at the meetup.\n")
    for raw in (stranger, auto, good):
        dovecot.append(boxes.assistant, "INBOX", raw)
    env = server_env(dovecot, smtp_server, boxes, database_url, None, tmp_path)

    # When the assistant runs
    with assistant_running(env):
        dovecot.wait_for_messages(boxes.owner, "INBOX", 1, timeout=30)
        assert wait_for(lambda: counts(database_url).unmoved == 0)

    # Then only the owner's real note was answered; the others are kept in Processed
    assert len(dovecot.messages(boxes.owner, "INBOX")) == 1
    assert dovecot.messages("eve@elsewhere.example", "INBOX") == []
    assert contact_names(database_url) == ["Lena Fischer"]
    assert counts(database_url).inbound == 3
    assert len(dovecot.messages(boxes.assistant, "Assistant/Processed")) == 3


@pytest.mark.parametrize("imap_tls,smtp_kind", [("imaps", "smtps"), ("starttls", "starttls")])
def test_implicit_tls_and_starttls_with_authentication(dovecot, smtp_server, tmp_path,
                                                       imap_tls, smtp_kind):
    # Given TLS on both sides: IMAPS or IMAP+STARTTLS in, SMTPS or SMTP+STARTTLS with AUTH out
    boxes = fresh_mailboxes()
    url = f"sqlite:///{tmp_path}/a.db"
    register_owner(url, boxes.owner, now=system_clock())
    dovecot.append(boxes.assistant, "INBOX", note(boxes.owner, boxes.assistant, "Met Jane",
                                                  JANE_NOTE))
    env = server_env(dovecot, smtp_server, boxes, url, None, tmp_path, smtp_kind=smtp_kind,
                     imap_tls=imap_tls)
    before = len(smtp_server.transactions())
    # When the assistant runs
    with assistant_running(env):
        dovecot.wait_for_messages(boxes.owner, "INBOX", 1, timeout=30)
    # Then the acknowledgement went over an authenticated TLS session
    sent = smtp_server.transactions()[before:]
    assert [(t["tls"], t["auth_user"]) for t in sent] == [(True, smtp_server.username)]
