"""Email commands end to end on real servers: the owner's message goes through the pipeline,
the answer goes out over SMTP into the owner's Dovecot INBOX, threaded to the command; nobody
but a registered owner is ever answered."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from assistant.app import App, build_app
from assistant.pipeline import process, send
from assistant.settings import Settings
from assistant.store import inbound
from assistant.store.db import transaction
from assistant.store.inbound import FetchedMessage
from assistant.store.models import InboundMessage, OutboxMessage
from assistant.summary.sample import seed_sample_history
from tests.integration.helpers import (
    Mailboxes,
    authenticated,
    fresh_mailboxes,
    register_owner,
    server_env,
)

NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
COMMANDS = {"help": "What I understand", "summary": "Your week in relationships",
            "pending": "1 draft(s) waiting", "find Jane Doe": "Jane Doe",
            "export": "Your contacts", "pause": "Follow-ups paused",
            "resume": "Follow-ups resumed"}


def message(sender: str, to: str, subject: str, body: str = "",
            in_reply_to: str | None = None) -> bytes:
    built = EmailMessage()
    built["From"] = sender
    built["To"] = to
    built["Subject"] = subject
    built["Message-ID"] = make_msgid(domain=sender.split("@")[1])
    built["Authentication-Results"] = authenticated(sender)
    if in_reply_to:
        built["In-Reply-To"] = built["References"] = in_reply_to
    built.set_content(body or "\n")
    return built.as_bytes()


def deliver(app: App, raw: bytes) -> tuple[int, process.Outcome | None]:
    with transaction(app.sessions) as session:
        inbound_id = inbound.store_fetched(session, "INBOX", 1,
                                           FetchedMessage(make_msgid(), raw), received_at=NOW)
    assert inbound_id is not None
    outcome = process.process_inbound(app, inbound_id, NOW)
    for outbox_id in outcome.outbox_ids if outcome else ():
        send.send_outbox(app, outbox_id)
    return inbound_id, outcome


@pytest.fixture
def running(dovecot, smtp_server, postgres_url: str, tmp_path: Path):  # noqa: ANN001
    boxes = fresh_mailboxes()
    env = server_env(dovecot, smtp_server, boxes, postgres_url, None, tmp_path)
    owner_id = register_owner(postgres_url, boxes.owner, now=NOW)
    app = build_app(Settings.from_env(env), clock=lambda: NOW)
    with transaction(app.sessions) as session:
        seed_sample_history(session, owner_id, NOW)
    yield app, boxes
    app.close()


@pytest.mark.parametrize("command", list(COMMANDS))
def test_command_answered_in_the_owners_inbox(running, dovecot, command: str) -> None:  # noqa: ANN001
    app, boxes = running
    # Given the owner writes the command as the subject
    raw = message(boxes.owner, boxes.assistant, command)
    # When the pipeline reads it and sends what it queued
    inbound_id, outcome = deliver(app, raw)
    assert outcome is not None and outcome.outbox_ids, inbound_id
    # Then one answer arrives in the owner's INBOX, threaded to the command
    got = dovecot.wait_for_messages(boxes.owner, "INBOX", 1, timeout=20)
    answer = email.message_from_bytes(got[0], policy=email.policy.default)
    sent = email.message_from_bytes(raw, policy=email.policy.default)
    assert COMMANDS[command] in str(answer["Subject"])
    assert answer["In-Reply-To"] == sent["Message-ID"]
    if command == "export":
        names = {part.get_filename() for part in answer.iter_attachments()}
        assert names == {"contacts.vcf", "contacts.csv"}


def test_undo_in_reply_to_an_acknowledgement(running, dovecot) -> None:  # noqa: ANN001
    app, boxes = running
    # Given a note the assistant acknowledged
    _, noted = deliver(app, message(boxes.owner, boxes.assistant, "Coffee",
                                    "Met Zoe Park (zoe@park.example) at the robotics meetup."))
    assert noted is not None and noted.outbox_ids
    ack = email.message_from_bytes(dovecot.wait_for_messages(boxes.owner, "INBOX", 1)[0],
                                   policy=email.policy.default)
    # When the owner answers it with "undo"
    inbound_id, outcome = deliver(app, message(boxes.owner, boxes.assistant,
                                               f"Re: {ack['Subject']}", "undo\n\n> Got it",
                                               in_reply_to=str(ack["Message-ID"])))
    assert outcome is not None and outcome.outbox_ids, inbound_id
    # Then the answer says Zoe was removed
    got = dovecot.wait_for_messages(boxes.owner, "INBOX", 2, timeout=20)
    answer = email.message_from_bytes(got[1], policy=email.policy.default)
    assert str(answer["Subject"]).endswith("Undone")
    assert "Zoe Park" in answer.get_body(("plain",)).get_content()  # type: ignore[union-attr]


def test_a_stranger_is_never_answered(running, dovecot) -> None:  # noqa: ANN001
    app, boxes = running
    stranger = Mailboxes(assistant=boxes.assistant, owner="mallory@evil.example")
    # Given someone who is not an owner sends each command
    for command in [*COMMANDS, "undo"]:
        deliver(app, message(stranger.owner, boxes.assistant, command))
    # Then nothing is queued or sent, and the messages are kept as ignored
    with transaction(app.sessions) as session:
        queued = session.scalar(select(func.count()).select_from(OutboxMessage))
        statuses = set(session.scalars(select(InboundMessage.status)
                                       .where(InboundMessage.mailbox == "INBOX")))
    assert queued == 0 and statuses == {"ignored"}
    assert dovecot.messages(stranger.owner, "INBOX") == []
