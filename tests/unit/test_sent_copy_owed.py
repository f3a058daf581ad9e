"""A copy owed to a linked owner's Sent folder: what the sweep does with it, when it tries
again (the project's backoff, from the copy's first failure), when it stops, what the owner is
told then (pure); and that a refused copy is recorded once (SQLite, no server)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest
from sqlalchemy import update

from assistant.app import App, build_app
from assistant.errors import MailboxError
from assistant.pipeline import owner_send
from assistant.pipeline.owner_send import (
    COPY_DAYS,
    COPY_RETRY_BASE,
    COPY_RETRY_CAP,
    COPY_TRIES,
    copy_action,
    copy_retry_at,
)
from assistant.settings import Settings
from assistant.store import outbox, owners, sent_copies
from assistant.store.db import transaction, upgrade
from assistant.store.linked import LinkedMailbox
from assistant.store.models import OutboxMessage
from assistant.templating import render_pair

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("status", "linked_now", "provider_files", "action"), [
    ("sent", True, False, "file"),  # the usual case: an IMAP host that files nothing itself
    ("sent", True, None, "file"),  # not learned yet (the first send's look failed too)
    ("sent", True, True, "drop"),  # the provider files what it takes: nothing is owed
    ("sent", False, None, "drop"),  # the mailbox was unlinked: nowhere to file it
    ("unconfirmed", True, False, "wait"),  # the send is not recorded yet: Sent settles it first
    ("sending", True, False, "wait"),
    ("uncertain", True, False, "drop"),  # not known to have left: no copy may say it did
    ("failed", True, False, "drop"),
    ("pending", True, False, "drop"),
])
def test_what_the_sweep_does_with_an_owed_copy(status, linked_now, provider_files, action):
    assert copy_action(status, linked_now, provider_files) == action


def test_an_owed_copy_is_tried_again_later_and_later_up_to_the_cap():
    # Given a copy whose first filing failed now
    waits = [copy_retry_at(n, NOW, NOW, draw=0.0) for n in range(1, COPY_TRIES)]
    # Then each wait is the backoff's (half the ceiling with a draw of 0), never shorter than
    # the one before, and never longer than the cap
    seconds = [(w - NOW).total_seconds() for w in waits if w is not None]
    assert len(seconds) == COPY_TRIES - 1
    assert seconds[0] == COPY_RETRY_BASE / 2
    assert seconds == sorted(seconds)
    assert max(seconds) == COPY_RETRY_CAP / 2
    # And the random half never takes a wait past the ceiling
    assert copy_retry_at(1, NOW, NOW, draw=0.999) <= NOW + timedelta(seconds=COPY_RETRY_BASE)


def test_an_owed_copy_is_given_up_after_its_tries_or_its_days():
    # After as many failed attempts as allowed: stop (None), the owner is told
    assert copy_retry_at(COPY_TRIES, NOW, NOW, draw=0.5) is None
    assert copy_retry_at(COPY_TRIES - 1, NOW, NOW, draw=0.5) is not None
    # After the days allowed since the first failure, whatever the count
    assert copy_retry_at(2, NOW - COPY_DAYS, NOW, draw=0.5) is None
    assert copy_retry_at(2, NOW - COPY_DAYS + timedelta(hours=1), NOW, draw=0.5) is not None


def test_the_owner_is_told_in_plain_words_that_only_the_copy_is_missing():
    text, html = render_pair("sent_copy_missing", owner_first_name="Sam",
                             addresses=["jane@acme.example"], subject="Great to meet",
                             sent_on="7 December 2026",
                             text="Hi Jane,\n\nthe <pricing> deck I promised is attached.")
    for body in (text, html):
        assert "jane@acme.example" in body and "Great to meet" in body
        assert "Sent folder" in body and "will not be sent again" in body
    # the owner's record of what went out in their name, escaped in HTML
    assert "    the <pricing> deck I promised is attached." in text
    assert "the &lt;pricing&gt; deck I promised" in html and "<pricing>" not in html


def _app(tmp_path: Path) -> tuple[App, int, int]:
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_ADDRESS": "assistant@example.net"})
    upgrade(settings.database_url)
    app = build_app(settings, clock=lambda: NOW)
    with transaction(app.sessions) as session:
        owner_id = owners.add_owner(session, name="Sam Rivera", addresses=["sam@example.com"],
                                    timezone="UTC", region="US", now=NOW).id
    return app, owner_id, _followup(app, owner_id, 1, "jane@acme.example", "Great to meet")


def _followup(app: App, owner_id: int, number: int, to: str, subject: str) -> int:
    """A follow-up of the owner's in the outbox, as approved and queued."""
    message = EmailMessage()
    message["From"] = "Sam Rivera <sam@example.com>"
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="example.com")
    message.set_content("Hi there\n")
    with transaction(app.sessions) as session:
        return outbox.add(session, key=f"followup:{number}", owner_id=owner_id,
                          purpose="followup", message=message, envelope_from="sam@example.com",
                          recipients=[to], now=NOW)


def _mailbox(owner_id: int, sent_filed: bool | None) -> LinkedMailbox:
    return LinkedMailbox(owner_id=owner_id, address="sam@example.com",
                         imap_url="imap://sam%40example.com@127.0.0.1:1/INBOX",
                         smtp_url="smtps://sam%40example.com@127.0.0.1:1", auth="password",
                         sent_folder=None, sent_filed=sent_filed, uidvalidity=None,
                         last_uid=None)


@pytest.mark.parametrize(("sent_filed", "owed"), [(None, "owed"), (False, "owed"),
                                                   (True, None)])
def test_a_copy_sent_cannot_take_is_recorded_as_owed_once(tmp_path, monkeypatch, sent_filed,
                                                          owed):
    # Given a follow-up that left and an owner's IMAP server that refuses every connection
    def refused(*_args: object) -> None:
        raise MailboxError("connection refused")

    monkeypatch.setattr(owner_send, "open_owner_imap", refused)
    app, owner_id, outbox_id = _app(tmp_path)
    try:
        # When its copy is filed, twice (a repeat never owes it twice, nor raises)
        for _ in range(2):
            owner_send.file_in_sent(app, _mailbox(owner_id, sent_filed), b"raw", "<m@x>",
                                    outbox_id)
        # Then it is owed, once, unless the provider files sent mail itself
        with transaction(app.sessions) as session:
            assert sent_copies.status_of(session, outbox_id) == owed
            due = sent_copies.due(session, NOW + timedelta(seconds=COPY_RETRY_BASE))
        assert [c.outbox_id for c in due] == ([outbox_id] if owed else [])
    finally:
        app.close()


def test_an_unreachable_mailbox_costs_one_attempt_per_sweep(tmp_path, monkeypatch):
    # Given two follow-ups of one owner that left with no copy in Sent, both owed
    attempts: list[int] = []

    def refused(*_args: object) -> None:
        attempts.append(1)
        raise MailboxError("timed out")

    monkeypatch.setattr(owner_send, "open_owner_imap", refused)
    app, owner_id, first = _app(tmp_path)
    try:
        second = _followup(app, owner_id, 2, "lee@acme.example", "Good to meet")
        with transaction(app.sessions) as session:
            session.execute(update(OutboxMessage).where(OutboxMessage.id.in_((first, second)))
                            .values(status="sent", sent_at=NOW))
        mailbox = _mailbox(owner_id, None)
        for outbox_id in (first, second):
            owner_send.file_in_sent(app, mailbox, b"raw", "<m@x>", outbox_id)
        assert len(attempts) == 2
        monkeypatch.setattr(owner_send.linked, "linked_for", lambda *_: mailbox)
        # When a sweep finds both due and the owner's server still fails
        owner_send.file_owed_copies(app, NOW + timedelta(seconds=COPY_RETRY_BASE * 2))
        # Then it tried once, not once per copy; the other copy stays owed and due
        assert len(attempts) == 3
        with transaction(app.sessions) as session:
            assert sent_copies.status_of(session, first) == "owed"
            assert sent_copies.status_of(session, second) == "owed"
            due = sent_copies.due(session, NOW + timedelta(seconds=COPY_RETRY_BASE * 2))
        assert len(due) == 1
    finally:
        app.close()
