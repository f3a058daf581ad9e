"""Routing edge cases, through the real pipeline on SQLite (no server needed) and on the pure
rules beneath it:

1. the assistant's address on the owner's own domain: only what the assistant wrote (its
   Message-IDs, its approval addresses) makes a message a reply to it;
2. every ``+tag`` sub-address of the assistant (RFC 5233) is the assistant, never a contact;
3. out-of-office mail is known by its headers (RFC 3834) or its whole subject, never by a word
   at the start of a person's subject;
4. a plain-text bounce of a follow-up is handled like an RFC 3464 DSN.
"""

from __future__ import annotations

import email
import email.policy
import re
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from sqlalchemy import select

from assistant.app import build_app
from assistant.domain import OwnerIdentity, ParsedContact
from assistant.mail.compose import is_message_id_of, new_message_id
from assistant.parsing.classify import is_auto_reply, is_reply_to_assistant
from assistant.parsing.mime import read_message
from assistant.pipeline.draft import draft_followup
from assistant.pipeline.guard import automated_reason
from assistant.pipeline.process import process_inbound
from assistant.settings import Settings
from assistant.store import contacts, followups, inbound, outbox, owners
from assistant.store.db import transaction, upgrade
from assistant.store.inbound import FetchedMessage
from assistant.store.models import Contact, ContactEmail, FollowUp, InboundMessage, OutboxMessage
from tests.unit.test_plain_bounces import SHAPES

NOW = datetime(2026, 11, 24, 15, 5, tzinfo=UTC)
OWNER = "sam@example.com"
SAME_DOMAIN = "assistant@example.com"  # the assistant on the owner's own domain
SECRET = "s3cret-tag-1"
JANE_NOTE = ("Met Jane Doe <jane@acme.example>, CTO at Acme Robotics, at the SaaS founders "
             "breakfast. She is looking for a good SRE contractor.\n")


@pytest.fixture
def app(tmp_path):
    """The assistant at assistant@example.com, Sam at sam@example.com with a secret tag."""
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_ADDRESS": SAME_DOMAIN})
    upgrade(settings.database_url)
    built = build_app(settings, clock=lambda: NOW)
    with transaction(built.sessions) as session:
        owners.add_owner(session, name="Sam Rivera", addresses=[OWNER],
                         timezone="America/Chicago", region="US", secret_tag=SECRET, now=NOW)
    yield built
    built.close()


def _deliver(app, raw: bytes) -> int:  # noqa: ANN001
    with transaction(app.sessions) as session:
        inbound_id = inbound.store_fetched(session, "maildir://test", None,
                                           FetchedMessage(make_msgid(), raw), received_at=NOW)
    assert inbound_id is not None
    process_inbound(app, inbound_id, NOW)
    return inbound_id


def _note(subject: str, body: str, *, to: str = SAME_DOMAIN, **headers: str) -> bytes:
    message = EmailMessage()
    message["From"] = f"Sam Rivera <{OWNER}>"
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="example.com")
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message.as_bytes()


def _row(app, inbound_id: int) -> InboundMessage:  # noqa: ANN001
    with transaction(app.sessions) as session:
        row = session.get(InboundMessage, inbound_id)
        assert row is not None
        session.expunge(row)
        return row


def _contact_emails(app) -> list[str]:  # noqa: ANN001
    with transaction(app.sessions) as session:
        return sorted(session.scalars(select(ContactEmail.email)))


def _purposes(app) -> list[str]:  # noqa: ANN001
    with transaction(app.sessions) as session:
        return list(session.scalars(select(OutboxMessage.purpose).order_by(OutboxMessage.id)))


# -- 1. the assistant on the owner's domain ---------------------------------------------------


def test_a_forward_threaded_to_the_owners_own_mail_on_the_shared_domain_is_read(app):
    # Given the assistant on Sam's own domain, and Sam forwarding a thread whose References
    # name Message-IDs his own mail client made on that domain (RFC 5322 3.6.4)
    raw = _note("Fwd: Jane", JANE_NOTE, In_Reply_To="<CAF3xq=7Zk9@example.com>",
                References="<CAF3xq=7Zk9@example.com> <5d1e.2b@example.com>")
    # When the assistant reads it
    row = _row(app, _deliver(app, raw))
    # Then it is a note: Jane is a contact and Sam is acknowledged, not silently dropped
    assert (row.status, row.kind) == ("processed", "note")
    assert _contact_emails(app) == ["jane@acme.example"]
    assert _purposes(app) == ["ack"]


def test_a_reply_to_the_assistants_acknowledgement_is_still_a_reply(app):
    # Given Sam's note, acknowledged by the assistant
    _deliver(app, _note("Met Jane", JANE_NOTE))
    with transaction(app.sessions) as session:
        ack = session.scalars(select(OutboxMessage)).one()
        ack_id = ack.message_id
    # When Sam answers the acknowledgement in words, to someone else as well (so only the
    # threading can tell)
    raw = _note("Re: Met Jane", "Thanks, that is right.", to=f"{SAME_DOMAIN}, ana@example.com",
                In_Reply_To=ack_id, References=ack_id)
    row = _row(app, _deliver(app, raw))
    # Then it is kept as a reply: no contact read from it, nothing sent
    assert (row.status, row.kind) == ("processed", "reply")
    assert _contact_emails(app) == ["jane@acme.example"]
    assert _purposes(app) == ["ack"]


def test_the_assistants_message_ids_are_its_own():
    # Given a Message-ID the assistant made, and the owner's mail client's on the same domain
    made = new_message_id(SAME_DOMAIN)
    # Then only the assistant's is recognized as the assistant's
    assert re.fullmatch(r"<assistant\.[0-9a-f]{32}@example\.com>", made)
    assert is_message_id_of(made, SAME_DOMAIN)
    assert not is_message_id_of(made, OWNER)
    assert not is_message_id_of("<CAF3xq=7Zk9@example.com>", SAME_DOMAIN)
    assert not is_message_id_of("<assistant.notes@example.com>", SAME_DOMAIN)
    assert new_message_id(SAME_DOMAIN) != made


def test_a_reply_is_recognized_from_the_assistants_id_or_approval_address():
    # Given the assistant and the owner on the same domain
    identity = OwnerIdentity("Sam Rivera", (OWNER,), "US", (SAME_DOMAIN,))
    made = new_message_id(SAME_DOMAIN)
    token_address = f"assistant+{'a' * 16}{'b' * 16}@example.com"

    def message(**headers: str):  # noqa: ANN202 - MessageView
        lines = "".join(f"{k.replace('_', '-')}: {v}\r\n" for k, v in headers.items())
        return read_message(f"From: {OWNER}\r\n{lines}\r\nok\r\n".encode())

    # Then threading to the assistant's own Message-ID, or writing to its approval address,
    # is a reply; threading to the owner's own mail on the same domain is not
    assert is_reply_to_assistant(message(To=SAME_DOMAIN, Subject="Thanks",
                                         In_Reply_To=made), identity)
    assert is_reply_to_assistant(message(To=token_address, Subject="send"), identity)
    assert not is_reply_to_assistant(message(To=SAME_DOMAIN, Subject="Fwd: Jane",
                                             References="<CAF3xq=7Zk9@example.com>"), identity)


# -- 2. +tag sub-addresses are the assistant ----------------------------------------------------


def test_a_note_to_the_secret_address_makes_no_contact_of_it(app):
    # Given Sam writing to his secret sub-address, named as the assistant
    raw = _note("Met Jane", JANE_NOTE,
                to=f"Follow-up Assistant <assistant+{SECRET}@example.com>")
    # When the assistant reads it
    row = _row(app, _deliver(app, raw))
    # Then Jane is the only contact and the only follow-up; the assistant is neither
    assert (row.status, row.kind) == ("processed", "note")
    assert _contact_emails(app) == ["jane@acme.example"]
    with transaction(app.sessions) as session:
        assert session.scalars(select(Contact.name)).all() == ["Jane Doe"]
        assert len(session.scalars(select(FollowUp)).all()) == 1


def test_the_secret_address_in_copy_is_no_contact_either(app):
    # Given Sam writing to Jane with his secret sub-address in copy
    raw = _note("Great to meet you", "Hi Jane, great to meet you at the breakfast.",
                to="Jane Doe <jane@acme.example>", Cc=f"assistant+{SECRET}@example.com")
    # When the assistant reads it
    _deliver(app, raw)
    # Then only Jane is a contact
    assert _contact_emails(app) == ["jane@acme.example"]


@pytest.mark.parametrize(("address", "expected"), [
    ("assistant@example.com", True), ("Assistant@Example.com", True),
    (f"assistant+{SECRET}@example.com", True), ("assistant+anything.else@example.com", True),
    ("assistantx@example.com", False), ("assistant@example.net", False),
    ("sam+assistant@example.com", False),
])
def test_every_sub_address_of_the_assistant_is_the_assistant(address, expected):
    identity = OwnerIdentity("Sam Rivera", (OWNER,), "US", (SAME_DOMAIN,))
    assert identity.is_assistant_address(address) is expected


def test_an_assistant_that_is_itself_a_sub_address_keeps_the_owner_apart():
    # Given an assistant at the owner's own plus-address (RFC 5233)
    identity = OwnerIdentity("Sam Rivera", ("sam@gmail.example",), "US",
                             ("sam+assistant@gmail.example",))
    # Then its own sub-addresses are the assistant; the owner's address is not
    assert identity.is_assistant_address("sam+assistant+x7@gmail.example")
    assert not identity.is_assistant_address("sam@gmail.example")
    assert not identity.is_assistant_address("sam+other@gmail.example")


def test_mail_from_an_assistant_sub_address_is_its_own_mail_come_back():
    # Given a message whose From is one of the assistant's sub-addresses
    message = email.message_from_bytes(
        b"From: assistant+x7@example.com\nSubject: Hello\n\nhi\n", policy=email.policy.default)
    # Then it is the assistant's own mail, never answered (RFC 3834 2)
    assert automated_reason(message, "assistant+x7@example.com", SAME_DOMAIN) is not None


# -- 3. out of office: the headers or the whole subject -----------------------------------------


ORDINARY = ["Away From Home conference", "Out of office party recap",
            "Absence of evidence: notes from the panel", "Automatic reply tools Jane showed",
            "Abwesenheit Planung Q3", "OOO planning with Jane",
            "Fuera de la oficina con Juan: notas", "Réponse automatique au quiz de Marie"]
AUTOMATIC = ["Out of office", "Out of Office", "OOO", "Automatic reply: Met Jane",
             "Out of Office AutoReply: Met Jane", "Out of office: Re: lunch",
             "Abwesenheitsnotiz: Treffen", "Automatische Antwort: Treffen",
             "Réponse automatique : Rencontre", "Respuesta automática: Reunión",
             "Risposta automatica: Incontro", "Automatisch antwoord: Afspraak",
             "Autosvar: Möte", "Auto-Reply: Met Jane", "Abwesend"]


@pytest.mark.parametrize("subject", ORDINARY)
def test_a_person_subject_starting_with_an_away_word_is_read(subject):
    # Given a person's message whose subject starts like an out-of-office one
    raw = _note(subject, JANE_NOTE)
    headers = email.message_from_bytes(raw, policy=email.policy.default)
    # Then neither the screen nor the parser takes it for an auto-reply
    assert automated_reason(headers, OWNER, SAME_DOMAIN) is None
    assert not is_auto_reply(read_message(raw))


@pytest.mark.parametrize("subject", AUTOMATIC)
def test_a_whole_auto_reply_subject_is_an_auto_reply(subject):
    # Given a message with no robot header whose whole subject is an auto-reply's
    raw = _note(subject, "I am away until Monday.")
    headers = email.message_from_bytes(raw, policy=email.policy.default)
    # Then both the screen and the parser know it for one
    assert automated_reason(headers, "jane@acme.example", SAME_DOMAIN) is not None
    assert is_auto_reply(read_message(raw))


def test_the_away_from_home_note_is_processed(app):
    # Given Sam's note about the "Away From Home" conference
    raw = _note("Away From Home conference", JANE_NOTE)
    # When the assistant reads it
    row = _row(app, _deliver(app, raw))
    # Then Jane is a contact and Sam is acknowledged
    assert (row.status, row.kind) == ("processed", "note")
    assert _contact_emails(app) == ["jane@acme.example"]
    assert _purposes(app) == ["ack"]


def test_an_out_of_office_reply_by_its_headers_is_never_answered(app):
    # Given an out-of-office reply with an ordinary subject but Auto-Submitted (RFC 3834 5)
    raw = _note("Away From Home conference", "I am away until Monday.",
                Auto_Submitted="auto-replied")
    # When the assistant reads it
    row = _row(app, _deliver(app, raw))
    # Then it is ignored and nobody is answered
    assert (row.status, row.kind) == ("ignored", "auto_reply")
    assert _purposes(app) == []


# -- 4. plain-text bounces are handled like DSNs ------------------------------------------------


def _sent_followup(app) -> tuple[str, str]:  # noqa: ANN001
    """A follow-up to Jane approved and queued; (its Message-ID, Jane's address)."""
    with transaction(app.sessions) as session:
        owner = owners.owner_by_address(session, OWNER)
        assert owner is not None
        jane = contacts.merge_contact(session, owner_id=owner.id, inbound_id=None, now=NOW,
                                      parsed=ParsedContact("Jane Doe", ("jane@acme.example",),
                                                           context="Met at the breakfast"))
        followup_id = followups.schedule(session, owner_id=owner.id, contact_id=jane.id,
                                         sequence=1, due_at=NOW, now=NOW)
    request_id = draft_followup(app, followup_id)
    with transaction(app.sessions) as session:
        request = email.message_from_bytes(outbox.load(session, request_id).raw,
                                           policy=email.policy.default)
    _deliver(app, _note("Re: " + str(request["Subject"]), "send", to=str(request["Reply-To"]),
                        In_Reply_To=str(request["Message-ID"])))
    with transaction(app.sessions) as session:
        sent = session.scalars(select(OutboxMessage).where(
            OutboxMessage.purpose == "followup")).one()
        return sent.message_id, "jane@acme.example"


@pytest.mark.parametrize("mta", sorted(SHAPES))
def test_a_plain_text_bounce_marks_the_address_bad_and_tells_the_owner(app, mta):
    # Given a follow-up sent to Jane
    message_id, jane = _sent_followup(app)
    # When her server's MTA bounces it in plain text
    row = _row(app, _deliver(app, SHAPES[mta](failed=jane, message_id=message_id)))
    # Then, as for a DSN: the bounce is not answered, the address is bad, the follow-up's
    # email failed with the status the text gave, and the owner is told at his own address
    assert (row.status, row.kind) == ("ignored", "bounce")
    with transaction(app.sessions) as session:
        assert session.scalar(select(ContactEmail.bad).where(ContactEmail.email == jane))
        sent = session.scalars(select(OutboxMessage).where(
            OutboxMessage.message_id == message_id)).one()
        assert sent.status == "failed" and (sent.last_error or "").startswith("bounced")
        notice = session.scalars(select(OutboxMessage).where(
            OutboxMessage.purpose == "bounce")).one()
        assert OWNER in notice.recipients
