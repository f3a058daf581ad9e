"""Routing edge cases on the real servers: a plain-text bounce of a sent follow-up is handled
like a DSN; an assistant on the owner's own domain, its secret sub-address and a subject that
starts like an out-of-office one do not lose the owner's notes."""

from __future__ import annotations

import email
import email.policy
import smtplib
import uuid
from email.message import EmailMessage
from email.utils import make_msgid

from sqlalchemy import select

from assistant.store import owners
from assistant.store.db import make_engine, session_factory, transaction, upgrade
from assistant.store.models import ContactEmail, FollowUp
from tests.e2e.clock import SteppedClock, running_with_clock
from tests.e2e.test_followup_loop import NEXT_MORNING, START, _answer, setup_note
from tests.integration.helpers import (
    Mailboxes,
    counts,
    note,
    owner_mail,
    server_env,
    wait_for,
)
from tests.unit.test_plain_bounces import postfix

SECRET = "s3cret-tag-1"


def _text(message: email.message.EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def _send(smtp_server, message: EmailMessage) -> None:  # noqa: ANN001
    with smtplib.SMTP(smtp_server.host, smtp_server.port) as client:
        client.send_message(message)


def _query(database_url: str, statement):  # noqa: ANN001, ANN202
    engine = make_engine(database_url)
    try:
        with transaction(session_factory(engine)) as session:
            return session.execute(statement).all()
    finally:
        engine.dispose()


def test_a_plain_text_postfix_bounce_marks_the_address_bad_and_tells_the_owner(
        dovecot, smtp_server, database_url, tmp_path):
    # Given a follow-up approved and sent to Jane
    boxes, jane, env = setup_note(dovecot, database_url, tmp_path, smtp_server)
    clock = SteppedClock(START)
    with running_with_clock(env, clock):
        owner_mail(dovecot, boxes.owner, 1)
        clock.set(NEXT_MORNING)
        _answer(smtp_server, boxes.owner, owner_mail(dovecot, boxes.owner, 2)[1], "send")
        sent = email.message_from_bytes(
            dovecot.wait_for_messages(jane, "INBOX", 1, timeout=30)[0], policy=email.policy.default)

        # When her server bounces it in Postfix's plain-text format (no RFC 3464 report)
        dovecot.append(boxes.assistant, "INBOX",
                       postfix(failed=jane, message_id=str(sent["Message-ID"]),
                               to=boxes.assistant))
        inbox = owner_mail(dovecot, boxes.owner, 3)

    # Then the owner is told, the address is bad, the follow-up bounced, and the mail system
    # got no answer
    assert "could not be delivered" in _text(inbox[2]) and jane in _text(inbox[2])
    assert _query(database_url, select(ContactEmail.bad).where(ContactEmail.email == jane)) == [
        (True,)]
    assert _query(database_url, select(FollowUp.status).where(FollowUp.sequence == 1)) == [
        ("bounced",)]
    assert dovecot.messages("mailer-daemon@mx.acme.example", "INBOX") == []


def test_notes_to_an_assistant_on_the_owners_domain_are_all_read(dovecot, smtp_server,
                                                                 database_url, tmp_path):
    # Given the assistant on Sam's own domain, and Sam with a secret sub-address
    tag = uuid.uuid4().hex[:10]
    boxes = Mailboxes(assistant=f"assistant-{tag}@example.com", owner=f"sam-{tag}@example.com")
    upgrade(database_url)
    engine = make_engine(database_url)
    with transaction(session_factory(engine)) as session:
        owners.add_owner(session, name="Sam Rivera", addresses=[boxes.owner],
                         timezone="America/Chicago", region="US", secret_tag=SECRET, now=START)
    engine.dispose()
    env = server_env(dovecot, smtp_server, boxes, database_url, None, tmp_path)
    env["ASSISTANT_POLL_SECONDS"] = "2"
    env["ASSISTANT_ACK_BURST_SECONDS"] = "0"  # each note acknowledged on its own, at once
    # And three notes: a forward threaded to Sam's own mail on the shared domain,
    forward = email.message_from_bytes(
        note(boxes.owner, boxes.assistant, "Fwd: Jane",
             "Met Jane Doe <jane@acme.example>, CTO at Acme Robotics.\n"),
        policy=email.policy.default)
    forward["In-Reply-To"] = forward["References"] = f"<CAF3xq=7Zk9-{tag}@example.com>"
    dovecot.append(boxes.assistant, "INBOX", forward.as_bytes())
    # a note about the "Away From Home" conference,
    dovecot.append(boxes.assistant, "INBOX", note(
        boxes.owner, boxes.assistant, "Away From Home conference",
        "Met Raj Patel <raj@corvid.example>, founder of Corvid, at the conference.\n"))
    # and one sent over SMTP to his secret sub-address, with no other proof that it is his
    local, _, domain = boxes.assistant.partition("@")
    secret = EmailMessage()
    secret["From"] = f"Sam Rivera <{boxes.owner}>"
    secret["To"] = f"Follow-up Assistant <{local}+{SECRET}@{domain}>"
    secret["Subject"] = "Met Ana"
    secret["Message-ID"] = make_msgid(domain=domain)
    secret.set_content("Met Ana Lima <ana@lima.example>, CFO at Lima Labs.\n")
    _send(smtp_server, secret)

    # When the assistant reads them
    with running_with_clock(env, SteppedClock(START)):
        acks = owner_mail(dovecot, boxes.owner, 3)
        assert wait_for(lambda: counts(database_url).pending == 0, timeout=20)

    # Then each was acknowledged, and the three people, and only they, are contacts
    assert sorted(str(m["Subject"]) for m in acks) == [
        "Re: Away From Home conference", "Re: Fwd: Jane", "Re: Met Ana"]
    emails = sorted(e for (e,) in _query(database_url, select(ContactEmail.email)))
    assert emails == ["ana@lima.example", "jane@acme.example", "raj@corvid.example"]
