"""Stage: the owner's answer to an approval request -> send, edit, skip, snooze or stop.

The answer is found by the token in the address it was sent to (the request's Reply-To), or,
when a mail client dropped that, by In-Reply-To/References matching the request's Message-ID.
Only the owner the token was issued to can use it, once, before it expires; anything else gets
a polite note and nothing is sent. ``unknown`` gets one short clarification and keeps the
token valid.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy.orm import Session

from assistant import tokens
from assistant.app import App
from assistant.commands.parse import first_line, parse_command
from assistant.domain import OwnerProfile, ParsedReply, ReplyIntent
from assistant.errors import UnreadableMessageError
from assistant.mail.compose import address, build_email, new_message_id
from assistant.mail.headers import HEADER_ERRORS, read_headers, recipients_of, thread_of
from assistant.parsing.mime import MessageView, read_message
from assistant.pipeline import digest as digest_stage
from assistant.pipeline.digest import DigestFound
from assistant.pipeline.notify import ASSISTANT_NAME, queue_to_owner
from assistant.scheduling import first_draft_due
from assistant.store import digests, followups, outbox
from assistant.store.followups import FollowUpRecord, TokenRow
from assistant.store.models import Contact

log = logging.getLogger(__name__)

EXPIRED = "the approval request has expired: reply `renew` for a fresh one"
EXPIRED_CODE = "the approval code has expired"
RENEW_WORDS = ("renew", "erneuern", "renouveler", "renovar")
# Commands read here until the message classifier knows them (assistant/parsing/classify.py).
DIGEST_COMMANDS = ("digest", "each", "renew")


@dataclass(frozen=True)
class Decision:
    """What an answer did: the outbox rows to send and a word for the log."""

    outcome: str
    outbox_ids: tuple[int | None, ...] = ()


Found = tuple[TokenRow | None, str | None, FollowUpRecord | None]


class CommandFound(NamedTuple):
    """An owner's command that the message classifier does not know yet (``digest``,
    ``each``, ``renew``): answered here like any command."""

    name: str


def find_request(session: Session, raw: bytes, assistant_address: str,
                 view: MessageView | None = None,
                 ) -> Found | DigestFound | CommandFound | None:
    """What ``raw`` answers: an approval request ((token row, token text, follow-up)), a
    digest, or a digest command; else None. ``view``: ``raw`` decoded already, if it was."""
    token = token_in_recipients(raw, assistant_address)
    if token is not None:
        nonce, _ = tokens.split(token) or ("", "")
        row = followups.find_token(session, nonce)
        if row is None and (digest := digests.by_nonce(session, nonce)) is not None:
            return DigestFound(digest, token)
        record = followups.load(session, row.followup_id) if row else None
        return row, token, record
    message_id, references, _ = thread_of(raw)
    in_reply_to = _in_reply_to(raw)
    digest = digests.by_message_id(session, in_reply_to)
    if digest is not None:
        return DigestFound(digest, None)
    record = followups.by_approval_message_id(session, [*in_reply_to, *references])
    if record is None:
        digest = digests.by_message_id(session, list(references))
        if digest is not None:
            return DigestFound(digest, None)
        name = _digest_command(raw, view)
        return CommandFound(name) if name else None
    return _latest_token(session, record.id), None, record


def decide(app: App, session: Session, inbound_id: int, owner: OwnerProfile, raw: bytes,
           found: Found | DigestFound | CommandFound, reply: ParsedReply,
           now: datetime) -> Decision:
    if isinstance(found, DigestFound):
        outcome, ids = digest_stage.answer(app, session, inbound_id, owner, raw, found, now)
        return Decision(outcome, ids)
    if isinstance(found, CommandFound):
        from assistant.commands.reply import answer_command

        return Decision("command", (answer_command(app, session, owner, inbound_id, raw, now),))
    row, token, record = found
    problem = _problem(app, owner, row, token, record, now)
    if problem is not None and record is not None and _asks_renewal(reply) \
            and problem == EXPIRED and record.status == "awaiting_approval":
        return Decision("renewed", (renew(app, session, owner, record.id, now),))
    if problem is not None:
        return Decision("refused", (_note(app, session, inbound_id, owner, raw, problem, now),))
    assert row is not None and record is not None
    if reply.intent is ReplyIntent.UNKNOWN or (reply.intent is ReplyIntent.APPROVE
                                               and record.placeholders):
        return Decision("unclear", (_clarify(app, session, inbound_id, owner, raw, record,
                                             now),))
    if not followups.use_token(session, row.nonce, now):
        return Decision("refused", (_note(app, session, inbound_id, owner, raw,
                                          "this draft was already answered", now),))
    return _act(app, session, owner, record, reply, now)


def _act(app: App, session: Session, owner: OwnerProfile, record: FollowUpRecord,
         reply: ParsedReply, now: datetime) -> Decision:
    intent = reply.intent
    if intent in (ReplyIntent.APPROVE, ReplyIntent.EDIT):
        body = record.body if intent is ReplyIntent.APPROVE else reply.text
        return Decision(str(intent), (queue_followup(app, session, owner, record, body or "",
                                                     now),))
    if intent is ReplyIntent.SKIP:
        followups.set_status(session, record.id, "skipped", now)
    elif intent is ReplyIntent.SNOOZE:
        days = reply.snooze_days or 3
        due = first_draft_due(now + timedelta(days=days - 1), owner.timezone, owner.region,
                              owner.followup_hour, now=now)
        followups.snooze(session, record.id, due, now)
    elif intent is ReplyIntent.STOP:
        contact = session.get(Contact, record.contact_id)
        if contact is not None:
            contact.status = "stopped"
        followups.cancel_open(session, record.contact_id, "stopped", now)
    return Decision(str(intent))


def renew(app: App, session: Session, owner: OwnerProfile, followup_id: int,
          now: datetime) -> int:
    """A fresh approval request (a new token) for a draft whose request expired."""
    from assistant.pipeline.draft import new_token, queue_approval

    new_token(session, owner.id, followup_id, now)
    return queue_approval(app, session, owner, followup_id, now)


def _asks_renewal(reply: ParsedReply) -> bool:
    return " ".join(reply.text.lower().split()).strip(" .!") in RENEW_WORDS


def _digest_command(raw: bytes, view: MessageView | None = None) -> str | None:
    if view is None:
        try:
            view = read_message(raw)
        except (ValueError, TypeError, LookupError, UnreadableMessageError):
            return None
    command = parse_command(view.subject, first_line(view.text))
    return command.name if command and command.name in DIGEST_COMMANDS else None


def queue_followup(app: App, session: Session, owner: OwnerProfile, record: FollowUpRecord,
                   body: str, now: datetime) -> int:
    """The approved follow-up, from the owner's address; the assistant gets a blind copy.

    Sent through the assistant's relay, which must be allowed to send as the owner: From is
    the owner, Sender the assistant (RFC 5322 3.6.2). The envelope sender is the assistant,
    so bounces come back to it. The blind copy is the delivery receipt that keeps a crash
    between SMTP and the database from sending twice. Personal mail: no Auto-Submitted.
    """
    contact = session.get(Contact, record.contact_id)
    name = contact.name if contact else None
    message = build_email(sender=address(owner.name, owner.primary_address),
                          to=[address(name, record.to_address or "")],
                          subject=record.subject or "Following up", text=body.rstrip() + "\n",
                          now=now, automated=False,
                          message_id=new_message_id(owner.primary_address))
    message["Sender"] = address(ASSISTANT_NAME, app.settings.assistant_address)
    followups.set_status(session, record.id, "approved", now)
    return outbox.add(session, key=f"followup:{record.id}", owner_id=owner.id,
                      purpose="followup", message=message,
                      envelope_from=app.settings.assistant_address,
                      recipients=[record.to_address or "", app.settings.assistant_address],
                      now=now)


def _problem(app: App, owner: OwnerProfile, row: TokenRow | None, token: str | None,
             record: FollowUpRecord | None, now: datetime) -> str | None:
    if row is None or record is None:
        return "I do not recognise the draft this answers"
    if row.owner_id != owner.id or record.owner_id != owner.id:
        return "this approval belongs to someone else"
    if row.used_at is not None:
        return "this draft was already answered"
    if token is not None:
        claims = tokens.TokenClaims(row.owner_id, row.followup_id, row.expires_at)
        reason = tokens.verify(app.settings.secret_key.value, token, claims, now)
        if reason is not None:
            return EXPIRED if reason == EXPIRED_CODE else reason
    elif now >= row.expires_at:
        return EXPIRED
    if record.status != "awaiting_approval":
        return "this draft is no longer waiting for an answer"
    return None


def _note(app: App, session: Session, inbound_id: int, owner: OwnerProfile, raw: bytes,
          reason: str, now: datetime) -> int | None:
    return _to_owner(app, session, f"approval-note:{inbound_id}", "approval_refused", owner,
                     raw, {"reason": reason}, now)


def _clarify(app: App, session: Session, inbound_id: int, owner: OwnerProfile, raw: bytes,
             record: FollowUpRecord, now: datetime) -> int | None:
    return _to_owner(app, session, f"clarify:{inbound_id}", "approval_unclear", owner, raw,
                     {"placeholders": list(record.placeholders)}, now)


def _to_owner(app: App, session: Session, key: str, template: str, owner: OwnerProfile,
              raw: bytes, extra: dict[str, object], now: datetime) -> int | None:
    return queue_to_owner(app, session, key=key, purpose=template, owner=owner, raw=raw,
                          template=template, context=extra, now=now,
                          reply_to=_reply_address(raw, app.settings.assistant_address))


def _reply_address(raw: bytes, assistant_address: str) -> str | None:
    """Keep the token address on a clarification, so the owner's next answer still counts."""
    token = token_in_recipients(raw, assistant_address)
    return tokens.reply_address(assistant_address, token) if token else None


def token_in_recipients(raw: bytes, assistant_address: str) -> str | None:
    try:
        headers = read_headers(raw)
    except HEADER_ERRORS:
        return None
    for addr in recipients_of(headers):
        token = tokens.token_from_address(addr, assistant_address)
        if token:
            return token
    return None


def _in_reply_to(raw: bytes) -> list[str]:
    try:
        value = read_headers(raw).get("In-Reply-To")
    except (ValueError, TypeError, LookupError):
        return []
    return str(value).split() if value else []


def _latest_token(session: Session, followup_id: int) -> TokenRow | None:
    return followups.latest_token(session, followup_id)
