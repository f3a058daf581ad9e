"""Stage: one stored message -> routed, parsed, stored, answered.

Routing, in order: the assistant's own blind copy of a follow-up (a delivery receipt); mail
from anyone but a registered owner (kept, never answered; a known contact's mail counts as
their reply); the owner's answer to an approval request; the owner's resources; the owner's
notes, forwards, intros and vCards (contacts, an acknowledgement, the first follow-up
scheduled); auto-replies and bounces (never answered); anything unreadable (kept, explained).

Messages come in batches (one when mail trickles in, a few dozen when a full inbox is read):
each is routed and parsed on its own, outside any transaction, then all of them are written in
one transaction, each inside its own savepoint, so a busy inbox costs one commit per batch
rather than several per message.

Idempotent: a message that is no longer ``pending`` is left alone, and everything a run writes
for a message commits with its new status, which is only written while the message is still
pending; a run killed half-way leaves no trace and the retry does the whole work once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from assistant import trust
from assistant.app import App
from assistant.commands.reply import answer_command
from assistant.domain import (
    MessageKind,
    OwnerProfile,
    ParsedContact,
    ParsedMessage,
    ParsedReply,
    ReplyIntent,
)
from assistant.errors import TransientError, UnreadableMessageError
from assistant.faults import checkpoint
from assistant.mail.headers import read_headers, recipients_of, sender_address, thread_of
from assistant.parsing.mime import MessageView, looks_like_message, read_message
from assistant.pipeline import (
    approve,
    bounces,
    calm_acks,
    correct,
    followup,
    guard,
    notify,
    receipts,
    replies_seen,
    resources,
)
from assistant.store import contacts as contact_store
from assistant.store import deferred, ids, inbound, owners
from assistant.store.db import transaction
from assistant.store.inbound import InboundRecord

if TYPE_CHECKING:
    from assistant.cards.message import CardsRead

log = logging.getLogger(__name__)

CONTACT_KINDS = {MessageKind.NOTE, MessageKind.INTRO, MessageKind.VCARD, MessageKind.CARD_IMAGE}
NEVER_ANSWERED = {MessageKind.AUTO_REPLY, MessageKind.BOUNCE}
NO_CONTACTS = ("I found nobody to follow up with in it: no person's name or email address that "
               "I could read.")
MAX_CONTACTS_PER_MESSAGE = 200
WRITE_ATTEMPTS = 3  # a message's savepoint is redone after losing a race on a unique key
# A batch that lost such a race is written once more as a batch (most races are one contact
# two workers' batches both created), then one savepoint per message
BATCH_WRITE_ATTEMPTS = 2
INTERNAL_ERROR = ("The assistant hit an internal error while reading this message. It is kept "
                  "as it arrived and will be read again after the next upgrade.")


@dataclass(frozen=True)
class Outcome:
    """What processing did: the new status and the outbox rows to send now."""

    status: str
    kind: str | None
    outbox_ids: tuple[int | None, ...] = ()


class _AlreadyFinished(Exception):
    """Another worker finished the message first; this run's writes for it are undone."""


@dataclass
class _Plan:
    """One message on its way: what the read phase learnt and the parse phase produced."""

    record: InboundRecord
    screen: tuple[str, object] | None = None
    sender: str | None = None
    owner: OwnerProfile | None = None
    verdict: trust.Verdict | None = None
    found: tuple | None = None  # type: ignore[type-arg]
    reply: ParsedReply | None = None
    lines: str | None = None
    parsed: ParsedMessage | None = None
    met_on: date | None = None  # the day the owner met the note's people
    too_large: bool = False
    cards: CardsRead | None = None  # the card pictures read, for the acknowledgement
    view: MessageView | None = None  # the message decoded once, for every step that reads it

    @property
    def route(self) -> str:
        if self.screen is not None:
            return "screen"
        if self.owner is None:
            return "stranger"
        if self.verdict is not None and not self.verdict.trusted:
            return "quarantine"
        return "too_large" if self.too_large else ("answer" if self.found else "read")


@dataclass(frozen=True)
class Batch:
    """What a batch did, and the database or server error that left some of it undone: the
    caller sends what was queued, then raises ``error`` so the job is retried."""

    outcomes: list[Outcome]
    error: Exception | None = None


def process_inbound(app: App, inbound_id: int, now: datetime | None = None) -> Outcome | None:
    """Process one stored message; None when it was no longer pending. Database and server
    outages propagate, for the retry."""
    batch = process_batch(app, [inbound_id], now)
    if batch.error is not None:
        raise batch.error
    return batch.outcomes[0] if batch.outcomes else None


def process_batch(app: App, inbound_ids: Sequence[int], now: datetime | None = None) -> Batch:
    """Process stored messages: each is routed and parsed on its own, and all of them are
    written in one transaction, each inside its own savepoint.

    A bug met on the way fails only the message it was met on (kept, explained). When the
    database or a server fails a batch of several, its messages are processed again one by
    one, so one message's trouble never holds up the others; the error is returned for the
    retry of what is left.
    """
    now = now or app.clock()
    try:
        outcomes = _process(app, inbound_ids, now)
    except (TransientError, DBAPIError) as exc:
        if len(inbound_ids) < 2:
            return Batch([], exc)
        log.warning("a batch of %d message(s) failed (%s); processing them one by one",
                    len(inbound_ids), exc)
        return _one_by_one(app, inbound_ids, now)
    checkpoint(app.settings.fault_points, "after_job")
    return Batch(outcomes)


def _one_by_one(app: App, inbound_ids: Sequence[int], now: datetime) -> Batch:
    outcomes: list[Outcome] = []
    error: Exception | None = None
    for inbound_id in inbound_ids:
        try:
            outcomes.extend(_process(app, [inbound_id], now))
        except (TransientError, DBAPIError) as exc:
            log.warning("message %d: %s; it stays pending for the retry", inbound_id, exc)
            error = exc
    checkpoint(app.settings.fault_points, "after_job")
    return Batch(outcomes, error)


def _process(app: App, inbound_ids: Sequence[int], now: datetime) -> list[Outcome]:
    broken: list[int] = []
    plans = _read_phase(app, inbound_ids, broken)
    for plan in plans:  # the parsers run outside any transaction
        try:
            _parse_phase(app, plan)
        except Exception:  # logged with its traceback; the message is failed, not retried
            log.exception("reading message %d failed", plan.record.id)
            broken.append(plan.record.id)
    plans = [p for p in plans if p.record.id not in broken]
    outcomes = _write_all(app, plans, now, broken) if plans else []
    for inbound_id in broken:
        failed = _fail_internal(app, inbound_id, now)
        if failed is not None:
            outcomes.append(failed)
    return outcomes


def _read_phase(app: App, inbound_ids: Sequence[int], broken: list[int]) -> list[_Plan]:
    plans: list[_Plan] = []
    known: dict[str | None, OwnerProfile | None] = {}  # owners looked up once per batch
    with transaction(app.sessions) as session:
        for record in inbound.load_pending(session, inbound_ids):
            plan = _Plan(record=record)
            try:
                _route(app, session, plan, known)
            except (TransientError, DBAPIError):
                raise
            except Exception:  # logged with its traceback; the message is failed, not retried
                log.exception("routing message %d failed", record.id)
                broken.append(record.id)
                continue
            plans.append(plan)
    return plans


def _route(app: App, session: Session, plan: _Plan,
           known: dict[str | None, OwnerProfile | None]) -> None:
    raw = plan.record.raw
    plan.screen = _screen_reason(app, raw)
    if plan.screen is not None:
        return
    plan.sender = sender_address(raw)
    if plan.sender not in known:
        known[plan.sender] = owners.owner_by_address(session, plan.sender)
    plan.owner = known[plan.sender]
    if plan.owner is None:
        return
    plan.verdict = _authenticate(app, raw, plan.sender or "", plan.owner)
    if not plan.verdict.trusted:
        return
    plan.too_large = len(raw) > app.settings.max_message_bytes
    if not plan.too_large:
        plan.view = _view(raw)  # decoded once, for every step that reads it
        plan.found = approve.find_request(session, raw, app.settings.assistant_address,
                                          plan.view)


def _parse_phase(app: App, plan: _Plan) -> None:
    route, raw = plan.route, plan.record.raw
    if route == "answer":
        plan.reply = _parse_reply(raw)
    elif route == "read":
        assert plan.owner is not None
        view = plan.view
        plan.lines = resources.resource_lines(raw, view)
        if plan.lines is None:
            plan.parsed = _parse(raw, plan.owner, app.settings.assistant_address, view)
            if _may_carry_cards(raw, view):
                plan.parsed, plan.cards = _read_cards(raw, plan.parsed, plan.owner,
                                                      app.settings.assistant_address)
            plan.met_on = _met_on(plan.record, plan.owner, plan.parsed)


def _write_all(app: App, plans: list[_Plan], now: datetime,
               broken: list[int]) -> list[Outcome]:
    """Every message of the batch written in one transaction, first under one savepoint for
    all of them (two statements per message fewer than one each). When a unique key another
    worker took first undoes it, the batch is written again the same way, now merging into
    what the other worker committed. When it fails again, or any message fails otherwise (a
    message another worker finished, a bug), all of it is undone and the batch is written
    again with a savepoint per message, so the failure touches only the message it came
    from."""
    for attempt in range(1, BATCH_WRITE_ATTEMPTS + 1):
        try:
            wanted = _contacts_of(plans)
            with transaction(app.sessions) as session, session.begin_nested(), \
                    deferred.deferring(session), \
                    contact_store.looking_ahead(session, wanted), \
                    ids.drawing(session, contacts=sum(len(c) for _, c in wanted),
                                outbox=sum(map(_plain_note, plans))):
                # (the savepoint also opens SQLite's write transaction before the first read;
                # the rows nothing reads back are written together at the end, inside it; the
                # notes' contacts are looked up together first; on PostgreSQL the plain notes'
                # new contacts and acknowledgements take ids drawn together, and are written
                # with the rest at the end)
                return [_carry_out(app, session, plan, now) for plan in plans]
        except IntegrityError as exc:
            again = attempt < BATCH_WRITE_ATTEMPTS
            log.info("a batch of %d message(s) met a concurrent write (%s); %s", len(plans),
                     type(exc.orig).__name__,
                     "writing it again" if again else "writing each on its own")
        except (TransientError, DBAPIError):
            raise
        except Exception as exc:  # noqa: BLE001 - redone below, where each message's error is handled
            log.info("a batch of %d message(s) stopped on %s; writing each on its own",
                     len(plans), type(exc).__name__)
            break
    outcomes: list[Outcome] = []
    with transaction(app.sessions) as session:
        for plan in plans:
            outcome = _write_one(app, session, plan, now, broken)
            if outcome is not None:
                outcomes.append(outcome)
    return outcomes


def _contacts_of(plans: list[_Plan]) -> list[tuple[int, Sequence[ParsedContact]]]:
    """The contacts the batch's plain notes will look up: (owner id, a note's contacts)."""
    return [(plan.owner.id, plan.parsed.contacts[:MAX_CONTACTS_PER_MESSAGE]) for plan in plans
            if _plain_note(plan) and plan.owner is not None and plan.parsed is not None
            and plan.parsed.contacts]


def _write_one(app: App, session: Session, plan: _Plan, now: datetime,
               broken: list[int]) -> Outcome | None:
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            with session.begin_nested(), deferred.deferring(session):
                return _carry_out(app, session, plan, now)
        except IntegrityError as exc:
            # Another worker committed the same contact (or row) first: the savepoint is
            # undone and written again, and this time merges into what the other one wrote.
            # A conflict that outlives the retries is a bug: the message is failed.
            if attempt == WRITE_ATTEMPTS:
                log.exception("message %d keeps conflicting with stored rows; it is kept and "
                              "marked failed", plan.record.id)
                broken.append(plan.record.id)
                return None
            log.info("message %d met a concurrent write (%s); writing it again",
                     plan.record.id, type(exc.orig).__name__)
        except (TransientError, DBAPIError):
            raise
        except (_AlreadyFinished, deferred.RowsMissed):
            return None  # another worker finished it while this one was parsing
        except Exception:  # logged with its traceback; the message is failed, not retried
            log.exception("processing message %d failed; it is kept and marked failed",
                          plan.record.id)
            broken.append(plan.record.id)
            return None
    return None


def _carry_out(app: App, session: Session, plan: _Plan, now: datetime) -> Outcome:
    record, owner, route = plan.record, plan.owner, plan.route
    if not _plain_note(plan):
        # an answer, a command, a correction or an undo may read what the notes before it
        # in the batch wrote: their deferred rows are written first; and it may change
        # stored contacts: the notes after it look theirs up in the database
        deferred.flush(session)
        contact_store.forget_look_ahead(session)
    if route == "screen":
        assert plan.screen is not None
        return _screen(app, session, record, plan.screen, now)
    if route == "stranger":
        return _set_aside(session, record.id, plan.sender, now)
    assert owner is not None
    if route == "quarantine":
        assert plan.verdict is not None
        return _quarantine(app, session, record, owner, plan.verdict.reason, now)
    if route == "too_large":
        return _too_large(app, session, record, owner, now)
    if route == "answer":
        assert plan.reply is not None and plan.found is not None
        return _answer(app, session, record, owner, plan.found, plan.reply, now)
    if plan.lines is not None:
        outbox_id = resources.add_from_email(app, session, record, owner, plan.lines, now)
        _done(session, now, record.id, status="processed", kind="command", owner_id=owner.id)
        return Outcome(status="processed", kind="command", outbox_ids=(outbox_id,))
    if replies_seen.forwarded_reply(session, owner, record.raw, record.id, now, plan.view):
        contact_store.forget_look_ahead(session)  # a contact's reply was recorded
        return _finish(session, now, record.id, "processed", None,
                       "a contact's reply, forwarded by the owner", owner.id)
    assert plan.parsed is not None
    if _plain_note(plan):
        with ids.lending(session):
            return _apply(app, session, record, owner, plan.parsed, now, plan.met_on)
    return _apply(app, session, record, owner, plan.parsed, now, plan.met_on, plan.cards)


def _plain_note(plan: _Plan) -> bool:
    """A note, forward, intro or vCard read into contacts, with no card pictures: its writes
    read back no deferred row but through the contact lookup, which writes them first."""
    return (plan.route == "read" and plan.lines is None and plan.cards is None
            and plan.parsed is not None and plan.parsed.kind in CONTACT_KINDS)


def _done(session: Session, now: datetime, inbound_id: int, *, status: str, kind: str | None,
          owner_id: int | None, error: str | None = None) -> None:
    """The message's new status, written only while it is still pending: when another worker
    got there first, everything this run wrote for it is rolled back. In a batch, the
    statuses are written together at the end of its savepoint (checked the same way)."""
    if deferred.active(session):
        inbound.finish_with_batch(session, inbound_id, status=status, kind=kind,
                                  owner_id=owner_id, now=now, error=error)
        return
    if not inbound.finish(session, inbound_id, status=status, kind=kind, owner_id=owner_id,
                          now=now, error=error):
        raise _AlreadyFinished(inbound_id)


def _fail_internal(app: App, inbound_id: int, now: datetime) -> Outcome | None:
    with transaction(app.sessions) as session:
        record = inbound.load(session, inbound_id)
        if record is None or record.status != "pending":
            return None
        sender = sender_address(record.raw)
        owner = owners.owner_by_address(session, sender)
        outbox_id = None
        if owner is not None and _authenticate(app, record.raw, sender or "", owner).trusted:
            parsed = ParsedMessage(kind=MessageKind.UNKNOWN, subject=thread_of(record.raw)[2])
            outbox_id = notify.explain_failure(app, session, record, owner, parsed,
                                               INTERNAL_ERROR, now)
        inbound.finish(session, inbound_id, status="failed", kind="unknown", now=now,
                       owner_id=owner.id if owner else None, error=INTERNAL_ERROR)
    return Outcome(status="failed", kind="unknown", outbox_ids=(outbox_id,))


def _screen_reason(app: App, raw: bytes) -> tuple[str, object] | None:
    """Mail never answered: the assistant's own copies, bounces, robots (RFC 3834)."""
    try:
        headers = read_headers(raw)
    except (ValueError, TypeError, LookupError, IndexError):
        return None  # the parser explains unreadable mail
    if receipts.is_own_copy(raw, app.settings.assistant_address):
        return ("own_copy", None)
    if guard.may_be_bounce(headers):  # a DSN, or plain text from a mail system
        bounce = bounces.read(raw)
        if bounce is not None:
            return ("bounce", bounce)
    reason = guard.automated_reason(headers, sender_address(raw), app.settings.assistant_address)
    return ("auto_reply", reason) if reason is not None else None


def _screen(app: App, session: Session, record: InboundRecord, screen: tuple[str, object],
            now: datetime) -> Outcome:
    what, detail = screen
    if what == "own_copy":
        receipts.confirm(session, thread_of(record.raw)[0], now)
        return _finish(session, now, record.id, "ignored", "own_copy", "the assistant's own copy")
    if what == "bounce":
        assert isinstance(detail, guard.Bounce)
        notice = bounces.handle(app, session, record, detail, now)
        outcome = _finish(session, now, record.id, "ignored", "bounce", "delivery status report")
        return Outcome(outcome.status, outcome.kind, (notice,))
    return _finish(session, now, record.id, "ignored", "auto_reply", str(detail))


def _finish(session: Session, now: datetime, inbound_id: int, status: str, kind: str | None,
            note: str, owner_id: int | None = None) -> Outcome:
    _done(session, now, inbound_id, status=status, kind=kind, owner_id=owner_id, error=note)
    log.info("message %d %s: %s", inbound_id, status, note)
    return Outcome(status=status, kind=kind)


def _authenticate(app: App, raw: bytes, sender: str, owner: OwnerProfile) -> trust.Verdict:
    if app.settings.trusts_local_mailbox:
        return trust.Verdict(True, "local", "local mailbox")
    headers = read_headers(raw)
    return trust.authenticate(headers, raw, sender,
                              trusted_ids=app.settings.trusted_authserv_ids,
                              assistant_address=app.settings.assistant_address,
                              owner_secrets=[owner.secret_tag] if owner.secret_tag else [],
                              recipients=recipients_of(headers))


def _quarantine(app: App, session: Session, record: InboundRecord, owner: OwnerProfile,
                reason: str, now: datetime) -> Outcome:
    # Never acted on; the owner hears of it at most once a day, at their registered address
    # (never the sender's, which may be forged).
    day = now.date().isoformat()
    outbox_id = notify.queue_to_owner(
        app, session, key=f"quarantine:{owner.id}:{day}", purpose="quarantine", owner=owner,
        raw=b"", template="quarantine", now=now,
        context={"subject": thread_of(record.raw)[2] or "(no subject)", "reason": reason,
                 "folder": app.settings.failed_folder})
    _done(session, now, record.id, status="quarantined", kind=None, owner_id=owner.id,
                   error=reason)
    log.warning("message %d quarantined: %s", record.id, reason)
    return Outcome(status="quarantined", kind=None, outbox_ids=(outbox_id,))


def _too_large(app: App, session: Session, record: InboundRecord, owner: OwnerProfile,
               now: datetime) -> Outcome:
    size, limit = len(record.raw) // 1_000_000, app.settings.max_message_bytes // 1_000_000
    reason = (f"The message is {size} MB; the assistant reads messages up to {limit} MB. "
              "It is kept as it arrived.")
    parsed = ParsedMessage(kind=MessageKind.UNKNOWN, subject=thread_of(record.raw)[2])
    outbox_id = notify.explain_failure(app, session, record, owner, parsed, reason, now)
    _done(session, now, record.id, status="failed", kind="unknown", owner_id=owner.id,
                   error=reason)
    return Outcome(status="failed", kind="unknown", outbox_ids=(outbox_id,))


def _set_aside(session: Session, inbound_id: int, sender: str | None, now: datetime) -> Outcome:
    # Mail from anyone but a registered owner is kept and logged, never answered; a known
    # contact's mail is their reply. Mail with no readable From goes to the failed folder.
    if sender is None:
        return _finish(session, now, inbound_id, "failed", None,
                       "the message has no readable From address")
    replied = followup.record_contact_reply(session, inbound_id, sender, now)
    return _finish(session, now, inbound_id, "ignored", None,
                   "a contact's reply" if replied else "sender is not a registered owner")


def _answer(app: App, session: Session, record: InboundRecord, owner: OwnerProfile,
            found: tuple, reply: ParsedReply, now: datetime) -> Outcome:  # type: ignore[type-arg]
    decision = approve.decide(app, session, record.id, owner, record.raw, found, reply, now)
    _done(session, now, record.id, status="processed", kind="reply", owner_id=owner.id,
          error=None if decision.outcome != "refused" else "approval refused")
    log.info("approval answer %d: %s", record.id, decision.outcome)
    return Outcome(status="processed", kind="reply", outbox_ids=decision.outbox_ids)


def _view(raw: bytes) -> MessageView | None:
    try:
        return read_message(raw) if looks_like_message(raw) else None
    except Exception:  # the parser reads it again and explains what is wrong
        return None


def _parse(raw: bytes, owner: OwnerProfile, assistant_address: str,
           view: MessageView | None = None) -> ParsedMessage:
    from assistant.parsing import parse_message

    try:
        return parse_message(raw, owner.identity(assistant_address), view)
    except UnreadableMessageError as exc:
        return ParsedMessage(kind=MessageKind.UNKNOWN, reason=str(exc))
    except Exception:  # a parser bug must not block the messages behind this one
        log.exception("parser failed on a message; it is kept and marked failed")
        return ParsedMessage(kind=MessageKind.UNKNOWN, reason=INTERNAL_ERROR)


_PLAIN_PARTS = ("text/plain", "text/html", "message/rfc822")


def _may_carry_cards(raw: bytes, view: MessageView | None) -> bool:
    """Whether the message may hold a picture or a PDF for the card reader, which decodes the
    whole message again to look: not when the decoded view has only text, containers and
    forwarded messages, and its bytes never say "image/" (a part's type) or "pdf" (a PDF is
    known by its type or its file name)."""
    if view is None:
        return True
    lowered = raw.lower()
    if b"image/" in lowered or b"pdf" in lowered:
        return True
    views = [view]
    while views:
        current = views.pop()
        if any(t not in _PLAIN_PARTS and not t.startswith("multipart/")
               for t in current.content_types):
            return True
        views.extend(current.embedded)
    return False


def _read_cards(raw: bytes, parsed: ParsedMessage, owner: OwnerProfile,
                assistant_address: str) -> tuple[ParsedMessage, CardsRead | None]:
    """Card photos and scans in the owner's note read into contacts (OCR loads on first use)."""
    from assistant.cards.message import read_cards

    try:
        return read_cards(raw, parsed, owner.identity(assistant_address))
    except Exception:  # an OCR bug must not block the messages behind this one
        log.exception("reading the card pictures of a message failed")
        return parsed, None


def _written_at(record: InboundRecord) -> datetime:
    """When the owner wrote the message: its Date header, bounded by when it arrived."""
    from assistant.parsing.when import note_written_at

    try:
        return note_written_at(read_headers(record.raw), record.received_at)
    except (ValueError, TypeError, LookupError, IndexError):
        return record.received_at


def _met_on(record: InboundRecord, owner: OwnerProfile, parsed: ParsedMessage) -> date | None:
    """The day the owner met the people of a note: a day in their words ("yesterday", "am
    Dienstag") or the day they wrote it (its Date header), never the day it was read: a note
    read after downtime still met them on its own day. None when the note adds nobody."""
    if parsed.kind not in CONTACT_KINDS or not parsed.contacts:
        return None
    from assistant.parsing.when import meeting_day, note_written_at

    try:
        written = note_written_at(read_headers(record.raw), record.received_at)
        return meeting_day(parsed.owner_note, written, owner.timezone)
    except Exception:  # the draft then counts from the message's Date header
        log.exception("reading the meeting day of message %d failed", record.id)
        return None


def _parse_reply(raw: bytes) -> ParsedReply:
    from assistant.parsing.replies import parse_reply

    try:
        return parse_reply(raw)
    except UnreadableMessageError:
        return ParsedReply(intent=ReplyIntent.UNKNOWN)
    except Exception:  # when in doubt, nothing is sent and the owner is asked
        log.exception("reply parser failed; the answer is treated as unclear")
        return ParsedReply(intent=ReplyIntent.UNKNOWN)


def _apply(app: App, session: Session, record: InboundRecord, owner: OwnerProfile,
           parsed: ParsedMessage, now: datetime, met_on: date | None = None,
           cards: CardsRead | None = None) -> Outcome:
    kind = parsed.kind
    if kind in NEVER_ANSWERED:
        _done(session, now, record.id, status="ignored", kind=str(kind), owner_id=owner.id)
        return Outcome(status="ignored", kind=str(kind))
    if kind in CONTACT_KINDS and parsed.contacts:
        # A message naming hundreds of people is a list, not notes on people met: the first
        # ones are kept and the acknowledgement says how many were left out.
        taken = parsed.contacts[:MAX_CONTACTS_PER_MESSAGE]
        # the day met is kept for the people this note introduces to the store
        stored = [contact_store.merge_contact(session, owner_id=owner.id, inbound_id=record.id,
                                              parsed=c, now=now, interaction_kind=str(kind),
                                              met_on=met_on)
                  for c in taken]
        # A date in the note ("follow up next week") is read from the day it was written
        due = followup.schedule_first(session, owner, stored, record.id, _written_at(record),
                                      parsed.owner_note, now)
        pairs = list(zip(taken, stored, strict=True))
        if cards is not None:
            from assistant.cards import ack

            deferred.flush(session)  # the card acknowledgement may read what was just merged
            outbox_id = ack.acknowledge(app, session, record, owner, parsed, pairs, due, now,
                                        cards, left_out=len(parsed.contacts) - len(taken))
        else:
            outbox_id = notify.acknowledge(app, session, record, owner, parsed, pairs, due,
                                           now, left_out=len(parsed.contacts) - len(taken))
        _done(session, now, record.id, status="processed", kind=str(kind), owner_id=owner.id)
        return Outcome(status="processed", kind=str(kind), outbox_ids=(outbox_id,))
    if kind in (MessageKind.COMMAND, MessageKind.REPLY):
        # "undo 2" in reply to a combined acknowledgement: that section's note only
        outbox_id = calm_acks.answer_reply(app, session, owner, record.id, record.raw,
                                           calm_acks.reply_text(record.raw), now)
        if outbox_id is not None:
            _done(session, now, record.id, status="processed", kind=str(kind),
                  owner_id=owner.id)
            return Outcome(status="processed", kind=str(kind), outbox_ids=(outbox_id,))
    if kind is MessageKind.COMMAND:
        outbox_id = answer_command(app, session, owner, record.id, record.raw, now)
        _done(session, now, record.id, status="processed", kind=str(kind),
                       owner_id=owner.id)
        return Outcome(status="processed", kind=str(kind), outbox_ids=(outbox_id,))
    if kind is MessageKind.REPLY:
        # "title: CEO" in reply to an acknowledgement: the owner's word replaces what was read
        outbox_id = correct.correct_from_reply(app, session, owner, record.id, record.raw, now)
        if outbox_id is not None:
            _done(session, now, record.id, status="processed", kind=str(kind),
                  owner_id=owner.id)
            return Outcome(status="processed", kind=str(kind), outbox_ids=(outbox_id,))
        # A reply to the assistant that answers no approval request (those were routed
        # before parsing): an acknowledgement or a summary answered in words. Kept, not acted on.
        _done(session, now, record.id, status="processed", kind=str(kind),
                       owner_id=owner.id, error="a reply that answers no approval request")
        return Outcome(status="processed", kind=str(kind))
    reason = parsed.reason or NO_CONTACTS
    outbox_id = notify.explain_failure(app, session, record, owner, parsed, reason, now)
    _done(session, now, record.id, status="failed", kind=str(kind), owner_id=owner.id,
                   error=reason)
    return Outcome(status="failed", kind=str(kind), outbox_ids=(outbox_id,))
