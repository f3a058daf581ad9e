"""Stage: one stored message -> routed, parsed, stored, answered.

Routing, in order: the assistant's own blind copy of a follow-up (a delivery receipt); mail
from anyone but a registered owner (kept, never answered; a known contact's mail counts as
their reply); the owner's answer to an approval request; the owner's resources; the owner's
notes, forwards, intros and vCards (contacts, an acknowledgement, the first follow-up
scheduled); auto-replies and bounces (never answered); anything unreadable (kept, explained).

Idempotent: a message that is no longer ``pending`` is left alone, and everything a run writes
commits in one transaction with the new status, so a run killed half-way leaves no trace and
the retry does the whole work once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from assistant import trust
from assistant.app import App
from assistant.commands.reply import answer_command
from assistant.domain import MessageKind, OwnerProfile, ParsedMessage, ParsedReply, ReplyIntent
from assistant.errors import TransientError, UnreadableMessageError
from assistant.faults import checkpoint
from assistant.mail.headers import read_headers, recipients_of, sender_address, thread_of
from assistant.parsing.mime import MessageView, looks_like_message, read_message
from assistant.pipeline import approve, bounces, followup, guard, notify, receipts, resources
from assistant.store import contacts as contact_store
from assistant.store import inbound, owners
from assistant.store.db import transaction
from assistant.store.inbound import InboundRecord

log = logging.getLogger(__name__)

CONTACT_KINDS = {MessageKind.NOTE, MessageKind.INTRO, MessageKind.VCARD, MessageKind.CARD_IMAGE}
NEVER_ANSWERED = {MessageKind.AUTO_REPLY, MessageKind.BOUNCE}
NO_CONTACTS = ("I found nobody to follow up with in it: no person's name or email address that "
               "I could read.")
INTERNAL_ERROR = ("The assistant hit an internal error while reading this message. It is kept "
                  "as it arrived and will be read again after the next upgrade.")


@dataclass(frozen=True)
class Outcome:
    """What processing did: the new status and the outbox rows to send now."""

    status: str
    kind: str | None
    outbox_ids: tuple[int | None, ...] = ()


def process_inbound(app: App, inbound_id: int, now: datetime | None = None) -> Outcome | None:
    """Process one stored message. A bug met on the way fails this message (kept, explained),
    never the ones behind it; database and server outages propagate, for the retry."""
    now = now or app.clock()
    try:
        return _process(app, inbound_id, now)
    except (TransientError, DBAPIError):
        raise
    except Exception:  # logged with its traceback; the message is failed, not retried forever
        log.exception("processing message %d failed; it is kept and marked failed", inbound_id)
        return _fail_internal(app, inbound_id, now)


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
        inbound.finish(session, inbound_id, status="failed", kind="unknown",
                       owner_id=owner.id if owner else None, error=INTERNAL_ERROR)
    return Outcome(status="failed", kind="unknown", outbox_ids=(outbox_id,))


def _process(app: App, inbound_id: int, now: datetime) -> Outcome | None:
    with transaction(app.sessions) as session:
        record = inbound.load(session, inbound_id)
        if record is None or record.status != "pending":
            return None
        screened = _screen(app, session, record, now)
        if screened is not None:
            return screened
        sender = sender_address(record.raw)
        owner = owners.owner_by_address(session, sender)
        if owner is None:
            return _set_aside(session, inbound_id, sender, now)
        verdict = _authenticate(app, record.raw, sender or "", owner)
        if not verdict.trusted:
            return _quarantine(app, session, record, owner, verdict.reason, now)
        if len(record.raw) > app.settings.max_message_bytes:
            return _too_large(app, session, record, owner, now)
        found = approve.find_request(session, record.raw, app.settings.assistant_address)
    if found is not None:
        outcome = _answer(app, record, owner, found, now)
    else:
        outcome = _read(app, record, owner, now)
    checkpoint(app.settings.fault_points, "after_job")
    return outcome


def _screen(app: App, session: Session, record: InboundRecord, now: datetime) -> Outcome | None:
    """Mail never answered: the assistant's own copies, bounces, robots (RFC 3834)."""
    try:
        headers = read_headers(record.raw)
    except (ValueError, TypeError, LookupError, IndexError):
        return None  # the parser explains unreadable mail
    if receipts.is_own_copy(record.raw, app.settings.assistant_address):
        receipts.confirm(session, thread_of(record.raw)[0], now)
        return _finish(session, record.id, "ignored", "own_copy", "the assistant's own copy")
    if headers.get_content_type() == "multipart/report":
        bounce = bounces.read(record.raw)
        if bounce is not None:
            notice = bounces.handle(app, session, record, bounce, now)
            outcome = _finish(session, record.id, "ignored", "bounce", "delivery status report")
            return Outcome(outcome.status, outcome.kind, (notice,))
    reason = guard.automated_reason(headers, sender_address(record.raw),
                                    app.settings.assistant_address)
    if reason is not None:
        return _finish(session, record.id, "ignored", "auto_reply", reason)
    return None


def _finish(session: Session, inbound_id: int, status: str, kind: str | None,
            note: str, owner_id: int | None = None) -> Outcome:
    inbound.finish(session, inbound_id, status=status, kind=kind, owner_id=owner_id, error=note)
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
    inbound.finish(session, record.id, status="quarantined", kind=None, owner_id=owner.id,
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
    inbound.finish(session, record.id, status="failed", kind="unknown", owner_id=owner.id,
                   error=reason)
    return Outcome(status="failed", kind="unknown", outbox_ids=(outbox_id,))


def _set_aside(session: Session, inbound_id: int, sender: str | None, now: datetime) -> Outcome:
    # Mail from anyone but a registered owner is kept and logged, never answered; a known
    # contact's mail is their reply. Mail with no readable From goes to the failed folder.
    if sender is None:
        return _finish(session, inbound_id, "failed", None,
                       "the message has no readable From address")
    replied = followup.record_contact_reply(session, inbound_id, sender, now)
    return _finish(session, inbound_id, "ignored", None,
                   "a contact's reply" if replied else "sender is not a registered owner")


def _answer(app: App, record: InboundRecord, owner: OwnerProfile,
            found: tuple, now: datetime) -> Outcome | None:  # type: ignore[type-arg]
    reply = _parse_reply(record.raw)
    with transaction(app.sessions) as session:
        if not _still_pending(session, record.id):
            return None
        decision = approve.decide(app, session, record.id, owner, record.raw, found, reply, now)
        inbound.finish(session, record.id, status="processed", kind="reply", owner_id=owner.id,
                       error=None if decision.outcome != "refused" else "approval refused")
    log.info("approval answer %d: %s", record.id, decision.outcome)
    return Outcome(status="processed", kind="reply", outbox_ids=decision.outbox_ids)


def _read(app: App, record: InboundRecord, owner: OwnerProfile, now: datetime) -> Outcome | None:
    view = _view(record.raw)  # decoded once, for the resource check and the parser
    lines = resources.resource_lines(record.raw, view)
    parsed = None if lines is not None else _parse(record.raw, owner,
                                                   app.settings.assistant_address, view)
    with transaction(app.sessions) as session:
        if not _still_pending(session, record.id):
            return None  # another worker finished it while this one was parsing
        if lines is not None:
            outbox_id = resources.add_from_email(app, session, record, owner, lines, now)
            inbound.finish(session, record.id, status="processed", kind="command",
                           owner_id=owner.id)
            return Outcome(status="processed", kind="command", outbox_ids=(outbox_id,))
        assert parsed is not None
        return _apply(app, session, record, owner, parsed, now)


def _still_pending(session: Session, inbound_id: int) -> bool:
    return inbound.status_of(session, inbound_id) == "pending"


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
           parsed: ParsedMessage, now: datetime) -> Outcome:
    kind = parsed.kind
    if kind in NEVER_ANSWERED:
        inbound.finish(session, record.id, status="ignored", kind=str(kind), owner_id=owner.id)
        return Outcome(status="ignored", kind=str(kind))
    if kind in CONTACT_KINDS and parsed.contacts:
        stored = [contact_store.merge_contact(session, owner_id=owner.id, inbound_id=record.id,
                                              parsed=c, now=now, interaction_kind=str(kind))
                  for c in parsed.contacts]
        due = followup.schedule_first(session, owner, stored, record.id, record.received_at,
                                      parsed.owner_note, now)
        outbox_id = notify.acknowledge(app, session, record, owner, parsed,
                                       list(zip(parsed.contacts, stored, strict=True)), due,
                                       now)
        inbound.finish(session, record.id, status="processed", kind=str(kind),
                       owner_id=owner.id)
        return Outcome(status="processed", kind=str(kind), outbox_ids=(outbox_id,))
    if kind is MessageKind.COMMAND:
        outbox_id = answer_command(app, session, owner, record.id, record.raw, now)
        inbound.finish(session, record.id, status="processed", kind=str(kind),
                       owner_id=owner.id)
        return Outcome(status="processed", kind=str(kind), outbox_ids=(outbox_id,))
    if kind is MessageKind.REPLY:
        # A reply to the assistant that answers no approval request (those were routed
        # before parsing): an acknowledgement or a summary answered in words. Kept, not acted on.
        inbound.finish(session, record.id, status="processed", kind=str(kind),
                       owner_id=owner.id, error="a reply that answers no approval request")
        return Outcome(status="processed", kind=str(kind))
    reason = parsed.reason or NO_CONTACTS
    outbox_id = notify.explain_failure(app, session, record, owner, parsed, reason, now)
    inbound.finish(session, record.id, status="failed", kind=str(kind), owner_id=owner.id,
                   error=reason)
    return Outcome(status="failed", kind=str(kind), outbox_ids=(outbox_id,))
