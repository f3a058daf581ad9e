"""A delivery report in a linked owner's own INBOX (SQLite, no server): the pure decisions
(which follow-up, which recipients, a delay blames nobody) and the effect of a report about a
sent follow-up: the address bad, the follow-up bounced, the owner told once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from assistant.app import App, build_app
from assistant.mail.reply_headers import is_report, read_fields
from assistant.pipeline import bounces
from assistant.pipeline.guard import Bounce
from assistant.settings import Settings
from assistant.store.db import transaction, upgrade
from assistant.store.models import ContactEmail, FollowUp, OutboxMessage
from tests.unit.test_replies_seen import FOLLOWUP_ID, NOW, _sent_followup

JANE = "jane@acme.example"
SENT = {FOLLOWUP_ID.lower(): (JANE,)}


def dsn(original_id: str | None, recipient: str = JANE, *, action: str = "failed",
        status: str = "5.1.1", references: str | None = None,
        report_id: str = "<report.1@mx.rivera.io>") -> bytes:
    """An RFC 3464 report as a receiving MTA writes it, about the message ``original_id``."""
    thread = f"References: {references}\r\n" if references else ""
    original = f"Message-ID: {original_id}\r\n" if original_id else ""
    return (
        "From: Mail Delivery System <MAILER-DAEMON@mx.rivera.io>\r\n"
        "To: sam@rivera.io\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        f"Message-ID: {report_id}\r\n{thread}"
        "Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"\r\n\r\n'
        "--B1\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
        "--B1\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.rivera.io\r\n\r\n"
        f"Final-Recipient: rfc822; {recipient}\r\nAction: {action}\r\nStatus: {status}\r\n"
        f"Diagnostic-Code: smtp; {status.replace('.', '')[:3]} {status} no such user\r\n\r\n"
        "--B1\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"From: Sam Rivera <sam@rivera.io>\r\nTo: {recipient}\r\n"
        f"Subject: Great to meet you\r\n{original}\r\n"
        "--B1--\r\n").encode()


def _bounce(failed: tuple[str, ...] = (JANE,), status: str = "5.1.1",
            original: str | None = FOLLOWUP_ID) -> Bounce:
    return Bounce(failed, status, original)


# -- pure ----------------------------------------------------------------------------------

def test_only_a_mail_systems_header_block_is_read_whole():
    assert is_report("multipart/report; report-type=delivery-status", "x@y.example", None)
    assert is_report("text/plain", "MAILER-DAEMON@mx.rivera.io", None)
    assert is_report("text/plain", "postmaster@mx.rivera.io", None)
    assert is_report("text/plain", None, "<>")
    assert not is_report("multipart/mixed", "jane@acme.example", "<jane@acme.example>")
    assert not is_report("text/plain", "news@shop.example", None)
    fields = read_fields(b"From: Jane <jane@acme.example>\r\nSubject: Undeliverable: lunch\r\n")
    assert not fields.report


def test_a_permanent_failure_of_the_follow_ups_recipient_blames_it():
    found = bounces.about_followup(_bounce(failed=("Jane@Acme.example",)), (), SENT)
    assert found == bounces.InboxBounce(FOLLOWUP_ID.lower(), (JANE,), "5.1.1")


def test_the_follow_ups_id_in_the_references_is_enough_without_a_returned_part():
    assert bounces.about_followup(_bounce(original=None), (FOLLOWUP_ID.lower(),), SENT)


@pytest.mark.parametrize("bounce, thread", [
    (_bounce(status="4.4.1"), ()),  # a delay: the server is still trying
    (_bounce(original="<other@rivera.io>"), ()),  # a message the owner sent by hand
    (_bounce(original=None), ("<other@rivera.io>",)),
    (_bounce(original=None), ()),  # names no message at all
    # the returned part names another message: a matching References does not override it
    (_bounce(original="<other@rivera.io>"), (FOLLOWUP_ID.lower(),)),
    (_bounce(failed=("raj@corvid.example",)), ()),  # someone the follow-up was not for
])
def test_nothing_is_blamed(bounce, thread):
    assert bounces.about_followup(bounce, thread, SENT) is None


def test_a_delayed_dsn_is_no_failure():
    report = bounces.read(dsn(FOLLOWUP_ID, action="delayed", status="4.4.7"))
    assert report is None or bounces.about_followup(report, (), SENT) is None


# -- the effect ----------------------------------------------------------------------------

@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_ADDRESS": "assistant@example.net"})
    upgrade(settings.database_url)
    application = build_app(settings, clock=lambda: NOW)
    yield application
    application.close()


def sent_to_jane(app: App) -> int:
    """Sam's follow-up to Jane, sent from Sam's own server; returns Sam's id."""
    owner, _ = _sent_followup(app.sessions)
    with transaction(app.sessions) as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.purpose == "followup")
                        .values(recipients=f'["{JANE}", "assistant@example.net"]'))
    return owner.id


def test_a_report_about_the_follow_up_marks_the_address_and_tells_the_owner_once(app):
    owner_id = sent_to_jane(app)
    report = bounces.read(dsn(FOLLOWUP_ID))
    assert report is not None
    for _ in range(2):  # the same report seen twice
        with transaction(app.sessions) as session:
            sent = bounces.sent_followups(session, owner_id, "assistant@example.net")
            found = bounces.about_followup(
                report, (), {k: v.recipients for k, v in sent.items()})
            assert found is not None
            bounces.inbox_bounce(app, session, owner_id, sent[found.message_id], found, NOW)
    with transaction(app.sessions) as session:
        assert session.scalars(select(ContactEmail.bad)).all() == [True]
        first = session.scalars(select(FollowUp).where(FollowUp.sequence == 1)).one()
        assert first.status == "bounced"
        told = session.scalars(select(OutboxMessage).where(
            OutboxMessage.purpose == "bounce")).all()
        assert len(told) == 1
        assert "jane@acme.example" in told[0].raw.decode()
        # the follow-up did leave the owner's server: its outbox row keeps "sent"
        sent_row = session.scalars(select(OutboxMessage).where(
            OutboxMessage.purpose == "followup")).one()
        assert (sent_row.status, sent_row.last_error) == ("sent", "bounced: 5.1.1")


def test_a_second_touch_drafted_to_the_bad_address_is_skipped(app):
    owner_id = sent_to_jane(app)
    with transaction(app.sessions) as session:
        session.execute(update(FollowUp).where(FollowUp.sequence == 2).values(
            status="awaiting_approval", to_address=JANE))
        sent = bounces.sent_followups(session, owner_id, "assistant@example.net")
        found = bounces.InboxBounce(FOLLOWUP_ID.lower(), (JANE,), "5.1.1")
        bounces.inbox_bounce(app, session, owner_id, sent[FOLLOWUP_ID.lower()], found, NOW)
    with transaction(app.sessions) as session:
        second = session.scalars(select(FollowUp).where(FollowUp.sequence == 2)).one()
        assert second.status == "skipped"


def test_the_start_of_a_report_returning_a_large_message_is_enough():
    # A report whose returned message carries a large attachment is fetched up to
    # REPORT_BYTES only: the delivery status and the returned headers come first.
    from assistant.mail.owner_imap import REPORT_BYTES

    returned = dsn(FOLLOWUP_ID).replace(b"Content-Type: text/rfc822-headers",
                                        b"Content-Type: message/rfc822")
    # the returned message's body, an attachment far larger than what is fetched
    big = returned.rpartition(b"--B1--")[0] + b"x" * (2 * REPORT_BYTES)
    report = bounces.read(big[:REPORT_BYTES])
    assert report is not None
    assert bounces.about_followup(report, (), SENT) is not None
