"""The second touch's approval request says when an out-of-office came back from the contact
(it does not count as an answer, and the touch waited for it). SQLite, no server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from sqlalchemy import select

from assistant.app import App, build_app
from assistant.domain import ParsedContact
from assistant.mail.reply_headers import Match
from assistant.pipeline.draft import draft_followup
from assistant.pipeline.followup import on_sent
from assistant.pipeline.replies_seen import record
from assistant.settings import Settings
from assistant.store import contacts, followups, owners
from assistant.store.db import transaction, upgrade
from assistant.store.models import FollowUp, OutboxMessage

SENT = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # Tuesday 09:00 in Chicago


@pytest.fixture
def clock() -> list[datetime]:
    return [SENT]


@pytest.fixture
def app(tmp_path: Path, clock: list[datetime]) -> Iterator[App]:
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_ADDRESS": "assistant@example.net"})
    upgrade(settings.database_url)
    application = build_app(settings, clock=lambda: clock[0])
    yield application
    application.close()


def _sent_followup(app: App) -> tuple[int, int]:
    """Sam's first follow-up to Jane went out on Tuesday; the second touch is scheduled."""
    with transaction(app.sessions) as session:
        owner = owners.add_owner(session, name="Sam Rivera", addresses=["sam@rivera.io"],
                                 timezone="America/Chicago", region="US", now=SENT)
        jane = contacts.merge_contact(session, owner_id=owner.id, inbound_id=None, now=SENT,
                                      parsed=ParsedContact(name="Jane Doe",
                                                           emails=("jane@acme.example",),
                                                           context="the SaaS breakfast"))
        first = followups.schedule(session, owner_id=owner.id, contact_id=jane.id,
                                   sequence=1, due_at=SENT, now=SENT)
        followups.save_draft(session, first, to_address="jane@acme.example",
                             subject="Great to meet you", body="Hi Jane", value_adds=[],
                             placeholders=[], now=SENT)
        followups.set_status(session, first, "approved", SENT)
        row = OutboxMessage(idempotency_key=f"followup:{first}", owner_id=owner.id,
                            purpose="followup", message_id="<f1@rivera.io>",
                            envelope_from="sam@rivera.io", recipients="[]", raw=b"",
                            status="sent", attempts=1, created_at=SENT)
        session.add(row)
        session.flush()
        on_sent(session, row.id, SENT)
        return owner.id, jane.id


def _second_touch_request(app: App, clock: list[datetime]) -> str:
    with transaction(app.sessions) as session:
        second = session.scalars(select(FollowUp).where(FollowUp.sequence == 2)).one()
        clock[0] = second.due_at + timedelta(minutes=5)
        second_id = second.id
    outbox_id = draft_followup(app, second_id)
    assert outbox_id is not None
    with transaction(app.sessions) as session:
        raw = session.scalar(select(OutboxMessage.raw).where(OutboxMessage.id == outbox_id))
    body = message_from_bytes(raw, policy=policy.default).get_body(("plain",))
    return str(body.get_content())  # type: ignore[union-attr]


def test_the_reminder_says_an_out_of_office_came_back(app: App, clock: list[datetime]) -> None:
    # Given Jane's out-of-office, seen in the owner's mailbox on Wednesday
    owner_id, jane = _sent_followup(app)
    with transaction(app.sessions) as session:
        record(session, owner_id, Match(jane, "auto_reply", "<ooo@acme.example>"),
               SENT + timedelta(days=1))
    # When the second touch is drafted
    text = _second_touch_request(app, clock)
    # Then the owner reads that it came back, that it is no answer, and on which day
    assert "No reply from Jane Doe" in text
    assert "out of office" in text and "Wednesday 25 November" in text


def test_no_note_without_one(app: App, clock: list[datetime]) -> None:
    _sent_followup(app)
    text = _second_touch_request(app, clock)
    assert "No reply from Jane Doe" in text and "out of office" not in text
