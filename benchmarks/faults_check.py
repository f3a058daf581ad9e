"""After a trial: read the database, the mailboxes and the SMTP log, and count what went wrong.

- lost: a note that is not stored, processed and moved; a due follow-up not drafted; an
  approved follow-up neither sent nor refused for good (5xx); any row still unfinished.
- duplicate contacts: two contacts of one owner sharing an email address.
- duplicate sends: one Message-ID delivered twice to a contact, or a contact given more than
  one follow-up for one approval. Mail to the owner (acknowledgements, approval requests) is
  at-least-once by design: a process killed between the SMTP transaction and its commit sends
  it again with the same Message-ID, which mail clients show once; those are counted apart as
  ``owner_redeliveries``.
- unapproved sends: mail delivered to anyone but the owner and the assistant, other than the
  contact of an approved follow-up.
- owner notices dropped: a note processed without its acknowledgement queued, or a follow-up
  refused for good without the owner's notice queued (limits delay mail to the owner; they
  never drop it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from imapclient.exceptions import IMAPClientError
from sqlalchemy import func, select

from assistant.store.db import make_engine, session_factory, transaction
from assistant.store.models import Contact, ContactEmail, FollowUp, InboundMessage, OutboxMessage
from benchmarks.faults_seed import Seeded, TrialPlan

# "uncertain": a follow-up that went without its receipt copy while its worker died around
# SMTP; never sent again, the owner told instead.
# "merged": a held acknowledgement now inside a combined one (checked as its own row)
FINAL_OUTBOX = ("sent", "failed", "uncertain", "cancelled", "merged")
# Notices over the owner's hourly budget wait for the next window: pending, not lost.
WAITING_NOTICES = ("ack", "failed", "quarantine", "resources", "bounce")


@dataclass
class Verdict:
    lost: list[str] = field(default_factory=list)
    duplicate_contacts: list[str] = field(default_factory=list)
    duplicate_sends: list[str] = field(default_factory=list)
    unapproved_sends: list[str] = field(default_factory=list)
    owner_notices_dropped: list[str] = field(default_factory=list)
    failed_for_good: int = 0
    owner_redeliveries: int = 0
    refusals_not_kept: int = 0  # 5xx answers after which the email was not left failed

    @property
    def clean(self) -> bool:
        return not (self.lost or self.duplicate_contacts or self.duplicate_sends
                    or self.unapproved_sends or self.owner_notices_dropped)


@dataclass(frozen=True)
class StoreState:
    notes: dict[str, tuple[str, bool]]
    followups: dict[int, str]
    outbox: list[tuple[int, str, str, str, str]]  # id, purpose, status, key, Message-ID
    pending_inbound: int
    contact_emails: list[tuple[int, str, int]]
    processed_notes: tuple[int, ...] = ()


def read_state(database_url: str) -> StoreState:
    engine = make_engine(database_url)
    try:
        with transaction(session_factory(engine)) as s:
            notes = {r.message_id: (r.status, r.moved) for r in s.execute(select(
                InboundMessage.message_id, InboundMessage.status, InboundMessage.moved))}
            ups = dict(s.execute(select(FollowUp.id, FollowUp.status)).all())
            rows = [tuple(r) for r in s.execute(select(
                OutboxMessage.id, OutboxMessage.purpose, OutboxMessage.status,
                OutboxMessage.idempotency_key, OutboxMessage.message_id))]
            pending = int(s.scalar(select(func.count()).select_from(InboundMessage).where(
                InboundMessage.status == "pending")) or 0)
            emails = [tuple(r) for r in s.execute(select(
                ContactEmail.owner_id, ContactEmail.email, ContactEmail.contact_id)
                .join(Contact, Contact.id == ContactEmail.contact_id))]
            processed = tuple(s.scalars(select(InboundMessage.id).where(
                InboundMessage.status == "processed",
                InboundMessage.kind.in_(("note", "intro", "vcard")))))
            return StoreState(notes, ups, rows, pending, emails,  # type: ignore[arg-type]
                              processed)
    finally:
        engine.dispose()


def inbox_count(dovecot, user: str) -> int:  # type: ignore[no-untyped-def]
    """Messages in the user's INBOX (EXISTS: no race with the assistant moving them)."""
    from tests.harness.imap import session

    try:
        with session(dovecot.account(user)) as client:
            return int(client.select_folder("INBOX", readonly=True)[b"EXISTS"])
    except (OSError, IMAPClientError):
        return -1  # Dovecot restarting: not settled yet


def settled(state: StoreState, seeded: Seeded, inbox_left: int,
            waiting_ok: bool = False) -> bool:
    """Nothing left to do: the INBOX empty (blind copies included), every note finished and
    moved, every email finished (or, with ``waiting_ok``, a notice waiting for the next hour's
    budget)."""
    notes_done = all(state.notes.get(m, ("pending", False)) [0] != "pending"
                     and state.notes.get(m, ("", False))[1] for m in seeded.note_ids)
    moved = all(moved for status, moved in state.notes.values() if status != "pending")
    return (inbox_left == 0 and notes_done and moved and state.pending_inbound == 0
            and all(_finished(r, waiting_ok) for r in state.outbox)
            and all(state.followups.get(i) != "scheduled" for i in seeded.due)
            and all(_approved_done(state, i) for i in seeded.approved))


def _finished(row: tuple[int, str, str, str, str], waiting_ok: bool) -> bool:
    return row[2] in FINAL_OUTBOX or (waiting_ok and row[1] in WAITING_NOTICES
                                      and row[2] in ("pending", "held"))


def stuck_sending(state: StoreState) -> list[int]:
    return [r[0] for r in state.outbox if r[2] in ("sending", "unconfirmed")]


def _approved_done(state: StoreState, followup_id: int) -> bool:
    if state.followups.get(followup_id) in ("sent", "uncertain"):
        return True
    return any(r[3] == f"followup:{followup_id}" and r[2] in ("failed", "cancelled")
               for r in state.outbox)


def judge(plan: TrialPlan, seeded: Seeded, state: StoreState,
          transactions: list[dict[str, Any]], inbox_left: int,
          waiting_ok: bool = False) -> Verdict:
    verdict = Verdict(failed_for_good=sum(1 for r in state.outbox if r[2] == "failed"))
    refused = sum(1 for t in transactions if _ours(plan, t) and t.get("fault")
                  and 500 <= int(t.get("status") or 0) < 600
                  and t.get("rcpt_tos") != [plan.assistant])  # a refused receipt fails nothing
    verdict.refusals_not_kept = max(0, refused - verdict.failed_for_good)
    _count_lost(verdict, seeded, state, inbox_left, waiting_ok)
    _count_duplicate_contacts(verdict, state)
    _count_dropped_notices(verdict, state)
    delivered = [t for t in transactions if _ours(plan, t) and not t.get("fault")
                 and 200 <= int(t.get("status") or 0) < 300]
    _count_duplicate_sends(verdict, plan, seeded, delivered)
    _count_unapproved(verdict, plan, seeded, state, delivered)
    return verdict


def _count_lost(verdict: Verdict, seeded: Seeded, state: StoreState, inbox_left: int,
                waiting_ok: bool) -> None:
    for message_id in seeded.note_ids:
        status, moved = state.notes.get(message_id, ("missing", False))
        if status != "processed" or not moved:
            verdict.lost.append(f"note {message_id}: {status}, moved={moved}")
    for followup_id in seeded.due:
        status = state.followups.get(followup_id)
        request = [r for r in state.outbox if r[1] == "approval"
                   and r[3].startswith(f"approval:{followup_id}:")]
        if status != "awaiting_approval" or not request:
            verdict.lost.append(f"due follow-up {followup_id}: {status}, requests={request}")
    for followup_id in seeded.approved:
        if not _approved_done(state, followup_id):
            verdict.lost.append(f"approved follow-up {followup_id}: "
                                f"{state.followups.get(followup_id)}")
    verdict.lost.extend(f"outbox {r[0]} ({r[1]}) left {r[2]}" for r in state.outbox
                        if not _finished(r, waiting_ok))
    if state.pending_inbound:
        verdict.lost.append(f"{state.pending_inbound} inbound message(s) left pending")
    if inbox_left:
        verdict.lost.append(f"{inbox_left} message(s) never moved out of the INBOX")


def _count_dropped_notices(verdict: Verdict, state: StoreState) -> None:
    keys = {r[3] for r in state.outbox}
    verdict.owner_notices_dropped.extend(
        f"note {i}: no acknowledgement" for i in state.processed_notes if f"ack:{i}" not in keys)
    verdict.owner_notices_dropped.extend(
        f"outbox {r[0]}: refused follow-up, owner not told" for r in state.outbox
        if r[1] == "followup" and r[2] == "failed" and f"undeliverable:{r[0]}" not in keys)
    verdict.owner_notices_dropped.extend(
        f"outbox {r[0]}: uncertain follow-up, owner not told" for r in state.outbox
        if r[1] == "followup" and r[2] == "uncertain" and f"uncertain:{r[0]}" not in keys)


def _count_duplicate_contacts(verdict: Verdict, state: StoreState) -> None:
    owners_of = Counter((owner_id, email.lower()) for owner_id, email, _ in
                        {(o, e, c) for o, e, c in state.contact_emails})
    verdict.duplicate_contacts.extend(f"{email}: {n} contacts"
                                      for (_, email), n in owners_of.items() if n > 1)


def _count_duplicate_sends(verdict: Verdict, plan: TrialPlan, seeded: Seeded,
                           delivered: list[dict[str, Any]]) -> None:
    pairs = Counter((t.get("message_id"), rcpt.lower()) for t in delivered
                    for rcpt in t.get("rcpt_tos", []))
    verdict.duplicate_sends.extend(f"{mid} to {rcpt} x{n}" for (mid, rcpt), n in pairs.items()
                                   if n > 1 and _is_contact(plan, rcpt))
    verdict.owner_redeliveries = sum(n - 1 for (_, rcpt), n in pairs.items()
                                     if n > 1 and rcpt == plan.owner)
    per_contact = Counter(rcpt.lower() for t in delivered for rcpt in t.get("rcpt_tos", [])
                          if _is_contact(plan, rcpt))
    allowed = len(seeded.approved) and 1
    verdict.duplicate_sends.extend(f"{rcpt}: {n} follow-ups for one approval"
                                   for rcpt, n in per_contact.items() if n > allowed > 0)


def _count_unapproved(verdict: Verdict, plan: TrialPlan, seeded: Seeded, state: StoreState,
                      delivered: list[dict[str, Any]]) -> None:
    approved = {p.email.lower() for p in plan.people} if seeded.approved else set()
    cancelled = {r[4] for r in state.outbox if r[1] == "followup" and r[2] == "cancelled"}
    verdict.unapproved_sends.extend(f"{t.get('message_id')}: sent after undo cancelled it"
                                    for t in delivered if t.get("message_id") in cancelled)
    for t in delivered:
        for rcpt in t.get("rcpt_tos", []):
            if _is_contact(plan, rcpt) and rcpt.lower() not in approved:
                verdict.unapproved_sends.append(f"{t.get('message_id')} to {rcpt}")


def _is_contact(plan: TrialPlan, address: str) -> bool:
    return address.lower() not in (plan.owner, plan.assistant)


def _ours(plan: TrialPlan, transaction_: dict[str, Any]) -> bool:
    addresses = [transaction_.get("mail_from") or "", *transaction_.get("rcpt_tos", [])]
    return any(plan.tag in a for a in addresses)
