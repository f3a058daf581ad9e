"""``export``: every contact of one owner as one vCard file (RFC 6350, via ``vobject``) and CSV.

A minimal exporter private to the email command; the operator's ``assistant contacts export``
(assistant.operator.contacts_io) is used instead when it is installed.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict

import vobject
from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.store.models import Contact, ContactEmail, ContactFact, ContactPhone

CSV_COLUMNS = ("name", "emails", "phones", "company", "title", "context", "introduced_by",
               "needs", "offers", "interests", "promises", "urls")
LIST_FACTS = ("needs", "offers", "interests", "promises", "urls")


def contact_rows(session: Session, owner_id: int) -> list[dict[str, str]]:
    contacts = session.execute(select(Contact.id, Contact.name, Contact.company, Contact.title,
                                      Contact.context, Contact.introduced_by)
                               .where(Contact.owner_id == owner_id).order_by(Contact.id)).all()
    emails = _grouped(session, select(ContactEmail.contact_id, ContactEmail.email)
                      .where(ContactEmail.owner_id == owner_id).order_by(ContactEmail.id))
    phones = _grouped(session, select(ContactPhone.contact_id, ContactPhone.phone)
                      .join(Contact).where(Contact.owner_id == owner_id).order_by(ContactPhone.id))
    facts = _facts(session, owner_id)
    return [{"name": c.name or "", "emails": "; ".join(emails[c.id]),
             "phones": "; ".join(phones[c.id]), "company": c.company or "",
             "title": c.title or "", "context": c.context or "",
             "introduced_by": c.introduced_by or "",
             **{f: "; ".join(facts[(c.id, f)]) for f in LIST_FACTS}} for c in contacts]


def _grouped(session: Session, query) -> dict[int, list[str]]:  # type: ignore[no-untyped-def]
    grouped: dict[int, list[str]] = defaultdict(list)
    for key, value in session.execute(query):
        if value not in grouped[key]:
            grouped[key].append(value)
    return grouped


def _facts(session: Session, owner_id: int) -> dict[tuple[int, str], list[str]]:
    grouped: dict[tuple[int, str], list[str]] = defaultdict(list)
    rows = session.execute(select(ContactFact.contact_id, ContactFact.field, ContactFact.value)
                           .join(Contact).where(Contact.owner_id == owner_id,
                                                ContactFact.field.in_(LIST_FACTS))
                           .order_by(ContactFact.id))
    for contact_id, field, value in rows:
        if value not in grouped[(contact_id, field)]:
            grouped[(contact_id, field)].append(value)
    return grouped


def to_csv(rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def to_vcards(rows: list[dict[str, str]]) -> bytes:
    return "".join(_vcard(row).serialize() for row in rows).encode("utf-8")


def _vcard(row: dict[str, str]) -> vobject.base.Component:
    card = vobject.vCard()
    name = row["name"] or (row["emails"].split("; ")[0] if row["emails"] else "(no name)")
    card.add("fn").value = name
    parts = name.split()
    card.add("n").value = vobject.vcard.Name(family=parts[-1] if len(parts) > 1 else "",
                                             given=" ".join(parts[:-1]) or name)
    for email in filter(None, row["emails"].split("; ")):
        card.add("email").value = email
    for phone in filter(None, row["phones"].split("; ")):
        card.add("tel").value = phone
    if row["company"]:
        card.add("org").value = [row["company"]]
    if row["title"]:
        card.add("title").value = row["title"]
    for url in filter(None, row["urls"].split("; ")):
        card.add("url").value = url
    note = "\n".join(f"{k}: {row[k]}" for k in ("context", "introduced_by", "needs", "offers",
                                                 "interests", "promises") if row[k])
    if note:
        card.add("note").value = note
    return card


def export_files(session: Session, owner_id: int) -> tuple[tuple[str, str, bytes], ...]:
    """(filename, MIME type, bytes) for the vCard and the CSV attachment."""
    rows = contact_rows(session, owner_id)
    return (("contacts.vcf", "text/vcard", to_vcards(rows)),
            ("contacts.csv", "text/csv", to_csv(rows)))
