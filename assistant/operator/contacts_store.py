"""Contacts between the store and :mod:`assistant.operator.contacts_io`'s records.

``load_contacts`` gives an owner's contacts as ``ContactRecord`` (for ``contacts export`` and
the ``export`` email command); ``import_records`` merges records through
``store.contacts.merge_contact``: the same email is the same contact, else the same name and
company.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from assistant.operator.contacts_io import ContactRecord, ImportBatch
from assistant.store.contacts import merge_contact
from assistant.store.db import transaction
from assistant.store.models import Contact, ContactFact

CHUNK = 200  # records per transaction: a long import keeps what it merged if stopped


@dataclass(frozen=True)
class ImportSummary:
    format: str
    created: int
    updated: int
    skipped: dict[str, int]
    warnings: tuple[str, ...]

    def lines(self) -> list[str]:
        skipped = sum(self.skipped.values())
        text = [f"{self.format}: {self.created} created, {self.updated} updated, "
                f"{skipped} skipped"]
        text += [f"  skipped {count}: {reason}" for reason, count in self.skipped.items()]
        text += [f"  note: {warning}" for warning in self.warnings]
        return text


def load_contacts(session: Session, owner_id: int) -> list[ContactRecord]:
    rows = session.scalars(select(Contact).where(Contact.owner_id == owner_id)
                           .options(selectinload(Contact.emails), selectinload(Contact.phones))
                           .order_by(Contact.id)).all()
    urls = _urls(session, [row.id for row in rows])
    return [ContactRecord(name=row.name, emails=tuple(e.email for e in row.emails),
                          phones=tuple(p.phone for p in row.phones), company=row.company,
                          title=row.title, urls=tuple(urls.get(row.id, ())),
                          note=row.context, met=row.met)
            for row in rows]


def _urls(session: Session, contact_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for start in range(0, len(contact_ids), 500):
        chunk = contact_ids[start:start + 500]
        rows = session.execute(select(ContactFact.contact_id, ContactFact.value).where(
            ContactFact.contact_id.in_(chunk), ContactFact.field == "urls")
            .order_by(ContactFact.id))
        for contact_id, value in rows:
            if value not in found.setdefault(contact_id, []):
                found[contact_id].append(value)
    return found


def import_records(sessions: sessionmaker[Session], owner_id: int, batch: ImportBatch, *,
                   now: datetime, advance: Callable[[int], None] = lambda _n: None
                   ) -> ImportSummary:
    created = updated = 0
    records: Sequence[ContactRecord] = batch.records
    for start in range(0, len(records), CHUNK):
        chunk = records[start:start + CHUNK]
        with transaction(sessions) as session:
            for record in chunk:
                stored = merge_contact(session, owner_id=owner_id, inbound_id=None,
                                       parsed=record.to_parsed(), now=now)
                created += stored.created
                updated += not stored.created
        advance(len(chunk))
    reasons = Counter(s.reason for s in batch.skipped)
    return ImportSummary(batch.format, created, updated, dict(reasons), batch.warnings)
