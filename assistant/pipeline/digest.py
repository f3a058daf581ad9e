"""Stage: many drafts due together -> one digest email; the owner's reply answers them in bulk.

A digest lists drafts by number, each in full with why it gives what it gives, and with
``mailto:`` links (RFC 6068) to that draft's own signed token address, the answer prefilled:
one tap answers one draft through the ordinary approval path. A reply to the digest itself
("send 1 3 5", "skip 2", "send all but 3") is read by ``assistant.commands.bulk`` and carried
out as a set of ordinary approvals (``approve.queue_followup``: one outbox row per follow-up,
keyed by its id, so nothing is sent twice). The digest's own Reply-To carries a signed token
bound to the digest (claims with the digest's id negated, never a follow-up id).

Safety: an unclear answer sends nothing and asks one question; a draft that still holds a
placeholder, or whose text changed since the digest showed it (fingerprints), is kept waiting
and named in the confirmation.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple
from urllib.parse import quote, urlsplit

from sqlalchemy.orm import Session

from assistant import tokens
from assistant.app import App
from assistant.commands.bulk import SEND, SKIP, SNOOZE, BulkAnswer, parse_bulk
from assistant.domain import OwnerProfile
from assistant.mail.compose import address, build_email, new_message_id
from assistant.parsing.mime import read_message
from assistant.parsing.quotes import trim_reply
from assistant.parsing.replies import above_quote
from assistant.pipeline.notify import ASSISTANT_NAME, describe_local_time, queue_to_owner
from assistant.scheduling import first_draft_due
from assistant.store import digests, followups, outbox, owners
from assistant.store.models import Contact
from assistant.summary.render import inline_css
from assistant.templating import render

log = logging.getLogger(__name__)

DIGEST_THRESHOLD = 4  # automatic mode: more drafts than this due together -> one digest
DIGEST_LIFETIME = timedelta(days=14)  # as long as a draft's own approval token
EXPIRED = "this digest has expired: send `pending` for a fresh list"


class DigestFound(NamedTuple):
    """What ``approve.find_request`` found: a reply to a digest (``token`` None when found by
    In-Reply-To/References)."""

    digest: digests.DigestRecord
    token: str | None


@dataclass(frozen=True)
class Entry:
    """One numbered draft as a digest shows it."""

    number: int
    contact_name: str
    to: str
    subject: str
    body: str
    value_adds: tuple[tuple[str, str, str], ...] = ()
    placeholders: tuple[str, ...] = ()
    carried: bool = False  # its own approval had expired: carried into this digest
    links: dict[str, str] = field(default_factory=dict)

    @property
    def address(self) -> str:
        """The draft's own token address, where its links write."""
        return urlsplit(self.links["send"]).path if self.links else ""


# -- presenting drafts ---------------------------------------------------------------------

def waits_for_digest(session: Session, owner_id: int, now: datetime) -> bool:
    """Whether a draft just saved waits for the owner's digest instead of its own email."""
    mode = digests.mode_of(session, owner_id)
    if mode == digests.EACH:
        return False
    to_write, unshown = digests.due_together(session, owner_id, now)
    return mode == digests.DIGEST or to_write + unshown > DIGEST_THRESHOLD


def gather(app: App, session: Session, owner_id: int, now: datetime) -> int | None:
    """Once no draft of the owner is still to write, the drafts waiting go out in one email
    (their own approval request when there is only one); returns its outbox id."""
    owner = owners.owner_by_id(session, owner_id)
    to_write, _ = digests.due_together(session, owner_id, now)
    if owner is None or owner.paused or to_write:
        return None
    waiting = digests.unshown(session, owner_id)
    if len(waiting) == 1:
        from assistant.pipeline.draft import queue_approval

        if digests.claim_unshown(session, waiting, f"<pending-{waiting[0]}>"):
            return queue_approval(app, session, owner, waiting[0], now)
        return None
    message_id = new_message_id(app.settings.assistant_address)
    claimed = digests.claim_unshown(session, waiting, message_id)
    if not claimed:
        return None
    carried = [f for f in digests.expired(session, owner_id, now) if f not in claimed]
    return queue_digest(app, session, owner, claimed + carried, now, message_id=message_id,
                        carried=set(carried))


def queue_digest(app: App, session: Session, owner: OwnerProfile, followup_ids: list[int],
                 now: datetime, *, message_id: str, carried: set[int] | None = None) -> int:
    """The morning digest for these drafts, as one outbox row."""
    digest_id, reply_to, entries = record_digest(app, session, owner, followup_ids, now,
                                                 kind="digest", message_id=message_id,
                                                 carried=carried or set())
    subject, text, html = render_digest(owner, entries, reply_to,
                                        _expires(owner, now + DIGEST_LIFETIME))
    message = build_email(sender=address(ASSISTANT_NAME, app.settings.assistant_address),
                          to=[address(owner.name, owner.primary_address)], subject=subject,
                          text=text, html=html, now=now, message_id=message_id,
                          reply_to=address(ASSISTANT_NAME, reply_to))
    log.info("owner %d: digest %d with %d draft(s)", owner.id, digest_id, len(entries))
    return outbox.add(session, key=f"digest:{digest_id}", owner_id=owner.id, purpose="approval",
                      message=message, envelope_from=app.settings.assistant_address,
                      recipients=[owner.primary_address], now=now)


def record_digest(app: App, session: Session, owner: OwnerProfile, followup_ids: list[int],
                  now: datetime, *, kind: str, message_id: str, carried: set[int],
                  ) -> tuple[int, str, list[Entry]]:
    """Store a digest of these drafts (expired tokens renewed, so every link works) and
    return (its id, its reply address, its entries)."""
    from assistant.pipeline.draft import new_token, token_text

    for followup_id in followup_ids:
        row = followups.latest_token(session, followup_id)
        if row is None or row.used_at is not None or row.expires_at <= now:
            new_token(session, owner.id, followup_id, now)
    nonce = tokens.new_nonce()
    expires_at = now + DIGEST_LIFETIME
    digest_id = digests.add(session, owner_id=owner.id, kind=kind, nonce=nonce,
                            message_id=message_id, expires_at=expires_at,
                            followup_ids=followup_ids, now=now)
    token = tokens.sign(app.settings.secret_key.value, nonce,
                        digest_claims(owner.id, digest_id, expires_at))
    reply_to = tokens.reply_address(app.settings.assistant_address, token)
    entries = []
    for number, followup_id in enumerate(followup_ids, start=1):
        record = followups.load(session, followup_id)
        row = followups.latest_token(session, followup_id)
        assert record is not None and row is not None
        contact = session.get(Contact, record.contact_id)
        name = (contact.name if contact else None) or record.to_address or "(no name)"
        name += " (second touch)" if record.sequence > 1 else ""
        address_ = tokens.reply_address(app.settings.assistant_address, token_text(app, row))
        entries.append(Entry(number, name, record.to_address or "", record.subject or "",
                             record.body or "", record.value_adds, record.placeholders,
                             followup_id in carried,
                             action_links(address_, f"Re: {record.subject or name}",
                                          record.body or "")))
    return digest_id, reply_to, entries


def digest_claims(owner_id: int, digest_id: int, expires_at: datetime) -> tokens.TokenClaims:
    """A digest's token claims: its id negated, so no digest token fits a follow-up."""
    return tokens.TokenClaims(owner_id, -digest_id, expires_at)


def action_links(token_address: str, subject: str, body: str) -> dict[str, str]:
    """mailto: links (RFC 6068) to a draft's own token address, each answer prefilled."""
    def link(answer: str) -> str:
        return f"mailto:{token_address}?subject={quote(subject)}&body={quote(answer)}"

    return {"send": link("send"), "skip": link("skip"), "snooze": link("snooze 3d"),
            "edit": link(body)}


def render_digest(owner: OwnerProfile, entries: list[Entry], reply_address: str,
                  expires: str, *, kind: str = "digest") -> tuple[str, str, str]:
    """(subject, plain text, HTML) of a digest; pure."""
    context = {"first_name": owner.name.split()[0] if owner.name else "there",
               "entries": entries, "reply_address": reply_address, "expires": expires,
               "kind": kind, "count": len(entries)}
    subject = (f"{len(entries)} follow-ups ready: answer them all in one reply"
               if kind == "digest" else f"{len(entries)} draft(s) waiting for your answer")
    return subject, render("digest.txt.j2", **context), inline_css(render("digest.html.j2",
                                                                            **context))


def _expires(owner: OwnerProfile, moment: datetime) -> str:
    return describe_local_time(moment, owner.timezone)


# -- answering a digest --------------------------------------------------------------------

@dataclass
class Outcome:
    """What a bulk answer did, by draft number, for the confirmation."""

    sent: list[dict[str, object]] = field(default_factory=list)
    skipped: list[dict[str, object]] = field(default_factory=list)
    snoozed: list[dict[str, object]] = field(default_factory=list)
    kept: list[dict[str, object]] = field(default_factory=list)  # still waiting, with why
    answered: list[dict[str, object]] = field(default_factory=list)  # no longer waiting
    outbox_ids: list[int] = field(default_factory=list)


def answer(app: App, session: Session, inbound_id: int, owner: OwnerProfile, raw: bytes,
           found: DigestFound, now: datetime) -> tuple[str, tuple[int | None, ...]]:
    """Carry out the owner's reply to a digest; (outcome word, outbox ids to send)."""
    digest, token = found
    problem = _problem(app, owner, digest, token, now)
    reply_to = _reply_to(app, raw, digest)
    if problem is not None:
        return "refused", (_tell(app, session, f"approval-note:{inbound_id}",
                                 "approval_refused", owner, raw, {"reason": problem}, now,
                                 reply_to),)
    view = read_message(raw)
    text = trim_reply(above_quote(view.text))
    automated = view.header("Auto-Submitted").strip().lower() not in ("", "no")
    bulk = parse_bulk("" if automated else text, len(digest.items))
    names = _names(session, digest)
    if not bulk.clear:
        context = {"doubts": list(bulk.doubts), "would_send": [
            names[n] for n in bulk.chosen(SEND) if n in names], "count": len(digest.items)}
        return "unclear", (_tell(app, session, f"digest-question:{inbound_id}",
                                 "digest_question", owner, raw, context, now, reply_to),)
    done = _carry_out(app, session, owner, digest, bulk, names, now)
    still = [names[n] for n, followup_id, _ in digest.items
             if n not in _mentioned(bulk) and _waiting(session, followup_id)]
    context = {"sent": done.sent, "skipped": done.skipped, "snoozed": done.snoozed,
               "kept": done.kept, "answered": done.answered, "still": still}
    confirmation = _tell(app, session, f"digest-answer:{inbound_id}", "digest_answered", owner,
                         raw, context, now, reply_to)
    log.info("owner %d: digest %d answered: %d sent, %d kept waiting", owner.id, digest.id,
             len(done.sent), len(done.kept))
    return "bulk", (*done.outbox_ids, confirmation)


def _carry_out(app: App, session: Session, owner: OwnerProfile, digest: digests.DigestRecord,
               bulk: BulkAnswer, names: dict[int, dict[str, object]], now: datetime) -> Outcome:
    from assistant.pipeline.approve import queue_followup

    done = Outcome()
    prints = {n: (fid, fp) for n, fid, fp in digest.items}
    for step in bulk.steps:
        for number in step.items:
            followup_id, shown = prints[number]
            record = followups.load(session, followup_id)
            view = names[number]
            if record is None or record.status != "awaiting_approval":
                done.answered.append(view)
                continue
            if step.action == SEND and record.placeholders:
                done.kept.append({**view, "why": "it still holds "
                                  + ", ".join(record.placeholders)})
                continue
            now_print = digests.fingerprint(record.to_address, record.subject, record.body)
            if step.action == SEND and now_print != shown:
                done.kept.append({**view, "why": "it changed since this digest was written"})
                continue
            status = {SEND: "approved", SKIP: "skipped", SNOOZE: "snoozing"}[step.action]
            if not followups.set_status(session, followup_id, status, now,
                                        expected=("awaiting_approval",)):
                done.answered.append(view)
                continue
            followups.use_all_tokens(session, followup_id, now)
            if step.action == SEND:
                done.outbox_ids.append(queue_followup(app, session, owner, record,
                                                      record.body or "", now))
                done.sent.append(view)
            elif step.action == SKIP:
                done.skipped.append(view)
            else:
                due = snooze_until(owner, step.days or 3, now)
                followups.snooze(session, followup_id, due, now)
                done.snoozed.append({**view, "until": describe_local_time(due, owner.timezone)})
    return done


def snooze_until(owner: OwnerProfile, days: int, now: datetime) -> datetime:
    """As for a single snooze: the owner's follow-up hour, ``days`` from now."""
    return first_draft_due(now + timedelta(days=days - 1), owner.timezone, owner.region,
                           owner.followup_hour, now=now)


def _mentioned(bulk: BulkAnswer) -> set[int]:
    return {n for step in bulk.steps for n in step.items}


def _waiting(session: Session, followup_id: int) -> bool:
    record = followups.load(session, followup_id)
    return record is not None and record.status == "awaiting_approval"


def _names(session: Session, digest: digests.DigestRecord) -> dict[int, dict[str, object]]:
    views = {}
    for number, followup_id, _ in digest.items:
        record = followups.load(session, followup_id)
        contact = session.get(Contact, record.contact_id) if record else None
        name = (contact.name if contact else None) or (record.to_address if record else None)
        views[number] = {"number": number, "name": name or "(removed)",
                         "subject": record.subject if record else ""}
    return views


def _problem(app: App, owner: OwnerProfile, digest: digests.DigestRecord, token: str | None,
             now: datetime) -> str | None:
    if digest.owner_id != owner.id:
        return "this digest belongs to someone else"
    if token is not None:
        claims = digest_claims(digest.owner_id, digest.id, digest.expires_at)
        reason = tokens.verify(app.settings.secret_key.value, token, claims, now)
        return EXPIRED if reason == "the approval code has expired" else reason
    if now >= digest.expires_at:
        return EXPIRED
    return None


def _reply_to(app: App, raw: bytes, digest: digests.DigestRecord) -> str:
    """The digest's own address stays on the question and the confirmation, so the owner's
    next answer in the thread still counts."""
    from assistant.pipeline.approve import token_in_recipients

    token = token_in_recipients(raw, app.settings.assistant_address)
    if token is not None:
        return tokens.reply_address(app.settings.assistant_address, token)
    claims = digest_claims(digest.owner_id, digest.id, digest.expires_at)
    signed = tokens.sign(app.settings.secret_key.value, digest.nonce, claims)
    return tokens.reply_address(app.settings.assistant_address, signed)


def _tell(app: App, session: Session, key: str, template: str, owner: OwnerProfile, raw: bytes,
          context: dict[str, object], now: datetime, reply_to: str) -> int | None:
    return queue_to_owner(app, session, key=key, purpose=template, owner=owner, raw=raw,
                          template=template, context=context, now=now, reply_to=reply_to)


# -- pending and renew -----------------------------------------------------------------------

@dataclass(frozen=True)
class Listing:
    """A digest written as the answer to a command (``pending``, ``renew``)."""

    subject: str
    text: str
    html: str
    reply_to: str
    message_id: str


def list_waiting(app: App, session: Session, owner: OwnerProfile, now: datetime, *,
                 kind: str, followup_ids: list[int]) -> Listing | None:
    """A numbered digest of these waiting drafts, answerable in bulk like the morning one."""
    if not followup_ids:
        return None
    message_id = new_message_id(app.settings.assistant_address)
    carried = set(digests.expired(session, owner.id, now)) & set(followup_ids)
    _, reply_to, entries = record_digest(app, session, owner, followup_ids, now, kind=kind,
                                         message_id=message_id, carried=carried)
    subject, text, html = render_digest(owner, entries, reply_to,
                                        _expires(owner, now + DIGEST_LIFETIME), kind=kind)
    return Listing(subject, text, html, reply_to, message_id)

