"""Replies seen: the contact answered, so the second touch is not offered.

Two ways in: the reply watcher, which reads only header fields of new mail in a linked
owner's own INBOX (``assistant.mail.owner_imap``), and a contact's reply that an owner (linked
or not) forwards to the assistant (``forwarded_reply``, called by the inbound processing
before a message is read as a note). Only the match is stored (``seen_replies``): which
contact, what kind, its Message-ID. An out-of-office or a delivery report does not count as a
reply: it pushes a second touch due soon back by a few business days, and is recorded so the
reminder can say so. A delivery report that names a follow-up's Message-ID and a permanent
failure of its recipient is moreover handled as a relay bounce (``bounces.inbox_bounce``):
the only mail the watcher fetches whole is a mail system's, known by its header fields.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, aliased

from assistant.app import App
from assistant.backoff import backoff_delay
from assistant.domain import OwnerProfile
from assistant.errors import ConfigurationError, MailboxError
from assistant.mail.accounts import open_owner_imap
from assistant.mail.reply_headers import Match, SeenHeaders, headers_of, match, read_fields
from assistant.parsing.classify import strip_subject_prefixes
from assistant.parsing.forwards import unwrap_forward
from assistant.parsing.mime import MessageView, read_message
from assistant.pipeline import bounces
from assistant.scheduling import add_business_days, at_local_hour
from assistant.store import linked, outbox, owners
from assistant.store.db import insert_once, transaction
from assistant.store.linked import LinkedMailbox
from assistant.store.models import (
    Contact,
    ContactEmail,
    FollowUp,
    Interaction,
    OutboxMessage,
    SeenReply,
)

log = logging.getLogger(__name__)

PUSH_BACK_BUSINESS_DAYS = 3  # an out-of-office moves a second touch due sooner this far
WAITING = ("scheduled", "awaiting_approval")


# -- what the owner sent, and who is awaited ----------------------------------------------

def sent_ids(session: Session, owner_id: int) -> dict[str, int]:
    rows = session.execute(select(OutboxMessage.message_id, FollowUp.contact_id)
                           .join(FollowUp, FollowUp.sent_outbox_id == OutboxMessage.id)
                           .where(FollowUp.owner_id == owner_id)).all()
    return {r.message_id.strip().lower(): r.contact_id for r in rows}


def awaiting(session: Session, owner_id: int, address: str | None = None) -> dict[str, int]:
    """Addresses of contacts the owner followed up and who have not answered since (only
    ``address``, lower-cased, when it is given)."""
    query = (select(ContactEmail.email, ContactEmail.contact_id)
             .join(FollowUp, FollowUp.contact_id == ContactEmail.contact_id)
             .where(FollowUp.owner_id == owner_id, FollowUp.status == "sent"))
    if address is not None:
        query = query.where(func.lower(ContactEmail.email) == address)
    return {r.email.lower(): r.contact_id for r in session.execute(query.distinct()).all()}


# -- the effect of a match ----------------------------------------------------------------

def record(session: Session, owner_id: int, found: Match, now: datetime,
           inbound_id: int | None = None) -> bool:
    """Apply a match once per message; True when it was new."""
    if insert_once(session, SeenReply, {
            "owner_id": owner_id, "contact_id": found.contact_id, "message_key": found.key,
            "kind": found.kind, "seen_at": now}, unique=["owner_id", "message_key"]) is None:
        return False
    contact = session.get(Contact, found.contact_id)
    if contact is None:
        return True
    session.add(Interaction(owner_id=owner_id, contact_id=contact.id, inbound_id=inbound_id,
                            kind="reply_received" if found.kind == "reply" else found.kind,
                            occurred_at=now))
    if found.kind == "reply":
        contact.last_reply_at = contact.last_touch_at = now
        _cancel_second_touch(session, contact.id, now)
        log.info("owner %d: contact %d replied; the second touch is cancelled", owner_id,
                 contact.id)
    else:
        _push_back(session, owner_id, contact.id, now)
    return True


def _cancel_second_touch(session: Session, contact_id: int, now: datetime) -> None:
    """Open touches are cancelled; an approved one only if its email has not been claimed
    by a sender (the outbox row's conditional update decides: cancelled or sent, not both)."""
    session.execute(update(FollowUp).where(FollowUp.contact_id == contact_id,
                                           FollowUp.status.in_(WAITING))
                    .values(status="cancelled", decided_at=now))
    for followup_id in session.scalars(select(FollowUp.id).where(
            FollowUp.contact_id == contact_id, FollowUp.status == "approved")):
        if outbox.cancel_pending(session, [f"followup:{followup_id}"]):
            session.execute(update(FollowUp).where(FollowUp.id == followup_id)
                            .values(status="cancelled", decided_at=now))


def _push_back(session: Session, owner_id: int, contact_id: int, now: datetime) -> None:
    owner = owners.owner_by_id(session, owner_id)
    if owner is None:
        return
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(owner.timezone)
    later = at_local_hour(add_business_days(now.astimezone(zone).date(),
                                            PUSH_BACK_BUSINESS_DAYS, owner.region),
                          zone, owner.followup_hour)
    session.execute(update(FollowUp).where(
        FollowUp.contact_id == contact_id, FollowUp.sequence > 1,
        FollowUp.status == "scheduled", FollowUp.due_at < later).values(due_at=later))


# -- a reply the owner forwards to the assistant -------------------------------------------

def forwarded_reply(session: Session, owner: OwnerProfile, raw: bytes, inbound_id: int,
                    now: datetime, view: MessageView | None = None) -> bool:
    """True when the owner forwarded a contact's reply to a follow-up: recorded like a reply
    seen in their mailbox, and not to be read as a new note. Only a message that answers a
    follow-up counts (it names the follow-up's Message-ID, or, in a forward pasted as text,
    comes from the contact with the follow-up's subject after "Re:"): a contact's other mail
    forwarded with the owner's words stays a note."""
    if view is None:  # the caller's decoded view, else decoded here
        try:
            view = read_message(raw)
        except (ValueError, TypeError, LookupError):
            return False
    sent = sent_ids(session, owner.id) if view.embedded else {}
    for embedded in view.embedded:
        seen = headers_of(embedded)
        found = match(seen, sent, {}, fallback_key=f"inbound:{inbound_id}")
        if found is not None:
            record(session, owner.id, found, now, inbound_id)
            return True
    forward = unwrap_forward(view.text)
    if forward is None or not forward.sender_address or not forward.subject:
        return False
    if strip_subject_prefixes(forward.subject) == forward.subject.strip():
        return False  # no "Re:": no answer to a follow-up (``_answers``), nothing to look up
    contact_id = awaiting(session, owner.id, forward.sender_address).get(forward.sender_address)
    if contact_id is None or not _answers(session, contact_id, forward.subject):
        return False
    record(session, owner.id, Match(contact_id, "reply", f"inbound:{inbound_id}"), now,
           inbound_id)
    return True


def _answers(session: Session, contact_id: int, subject: str) -> bool:
    if strip_subject_prefixes(subject) == subject.strip():
        return False  # no "Re:": not an answer
    sent_subjects = session.scalars(select(FollowUp.subject).where(
        FollowUp.contact_id == contact_id, FollowUp.status == "sent")).all()
    wanted = strip_subject_prefixes(subject).lower()
    return any(s and strip_subject_prefixes(s).lower() == wanted for s in sent_subjects)


# -- the watcher of a linked owner's INBOX -------------------------------------------------

class ReplyWatcher:
    """One linked owner's INBOX: EXAMINE, fetch header fields of mail newer than the last UID
    seen, match, record; then IDLE (or poll) for more. Restarts resume from the stored UID
    while UIDVALIDITY is unchanged; after a change the watch starts from the mailbox's end
    (old UIDs mean nothing any more, RFC 3501 2.3.1.1)."""

    def __init__(self, app: App, mailbox: LinkedMailbox, stop: threading.Event,
                 leader: Callable[[], bool] | None = None) -> None:
        self.app = app
        self.mailbox = mailbox
        self.stop = stop
        self.leader = leader or (lambda: True)
        self.failures = 0

    def run(self) -> None:
        while not self.stop.is_set():
            if not self.leader():
                self.stop.wait(5)
                continue
            try:
                with open_owner_imap(self.app.settings, self.mailbox) as imap:
                    self._serve(imap)
            except MailboxError as exc:
                self._back_off(exc)
            except ConfigurationError as exc:  # a refused login among them: wait, retry
                self._back_off(exc)

    def _serve(self, imap) -> None:  # type: ignore[no-untyped-def]
        uidvalidity, uidnext = imap.examine()
        with transaction(self.app.sessions) as session:
            current = linked.linked_for(session, self.mailbox.owner_id)
        if current is None:
            self.stop.wait(self.app.settings.poll_seconds)
            return
        last = self.starting_point(imap, current, uidvalidity, uidnext)
        while not self.stop.is_set() and self.leader():
            last = self.read_new(imap, uidvalidity, last)
            self.failures = 0
            imap.wait(self.app.settings.poll_seconds)

    def starting_point(self, imap, current: LinkedMailbox, uidvalidity: int,  # type: ignore[no-untyped-def]
                       uidnext: int) -> int:
        """The UID to read on from: the stored one; for a new link, or UIDs renumbered, the
        last one before the oldest follow-up still waiting for an answer was sent, so a reply
        that came before the watch began is not missed."""
        last = start_after(current, uidvalidity, uidnext)
        if resumes(current, uidvalidity):
            return last
        with transaction(self.app.sessions) as session:
            since = oldest_waiting_send(session, self.mailbox.owner_id, self.app.clock())
        return last if since is None else min(last, imap.last_uid_before(since))

    def read_new(self, imap, uidvalidity: int, last: int) -> int:  # type: ignore[no-untyped-def]
        uids = imap.uids_after(last)
        fields = imap.headers(uids) if uids else {}
        seen = {uid: read_fields(fields.get(uid, b"")) for uid in uids}
        # A mail system's report is the only message read whole (header fields decide).
        reports = {uid: imap.report(uid) for uid in uids if seen[uid].report}
        now = self.app.clock()
        owner_id = self.mailbox.owner_id
        with transaction(self.app.sessions) as session:
            sent, waiting = sent_ids(session, owner_id), awaiting(session, owner_id)
            followups = (bounces.sent_followups(session, owner_id,
                                                self.app.settings.assistant_address)
                         if reports else {})
            for uid in uids:
                key = f"imap:{uidvalidity}/{uid}"
                found = match(seen[uid], sent, waiting, fallback_key=key)
                bounced = self._bounce(session, reports.get(uid), seen[uid], followups, now)
                if bounced is not None:
                    found = Match(bounced, "bounce", seen[uid].message_id or key)
                if found is not None:
                    record(session, owner_id, found, now)
                last = max(last, uid)
            linked.set_position(session, owner_id, uidvalidity, last, now)
        return last

    def _bounce(self, session: Session, raw: bytes | None, seen: SeenHeaders,
                followups: dict[str, bounces.SentFollowUp], now: datetime) -> int | None:
        """A delivery report about a follow-up the owner sent, handled as a relay bounce;
        the contact's id, or None when it blames none of the follow-up's recipients."""
        report = bounces.read(raw) if raw else None
        if report is None:
            return None
        found = bounces.about_followup(report, seen.thread_ids,
                                       {k: v.recipients for k, v in followups.items()})
        if found is None:
            return None
        sent = followups[found.message_id]
        bounces.inbox_bounce(self.app, session, self.mailbox.owner_id, sent, found, now)
        return sent.contact_id

    def _back_off(self, exc: Exception) -> None:
        self.failures += 1
        settings = self.app.settings
        delay = backoff_delay(self.failures, base=settings.inbox_retry_seconds,
                              cap=settings.inbox_retry_max_seconds, draw=0.5)
        log.warning("owner %d: mailbox unavailable (%s); next attempt in %.1f s",
                    self.mailbox.owner_id, exc, delay)
        self.stop.wait(delay)


def start_after(mailbox: LinkedMailbox, uidvalidity: int, uidnext: int) -> int:
    """The last UID already read: the stored one while UIDVALIDITY holds, else the mailbox's
    end (a new link, or UIDs renumbered; the watcher then looks back, see
    ``oldest_waiting_send``)."""
    if resumes(mailbox, uidvalidity):
        return mailbox.last_uid or 0
    return uidnext - 1


def resumes(mailbox: LinkedMailbox, uidvalidity: int) -> bool:
    return mailbox.uidvalidity == uidvalidity and mailbox.last_uid is not None


LOOK_BACK = timedelta(days=30)


def oldest_waiting_send(session: Session, owner_id: int, now: datetime) -> datetime | None:
    """When the oldest follow-up that is still waiting for an answer (its second touch not
    yet decided) was sent, within ``LOOK_BACK``; None when none waits. Matching is recorded
    once per message, so reading a message twice changes nothing."""
    second = aliased(FollowUp)
    return session.scalar(
        select(func.min(FollowUp.sent_at))
        .join(second, (second.contact_id == FollowUp.contact_id) & (second.sequence > 1))
        .where(FollowUp.owner_id == owner_id, FollowUp.status == "sent",
               FollowUp.sent_at >= now - LOOK_BACK, second.status.in_(WAITING)))


def start_reply_watchers(app: App, stop: threading.Event,
                         leader_for: Callable[[str], Callable[[], bool]],
                         every: float = 30.0) -> threading.Thread:
    """A thread that starts one ReplyWatcher per linked owner, and notices new links."""
    def supervise() -> None:
        running: dict[int, threading.Thread] = {}
        while not stop.is_set():
            try:
                with transaction(app.sessions) as session:
                    boxes = linked.all_linked(session)
            except Exception:  # logged; the next round tries again
                log.exception("reading the linked mailboxes failed")
                boxes = []
            for box in boxes:
                if box.owner_id not in running or not running[box.owner_id].is_alive():
                    watcher = ReplyWatcher(app, box, stop,
                                           leader_for(f"replies:{box.owner_id}"))
                    thread = threading.Thread(target=watcher.run, daemon=True,
                                              name=f"replies-{box.owner_id}")
                    thread.start()
                    running[box.owner_id] = thread
            stop.wait(every)
        for thread in running.values():
            thread.join(timeout=5)

    thread = threading.Thread(target=supervise, name="reply-watchers", daemon=True)
    thread.start()
    return thread


def reminder_note(session: Session, contact_id: int, since: datetime | None,
                  timezone: str) -> str | None:
    """What the second touch's reminder should say about mail seen from the contact since the
    first follow-up that was not a reply: an out-of-office (the touch waited for it) or a
    delivery report. None when there was none."""
    if since is None:
        return None
    rows = session.execute(select(SeenReply.kind, SeenReply.seen_at).where(
        SeenReply.contact_id == contact_id, SeenReply.seen_at >= since,
        SeenReply.kind.in_(("auto_reply", "bounce"))).order_by(SeenReply.seen_at)).all()
    if not rows:
        return None
    from zoneinfo import ZoneInfo

    kind, seen_at = rows[-1]
    local = seen_at.astimezone(ZoneInfo(timezone))
    day = f"{local:%A} {local.day} {local:%B}"
    if kind == "auto_reply":
        return (f"An automatic reply (out of office) came back on {day}; it does not count "
                "as an answer, and this second touch waited a few business days for it.")
    return (f"A delivery report about their address came back on {day}: check the address "
            "before sending.")
