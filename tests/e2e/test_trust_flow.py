"""Nobody can pose as the owner, answer an approval that is not theirs, or replay one;
bounces mark the address bad and tell the owner; nothing of this is ever sent to a contact."""

from __future__ import annotations

import email
import email.policy
import smtplib
from email.message import EmailMessage
from email.utils import make_msgid

from assistant.store.db import make_engine, session_factory, transaction
from assistant.store.models import ContactEmail, InboundMessage
from tests.e2e.clock import SteppedClock, running_with_clock
from tests.e2e.test_followup_loop import NEXT_MORNING, START, setup_note
from tests.integration.helpers import (
    authenticated,
    counts,
    fresh_mailboxes,
    note,
    owner_mail,
    register_owner,
    server_env,
    wait_for,
)


def _parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


def _text(message) -> str:  # noqa: ANN001
    return message.get_body(preferencelist=("plain",)).get_content()


def _send(smtp_server, message: EmailMessage) -> None:  # noqa: ANN001
    with smtplib.SMTP(smtp_server.host, smtp_server.port) as client:
        client.send_message(message)


def _answer(smtp_server, sender: str, request, text: str, auth: bool = True) -> None:  # noqa: ANN001
    reply = EmailMessage()
    if auth:
        reply["Authentication-Results"] = authenticated(sender)
    reply["From"] = sender
    reply["To"] = request["Reply-To"]
    reply["Subject"] = "Re: " + request["Subject"]
    reply["Message-ID"] = make_msgid(domain="example.com")
    reply["In-Reply-To"] = request["Message-ID"]
    reply.set_content(text)
    _send(smtp_server, reply)


def _statuses(database_url: str) -> list[str]:
    engine = make_engine(database_url)
    try:
        with transaction(session_factory(engine)) as session:
            return [s for (s,) in session.query(InboundMessage.status)
                    .order_by(InboundMessage.id)]
    finally:
        engine.dispose()


def test_forged_owner_mail_is_quarantined_and_the_owner_told_once(dovecot, smtp_server,
                                                                  postgres_url, tmp_path):
    # Given two notes that claim to be from the owner but carry no proof
    boxes = fresh_mailboxes()
    register_owner(postgres_url, boxes.owner, now=START)
    for subject in ("Met Eve", "Met Mallory"):
        forged = note(boxes.owner, boxes.assistant, subject,
                      "Met Eve Attacker <eve@evil.example>, CEO at Evil.\n")
        forged = b"\n".join(line for line in forged.split(b"\n")
                            if not line.startswith(b"Authentication-Results"))
        dovecot.append(boxes.assistant, "INBOX", forged)
    env = server_env(dovecot, smtp_server, boxes, postgres_url, None, tmp_path)
    # When the assistant reads them
    with running_with_clock(env, SteppedClock(START)):
        assert wait_for(lambda: counts(postgres_url).unmoved == 0 and
                        counts(postgres_url).inbound == 2, timeout=30)
        notices = owner_mail(dovecot, boxes.owner, 1)
    # Then nothing was acted on, both are kept aside, and the real owner heard once
    assert counts(postgres_url).contacts == 0
    assert _statuses(postgres_url) == ["quarantined", "quarantined"]
    assert len(dovecot.wait_for_messages(boxes.assistant, "Assistant/Failed", 2, timeout=10)) == 2
    assert len(notices) == 1 and "could not confirm" in _text(notices[0])
    assert dovecot.messages("eve@evil.example", "INBOX") == []


def test_approvals_cannot_be_forged_replayed_or_used_by_another_owner(dovecot, smtp_server,
                                                                       database_url, tmp_path):
    # Given a draft awaiting Sam's answer, and Ana, another registered owner
    boxes, jane, env = setup_note(dovecot, database_url, tmp_path, smtp_server)
    ana = "ana-" + boxes.owner
    register_owner(database_url, ana, name="Ana Lima", now=START)
    clock = SteppedClock(START)
    with running_with_clock(env, clock):
        owner_mail(dovecot, boxes.owner, 1)
        clock.set(NEXT_MORNING)
        request = owner_mail(dovecot, boxes.owner, 2)[1]

        # When Ana (authenticated, but not the owner of this draft) says "send"
        _answer(smtp_server, ana, request, "send")
        # And someone forges Sam's address without proof
        _answer(smtp_server, boxes.owner, request, "send", auth=False)
        # And a made-up token is tried
        forged = EmailMessage()
        forged["Authentication-Results"] = authenticated(boxes.owner)
        forged["From"] = boxes.owner
        local, _, domain = boxes.assistant.partition("@")
        forged["To"] = f"{local}+{'a' * 32}@{domain}"
        forged["Subject"] = "Re: send"
        forged.set_content("send")
        _send(smtp_server, forged)
        assert wait_for(lambda: counts(database_url).inbound == 4 and
                        counts(database_url).pending == 0, timeout=30)
        # Then nothing reached Jane
        assert dovecot.messages(jane, "INBOX") == []

        # When Sam answers for real, it is sent once; a replay of the same answer is refused
        _answer(smtp_server, boxes.owner, request, "send")
        dovecot.wait_for_messages(jane, "INBOX", 1, timeout=30)
        _answer(smtp_server, boxes.owner, request, "send")
        # (the assistant's blind copy of the follow-up counts as one more inbound message)
        assert wait_for(lambda: counts(database_url).inbound == 7 and
                        counts(database_url).pending == 0, timeout=30)
        assert not wait_for(lambda: len(dovecot.messages(jane, "INBOX")) > 1, timeout=3)
    assert len(dovecot.messages(jane, "INBOX")) == 1
    owner_texts = [_text(m) for m in owner_mail(dovecot, boxes.owner, 1)]
    assert any("already answered" in t for t in owner_texts)
    assert any("do not recognise" in t for t in owner_texts)
    ana_texts = [_text(_parse(r)) for r in dovecot.messages(ana, "INBOX")]
    assert any("belongs to someone else" in t for t in ana_texts)


def test_a_bounced_followup_marks_the_address_bad_and_tells_the_owner(dovecot, smtp_server,
                                                                      database_url, tmp_path):
    # Given a follow-up sent to Jane
    boxes, jane, env = setup_note(dovecot, database_url, tmp_path, smtp_server)
    clock = SteppedClock(START)
    with running_with_clock(env, clock):
        owner_mail(dovecot, boxes.owner, 1)
        clock.set(NEXT_MORNING)
        request = owner_mail(dovecot, boxes.owner, 2)[1]
        _answer(smtp_server, boxes.owner, request, "send")
        sent = _parse(dovecot.wait_for_messages(jane, "INBOX", 1, timeout=30)[0])

        # When her server later bounces it
        dsn = (f"From: MAILER-DAEMON@mx.acme.example\r\nTo: {boxes.assistant}\r\n"
               "Subject: Undelivered Mail Returned to Sender\r\nAuto-Submitted: auto-replied\r\n"
               "MIME-Version: 1.0\r\nContent-Type: multipart/report; "
               "report-type=delivery-status; boundary=\"B\"\r\n\r\n--B\r\n"
               "Content-Type: text/plain\r\n\r\nNo such user.\r\n--B\r\n"
               "Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\n"
               f"Final-Recipient: rfc822; {jane}\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
               "--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
               f"Message-ID: {sent['Message-ID']}\r\n\r\n--B--\r\n").encode()
        dovecot.append(boxes.assistant, "INBOX", dsn)
        inbox = owner_mail(dovecot, boxes.owner, 3)

    # Then the owner is told, the address is marked bad, and the bounce got no answer
    assert "could not be delivered" in _text(inbox[2])
    engine = make_engine(database_url)
    with transaction(session_factory(engine)) as session:
        assert session.query(ContactEmail.bad).filter_by(email=jane).scalar() is True
    engine.dispose()
    assert dovecot.messages("mailer-daemon@mx.acme.example", "INBOX") == []
