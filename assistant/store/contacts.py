"""Merging parsed contacts into the store.

Rules: the same email (any of a contact's) is the same contact; otherwise the same name and
company is the same contact; never across owners. Every value a message contributes is kept as
a fact with its message id (provenance), and a later message fills a blank field without
erasing what another message said.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Select, and_, bindparam, exists, func, insert, or_, select
from sqlalchemy.orm import Session

from assistant.domain import ParsedContact, StoredContact
from assistant.store import deferred, ids
from assistant.store.db import table_of
from assistant.store.models import Contact, ContactEmail, ContactFact, ContactPhone, Interaction

SCALAR_FIELDS = ("name", "company", "title", "context", "introduced_by")
LIST_FIELDS = ("needs", "offers", "interests", "promises", "urls")
MET_ON = "met_on"  # a fact: the owner's local date they met, ISO 8601 ("2026-11-23")


def name_key(name: str | None) -> str | None:
    """Case- and accent-insensitive key for matching names ("José  Díaz" ~ "jose diaz")."""
    if not name:
        return None
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(letters.casefold().split()) or None


def merge_contact(session: Session, *, owner_id: int, inbound_id: int | None,
                  parsed: ParsedContact, now: datetime, interaction_kind: str = "note",
                  met_on: date | None = None) -> StoredContact:
    """``met_on``: the day the owner met a contact this message adds to the store (kept with
    its other facts; a contact already stored keeps the day it was first met)."""
    contact = _find_existing(session, owner_id, parsed)
    if contact is None:
        return _create(session, owner_id, inbound_id, parsed, now, interaction_kind, met_on)
    _fill_scalars(contact, parsed)
    contact.met = contact.met or parsed.met  # once met, a contact stays met
    contact.updated_at = now
    session.flush()
    _add_emails(session, owner_id, contact, parsed.emails)
    _add_phones(session, contact, parsed.phones)
    _add_facts(session, contact.id, inbound_id, parsed, now, new=False)
    if inbound_id is not None:
        _add_interaction(session, owner_id, contact.id, inbound_id, interaction_kind, now,
                         new=False)
    session.flush()
    emails = tuple(e.email for e in contact.emails)
    # the stored contact changed (company, name, emails): what was read ahead follows it
    _merged_ahead(session, owner_id, contact.id, contact.company, contact.name_key, emails)
    return StoredContact(id=contact.id, name=contact.name, emails=emails,
                         phones=tuple(p.phone for p in contact.phones),
                         company=contact.company, title=contact.title, created=False)


def _create(session: Session, owner_id: int, inbound_id: int | None, parsed: ParsedContact,
            now: datetime, interaction_kind: str, met_on: date | None) -> StoredContact:
    """A new contact, written with plain INSERTs (the same rows the merge above writes for a
    new contact: the fields, its emails, phones, facts, the interaction); nothing about it can
    exist yet, so nothing is looked up: ``_find_existing`` found no contact of this owner with
    any of these emails, so none is taken (a concurrent writer's is a unique-key conflict, and
    the caller's savepoint is written again)."""
    session.flush()  # earlier ORM changes first: these statements bypass the session
    fields = {f: getattr(parsed, f) for f in SCALAR_FIELDS if getattr(parsed, f)}
    emails = sorted({e.lower() for e in parsed.emails})
    phones = list(dict.fromkeys(parsed.phones))
    # Nothing reads these rows back while the note's batch is written, but a later note of
    # the batch naming the same email or name, whose lookup writes them first: they are
    # written together at the end of the batch (``deferred``), or now outside a batch.
    key = name_key(fields.get("name"))
    found_by = [(owner_id, e) for e in emails] + ([(owner_id, key)] if key else [])
    row = {"owner_id": owner_id, "name_key": key, "source_inbound_id": inbound_id,
           "last_touch_at": now, "created_at": now, "updated_at": now, "met": parsed.met}
    drawn = ids.take(session, ids.CONTACTS)
    if drawn is not None:  # the contact row itself joins the batch's deferred rows, first
        contact_id = drawn
        deferred.add(session, _INSERT_CONTACT_WITH_ID, [
            {"id": contact_id, **row, **{f: fields.get(f) for f in SCALAR_FIELDS}}],
            keys=found_by, first=True)
    else:
        contact_id = int(session.connection().execute(
            _INSERT_CONTACT, {**row, **fields}).scalar_one())
    _touch_ahead(session, owner_id, emails, key)
    deferred.add(session, _INSERT_EMAIL, [
        {"owner_id": owner_id, "contact_id": contact_id, "email": e} for e in emails],
        keys=found_by)
    deferred.add(session, _INSERT_PHONE, [{"contact_id": contact_id, "phone": p} for p in phones],
                 keys=found_by)
    facts = _fact_rows(contact_id, inbound_id, parsed, now, existing=set())
    if met_on is not None:
        facts.append({"contact_id": contact_id, "inbound_id": inbound_id, "field": MET_ON,
                      "value": met_on.isoformat(), "created_at": now})
    deferred.add(session, _INSERT_FACT, facts, keys=found_by)
    if inbound_id is not None:
        deferred.add(session, _INSERT_INTERACTION, [{
            "owner_id": owner_id, "contact_id": contact_id, "inbound_id": inbound_id,
            "kind": interaction_kind, "occurred_at": now}], keys=found_by)
    return StoredContact(id=contact_id, name=fields.get("name"), emails=tuple(emails),
                         phones=tuple(phones), company=fields.get("company"),
                         title=fields.get("title"), created=True)


# Plain INSERTs built once; each call passes its rows as parameters
_INSERT_CONTACT = insert(table_of(Contact)).returning(table_of(Contact).c.id)
_INSERT_CONTACT_WITH_ID = insert(table_of(Contact))  # every scalar field given, None or not
_INSERT_EMAIL = insert(table_of(ContactEmail))
_INSERT_PHONE = insert(table_of(ContactPhone))
_INSERT_FACT = insert(table_of(ContactFact))
_INSERT_INTERACTION = insert(table_of(Interaction))


def _find_existing(session: Session, owner_id: int, parsed: ParsedContact) -> Contact | None:
    emails = [e.lower() for e in parsed.emails]
    key = name_key(parsed.name)
    if not emails and key is None:
        return None
    ahead = _ahead_for(session, owner_id, emails, key)
    if ahead is not None:  # read with the batch's other contacts, and still as it was
        session.flush()
        rows: Sequence[Any] = ahead.candidates(emails, key)
    else:
        # a contact created earlier in the batch under these emails or this name: its rows
        # first
        deferred.flush_if_touching(session, [(owner_id, e) for e in emails]
                                   + ([(owner_id, key)] if key else []))
        session.flush()  # the lookup is a plain statement: the session's changes go first
        rows = session.connection().execute(_CANDIDATES, {
            "owner_id": owner_id, "emails": emails, "name_key": key}).all()
    # The same email (any of a contact's) is the same contact
    found = next((row.id for row in rows if row.by_email), None)
    company = (parsed.company or "").casefold()
    for row in rows if found is None else ():
        same_company = bool(company) and (row.company or "").casefold() == company
        unknown_company = not company or not row.company
        # Two different known emails under one name are two people unless the company agrees.
        conflicting_emails = bool(emails) and row.has_emails
        if same_company or (unknown_company and not conflicting_emails):
            found = row.id
            break
    return None if found is None else session.get(Contact, found)


def _candidates() -> Select[tuple[int, str | None, bool, bool]]:
    """The owner's contacts with one of the emails or the same name key, in one statement:
    each with whether an email matched and whether it has any email at all."""
    contacts, emails = table_of(Contact), table_of(ContactEmail)
    by_email = select(emails.c.contact_id).where(
        emails.c.owner_id == bindparam("owner_id"),
        emails.c.email.in_(bindparam("emails", expanding=True)))
    return select(
        contacts.c.id, contacts.c.company, contacts.c.id.in_(by_email).label("by_email"),
        exists().where(emails.c.contact_id == contacts.c.id).label("has_emails"),
    ).where(contacts.c.owner_id == bindparam("owner_id"),
            or_(contacts.c.id.in_(by_email), contacts.c.name_key == bindparam("name_key"))
            ).order_by(contacts.c.id)


_CANDIDATES = _candidates()


# -- the candidates of a batch's contacts, read in one statement --------------------------
#
# A batch of notes looks up each of its contacts before writing it: one statement per contact.
# ``looking_ahead`` reads the candidates of all of them at once, when the batch's writes
# begin; a lookup then takes its rows from there, as ``_CANDIDATES`` would have returned them,
# as long as nothing the batch wrote since can have changed them: a contact created under one
# of its emails or its name sends it to ``_CANDIDATES`` (which first writes that contact's
# deferred rows), and so does any change to a stored contact (a merge, or anything but a plain
# note, which calls ``forget_look_ahead``).

_AHEAD = "contacts_read_ahead"


class _Candidate(NamedTuple):
    """One row as ``_CANDIDATES`` returns it."""

    id: int
    company: str | None
    by_email: bool
    has_emails: bool


class _Ahead:
    """One owner's contacts that the batch's lookups may find, and what the batch wrote."""

    def __init__(self, emails: set[str], keys: set[str], rows: Sequence[Any]) -> None:
        self.emails, self.keys = emails, keys  # what was asked for
        self.contacts: dict[int, tuple[str | None, bool]] = {}  # id: company, has emails
        self.by_email: dict[str, set[int]] = {}
        self.by_key: dict[str, set[int]] = {}
        for row in rows:
            self.contacts[row.id] = (row.company, bool(row.has_emails))
            if row.email is not None:
                self.by_email.setdefault(row.email, set()).add(row.id)
            if row.name_key is not None:
                self.by_key.setdefault(row.name_key, set()).add(row.id)
        # the emails and name keys of the contacts created since
        self.touched_emails: set[str] = set()
        self.touched_keys: set[str] = set()

    def merged(self, contact_id: int, company: str | None, key: str | None,
               emails: Sequence[str]) -> None:
        """The contact as a merge left it (see ``_merged_ahead``)."""
        self.contacts[contact_id] = (company, bool(emails))
        for email in emails:
            if email in self.emails:
                self.by_email.setdefault(email, set()).add(contact_id)
        for named in self.by_key.values():
            named.discard(contact_id)
        if key is not None and key in self.keys:
            self.by_key.setdefault(key, set()).add(contact_id)

    def covers(self, emails: list[str], key: str | None) -> bool:
        """Whether these were asked for and no contact created since has any of them."""
        if key is not None and (key not in self.keys or key in self.touched_keys):
            return False
        return self.emails.issuperset(emails) and self.touched_emails.isdisjoint(emails)

    def candidates(self, emails: list[str], key: str | None) -> list[_Candidate]:
        """The rows ``_CANDIDATES`` returns for these emails and name key, in id order."""
        matched = {i for e in emails for i in self.by_email.get(e, ())}
        named = self.by_key.get(key, set()) if key is not None else set()
        return [_Candidate(i, self.contacts[i][0], i in matched, self.contacts[i][1])
                for i in sorted(matched | named)]


@contextmanager
def looking_ahead(session: Session,
                  wanted: Iterable[tuple[int, Sequence[ParsedContact]]]) -> Iterator[None]:
    """Read the candidates of these contacts (owner id, the contacts of one note), one
    statement per owner, for the lookups made inside the block."""
    asked: dict[int, tuple[set[str], set[str]]] = {}
    for owner_id, contacts in wanted:
        emails, keys = asked.setdefault(owner_id, (set(), set()))
        for parsed in contacts:
            emails.update(e.lower() for e in parsed.emails)
            key = name_key(parsed.name)
            if key is not None:
                keys.add(key)
    ahead: dict[int, _Ahead] = {}
    for owner_id, (emails, keys) in asked.items():
        if emails or keys:
            rows = session.connection().execute(_AHEAD_CANDIDATES, {
                "owner_id": owner_id, "emails": sorted(emails), "name_keys": sorted(keys)}).all()
            ahead[owner_id] = _Ahead(emails, keys, rows)
    if ahead:
        session.info[_AHEAD] = ahead
    try:
        yield
    finally:
        session.info.pop(_AHEAD, None)


def forget_look_ahead(session: Session) -> None:
    """From here on every lookup reads the database (stored contacts may have changed)."""
    session.info.pop(_AHEAD, None)


def _ahead_for(session: Session, owner_id: int, emails: list[str],
               key: str | None) -> _Ahead | None:
    ahead: dict[int, _Ahead] | None = session.info.get(_AHEAD)
    found = ahead.get(owner_id) if ahead else None
    return found if found is not None and found.covers(emails, key) else None


def _merged_ahead(session: Session, owner_id: int, contact_id: int, company: str | None,
                  key: str | None, emails: Sequence[str]) -> None:
    """A stored contact merged into: the rows read ahead are brought to what ``_CANDIDATES``
    now returns for it (its company, whether it has emails, which of the emails asked for it
    holds, and its name key); the merge changes no other contact."""
    ahead: dict[int, _Ahead] | None = session.info.get(_AHEAD)
    found = ahead.get(owner_id) if ahead else None
    if found is None:
        return
    found.merged(contact_id, company, key, emails)


def _touch_ahead(session: Session, owner_id: int, emails: list[str], key: str | None) -> None:
    ahead: dict[int, _Ahead] | None = session.info.get(_AHEAD)
    found = ahead.get(owner_id) if ahead else None
    if found is not None:
        found.touched_emails.update(emails)
        if key is not None:
            found.touched_keys.add(key)


def _ahead_candidates() -> Select[tuple[int, str | None, str | None, bool, str | None]]:
    """The owner's contacts with one of the emails or one of the name keys, each with
    whether it has any email, once per email of theirs among the emails (else once, with
    NULL)."""
    contacts, emails = table_of(Contact), table_of(ContactEmail)
    matched = emails.alias("matched")
    by_email = select(emails.c.contact_id).where(
        emails.c.owner_id == bindparam("owner_id"),
        emails.c.email.in_(bindparam("emails", expanding=True)))
    return select(
        contacts.c.id, contacts.c.company, contacts.c.name_key,
        exists().where(emails.c.contact_id == contacts.c.id).label("has_emails"),
        matched.c.email,
    ).select_from(contacts.outerjoin(matched, and_(
        matched.c.contact_id == contacts.c.id, matched.c.owner_id == bindparam("owner_id"),
        matched.c.email.in_(bindparam("emails", expanding=True))))
    ).where(contacts.c.owner_id == bindparam("owner_id"),
            or_(contacts.c.id.in_(by_email),
                contacts.c.name_key.in_(bindparam("name_keys", expanding=True))))


_AHEAD_CANDIDATES = _ahead_candidates()


def _fill_scalars(contact: Contact, parsed: ParsedContact) -> None:
    for field in SCALAR_FIELDS:
        value = getattr(parsed, field)
        if value and not getattr(contact, field):
            setattr(contact, field, value)
    contact.name_key = name_key(contact.name)


def _add_emails(session: Session, owner_id: int, contact: Contact,
                emails: tuple[str, ...]) -> None:
    wanted = sorted({e.lower() for e in emails})
    if not wanted:
        return
    taken = set(session.scalars(select(ContactEmail.email).where(
        ContactEmail.owner_id == owner_id, ContactEmail.email.in_(wanted))))
    for email in wanted:
        if email not in taken:
            contact.emails.append(ContactEmail(owner_id=owner_id, email=email))


def _add_phones(session: Session, contact: Contact, phones: tuple[str, ...]) -> None:
    have = {p.phone for p in contact.phones}
    for phone in phones:
        if phone not in have:
            contact.phones.append(ContactPhone(phone=phone))
            have.add(phone)


def _add_facts(session: Session, contact_id: int, inbound_id: int | None,
               parsed: ParsedContact, now: datetime, *, new: bool) -> None:
    existing: set[tuple[str, str]] = set() if new else {
        (row.field, row.value) for row in session.execute(
            select(ContactFact.field, ContactFact.value).where(
                ContactFact.contact_id == contact_id, ContactFact.inbound_id == inbound_id))}
    rows = _fact_rows(contact_id, inbound_id, parsed, now, existing)
    if rows:  # one multi-row INSERT
        session.connection().execute(_INSERT_FACT, rows)


def _fact_rows(contact_id: int, inbound_id: int | None, parsed: ParsedContact, now: datetime,
               existing: set[tuple[str, str]]) -> list[dict[str, object]]:
    """Every value the message gives, once, as a fact row with its message (provenance)."""
    values = [(f, getattr(parsed, f)) for f in SCALAR_FIELDS if getattr(parsed, f)]
    values += [(f, v) for f in LIST_FIELDS for v in getattr(parsed, f)]
    values += [("email", e) for e in parsed.emails] + [("phone", p) for p in parsed.phones]
    return [{"contact_id": contact_id, "inbound_id": inbound_id, "field": field,
             "value": value, "created_at": now}
            for field, value in dict.fromkeys(values) if (field, value) not in existing]


def _add_interaction(session: Session, owner_id: int, contact_id: int, inbound_id: int,
                     kind: str, now: datetime, *, new: bool) -> None:
    exists = not new and session.scalar(select(func.count()).select_from(Interaction).where(
        Interaction.contact_id == contact_id, Interaction.inbound_id == inbound_id,
        Interaction.kind == kind))
    if not exists:
        session.add(Interaction(owner_id=owner_id, contact_id=contact_id,
                                inbound_id=inbound_id, kind=kind, occurred_at=now))


def facts_for(session: Session, contact_id: int, field: str) -> list[str]:
    return list(session.scalars(select(ContactFact.value).where(
        ContactFact.contact_id == contact_id, ContactFact.field == field)
        .order_by(ContactFact.id)))


def remember_met_on(session: Session, contact_ids: Iterable[int], inbound_id: int | None,
                    day: date, now: datetime) -> None:
    """The day the owner met these contacts, as a fact from the message that created them."""
    rows = [{"contact_id": contact_id, "inbound_id": inbound_id, "field": MET_ON,
             "value": day.isoformat(), "created_at": now} for contact_id in contact_ids]
    if rows:
        session.connection().execute(insert(table_of(ContactFact)), rows)


def met_on(session: Session, contact_id: int) -> date | None:
    """The earliest day the owner is known to have met the contact, or None."""
    days = [date.fromisoformat(value) for value in facts_for(session, contact_id, MET_ON)]
    return min(days, default=None)
