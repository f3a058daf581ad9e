"""The reply watcher against a real Dovecot account (the owner's own mailbox): header fields
only, nothing marked read, and a restart resumes after the last UID of the same UIDVALIDITY."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

from sqlalchemy import select

from assistant.app import build_app
from assistant.mail.accounts import open_owner_imap
from assistant.pipeline.replies_seen import ReplyWatcher, start_after
from assistant.settings import Settings
from assistant.store import linked
from assistant.store.db import transaction
from assistant.store.models import SeenReply
from tests.integration.helpers import fresh_mailboxes
from tests.unit.test_replies_seen import FOLLOWUP_ID, NOW, _second_touch, _sent_followup


def _mail(sender: str, subject: str, in_reply_to: str | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "sam@rivera.io"
    message["Subject"] = subject
    message["Message-ID"] = f"<{abs(hash(subject))}@acme.example>"
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    message.set_content("a body the watcher never fetches")
    return message.as_bytes()


def test_headers_only_nothing_read_and_resume_after_the_last_uid(dovecot, tmp_path):
    # Given Sam's sent follow-up, Sam's own mailbox linked, and a newsletter already there
    box = fresh_mailboxes().owner
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}",
                                  "ASSISTANT_TLS_CA_FILE": str(dovecot.cafile),
                                  "ASSISTANT_OWNER_1_PASSWORD": dovecot.password})
    app = build_app(settings)
    from assistant.store.db import upgrade

    upgrade(settings.database_url)
    owner, _ = _sent_followup(app.sessions)
    with transaction(app.sessions) as session:
        linked.link(session, owner.id, imap_url=dovecot.imap_url(box), smtp_url="smtp://x",
                    auth="password", sent_folder=None, now=datetime.now(UTC))
        mailbox = linked.linked_for(session, owner.id)
    first = dovecot.append(box, "INBOX", _mail("news@shop.example", "Sale"))
    watcher = ReplyWatcher(app, mailbox, threading.Event())
    try:
        with open_owner_imap(settings, mailbox) as imap:
            uidvalidity, uidnext = imap.examine()
            start = start_after(mailbox, uidvalidity, uidnext)
            # When Jane's reply arrives after the watch began
            reply = dovecot.append(box, "INBOX", _mail("Jane <jane@acme.example>",
                                                       "Re: Great to meet you", FOLLOWUP_ID))
            last = watcher.read_new(imap, uidvalidity, start)
            flags = imap.client.get_flags([first, reply])
    finally:
        app.close()
    # Then only the new mail was read, the reply matched, and nothing was marked read
    assert (start, last) == (first, reply)
    assert all(b"\\Seen" not in f for f in flags.values()), flags
    assert _second_touch(app.sessions)[0] == "cancelled"
    with transaction(app.sessions) as session:
        assert list(session.scalars(select(SeenReply.kind))) == ["reply"]
        stored = linked.linked_for(session, owner.id)
    # And a restart resumes after it while UIDVALIDITY holds, from the end when it changed
    assert start_after(stored, uidvalidity, reply + 5) == reply
    assert start_after(stored, uidvalidity + 1, reply + 5) == reply + 4


def test_a_new_link_looks_back_to_the_oldest_follow_up_waiting_for_an_answer(dovecot,
                                                                              tmp_path):
    # Given Sam's follow-up to Jane, sent, and Jane's reply already in Sam's INBOX (after an
    # older newsletter) when Sam links the mailbox
    box = fresh_mailboxes().owner
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_DATABASE_URL": f"sqlite:///{tmp_path / 'b.db'}",
                                  "ASSISTANT_TLS_CA_FILE": str(dovecot.cafile),
                                  "ASSISTANT_OWNER_1_PASSWORD": dovecot.password})
    from assistant.store.db import upgrade

    upgrade(settings.database_url)
    app = build_app(settings, clock=lambda: NOW + timedelta(days=1))
    owner, _ = _sent_followup(app.sessions)
    dovecot.append(box, "INBOX", _mail("news@shop.example", "Old sale"),
                   when=NOW - timedelta(days=3))
    reply = dovecot.append(box, "INBOX", _mail("Jane <jane@acme.example>",
                                               "Re: Great to meet you", FOLLOWUP_ID),
                           when=NOW + timedelta(hours=2))
    with transaction(app.sessions) as session:
        linked.link(session, owner.id, imap_url=dovecot.imap_url(box), smtp_url="smtp://x",
                    auth="password", sent_folder=None, now=NOW + timedelta(days=1))
        mailbox = linked.linked_for(session, owner.id)
    watcher = ReplyWatcher(app, mailbox, threading.Event())
    try:
        with open_owner_imap(settings, mailbox) as imap:
            uidvalidity, uidnext = imap.examine()
            # When the watch begins
            start = watcher.starting_point(imap, mailbox, uidvalidity, uidnext)
            last = watcher.read_new(imap, uidvalidity, start)
    finally:
        app.close()
    # Then it read from before the follow-up went out: the reply counts, the newsletter not
    assert start < reply == last
    assert _second_touch(app.sessions)[0] == "cancelled"


def _linked_sam(dovecot, tmp_path, name: str):  # noqa: ANN001, ANN202
    """Sam's follow-up to Jane, sent from Sam's own server, and Sam's mailbox linked."""
    from tests.unit.test_inbox_bounces import sent_to_jane

    box = fresh_mailboxes().owner
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_ADDRESS": "assistant@example.net",
                                  "ASSISTANT_DATABASE_URL": f"sqlite:///{tmp_path / name}",
                                  "ASSISTANT_TLS_CA_FILE": str(dovecot.cafile),
                                  "ASSISTANT_OWNER_1_PASSWORD": dovecot.password})
    from assistant.store.db import upgrade

    upgrade(settings.database_url)
    app = build_app(settings, clock=lambda: NOW + timedelta(minutes=5))
    owner_id = sent_to_jane(app)
    with transaction(app.sessions) as session:
        linked.link(session, owner_id, imap_url=dovecot.imap_url(box), smtp_url="smtp://x",
                    auth="password", sent_folder=None, now=NOW)
        mailbox = linked.linked_for(session, owner_id)
    return app, settings, box, mailbox


def _read_inbox(app, settings, mailbox, dovecot, box, arriving):  # noqa: ANN001, ANN202
    """The watcher reads each message of ``arriving`` as it lands; the UIDs it fetched whole,
    and the flags of everything."""
    watcher = ReplyWatcher(app, mailbox, threading.Event())
    fetched: list[int] = []
    with open_owner_imap(settings, mailbox) as imap:
        report = imap.report
        imap.report = lambda uid: fetched.append(uid) or report(uid)
        uidvalidity, uidnext = imap.examine()
        last = start_after(mailbox, uidvalidity, uidnext)
        uids = []
        for raw in arriving:
            uids.append(dovecot.append(box, "INBOX", raw))
            last = watcher.read_new(imap, uidvalidity, last)
        flags = imap.client.get_flags(uids)
    return uids, fetched, flags


def _state(app):  # noqa: ANN001, ANN202
    from assistant.store.models import ContactEmail, FollowUp, OutboxMessage

    with transaction(app.sessions) as session:
        bad = session.scalars(select(ContactEmail.bad)).all()
        first = session.scalars(select(FollowUp.status).where(FollowUp.sequence == 1)).one()
        mail = [(m.purpose, m.recipients) for m in session.scalars(
            select(OutboxMessage).where(OutboxMessage.purpose != "followup"))]
    return bad, first, mail


def test_a_report_about_a_follow_up_in_the_owners_inbox_is_a_bounce_once(dovecot, tmp_path):
    from tests.unit.test_inbox_bounces import dsn

    # Given Sam's follow-up to Jane, sent through Sam's own server, and Sam's INBOX watched
    app, settings, box, mailbox = _linked_sam(dovecot, tmp_path, "c.db")
    try:
        # When a newsletter, then Jane's server's RFC 3464 report (the follow-up's Message-ID
        # only in the returned headers), then a second copy of the report arrive
        uids, fetched, flags = _read_inbox(app, settings, mailbox, dovecot, box, [
            _mail("news@shop.example", "Sale"),
            dsn(FOLLOWUP_ID, report_id="<r.1@mx.acme.example>"),
            dsn(FOLLOWUP_ID, report_id="<r.2@mx.acme.example>")])
        bad, first, mail = _state(app)
    finally:
        app.close()
    # Then Jane's address is bad, the follow-up bounced, Sam told once (never the report's
    # sender answered), only the reports were read whole, and nothing was marked read
    assert bad == [True]
    assert first == "bounced"
    assert mail == [("bounce", '["sam@rivera.io"]')]
    assert fetched == uids[1:]
    assert all(b"\\Seen" not in f for f in flags.values()), flags
    assert _second_touch(app.sessions)[0] == "scheduled"  # drafted later, to a good address
    with transaction(app.sessions) as session:
        assert sorted(session.scalars(select(SeenReply.kind))) == ["bounce", "bounce"]


def test_a_report_about_mail_the_owner_sent_by_hand_marks_nothing(dovecot, tmp_path):
    from tests.unit.test_inbox_bounces import dsn

    # Given the same, when a report about a message the assistant never sent arrives, and a
    # delay warning about the follow-up itself
    app, settings, box, mailbox = _linked_sam(dovecot, tmp_path, "d.db")
    try:
        _read_inbox(app, settings, mailbox, dovecot, box, [
            dsn("<by-hand.42@rivera.io>", report_id="<r.3@mx.acme.example>"),
            dsn(FOLLOWUP_ID, action="delayed", status="4.4.7",
                report_id="<r.4@mx.acme.example>")])
        bad, first, mail = _state(app)
    finally:
        app.close()
    # Then nothing is marked and Sam is not told
    assert (bad, first, mail) == ([False], "sent", [])
