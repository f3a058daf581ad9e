"""Loading one owner's summary data: a handful of queries, each filtered by the owner's id.

Cost is proportional to that owner's data: every query starts from an owner-keyed index
(``contacts.owner_id``, ``ix_interactions_owner_time``, ``ix_followups_owner_status``), and the
per-contact interaction counts are aggregated by the database, not in Python.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from assistant.errors import UnknownOwnerError
from assistant.store.models import Contact, ContactFact, FollowUp, Interaction, Owner
from assistant.summary.figures import HISTORY_WEEKS, WEEK
from assistant.summary.types import ContactData, EventData, FactData, FollowUpData, SummaryData

SUMMARY_FACTS = ("needs", "offers", "promises")
HISTORY_KINDS = ("intro", "reply_received")


def load_summary_data(session: Session, owner_id: int, now: datetime) -> SummaryData:
    owner = session.get(Owner, owner_id)
    if owner is None:
        raise UnknownOwnerError(f"no owner with id {owner_id}")
    since = now - HISTORY_WEEKS * WEEK - timedelta(days=1)
    return SummaryData(owner_name=owner.name, timezone=owner.timezone, paused=owner.paused,
                       contacts=_contacts(session, owner_id), facts=_facts(session, owner_id),
                       events=_events(session, owner_id, since, now - WEEK - timedelta(days=1)),
                       followups=_followups(session, owner_id, since))


def _contacts(session: Session, owner_id: int) -> tuple[ContactData, ...]:
    # Three owner-keyed queries merged here rather than one join of two aggregates: the join's
    # plan hangs on row estimates (PostgreSQL chose nested loops over 10,000 x 5,000 rows with
    # stale statistics after a bulk import); dictionary lookups stay linear whatever the plan.
    touches = {row.contact_id: row for row in session.execute(
        select(Interaction.contact_id, func.count().label("n"),
               func.max(Interaction.occurred_at).label("last"),
               func.sum(case((Interaction.kind == "reply_received", 1), else_=0))
               .label("replies"))
        .where(Interaction.owner_id == owner_id).group_by(Interaction.contact_id))}
    sends = {contact_id: sent for contact_id, sent in session.execute(
        select(FollowUp.contact_id, func.max(FollowUp.sent_at))
        .where(FollowUp.owner_id == owner_id, FollowUp.sent_at.is_not(None))
        .group_by(FollowUp.contact_id))}
    rows = session.execute(
        select(Contact.id, Contact.name, Contact.company, Contact.status, Contact.created_at,
               Contact.last_touch_at, Contact.last_reply_at, Contact.introduced_by)
        .where(Contact.owner_id == owner_id)).all()
    return tuple(_contact(row, touches.get(row.id), sends.get(row.id)) for row in rows)


def _contact(row, touch, sent) -> ContactData:  # type: ignore[no-untyped-def]
    last = _aware(touch.last) if touch is not None else None
    touches = [t for t in (row.created_at, row.last_touch_at, row.last_reply_at, last,
                           _aware(sent)) if t]
    return ContactData(id=row.id, name=row.name or "(no name)", company=row.company,
                       status=row.status or "active", created_at=row.created_at,
                       last_touch_at=max(touches), last_reply_at=row.last_reply_at,
                       introduced_by=row.introduced_by,
                       interactions=int(touch.n) if touch is not None else 0,
                       replies=int(touch.replies or 0) if touch is not None else 0)


def _aware(value: datetime | str | None) -> datetime | None:
    # max() over a UTCDateTime column comes back untyped: naive text on SQLite.
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _facts(session: Session, owner_id: int) -> tuple[FactData, ...]:
    rows = session.execute(
        select(ContactFact.contact_id, ContactFact.field, ContactFact.value)
        .join(Contact, Contact.id == ContactFact.contact_id)
        .where(Contact.owner_id == owner_id, ContactFact.field.in_(SUMMARY_FACTS))
        .order_by(ContactFact.id)).all()
    seen: set[tuple[int, str, str]] = set()
    facts = []
    for row in rows:  # the same value from two messages is one fact here
        key = (row.contact_id, row.field, row.value)
        if key not in seen:
            seen.add(key)
            facts.append(FactData(*key))
    return tuple(facts)


def _events(session: Session, owner_id: int, since: datetime,
            week_start: datetime) -> tuple[EventData, ...]:
    # Older weeks need only introductions and replies (gives/asks, reply rate); the current
    # week needs every kind (where new contacts came from).
    rows = session.execute(
        select(Interaction.contact_id, Interaction.kind, Interaction.occurred_at,
               Interaction.inbound_id)
        .where(Interaction.owner_id == owner_id, Interaction.occurred_at > since,
               or_(Interaction.kind.in_(HISTORY_KINDS), Interaction.occurred_at > week_start))
    ).all()
    return tuple(EventData(r.contact_id, r.kind, r.occurred_at, r.inbound_id) for r in rows)


def _followups(session: Session, owner_id: int, since: datetime) -> tuple[FollowUpData, ...]:
    rows = session.execute(
        select(FollowUp.contact_id, FollowUp.sequence, FollowUp.status, FollowUp.sent_at,
               FollowUp.value_adds)
        .where(FollowUp.owner_id == owner_id,
               or_(FollowUp.status != "sent", FollowUp.sent_at > since,
                   FollowUp.sequence == 1))).all()
    return tuple(FollowUpData(r.contact_id, r.sequence, r.status, r.sent_at,
                              _value_add_kinds(r.value_adds)) for r in rows)


def _value_add_kinds(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    try:
        items = json.loads(raw)
    except ValueError:
        return ()
    return tuple(str(item[0]) for item in items if isinstance(item, list | tuple) and item)
