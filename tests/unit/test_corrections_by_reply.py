"""The owner corrects an acknowledgement by replying to it (SQLite, no server): the value the
owner writes replaces what was read, and one email confirms it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest
from sqlalchemy import select

from assistant.app import App, build_app
from assistant.pipeline.process import process_inbound
from assistant.settings import Settings
from assistant.store import inbound, owners
from assistant.store.db import transaction, upgrade
from assistant.store.inbound import FetchedMessage
from assistant.store.models import Contact, ContactEmail, FollowUp, OutboxMessage

ARRIVAL = datetime(2026, 11, 24, 1, 5, tzinfo=UTC)
OWNER = "sam@example.com"
ASSISTANT = "assistant@example.net"


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_ADDRESS": ASSISTANT})
    upgrade(settings.database_url)
    application = build_app(settings, clock=lambda: ARRIVAL)
    with transaction(application.sessions) as session:
        owners.add_owner(session, name="Sam Rivera", addresses=[OWNER],
                         timezone="America/Chicago", region="US", now=ARRIVAL)
    yield application
    application.close()


def _mail(subject: str, body: str, in_reply_to: str | None = None) -> bytes:
    mail = EmailMessage()
    mail["From"] = f"Sam Rivera <{OWNER}>"
    mail["To"] = ASSISTANT
    mail["Subject"] = subject
    mail["Message-ID"] = make_msgid(domain="example.com")
    if in_reply_to:
        mail["In-Reply-To"] = mail["References"] = in_reply_to
    mail.set_content(body)
    return mail.as_bytes()


def _process(app: App, raw: bytes) -> EmailMessage:
    """The message processed; the email it queued for the owner."""
    with transaction(app.sessions) as session:
        inbound_id = inbound.store_fetched(session, "maildir://test", None,
                                           FetchedMessage(make_msgid(), raw),
                                           received_at=app.clock())
    outcome = process_inbound(app, inbound_id)
    assert outcome is not None and outcome.outbox_ids, outcome
    with transaction(app.sessions) as session:
        sent = session.scalar(select(OutboxMessage.raw).where(
            OutboxMessage.id == outcome.outbox_ids[0]))
    mail = message_from_bytes(sent, policy=policy.default)
    assert isinstance(mail, EmailMessage)
    return mail


def _answer(ack: EmailMessage, text: str) -> bytes:
    quoted = "\n".join("> " + line for line in
                       str(ack.get_body(("plain",)).get_content()).splitlines())
    return _mail("Re: " + str(ack["Subject"]), f"{text}\n\nOn Mon, Assistant wrote:\n{quoted}\n",
                 in_reply_to=str(ack["Message-ID"]))


def _jane(app: App) -> Contact:
    with transaction(app.sessions) as session:
        contact = session.scalars(select(Contact)).one()
        session.expunge(contact)
        return contact


def _text(mail: EmailMessage) -> str:
    body = mail.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def test_a_reply_to_the_acknowledgement_replaces_what_was_read(app: App) -> None:
    # Given a note acknowledged with Jane as CTO
    ack = _process(app, _mail("Met Jane", "Met Jane Doe <jane@acme.example>, CTO at Acme "
                                          "Robotics, at the SaaS breakfast."))
    assert _jane(app).title == "CTO"
    # When the owner replies to the acknowledgement with two corrections and a chatty line
    confirmation = _process(app, _answer(ack, "Thanks!\nJane is CEO now\n"
                                              "phone: (312) 555-0147"))
    # Then the title is replaced (not only filled when empty), the phone set
    jane = _jane(app)
    assert jane.title == "CEO"
    with transaction(app.sessions) as session:
        phones = [p.phone for p in session.scalars(select(Contact)).one().phones]
    assert phones == ["+13125550147"]
    # And one email says what changed and what it was
    text = _text(confirmation)
    assert "Jane Doe: title is now CEO (was CTO)" in text
    assert "phone is now +13125550147" in text
    assert str(confirmation["In-Reply-To"]) != str(ack["In-Reply-To"])


def test_a_new_email_address_is_where_follow_ups_go(app: App) -> None:
    ack = _process(app, _mail("Met Jane", "Met Jane Doe <jane@acme.example>, CTO at Acme."))
    _process(app, _answer(ack, "her email is jane.doe@acme-robotics.example"))
    with transaction(app.sessions) as session:
        emails = {e.email: e.bad for e in session.scalars(select(ContactEmail))}
    assert emails == {"jane@acme.example": True, "jane.doe@acme-robotics.example": False}


def test_what_is_not_understood_is_said_and_nothing_changes(app: App) -> None:
    ack = _process(app, _mail("Met Jane", "Met Jane Doe <jane@acme.example>, CTO at Acme."))
    confirmation = _process(app, _answer(ack, "phone: call her after 5"))
    assert _jane(app).title == "CTO"
    assert "I did not understand" in _text(confirmation)


def test_a_reply_without_corrections_is_kept_and_not_answered(app: App) -> None:
    ack = _process(app, _mail("Met Jane", "Met Jane Doe <jane@acme.example>, CTO at Acme."))
    with transaction(app.sessions) as session:
        inbound_id = inbound.store_fetched(session, "maildir://test", None, FetchedMessage(
            make_msgid(), _answer(ack, "Thanks, great!")), received_at=app.clock())
    outcome = process_inbound(app, inbound_id)
    assert outcome is not None and outcome.outbox_ids == ()
    assert _jane(app).title == "CTO"


def test_not_a_contact_gets_no_follow_up(app: App) -> None:
    # Given a note whose acknowledgement names Jane, with a follow-up scheduled
    ack = _process(app, _mail("Met Jane", "Met Jane Doe <jane@acme.example>, CTO at Acme."))
    # When the owner answers "not a contact"
    confirmation = _process(app, _answer(ack, "not a contact"))
    # Then she is kept for the record but out of the follow-ups
    with transaction(app.sessions) as session:
        statuses = [f.status for f in session.scalars(select(FollowUp))]
    assert _jane(app).status == "removed"
    assert statuses and all(s == "cancelled" for s in statuses)
    assert "Jane Doe is not a contact" in _text(confirmation)
