"""Every answer to an approval request, through the real pipeline on SQLite with a local
Maildir outbox (no server needed): send, rewrite, skip, snooze, stop, unclear."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from sqlalchemy import select

from assistant.app import build_app
from assistant.domain import ParsedContact
from assistant.pipeline.draft import draft_followup
from assistant.pipeline.process import process_inbound
from assistant.settings import Settings
from assistant.store import contacts, followups, inbound, outbox, owners
from assistant.store.db import transaction, upgrade
from assistant.store.inbound import FetchedMessage
from assistant.store.models import Contact, FollowUp, OutboxMessage

NOW = datetime(2026, 11, 24, 15, 5, tzinfo=UTC)
OWNER = "sam@example.com"


@pytest.fixture
def drafted(tmp_path):
    """A drafted follow-up to Jane awaiting Sam's answer; returns (app, request message)."""
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_ADDRESS": "assistant@example.net"})
    upgrade(settings.database_url)
    app = build_app(settings, clock=lambda: NOW)
    with transaction(app.sessions) as session:
        owner = owners.add_owner(session, name="Sam Rivera", addresses=[OWNER],
                                 timezone="America/Chicago", region="US", now=NOW)
        jane = contacts.merge_contact(session, owner_id=owner.id, inbound_id=None, now=NOW,
                                      parsed=ParsedContact("Jane Doe", ("jane@acme.example",),
                                                           context="Met at the breakfast"))
        followup_id = followups.schedule(session, owner_id=owner.id, contact_id=jane.id,
                                         sequence=1, due_at=NOW, now=NOW)
    outbox_id = draft_followup(app, followup_id)
    with transaction(app.sessions) as session:
        request = email.message_from_bytes(outbox.load(session, outbox_id).raw,
                                           policy=email.policy.default)
    yield app, request
    app.close()


def _answer(app, request, text: str, via_reply_to: bool = True) -> None:  # noqa: ANN001
    reply = EmailMessage()
    reply["From"] = f"Sam Rivera <{OWNER}>"
    reply["To"] = request["Reply-To"] if via_reply_to else "assistant@example.net"
    reply["Subject"] = "Re: " + str(request["Subject"])
    reply["Message-ID"] = make_msgid(domain="example.com")
    reply["In-Reply-To"] = request["Message-ID"]
    reply.set_content(f"{text}\n\nOn Tue, the assistant wrote:\n> Hi Jane,\n")
    with transaction(app.sessions) as session:
        inbound_id = inbound.store_fetched(session, "maildir://test", None,
                                           FetchedMessage(make_msgid(), reply.as_bytes()),
                                           received_at=app.clock())
    process_inbound(app, inbound_id)


def _state(app) -> tuple[str, list[str]]:  # noqa: ANN001
    with transaction(app.sessions) as session:
        status = session.scalar(select(FollowUp.status).where(FollowUp.sequence == 1))
        purposes = list(session.scalars(select(OutboxMessage.purpose)
                                        .order_by(OutboxMessage.id)))
    return status, purposes


def test_send_queues_the_draft_from_the_owner(drafted):
    app, request = drafted
    _answer(app, request, "send")
    status, purposes = _state(app)
    assert (status, purposes) == ("approved", ["approval", "followup"])
    with transaction(app.sessions) as session:
        sent = session.scalars(select(OutboxMessage).where(
            OutboxMessage.purpose == "followup")).one()
    assert "jane@acme.example" in sent.recipients and "assistant@example.net" in sent.recipients
    assert b"Sender: Follow-up Assistant <assistant@example.net>" in sent.raw


def test_a_rewrite_is_sent_instead_of_the_draft(drafted):
    app, request = drafted
    _answer(app, request, "Hi Jane,\n\nLovely to meet you at the breakfast. Here is the "
                          "checklist I mentioned: https://example.com/c\n\nBest,\nSam")
    with transaction(app.sessions) as session:
        sent = session.scalars(select(OutboxMessage).where(
            OutboxMessage.purpose == "followup")).one()
    body = email.message_from_bytes(sent.raw, policy=email.policy.default).get_content()
    assert "Lovely to meet you" in body and "wrote:" not in body


def test_skip_sends_nothing(drafted):
    app, request = drafted
    _answer(app, request, "skip")
    assert _state(app) == ("skipped", ["approval"])


def test_snooze_asks_again_later(drafted):
    app, request = drafted
    _answer(app, request, "snooze 3d")
    with transaction(app.sessions) as session:
        row = session.scalars(select(FollowUp)).one()
    assert row.status == "scheduled" and row.due_at >= NOW + timedelta(days=2)
    assert _state(app)[1] == ["approval"]


def test_stop_ends_follow_ups_for_that_person(drafted):
    app, request = drafted
    _answer(app, request, "stop following up")
    with transaction(app.sessions) as session:
        assert session.scalar(select(Contact.status)) == "stopped"
    assert _state(app) == ("stopped", ["approval"])


def test_unclear_asks_once_and_the_token_still_works(drafted):
    app, request = drafted
    _answer(app, request, "hmm, should I?")
    assert _state(app) == ("awaiting_approval", ["approval", "approval_unclear"])
    _answer(app, request, "yes, send it", via_reply_to=False)  # In-Reply-To as the fallback
    assert _state(app) == ("approved", ["approval", "approval_unclear", "followup"])
