"""Digests and bulk answers on a real store (SQLite and PostgreSQL), without mail servers.

The owner's answers are handed to the approval stage as the bytes a mail client sends; what
the stage queued is read back from the outbox.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest
from sqlalchemy import select, update

from assistant.app import App, build_app
from assistant.commands.handlers import execute
from assistant.commands.parse import Command
from assistant.parsing.replies import parse_reply
from assistant.pipeline import approve, digest
from assistant.pipeline.draft import draft_followup
from assistant.settings import Settings
from assistant.store import followups, owners
from assistant.store.db import transaction, upgrade
from assistant.store.models import Contact, ContactEmail, FollowUp, OutboxMessage
from tests.e2e.clock import SteppedClock

OWNER = "sam@example.com"
ASSISTANT = "assistant@example.net"
MORNING = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # Tuesday 09:00 in Chicago
NAMES = ["Jane Doe", "Omar Haddad", "Lena Fischer", "Raj Patel", "Mia Chen", "Tom Baker"]


@pytest.fixture
def clock() -> SteppedClock:
    return SteppedClock(MORNING)


@pytest.fixture
def app(database_url: str, tmp_path: Path, clock: SteppedClock) -> Iterator[App]:
    upgrade(database_url)
    built = build_app(Settings.from_env({
        "ASSISTANT_DATABASE_URL": database_url, "ASSISTANT_VAR_DIR": str(tmp_path / "var"),
        "ASSISTANT_ADDRESS": ASSISTANT, "ASSISTANT_SECRET_KEY": "k"}), clock=clock)
    with transaction(built.sessions) as session:
        owner = owners.add_owner(session, name="Sam Rivera", addresses=[OWNER],
                                 timezone="America/Chicago", region="US",
                                 now=MORNING - timedelta(days=1))
        for name in NAMES:
            contact = Contact(owner_id=owner.id, name=name, name_key=name.lower(),
                              context="Met at the SaaS founders breakfast",
                              created_at=MORNING, updated_at=MORNING)
            contact.emails.append(ContactEmail(owner_id=owner.id,
                                               email=f"{name.split()[0].lower()}@x.example"))
            session.add(contact)
            session.flush()
            followups.schedule(session, owner_id=owner.id, contact_id=contact.id, sequence=1,
                               due_at=MORNING, now=MORNING)
    yield built
    built.close()


def _draft_all(app: App) -> list[int | None]:
    with transaction(app.sessions) as session:
        ids = followups.due_ids(session, app.clock())
    return [draft_followup(app, i) for i in ids]


def _outbox(app: App, purpose: str | None = None) -> list[EmailMessage]:
    with transaction(app.sessions) as session:
        query = select(OutboxMessage.raw).order_by(OutboxMessage.id)
        if purpose:
            query = query.where(OutboxMessage.purpose == purpose)
        return [email.message_from_bytes(r, policy=email.policy.default)  # type: ignore[misc]
                for r in session.scalars(query)]


def _answer(app: App, to_email: EmailMessage, text: str, inbound_id: int) -> approve.Decision:
    """The owner replies to ``to_email`` with ``text`` above the quote."""
    reply = EmailMessage()
    reply["From"] = OWNER
    reply["To"] = str(to_email["Reply-To"])
    reply["Subject"] = "Re: " + str(to_email["Subject"])
    reply["Message-ID"] = make_msgid(domain="example.com")
    reply["In-Reply-To"] = str(to_email["Message-ID"])
    reply.set_content(f"{text}\n\nOn Tuesday, the assistant wrote:\n> ...\n")
    raw = reply.as_bytes()
    with transaction(app.sessions) as session:
        owner = owners.owner_by_address(session, OWNER)
        found = approve.find_request(session, raw, ASSISTANT)
        assert owner is not None and found is not None
        return approve.decide(app, session, inbound_id, owner, raw, found, parse_reply(raw),
                              app.clock())


def _status(app: App) -> dict[str, str]:
    with transaction(app.sessions) as session:
        rows = session.execute(select(Contact.name, FollowUp.status)
                               .join(FollowUp, FollowUp.contact_id == Contact.id)).all()
        return {r.name: r.status for r in rows}


def _text(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]


def _numbered(message: EmailMessage) -> list[str]:
    text = _text(message)
    return [line.split(". ", 1)[1].split("  (")[0] for line in text.splitlines()
            if line[:1].isdigit() and ". " in line and line.split(". ")[0].isdigit()]


def test_six_due_drafts_make_one_digest_and_the_last_job_sends_it(app: App) -> None:
    # When six drafts due together are drafted, one job each
    results = _draft_all(app)
    # Then only the last job returns an email: the digest, listing all six
    assert results[:-1] == [None] * 5 and results[-1] is not None
    (one,) = _outbox(app, "approval")
    assert "6 follow-ups ready" in str(one["Subject"])
    assert sorted(_numbered(one)) == sorted(NAMES)


def test_unclear_answers_send_nothing_and_ask_one_question(app: App) -> None:
    _draft_all(app)
    (mail,) = _outbox(app, "approval")
    # When the owner's answer mixes a clear line and an unclear one
    decision = _answer(app, mail, "send 1 2\nsend 9", inbound_id=101)
    # Then nothing is sent and one question lists what would have gone
    assert decision.outcome == "unclear" and _outbox(app, "followup") == []
    (question,) = _outbox(app, "digest_question")
    order = _numbered(mail)
    assert "not 9" in _text(question) and order[0] in _text(question)
    assert "awaiting_approval" == _status(app)[order[0]]


def test_placeholder_and_changed_drafts_are_kept_waiting_and_named(app: App) -> None:
    _draft_all(app)
    (mail,) = _outbox(app, "approval")
    order = _numbered(mail)
    # Given draft 1 now holds a placeholder and draft 2 changed since the digest
    with transaction(app.sessions) as session:
        ids = {r.name: r.id for r in session.execute(
            select(Contact.name, FollowUp.id).join(FollowUp, FollowUp.contact_id == Contact.id))}
        session.execute(update(FollowUp).where(FollowUp.id == ids[order[0]])
                        .values(placeholders='["[TOPIC]"]'))
        session.execute(update(FollowUp).where(FollowUp.id == ids[order[1]])
                        .values(body="Something else entirely"))
    # When the owner sends all
    decision = _answer(app, mail, "send all", inbound_id=102)
    # Then the four others go out, those two wait, and the confirmation names them
    assert decision.outcome == "bulk" and len(_outbox(app, "followup")) == 4
    status = _status(app)
    assert status[order[0]] == status[order[1]] == "awaiting_approval"
    (confirmation,) = _outbox(app, "digest_answered")
    said = _text(confirmation)
    assert "Kept waiting, NOT sent:" in said and "[TOPIC]" in said and "changed since" in said


def test_mixed_lines_skip_snooze_and_a_second_reply_does_nothing_more(app: App,
                                                                      clock: SteppedClock) -> None:
    _draft_all(app)
    (mail,) = _outbox(app, "approval")
    order = _numbered(mail)
    _answer(app, mail, "send 1-2\nskip 3\nsnooze 4 next week", inbound_id=103)
    _answer(app, mail, "send 1-2\nskip 3\nsnooze 4 next week", inbound_id=104)
    status = _status(app)
    assert [status[n] for n in order] == ["approved", "approved", "skipped", "scheduled",
                                          "awaiting_approval", "awaiting_approval"]
    assert len(_outbox(app, "followup")) == 2
    second = _text(_outbox(app, "digest_answered")[1])
    assert "Nothing was sent." in second and "Already answered before" in second


def test_pending_answers_like_a_digest_and_renew_brings_expired_requests_back(
        app: App, clock: SteppedClock) -> None:
    # Given the owner chose one email per draft, and six requests went out
    with transaction(app.sessions) as session:
        owner = owners.owner_by_address(session, OWNER)
        assert owner is not None
        execute(app, session, owner, Command("each"), 0, b"Subject: each\r\n\r\n", MORNING)
    _draft_all(app)
    requests = _outbox(app, "approval")
    assert len(requests) == 6 and all("send?" in str(r["Subject"]) for r in requests)
    # When fifteen days pass, a request has expired: "send" to it is refused ...
    clock.set(MORNING + timedelta(days=15))
    refused = _answer(app, requests[0], "send", inbound_id=105)
    assert refused.outcome == "refused"
    # ... and "renew" to it brings a fresh request whose "send" works
    assert _answer(app, requests[0], "renew", inbound_id=106).outcome == "renewed"
    fresh = _outbox(app, "approval")[-1]
    assert _answer(app, fresh, "send", inbound_id=107).outcome == "approve"
    # When the owner asks `pending`, the answer is numbered and a reply answers from it
    with transaction(app.sessions) as session:
        owner = owners.owner_by_address(session, OWNER)
        assert owner is not None
        listing = execute(app, session, owner, Command("pending"), 0,
                          b"Subject: pending\r\n\r\n", clock())
    assert listing.reply_to and listing.message_id and "5 draft(s)" in listing.subject
    as_mail = EmailMessage()
    as_mail["Reply-To"], as_mail["Message-ID"] = listing.reply_to, listing.message_id
    as_mail["Subject"] = listing.subject
    decision = _answer(app, as_mail, "send all but 1", inbound_id=108)
    assert decision.outcome == "bulk" and len(_outbox(app, "followup")) == 5
    assert list(_status(app).values()).count("awaiting_approval") == 1


def test_a_digest_no_job_presented_is_gathered_by_the_next_tick(app: App,
                                                                clock: SteppedClock) -> None:
    # Given six drafts saved for a digest whose gathering job died after its commit
    from assistant.pipeline.draft import _draft

    with transaction(app.sessions) as session:
        ids = followups.due_ids(session, MORNING)
    for followup_id in ids:
        with transaction(app.sessions) as session:
            _draft(app, session, followup_id, MORNING)
    assert _outbox(app, "approval") == []
    # When the tick runs a few minutes later
    clock.set(MORNING + timedelta(minutes=5))
    results = _draft_all(app)
    # Then the digest goes out, once
    assert len([r for r in results if r is not None]) == 1
    assert len(_outbox(app, "approval")) == 1
    assert digest.DIGEST_THRESHOLD < 6


def test_digest_each_and_renew_are_commands_even_before_the_classifier_knows_them(
        app: App) -> None:
    # Given the owner writes "digest" as the subject of a new message
    raw = b"From: sam@example.com\r\nTo: assistant@example.net\r\nSubject: digest\r\n\r\nhi\r\n"
    with transaction(app.sessions) as session:
        found = approve.find_request(session, raw, ASSISTANT)
    # Then it is read as that command
    assert found == approve.CommandFound("digest")


def test_an_expired_digest_points_to_pending(app: App, clock: SteppedClock) -> None:
    _draft_all(app)
    (mail,) = _outbox(app, "approval")
    clock.set(MORNING + timedelta(days=15))
    assert _answer(app, mail, "send all", inbound_id=109).outcome == "refused"
    assert _outbox(app, "followup") == []
    assert "send `pending`" in _text(_outbox(app, "approval_refused")[0])


def test_the_weekly_summary_names_who_is_waiting(database_url: str, tmp_path: Path) -> None:
    from assistant.summary.deliver import build_summary
    from assistant.summary.sample import seed_sample_history
    from tests.integration.test_summary_figures import NOW, add_owner, make_app

    # Given the sample history, where one draft waits for the owner
    summary_app = make_app(database_url, tmp_path)
    owner_id = add_owner(summary_app)
    with transaction(summary_app.sessions) as session:
        seed_sample_history(session, owner_id, NOW)
        built = build_summary(session, owner_id, NOW, ASSISTANT)
    summary_app.close()
    # Then the summary names them and offers `pending`
    assert 'send "pending" to answer them in one email' in built.email.text
    assert 'id="waiting-list"' in built.email.html and "mailto:" in built.email.html
