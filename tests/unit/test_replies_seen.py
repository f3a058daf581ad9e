"""Replies seen (on SQLite, no server): a match cancels the second touch once; an
out-of-office pushes it back; a reply the owner forwards counts, a forwarded note does not."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage

import pytest
from sqlalchemy import select

from assistant.domain import ParsedContact
from assistant.mail.reply_headers import Match
from assistant.pipeline.followup import on_sent
from assistant.pipeline.replies_seen import forwarded_reply, record, reminder_note
from assistant.store import contacts, followups, owners
from assistant.store.db import make_engine, session_factory, transaction, upgrade
from assistant.store.models import (
    FollowUp,
    InboundMessage,
    Interaction,
    OutboxMessage,
    SeenReply,
)

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
FOLLOWUP_ID = "<sam.0123456789abcdef0123456789abcdef@rivera.io>"


@pytest.fixture
def sessions(tmp_path):  # noqa: ANN201
    url = f"sqlite:///{tmp_path / 'a.db'}"
    upgrade(url)
    engine = make_engine(url)
    yield session_factory(engine)
    engine.dispose()


def _sent_followup(sessions):  # noqa: ANN001, ANN202
    """Sam followed Jane up; the second touch is scheduled."""
    with transaction(sessions) as session:
        owner = owners.add_owner(session, name="Sam Rivera", addresses=["sam@rivera.io"],
                                 timezone="America/Chicago", region="US", now=NOW)
        jane = contacts.merge_contact(session, owner_id=owner.id, inbound_id=None, now=NOW,
                                      parsed=ParsedContact(name="Jane Doe",
                                                           emails=("jane@acme.example",)))
        first = followups.schedule(session, owner_id=owner.id, contact_id=jane.id,
                                   sequence=1, due_at=NOW, now=NOW)
        followups.save_draft(session, first, to_address="jane@acme.example",
                             subject="Great to meet you", body="Hi", value_adds=[],
                             placeholders=[], now=NOW)
        followups.set_status(session, first, "approved", NOW)
        row = OutboxMessage(idempotency_key=f"followup:{first}", owner_id=owner.id,
                            purpose="followup", message_id=FOLLOWUP_ID,
                            envelope_from="sam@rivera.io", recipients="[]", raw=b"",
                            status="sent", attempts=1, created_at=NOW)
        session.add(row)
        session.flush()
        on_sent(session, row.id, NOW)
        return owner, jane.id


def _second_touch(sessions) -> tuple[str, datetime]:  # noqa: ANN001
    with transaction(sessions) as session:
        row = session.scalars(select(FollowUp).where(FollowUp.sequence == 2)).one()
        return row.status, row.due_at


def test_a_reply_cancels_the_second_touch_once(sessions):
    # Given a sent follow-up and its second touch
    owner, jane = _sent_followup(sessions)
    # When the same reply is seen twice (a watcher restarted before it saved its place)
    with transaction(sessions) as session:
        first = record(session, owner.id, Match(jane, "reply", "<r1@acme.example>"), NOW)
    with transaction(sessions) as session:
        again = record(session, owner.id, Match(jane, "reply", "<r1@acme.example>"), NOW)
        kinds = list(session.scalars(select(Interaction.kind)))
    # Then it counts once: recorded as an interaction, and the second touch is cancelled
    assert (first, again) == (True, False)
    assert kinds.count("reply_received") == 1
    assert _second_touch(sessions)[0] == "cancelled"


def test_an_out_of_office_pushes_a_close_second_touch_back(sessions):
    # Given a second touch due tomorrow
    owner, jane = _sent_followup(sessions)
    with transaction(sessions) as session:
        session.execute(FollowUp.__table__.update().where(FollowUp.sequence == 2)
                        .values(due_at=NOW.replace(day=25)))
    # When Jane's robot answers
    with transaction(sessions) as session:
        record(session, owner.id, Match(jane, "auto_reply", "<ooo@acme.example>"), NOW)
    # Then the touch still stands, three business days on (Monday 30 November, 09:00 Chicago)
    status, due = _second_touch(sessions)
    assert status == "scheduled" and due == datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def _inbound(session, raw: bytes) -> int:  # noqa: ANN001
    row = InboundMessage(mailbox="test", source_ref=str(len(raw)), sha256=str(hash(raw)),
                         size=len(raw), raw=raw, received_at=NOW, status="pending")
    session.add(row)
    session.flush()
    return row.id


def _forward(inner: EmailMessage, note: str) -> bytes:
    outer = EmailMessage()
    outer["From"] = "Sam Rivera <sam@rivera.io>"
    outer["To"] = "assistant@assist.net"
    outer["Subject"] = "Fwd: " + str(inner["Subject"])
    outer.set_content(note)
    outer.add_attachment(inner)
    return outer.as_bytes()


def _janes(subject: str, in_reply_to: str | None) -> EmailMessage:
    inner = EmailMessage()
    inner["From"] = "Jane Doe <jane@acme.example>"
    inner["To"] = "sam@rivera.io"
    inner["Subject"] = subject
    inner["Message-ID"] = "<j2@acme.example>"
    if in_reply_to:
        inner["In-Reply-To"] = in_reply_to
    inner.set_content("Thanks Sam, let's talk Thursday.")
    return inner


def test_a_forwarded_reply_counts_and_a_forwarded_note_does_not(sessions):
    owner, _ = _sent_followup(sessions)
    with transaction(sessions) as session:
        # Given Jane's new message forwarded with the owner's words (a note)
        note = _forward(_janes("Our SRE search", None), "She also needs a designer")
        # When each is read; Then the note stays a note
        assert not forwarded_reply(session, owner, note, _inbound(session, note), NOW)
        # And the reply to the follow-up (attached, naming its Message-ID) is her reply
        reply = _forward(_janes("Re: Great to meet you", FOLLOWUP_ID), "fyi")
        assert forwarded_reply(session, owner, reply, _inbound(session, reply), NOW)
        assert list(session.scalars(select(SeenReply.kind))) == ["reply"]
    assert _second_touch(sessions)[0] == "cancelled"


def test_a_reply_forwarded_as_text_counts_by_sender_and_subject(sessions):
    owner, _ = _sent_followup(sessions)
    text = ("fyi\n\n---------- Forwarded message ---------\n"
            "From: Jane Doe <jane@acme.example>\nDate: Tue, 24 Nov 2026 10:00:00 -0600\n"
            "Subject: Re: Great to meet you\nTo: Sam Rivera <sam@rivera.io>\n\n"
            "Thanks Sam, let's talk Thursday.\n")
    message = EmailMessage()
    message["From"] = "Sam Rivera <sam@rivera.io>"
    message["Subject"] = "Fwd: Re: Great to meet you"
    message.set_content(text)
    with transaction(sessions) as session:
        raw = message.as_bytes()
        assert forwarded_reply(session, owner, raw, _inbound(session, raw), NOW)
    assert _second_touch(sessions)[0] == "cancelled"


def test_the_reminder_says_an_out_of_office_came_back(sessions):
    # Given an out-of-office seen after the first follow-up
    owner, jane = _sent_followup(sessions)
    with transaction(sessions) as session:
        assert reminder_note(session, jane, NOW, "America/Chicago") is None
        record(session, owner.id, Match(jane, "auto_reply", "<ooo@acme.example>"), NOW)
        # When the reminder is written; Then it says so, on the owner's day
        note = reminder_note(session, jane, NOW, "America/Chicago")
    assert note is not None and "out of office" in note and "Tuesday 24 November" in note
