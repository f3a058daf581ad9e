"""What one fault-injection trial starts from: its addresses, its settings, its seeded work.

Three kinds of work, so that kills land during ingestion, drafting and sending:

- ``ingest``: notes appended to the assistant's INBOX (each names one new contact);
- ``draft``: follow-ups already due, so the scheduler's next tick drafts them and mails the
  approval requests (the approval loop itself is tested in tests/e2e);
- ``send``: follow-ups the owner already approved, queued in the outbox as the approval step
  leaves them (the state tests/e2e/test_followup_crash.py starts from).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update

from assistant.app import build_app
from assistant.domain import ParsedContact
from assistant.pipeline.approve import queue_followup
from assistant.settings import Settings
from assistant.store import contacts, followups, inbound, owners
from assistant.store.db import transaction
from assistant.store.inbound import FetchedMessage
from assistant.store.models import InboundMessage
from tests.integration.helpers import note

KINDS = ("ingest", "draft", "send")
PEOPLE = (
    ("Jane Doe", "CTO", "Acme Robotics", "acmerobotics.com"),
    ("Raj Patel", "VP Marketing", "Corvid Labs", "corvidlabs.io"),
    ("Maria Garcia", "Head of Sales", "Blue Finch", "bluefinch.co"),
    ("Tom Becker", "Founder", "Northwind Data", "northwind.io"),
)


@dataclass(frozen=True)
class Person:
    name: str
    title: str
    company: str
    email: str


@dataclass(frozen=True)
class TrialPlan:
    number: int
    kind: str
    tag: str
    assistant: str
    owner: str
    people: tuple[Person, ...]

    def note(self, person: Person) -> bytes:
        first = person.name.split()[0]
        return note(self.owner, self.assistant, f"Met {first} today",
                    f"Met {person.name} <{person.email}>, {person.title} at {person.company}.\n")


@dataclass(frozen=True)
class Seeded:
    """What the trial put in: note Message-IDs, due and approved follow-up ids."""

    note_ids: tuple[str, ...] = ()
    due: tuple[int, ...] = ()
    approved: tuple[int, ...] = ()


def plan_trial(number: int, kind: str, people: int) -> TrialPlan:
    """``people`` beyond the four named ones are numbered (a burst of notes)."""
    tag = f"t{number:04d}{uuid.uuid4().hex[:6]}"
    chosen = tuple(Person(n, t, c, f"{n.split()[0].lower()}-{tag}@{d}")
                   for n, t, c, d in PEOPLE[:people])
    chosen += tuple(Person(f"Alex Number{i}", "Partner", f"Firm {i}", f"alex{i}-{tag}@firm.example")
                    for i in range(len(chosen), people))
    return TrialPlan(number, kind, tag, f"assistant-{tag}@faults.example",
                     f"sam-{tag}@faults.example", chosen)


def trial_env(rig, plan: TrialPlan, database_url: str, redis: bool,  # noqa: ANN001
              workdir, smtp_kind: str = "smtp") -> dict[str, str]:  # noqa: ANN001
    from tests.integration.helpers import Mailboxes, server_env

    boxes = Mailboxes(assistant=plan.assistant, owner=plan.owner)
    env = server_env(rig.dovecot, rig.smtp, boxes, database_url,
                     rig.redis.url if redis else None, workdir, smtp_kind=smtp_kind)
    env.update({
        # Short timings so a trial settles in seconds; the logic under test is unchanged.
        "ASSISTANT_TICK_SECONDS": "0.3", "ASSISTANT_POLL_SECONDS": "2",
        # The receipt grace must outlast the watcher's absence (a killed watcher's Redis leader
        # lock lives 30 s): the blind copy has to be read before a follow-up is sent again.
        "ASSISTANT_SEND_LEASE_SECONDS": "1", "ASSISTANT_RECEIPT_GRACE_SECONDS": "40",
        "ASSISTANT_WORKER_THREADS": "2",
        # Calm acknowledgements with a short window: notes held and combined under the faults
        # too (a held note must survive the kills and be acknowledged once)
        "ASSISTANT_ACK_BURST_SECONDS": "2",
    })
    return env


def seed(rig, plan: TrialPlan, env: dict[str, str]) -> Seeded:  # noqa: ANN001
    app = build_app(Settings.from_env(env))
    now = app.clock()
    try:
        with transaction(app.sessions) as session:
            owner = owners.add_owner(session, name="Sam Rivera", addresses=[plan.owner],
                                     timezone="America/Chicago", region="US", now=now)
            if plan.kind == "ingest":
                return _append_notes(rig, plan)
            ids = [_followup(session, owner.id, person, now, plan, n)
                   for n, person in enumerate(plan.people)]
            if plan.kind == "draft":
                return Seeded(due=tuple(ids))
            for followup_id in ids:
                _approve(app, session, owner, followup_id, now)
            return Seeded(approved=tuple(ids))
    finally:
        app.close()


def _append_notes(rig, plan: TrialPlan) -> Seeded:  # noqa: ANN001
    raws = [plan.note(person) for person in plan.people]
    rig.dovecot.append_many(plan.assistant, "INBOX", raws)
    return Seeded(note_ids=tuple(_message_id(raw) for raw in raws))


def append_more(rig, plan: TrialPlan, seeded: Seeded, person: Person) -> Seeded:  # noqa: ANN001
    raw = plan.note(person)
    rig.dovecot.append(plan.assistant, "INBOX", raw)
    return Seeded(seeded.note_ids + (_message_id(raw),), seeded.due, seeded.approved)


def _message_id(raw: bytes) -> str:
    from email import message_from_bytes
    from email.policy import default

    return str(message_from_bytes(raw, policy=default)["Message-ID"]).strip()


def _followup(session, owner_id: int, person: Person, now: datetime,  # noqa: ANN001
              plan: TrialPlan, n: int) -> int:
    """A due follow-up, from a stored note about the person (so ``undo`` can remove it)."""
    inbound_id = inbound.store_fetched(session, "seed", None,
                                       FetchedMessage(f"seed-{plan.tag}-{n}", plan.note(person)),
                                       received_at=now)
    if inbound_id is not None:  # as if read earlier: done, moved, acknowledged before the trial
        inbound.finish(session, inbound_id, status="processed", kind="seed", owner_id=owner_id,
                       now=now)
        session.execute(update(InboundMessage).where(InboundMessage.id == inbound_id)
                        .values(moved=True))
    stored = contacts.merge_contact(
        session, owner_id=owner_id, inbound_id=inbound_id, now=now,
        parsed=ParsedContact(name=person.name, emails=(person.email,), company=person.company,
                             title=person.title, context="met at the fault-injection mixer"))
    followup_id = followups.schedule(session, owner_id=owner_id, contact_id=stored.id,
                                     sequence=1, due_at=now - timedelta(minutes=5), now=now,
                                     inbound_id=inbound_id)
    assert followup_id is not None
    return followup_id


def _approve(app, session, owner, followup_id: int, now: datetime) -> int:  # noqa: ANN001
    record = followups.load(session, followup_id)
    assert record is not None
    first = record and session.get(contacts.Contact, record.contact_id)
    email = first.emails[0].email if first is not None else ""
    followups.save_draft(session, followup_id, to_address=email, subject="Great to meet you",
                         body="Hi,\n\nGreat to meet you at the mixer.\n\nSam", value_adds=[],
                         placeholders=[], approval_message_id=f"<approval-{followup_id}@x>",
                         now=now)
    record = followups.load(session, followup_id)
    assert record is not None
    return queue_followup(app, session, owner, record, record.body or "", now)


def undo_all(env: dict[str, str], plan: TrialPlan) -> None:
    """The owner's "undo" of every seeded note, as the command does it, racing the sends."""
    from assistant.commands.undo import undo_inbound

    app = build_app(Settings.from_env(env))
    try:
        with transaction(app.sessions) as session:
            owner = owners.owner_by_address(session, plan.owner)
            ids = list(session.scalars(select(InboundMessage.id).where(
                InboundMessage.mailbox == "seed")))
        for inbound_id in ids:
            with transaction(app.sessions) as session:
                undo_inbound(session, owner.id, inbound_id)
    finally:
        app.close()
