"""Each email command carried out on a real store (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import make_msgid

import vobject
from sqlalchemy import func, select

from assistant.commands.handlers import CommandReply, execute
from assistant.commands.parse import Command
from assistant.pipeline import process
from assistant.store import inbound, owners
from assistant.store.db import transaction
from assistant.store.inbound import FetchedMessage
from assistant.store.models import Contact, FollowUp, OutboxMessage, Owner
from assistant.summary.sample import seed_sample_history
from tests.integration.helpers import authenticated
from tests.integration.test_summary_figures import add_owner, make_app

NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
OWNER = "sam@example.com"


def run(app, command: Command, raw: bytes = b"Subject: x\r\n\r\n") -> CommandReply:  # type: ignore[no-untyped-def]  # noqa: ANN001
    with transaction(app.sessions) as session:
        owner = owners.owner_by_address(session, OWNER)
        assert owner is not None
        return execute(app, session, owner, command, 0, raw, NOW)


def seeded(database_url: str, tmp_path):  # type: ignore[no-untyped-def]  # noqa: ANN001
    app = make_app(database_url, tmp_path)
    owner_id = add_owner(app, OWNER)
    with transaction(app.sessions) as session:
        seed_sample_history(session, owner_id, NOW)
    return app


def test_help_and_unknown_commands(database_url: str, tmp_path) -> None:  # noqa: ANN001
    app = seeded(database_url, tmp_path)
    # When the owner asks for help, or sends a command the assistant does not know
    helped, unknown = run(app, Command("help")), run(app, Command("frobnicate"))
    app.close()
    # Then both get the list of commands; the unknown one is named
    for reply in (helped, unknown):
        assert "find NAME" in reply.text and "export" in reply.text and "undo" in reply.text
        assert reply.html and "find NAME" in reply.html
    assert 'I did not understand "frobnicate"' in unknown.text
    assert "did not understand" not in helped.text


def test_summary_now(database_url: str, tmp_path) -> None:  # noqa: ANN001
    app = seeded(database_url, tmp_path)
    reply = run(app, Command("summary"))
    app.close()
    assert reply.subject.startswith("Your week in relationships")
    assert "Follow-ups sent:   2" in reply.text
    assert reply.html and 'id="fig-new"' in reply.html


def test_pending_lists_drafts_awaiting_an_answer(database_url: str, tmp_path) -> None:  # noqa: ANN001
    app = seeded(database_url, tmp_path)
    reply = run(app, Command("pending"))
    app.close()
    assert reply.subject == "1 draft(s) waiting for your answer"
    assert "Jane Doe" in reply.text and "Cara Lind" not in reply.text


def test_find_by_part_of_a_name_and_by_email(database_url: str, tmp_path) -> None:  # noqa: ANN001
    app = seeded(database_url, tmp_path)
    # When the owner looks for "jane", for an address, and for someone unknown
    by_name = run(app, Command("find", "jane"))
    by_email = run(app, Command("find", "BOB@stone.example"))
    nobody = run(app, Command("find", "Zed"))
    app.close()
    # Then Jane's card shows what she needs, what was promised, and her history
    assert by_name.subject == "Jane Doe"
    assert "CTO, Acme Robotics" in by_name.text
    assert "Needs: a good SRE contractor" in by_name.text
    assert "You promised: send her our migration checklist" in by_name.text
    assert "first follow-up: awaiting approval" in by_name.text and "your note" in by_name.text
    assert by_email.subject == "Bob Stone" and "Offers: SRE contracting" in by_email.text
    assert 'I found nobody matching "Zed"' in nobody.text


def test_export_attaches_vcard_and_csv(database_url: str, tmp_path) -> None:  # noqa: ANN001
    app = seeded(database_url, tmp_path)
    reply = run(app, Command("export"))
    app.close()
    files = {name: (mime, data) for name, mime, data in reply.attachments}
    assert set(files) == {"contacts.vcf", "contacts.csv"}
    cards = list(vobject.readComponents(files["contacts.vcf"][1].decode()))
    assert sorted(c.fn.value for c in cards) == ["Ali Khan", "Bob Stone", "Cara Lind",
                                                 "Dan Wu", "Jane Doe"]
    jane = next(c for c in cards if c.fn.value == "Jane Doe")
    assert jane.email.value == "jane@acme.example" and jane.org.value == ["Acme Robotics"]
    rows = list(csv.DictReader(io.StringIO(files["contacts.csv"][1].decode())))
    assert len(rows) == 5
    assert next(r for r in rows if r["Name"] == "Bob Stone")["E-mail 1 - Value"] == \
        "bob@stone.example"


def test_pause_and_resume(database_url: str, tmp_path) -> None:  # noqa: ANN001
    app = seeded(database_url, tmp_path)

    def paused() -> bool:
        with transaction(app.sessions) as session:
            return bool(session.scalar(select(Owner.paused)))

    paused_reply = run(app, Command("pause"))
    after_pause = paused()
    resumed_reply = run(app, Command("resume"))
    after_resume = paused()
    app.close()
    assert after_pause is True and after_resume is False
    assert "paused" in paused_reply.text and "running again" in resumed_reply.text


def _note(subject: str, body: str) -> bytes:
    message = EmailMessage()
    message["From"] = f"Sam Rivera <{OWNER}>"
    message["To"] = "assistant@example.net"
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="example.com")
    message["Authentication-Results"] = authenticated(OWNER)
    message.set_content(body)
    return message.as_bytes()


def _ingest(app, raw: bytes, ref: str) -> int:  # type: ignore[no-untyped-def]  # noqa: ANN001
    with transaction(app.sessions) as session:
        inbound_id = inbound.store_fetched(session, "INBOX", 1, FetchedMessage(ref, raw),
                                           received_at=NOW)
    assert inbound_id is not None
    process.process_inbound(app, inbound_id, NOW)
    return inbound_id


def _reply_to_ack(app, inbound_id: int) -> bytes:  # type: ignore[no-untyped-def]  # noqa: ANN001
    with transaction(app.sessions) as session:
        ack_id = session.scalar(select(OutboxMessage.message_id).where(
            OutboxMessage.idempotency_key == f"ack:{inbound_id}"))
    assert ack_id
    message = EmailMessage()
    message["From"] = OWNER
    message["Subject"] = "Re: Re: Coffee"
    message["In-Reply-To"] = ack_id
    message["References"] = f"<x@example.com> {ack_id}"
    message.set_content("undo\n\n> Got it. From ...")
    return message.as_bytes()


def test_undo_removes_what_the_acknowledged_message_created(database_url: str,
                                                            tmp_path) -> None:  # noqa: ANN001
    # Given Jane from a first note, then a second note about Jane (again) and Bob, acknowledged
    app = make_app(database_url, tmp_path)
    owner_id = add_owner(app, OWNER)
    _ingest(app, _note("Jane", "Met Jane Doe (jane@acme.example), CTO at Acme Robotics, "
                               "at the SaaS breakfast."), "1")
    second = _ingest(app, _note("Coffee", "Coffee with Jane Doe (jane@acme.example) and Bob "
                                          "Stone (bob@stone.example), founder of Stone Labs. "
                                          "Jane needs a good SRE contractor."), "2")
    with transaction(app.sessions) as session:
        names = sorted(session.scalars(select(Contact.name)))
        bob = session.scalar(select(Contact.id).where(Contact.name == "Bob Stone"))
        if session.scalar(select(FollowUp.id).where(FollowUp.contact_id == bob)) is None:
            session.add(FollowUp(owner_id=owner_id, contact_id=bob, due_at=NOW, created_at=NOW,
                                 source_inbound_id=second))
        jane_followups = session.scalar(select(func.count()).select_from(FollowUp).where(
            FollowUp.source_inbound_id != second))
    assert names == ["Bob Stone", "Jane Doe"]
    # When the owner answers the second acknowledgement with "undo", twice
    raw = _reply_to_ack(app, second)
    reply = run(app, Command("undo"), raw)
    again = run(app, Command("undo"), raw)
    lost = run(app, Command("undo"))
    # Then Bob (only in that message) is gone with his follow-up; Jane stays, as the first
    # note described her
    with transaction(app.sessions) as session:
        left = session.execute(select(Contact.name, Contact.company)).all()
        followups = session.scalar(select(func.count()).select_from(FollowUp))
    app.close()
    assert [tuple(r) for r in left] == [("Jane Doe", "Acme Robotics")]
    assert followups == jane_followups
    assert "Contacts removed: Bob Stone" in reply.text and "Jane Doe" in reply.text
    assert "Follow-ups cancelled: 1" in reply.text
    assert again.subject == "Nothing left to undo"
    assert lost.subject == "Nothing to undo"
