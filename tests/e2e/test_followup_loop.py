"""The whole follow-up loop on real servers, with the clock moved forward instead of waited.

note forwarded -> draft in the owner's mailbox the next morning -> the owner answers "send"
over SMTP -> exactly one follow-up in the contact's mailbox, from the owner -> no reply ->
reminder with a second draft -> "skip" -> nothing more sent; and the branch where the contact
answers and no reminder comes.
"""

from __future__ import annotations

import email
import email.policy
import smtplib
from collections import Counter
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid

from sqlalchemy import func, select

from assistant.store.db import make_engine, session_factory, transaction
from assistant.store.models import OutboxMessage
from tests.e2e.clock import SteppedClock, running_with_clock
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

# Monday 23 November 2026, 15:00 in Chicago.
START = datetime(2026, 11, 23, 21, 0, tzinfo=UTC)
# Tuesday 24 November, 09:05 in Chicago: the first draft is due at 09:00.
NEXT_MORNING = datetime(2026, 11, 24, 15, 5, tzinfo=UTC)
# Monday 30 November, 08:05 in Chicago: the owner's weekly summary is due at 08:00.
SUMMARY_TIME = datetime(2026, 11, 30, 14, 5, tzinfo=UTC)


def _kinds(mails: list[email.message.EmailMessage]) -> Counter[str]:
    """What the owner got: acknowledgements, approval requests, reminders, weekly summaries."""
    def kind(subject: str) -> str:
        for prefix, name in (("Re: ", "ack"), ("Follow-up to ", "request"),
                             ("Second touch", "reminder"), ("Your week in", "summary")):
            if subject.startswith(prefix):
                return name
        return subject
    return Counter(kind(str(m["Subject"])) for m in mails)


def _summaries_sent(database_url: str) -> int:
    engine = make_engine(database_url)
    try:
        with transaction(session_factory(engine)) as session:
            return int(session.scalar(select(func.count()).select_from(OutboxMessage).where(
                OutboxMessage.purpose == "summary", OutboxMessage.status == "sent")) or 0)
    finally:
        engine.dispose()


def _parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


def _text(message: email.message.EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def _answer(smtp_server, owner: str, request: email.message.EmailMessage, text: str) -> None:
    """The owner answers an approval request from a mail client: Reply-To, quote, threading."""
    reply = EmailMessage()
    reply["Authentication-Results"] = authenticated(owner)
    reply["From"] = f"Sam Rivera <{owner}>"
    reply["To"] = request["Reply-To"]
    reply["Subject"] = "Re: " + request["Subject"]
    reply["Message-ID"] = make_msgid(domain=owner.split("@")[1])
    reply["In-Reply-To"] = request["Message-ID"]
    quoted = "\n".join("> " + line for line in _text(request).splitlines())
    reply.set_content(f"{text}\n\nOn Tue, Nov 24, 2026, Assistant wrote:\n{quoted}\n")
    with smtplib.SMTP(smtp_server.host, smtp_server.port) as client:
        client.send_message(reply)


def setup_note(dovecot, database_url, tmp_path, smtp_server):  # noqa: ANN001
    """An owner, a note about Jane in the mailbox, and settings with a fast tick."""
    boxes = fresh_mailboxes()
    jane = f"jane-{boxes.owner.split('-')[1].split('@')[0]}@acme.example"
    register_owner(database_url, boxes.owner, now=START)
    env = server_env(dovecot, smtp_server, boxes, database_url, None, tmp_path)
    env.update({"ASSISTANT_TICK_SECONDS": "0.2", "ASSISTANT_POLL_SECONDS": "2"})
    dovecot.append(boxes.assistant, "INBOX", note(
        boxes.owner, boxes.assistant, "Met Jane",
        f"Met Jane Doe <{jane}>, CTO at Acme Robotics, at the SaaS founders breakfast. "
        "She is looking for a good SRE contractor.\n"))
    return boxes, jane, env


def test_send_then_second_touch_then_skip(dovecot, smtp_server, database_url, tmp_path):
    # Given a forwarded note, acknowledged on Monday afternoon
    boxes, jane, env = setup_note(dovecot, database_url, tmp_path, smtp_server)
    clock = SteppedClock(START)
    with running_with_clock(env, clock):
        owner_mail(dovecot, boxes.owner, 1)

        # When the next morning comes, the draft arrives for approval
        clock.set(NEXT_MORNING)
        request = owner_mail(dovecot, boxes.owner, 2)[1]
        assert "+" in request["Reply-To"]
        assert "Jane" in _text(request) and jane in _text(request)
        assert dovecot.messages(jane, "INBOX") == []  # nothing without approval

        # And the owner answers "send"
        _answer(smtp_server, boxes.owner, request, "send")
        sent = dovecot.wait_for_messages(jane, "INBOX", 1, timeout=30)
        followup = _parse(sent[0])
        assert followup["From"].addresses[0].addr_spec == boxes.owner
        assert "Auto-Submitted" not in followup
        assert wait_for(lambda: counts(database_url).unsent == 0, timeout=20)

        # Then on Monday at 08:00 the week's summary comes, once
        clock.set(SUMMARY_TIME)
        assert _kinds(owner_mail(dovecot, boxes.owner, 3)) == {"ack": 1, "request": 1,
                                                                "summary": 1}
        # And with no reply four business days after the send, a second draft is offered
        clock.set(NEXT_MORNING + timedelta(days=7))
        mails = owner_mail(dovecot, boxes.owner, 4)
        assert _kinds(mails) == {"ack": 1, "request": 1, "summary": 1, "reminder": 1}
        reminder = next(m for m in mails if str(m["Subject"]).startswith("Second touch"))
        assert "No reply from Jane Doe" in _text(reminder)

        # And "skip" sends nothing more
        _answer(smtp_server, boxes.owner, reminder, "skip")
        assert wait_for(lambda: counts(database_url).pending == 0 and
                        counts(database_url).inbound >= 4, timeout=20)
        clock.advance(days=14)
        assert not wait_for(lambda: len(dovecot.messages(jane, "INBOX")) > 1, timeout=3)
    assert len(dovecot.messages(jane, "INBOX")) == 1
    # (the quiet week that followed brought no summary)
    assert _kinds(owner_mail(dovecot, boxes.owner, 4)) == {
        "ack": 1, "request": 1, "summary": 1, "reminder": 1}
    assert _summaries_sent(database_url) == 1


def test_a_reply_from_the_contact_cancels_the_second_touch(dovecot, smtp_server, database_url,
                                                           tmp_path):
    # Given a follow-up that was approved and sent
    boxes, jane, env = setup_note(dovecot, database_url, tmp_path, smtp_server)
    clock = SteppedClock(START)
    with running_with_clock(env, clock):
        owner_mail(dovecot, boxes.owner, 1)
        clock.set(NEXT_MORNING)
        request = owner_mail(dovecot, boxes.owner, 2)[1]
        _answer(smtp_server, boxes.owner, request, "Looks good, send it")
        followup = _parse(dovecot.wait_for_messages(jane, "INBOX", 1, timeout=30)[0])

        # When Jane answers the owner and the assistant sees it (the owner keeps it in CC)
        answer = EmailMessage()
        answer["From"] = f"Jane Doe <{jane}>"
        answer["To"] = boxes.owner
        answer["Cc"] = boxes.assistant
        answer["Subject"] = "Re: " + followup["Subject"]
        answer["In-Reply-To"] = followup["Message-ID"]
        answer["Message-ID"] = make_msgid(domain="acme.example")
        answer.set_content("Thanks Sam, that is very helpful!")
        with smtplib.SMTP(smtp_server.host, smtp_server.port) as client:
            client.send_message(answer)
        assert wait_for(lambda: counts(database_url).inbound >= 4 and
                        counts(database_url).pending == 0, timeout=20)

        # Then no second touch is offered, ever (Monday's summary comes on the way)
        clock.set(SUMMARY_TIME)
        # (the owner's inbox also holds Jane's answer: 4 emails)
        assert _kinds(owner_mail(dovecot, boxes.owner, 4))["summary"] == 1
        clock.advance(days=4)
        assert not wait_for(lambda: _kinds(owner_mail(dovecot, boxes.owner, 4))["reminder"],
                            timeout=3)
    owner_inbox = owner_mail(dovecot, boxes.owner, 4)
    assert not any("No reply from" in _text(m) for m in owner_inbox)
    assert _kinds(owner_inbox)["summary"] == _summaries_sent(database_url) == 1
    assert len(dovecot.messages(jane, "INBOX")) == 1
