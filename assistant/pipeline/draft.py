"""Stage: a due follow-up -> a draft -> an approval request in the owner's inbox.

The draft is built by the pure drafting package from what the store knows (the contact's
context, needs, interests and promises; the owner's resources; the owner's other contacts'
offers). The approval request shows the draft exactly as it would be sent and carries a
signed single-use token in its Reply-To.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

import assistant.pipeline.digest as digest
from assistant import tokens
from assistant.app import App
from assistant.domain import OwnerProfile
from assistant.drafting.profile import contact_profile, write_followup
from assistant.drafting.types import (
    ContactProfile,
    Draft,
    DraftKind,
    NetworkContact,
    OwnerVoice,
    Resource,
    ValueAdd,
)
from assistant.mail.compose import address, build_email, new_message_id
from assistant.mail.headers import HEADER_ERRORS, read_headers
from assistant.parsing.when import note_written_at
from assistant.pipeline import replies_seen
from assistant.pipeline.notify import ASSISTANT_NAME, describe_local_time
from assistant.store import contacts as contact_store
from assistant.store import followups, outbox, owners
from assistant.store.db import transaction
from assistant.store.followups import FollowUpRecord
from assistant.store.models import Contact, ContactFact, InboundMessage
from assistant.templating import render_pair

log = logging.getLogger(__name__)

TOKEN_LIFETIME = timedelta(days=14)


def draft_followup(app: App, followup_id: int) -> int | None:
    """Draft a due follow-up and queue its approval request; returns the outbox id.

    When more than a few drafts of one owner are due together (or the owner chose ``digest``),
    each draft is saved without its own email and the job that finishes the last of them
    queues one digest for all (``assistant.pipeline.digest``).
    """
    now = app.clock()
    with transaction(app.sessions) as session:
        drafted = _draft(app, session, followup_id, now)
    if drafted is None:
        return None
    owner_id, outbox_id = drafted
    if outbox_id is not None:
        return outbox_id
    # After the draft's own commit, so that of the jobs finishing together, the last one to
    # look sees every draft done (each looks after its own commit).
    with transaction(app.sessions) as session:
        return digest.gather(app, session, owner_id, now)


def _draft(app: App, session: Session, followup_id: int,
           now: datetime) -> tuple[int, int | None] | None:
    """(owner id, the approval's outbox id or None when it waits for a digest), or None."""
    # The claim comes first: of two jobs for the same follow-up (two ticks, a redelivered
    # message), the second finds it no longer scheduled and drafts nothing. The whole
    # draft commits with the claim, so a crash leaves it scheduled for the next tick.
    if not followups.set_status(session, followup_id, "drafting", now,
                                expected=("scheduled",)):
        record = followups.load(session, followup_id)
        # A draft saved for a digest that no job presented (a crash after its commit): the
        # tick's sweep enqueues it again and this gathers it.
        waiting = record is not None and record.status == "awaiting_approval" \
            and record.approval_message_id is None
        return (record.owner_id, None) if waiting and record is not None else None
    record = followups.load(session, followup_id)
    if record is None:
        return None
    owner = owners.owner_by_id(session, record.owner_id)
    contact = session.get(Contact, record.contact_id)
    # A draft that is not written still lets the others waiting for a digest go out.
    if owner is None or contact is None or contact.status != "active":
        followups.set_status(session, followup_id, "stopped", now)
        return (record.owner_id, None)
    if owner.paused:  # drafted after `resume`
        followups.set_status(session, followup_id, "scheduled", now)
        return None
    to_address = next((e.email for e in contact.emails if not e.bad), None)
    if to_address is None:
        followups.set_status(session, followup_id, "skipped", now)
        log.info("follow-up %d skipped: the contact has no usable email", followup_id)
        return (owner.id, None)
    draft = _compose(session, owner, contact, record, now)
    save_draft(app, session, owner, record, draft, to_address, now)
    if digest.waits_for_digest(session, owner.id, now):
        return owner.id, None
    return owner.id, queue_approval(app, session, owner, record.id, now)


def _compose(session: Session, owner: OwnerProfile, contact: Contact, record: FollowUpRecord,
             now: datetime) -> Draft:
    profile = _profile(session, owner, contact)
    kind = DraftKind.FIRST if record.sequence == 1 else DraftKind.SECOND
    previous = _previous_draft(session, record) if kind is DraftKind.SECOND else None
    return write_followup(OwnerVoice(name=owner.name), profile,
                          today=now.astimezone(ZoneInfo(owner.timezone)).date(),
                          language=owner.language, resources=_resources(session, owner.id),
                          network=_network(session, owner.id, contact.id), kind=kind,
                          previous=previous)


def _profile(session: Session, owner: OwnerProfile, contact: Contact) -> ContactProfile:
    facts = lambda field: contact_store.facts_for(session, contact.id, field)  # noqa: E731
    profile = contact_profile(contact.name, contact.context,
                              met_on=_met_on(session, owner, contact), needs=facts("needs"),
                              interests=facts("interests"), promises=facts("promises"))
    return replace(profile, met=contact.met)  # not met yet: the draft never says they met


def _met_on(session: Session, owner: OwnerProfile, contact: Contact) -> date | None:
    """The day they met, as read from the note that created the contact; for a contact stored
    without it (before it was kept, or from elsewhere), the day its source message was written
    (Date header), else the day it arrived; None when unknown."""
    known = contact_store.met_on(session, contact.id)
    if known is not None or contact.source_inbound_id is None:
        return known
    source = session.execute(select(InboundMessage.raw, InboundMessage.received_at).where(
        InboundMessage.id == contact.source_inbound_id)).first()
    if source is None:
        return None
    try:
        written = note_written_at(read_headers(source.raw), source.received_at)
    except HEADER_ERRORS:
        written = source.received_at
    return written.astimezone(ZoneInfo(owner.timezone)).date()


def _resources(session: Session, owner_id: int) -> list[Resource]:
    return [Resource(title=r.title, url=r.url, tags=tuple(r.tags.split()), note=r.note)
            for r in followups.list_resources(session, owner_id)]


def _network(session: Session, owner_id: int, contact_id: int) -> list[NetworkContact]:
    rows = session.execute(select(ContactFact.contact_id, ContactFact.value)
                           .join(Contact, Contact.id == ContactFact.contact_id)
                           .where(Contact.owner_id == owner_id, Contact.id != contact_id,
                                  Contact.status == "active", ContactFact.field == "offers")
                           ).all()
    offers: dict[int, list[str]] = {}
    for row in rows:
        offers.setdefault(row.contact_id, []).append(row.value)
    people = {c.id: c for c in session.scalars(select(Contact).where(
        Contact.id.in_(list(offers))))}
    return [NetworkContact(key=str(cid), name=people[cid].name or "someone",
                           offers=tuple(dict.fromkeys(values)),
                           blurb=", ".join(filter(None, [people[cid].title,
                                                         people[cid].company])))
            for cid, values in offers.items()]


def _previous_draft(session: Session, record: FollowUpRecord) -> Draft | None:
    first = session.scalars(select(followups.FollowUp).where(
        followups.FollowUp.contact_id == record.contact_id,
        followups.FollowUp.sequence == 1)).first()
    if first is None or first.body is None:
        return None
    earlier = followups.load(session, first.id)
    assert earlier is not None
    return Draft(subject=earlier.subject or "", body=earlier.body or "", kind=DraftKind.FIRST,
                 language="en", value_adds=tuple(ValueAdd(*v) for v in earlier.value_adds),
                 placeholders=earlier.placeholders)


def save_draft(app: App, session: Session, owner: OwnerProfile, record: FollowUpRecord,
               draft: Draft, to_address: str, now: datetime) -> None:
    """The draft and a fresh approval token; the email that shows it comes next (its own
    approval request, or a digest)."""
    new_token(session, owner.id, record.id, now)
    value_adds = [(v.kind, v.value, v.why) for v in draft.value_adds]
    followups.save_draft(session, record.id, to_address=to_address, subject=draft.subject,
                         body=draft.body, value_adds=value_adds,
                         placeholders=list(draft.placeholders), now=now)


def new_token(session: Session, owner_id: int, followup_id: int, now: datetime) -> None:
    """A fresh token for a draft (drafted, or renewed after its approval expired)."""
    followups.add_token(session, nonce=tokens.new_nonce(), owner_id=owner_id,
                        followup_id=followup_id, expires_at=now + TOKEN_LIFETIME, now=now)


def token_text(app: App, row: followups.TokenRow) -> str:
    """The signed token the owner's answer carries back (in the Reply-To or a mailto link)."""
    claims = tokens.TokenClaims(row.owner_id, row.followup_id, row.expires_at)
    return tokens.sign(app.settings.secret_key.value, row.nonce, claims)


def queue_approval(app: App, session: Session, owner: OwnerProfile, followup_id: int,
                   now: datetime) -> int:
    """The approval request for a saved draft, with its latest token in the Reply-To."""
    record = followups.load(session, followup_id)
    row = followups.latest_token(session, followup_id)
    contact = session.get(Contact, record.contact_id) if record else None
    assert record is not None and row is not None and contact is not None
    round_number = followups.approvals_sent(session, record.id)
    message_id = new_message_id(app.settings.assistant_address)
    followups.set_approval_message_id(session, record.id, message_id)
    since = _first_sent_at(session, record.contact_id) if record.sequence > 1 else None
    seen = replies_seen.reminder_note(session, contact.id, since, owner.timezone)
    text, html = render_pair("approval", seen_note=seen,
                             **_approval_context(owner, contact, record, row.expires_at, since))
    reply_to = address(ASSISTANT_NAME, tokens.reply_address(app.settings.assistant_address,
                                                            token_text(app, row)))
    subject = (f"Second touch for {contact.name}?" if record.sequence > 1
               else f"Follow-up to {contact.name}: send?")
    message = build_email(sender=address(ASSISTANT_NAME, app.settings.assistant_address),
                          to=[address(owner.name, owner.primary_address)], subject=subject,
                          text=text, html=html, now=now, reply_to=reply_to,
                          message_id=message_id)
    return outbox.add(session, key=f"approval:{record.id}:{round_number}", owner_id=owner.id,
                      purpose="approval", message=message,
                      envelope_from=app.settings.assistant_address,
                      recipients=[owner.primary_address], now=now)


def _first_sent_at(session: Session, contact_id: int) -> datetime | None:
    return session.scalar(select(followups.FollowUp.sent_at).where(
        followups.FollowUp.contact_id == contact_id, followups.FollowUp.sequence == 1))


def _weekday(moment: datetime, timezone: str) -> str:
    local = moment.astimezone(ZoneInfo(timezone))
    return f"{local:%A} {local.day} {local:%B}"


def _approval_context(owner: OwnerProfile, contact: Contact, record: FollowUpRecord,
                      expires_at: datetime, since: datetime | None) -> dict[str, object]:
    to_address = record.to_address or ""
    return {
        "owner_first_name": owner.name.split()[0] if owner.name else "there",
        "contact_name": contact.name or to_address,
        "second": record.sequence > 1,
        "first_sent": _weekday(since, owner.timezone) if since else None,
        "to": f"{contact.name} <{to_address}>" if contact.name else to_address,
        "subject": record.subject or "",
        "body": record.body or "",
        "value_adds": [{"kind": kind, "value": value, "why": why}
                       for kind, value, why in record.value_adds],
        "placeholders": list(record.placeholders),
        "expires": describe_local_time(expires_at, owner.timezone),
    }
