"""Contacts in and out: vCard (2.1, 3.0, 4.0) and CSV (Google, Outlook, LinkedIn, plain).

Pure: text in, frozen records out, and back. The CSV format is recognised from its header
row; LinkedIn's ``Connections.csv`` starts with a few note lines, so the header is the first
row that names a contact column. Emails are checked with email-validator, phones written in
E.164 with phonenumbers (national numbers read in the owner's region), vCards read and
written with vobject.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

import phonenumbers
import vobject
from nameparser import HumanName

from assistant.domain import ParsedContact
from assistant.parsing.contacts import clean_name, normalize_email, normalize_url
from assistant.parsing.vcard import parse_vcards

HEADER_MARKERS = frozenset({"name", "full name", "first name", "given name", "email",
                            "e-mail address", "email address", "e-mail 1 - value"})
MULTI_SEPARATOR = ":::"  # Google Contacts joins several values of one column with " ::: "
EXPORT_COLUMNS = ("Name", "Given Name", "Family Name", "E-mail 1 - Value", "Phone 1 - Value",
                  "Organization 1 - Name", "Organization 1 - Title", "Website 1 - Value",
                  "Notes", "Labels")
# A contact the owner has not met yet (an introduction, "haven't met Ana yet") leaves with this
# label (Google's "Labels" column, vCard CATEGORIES), and a file that carries it comes back in
# as not met: the follow-up then introduces the owner and never says they met.
NOT_MET_LABEL = "Not met yet"


@dataclass(frozen=True)
class ContactRecord:
    """A contact as it leaves or enters the assistant (export rows, import rows)."""

    name: str | None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    company: str | None = None
    title: str | None = None
    urls: tuple[str, ...] = ()
    note: str | None = None
    met: bool = True

    def to_parsed(self) -> ParsedContact:
        return ParsedContact(name=self.name, emails=self.emails, phones=self.phones,
                             company=self.company, title=self.title, urls=self.urls,
                             context=self.note, met=self.met)


@dataclass(frozen=True)
class Skipped:
    row: int
    reason: str


@dataclass(frozen=True)
class ImportBatch:
    """What a file holds: its format, the records, and the rows left out with the reason."""

    format: str
    records: tuple[ContactRecord, ...]
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[str, ...] = field(default=())


# -- reading --------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM, as Google and LinkedIn write it), else Windows-1252
    (Outlook's CSV export on Windows)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_contacts(text: str, *, filename: str, region: str) -> ImportBatch:
    if filename.lower().endswith((".vcf", ".vcard")) or \
            text.lstrip().upper().startswith("BEGIN:VCARD"):
        return read_vcards(text, region)
    return read_csv(text, region)


def read_vcards(text: str, region: str) -> ImportBatch:
    cards = parse_vcards(text, region)
    records = tuple(ContactRecord(name=c.name, emails=c.emails, phones=c.phones,
                                  company=c.company, title=c.title, urls=c.urls,
                                  note=note, met=met)
                    for c, (note, met) in zip(cards, _vcard_extras(text, len(cards)),
                                              strict=True))
    found = text.upper().count("BEGIN:VCARD")
    skipped = tuple(Skipped(0, "unreadable card or card with no name, email or phone")
                    for _ in range(max(0, found - len(records))))
    return ImportBatch("vcard", records, skipped)


def _vcard_extras(text: str, count: int) -> list[tuple[str | None, bool]]:
    """NOTE of each card and whether it was met (no "Not met yet" in its CATEGORIES), aligned
    with ``parse_vcards`` when every card was read."""
    try:
        extras = [(_note(card), not _not_met(card))
                  for card in vobject.readComponents(text, allowQP=True)]
    except Exception:  # noqa: BLE001 - vobject raises many types; the extras are then left out
        extras = []
    return extras if len(extras) == count else [(None, True)] * count


def _note(card: object) -> str | None:
    lines = getattr(card, "contents", {}).get("note", [])
    return str(lines[0].value).strip() or None if lines else None


def _not_met(card: object) -> bool:
    for line in getattr(card, "contents", {}).get("categories", []):
        values = line.value if isinstance(line.value, list) else str(line.value).split(",")
        if any(_is_not_met_label(str(value)) for value in values):
            return True
    return False


def _is_not_met_label(value: str) -> bool:
    return value.strip().casefold() == NOT_MET_LABEL.casefold()


def detect_format(header: list[str]) -> str:
    names = {h.strip().lower() for h in header}
    if "connected on" in names:
        return "linkedin"
    if any(" - value" in h for h in names):
        return "google"
    if "e-mail address" in names and ({"job title", "business phone"} & names):
        return "outlook"
    return "csv"


def read_csv(text: str, region: str) -> ImportBatch:
    rows = list(csv.reader(io.StringIO(text)))
    start = _header_index(rows)
    header = rows[start]
    columns = _columns(header)
    records: list[ContactRecord] = []
    skipped: list[Skipped] = []
    warnings: list[str] = []
    for number, row in enumerate(rows[start + 1:], start=start + 2):
        if not any(cell.strip() for cell in row):
            continue
        record = _record(_fields(columns, row), region, number, warnings)
        if record.name or record.emails:
            records.append(record)
        else:
            skipped.append(Skipped(number, "no name and no valid email"))
    return ImportBatch(detect_format(header), tuple(records), tuple(skipped), tuple(warnings))


def _header_index(rows: list[list[str]]) -> int:
    for index, row in enumerate(rows[:20]):
        if HEADER_MARKERS & {cell.strip().lower() for cell in row}:
            return index
    raise ValueError("no header row naming a contact column (Name, First Name, E-mail "
                     "Address...) in the first 20 lines: not a contacts CSV")


def _columns(header: list[str]) -> list[str | None]:
    names = {h.strip().lower() for h in header}
    return [column_field(h, has_job_title="job title" in names) for h in header]


def column_field(header: str, *, has_job_title: bool = False) -> str | None:
    """Which contact field a CSV column feeds, from its header (None: ignored)."""
    h = header.strip().lower()
    if h in ("labels", "group membership", "categories"):  # Google's new and old, Outlook's
        return "labels"
    if any(word in h for word in ("label", "type", "display", "fax", "assistant", "pager")):
        return None
    exact = {"name": "name", "full name": "name", "first name": "given", "given name": "given",
             "middle name": "middle", "additional name": "middle", "last name": "family",
             "family name": "family", "surname": "family", "suffix": "suffix",
             "name suffix": "suffix", "company": "company",
             "organization": "company", "organization 1 - name": "company",
             "organization name": "company", "job title": "title", "position": "title",
             "organization 1 - title": "title", "organization title": "title",
             "notes": "note", "note": "note", "connected on": "connected_on",
             "url": "url", "web page": "url", "website": "url", "profile url": "url"}
    if h in exact:
        return exact[h]
    if h == "title":  # Outlook's "Title" is the honorific (Mr., Dr.); its role is "Job Title"
        return None if has_job_title else "title"
    if "e-mail" in h or "email" in h:
        return "email"
    if "phone" in h or h in ("mobile", "telephone"):
        return "phone"
    if h.startswith("website") and "value" in h:
        return "url"
    return None


def _fields(columns: list[str | None], row: list[str]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for name, cell in zip(columns, row, strict=False):
        if name is None:
            continue
        # Google joins labels with " ::: ", Outlook its Categories with ";"
        values = cell.replace(";", MULTI_SEPARATOR) if name == "labels" else cell
        for value in values.split(MULTI_SEPARATOR):
            if value.strip():
                fields.setdefault(name, []).append(value.strip())
    return fields


def _record(fields: dict[str, list[str]], region: str, row: int,
            warnings: list[str]) -> ContactRecord:
    def first(key: str) -> str | None:
        values = fields.get(key)
        return values[0] if values else None

    raw_name = first("name") or " ".join(
        v for v in (first("given"), first("middle"), first("family"), first("suffix")) if v)
    note = first("note")
    if not note and first("connected_on"):
        note = f"Connected on LinkedIn on {first('connected_on')}"
    return ContactRecord(
        name=clean_name(raw_name) if raw_name else None,
        emails=_unique(_email(v, row, warnings) for v in fields.get("email", [])),
        phones=_unique(_phone(v, region, row, warnings) for v in fields.get("phone", [])),
        company=first("company"), title=first("title"),
        urls=_unique(normalize_url(v) for v in fields.get("url", [])), note=note,
        met=not any(_is_not_met_label(v) for v in fields.get("labels", [])))


def _unique(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _email(raw: str, row: int, warnings: list[str]) -> str | None:
    address = normalize_email(raw)
    if address is None:
        warnings.append(f"row {row}: {raw!r} is not an email address (left out)")
    return address


def _phone(raw: str, region: str, row: int, warnings: list[str]) -> str | None:
    e164 = normalize_phone(raw, region)
    if e164 is None:
        warnings.append(f"row {row}: {raw!r} is not a phone number in {region} (left out)")
    return e164


def normalize_phone(raw: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(raw.strip().removeprefix("tel:"), region or "US")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# -- writing --------------------------------------------------------------------------------


def export_vcards(contacts: Iterable[ContactRecord]) -> str:
    """vCard 3.0 (RFC 2426), one card per contact, CRLF line ends as the RFC asks."""
    return "".join(_vcard(contact).serialize() for contact in contacts)


def _vcard(contact: ContactRecord) -> vobject.base.Component:
    card = vobject.vCard()
    name = contact.name or (contact.emails[0] if contact.emails else "")
    card.add("fn").value = name
    parsed = HumanName(contact.name or "")
    card.add("n").value = vobject.vcard.Name(family=parsed.last, given=parsed.first,
                                             additional=parsed.middle)
    for email in contact.emails:
        line = card.add("email")
        line.value, line.type_param = email, "INTERNET"
    for phone in contact.phones:
        card.add("tel").value = phone
    if contact.company:
        card.add("org").value = [contact.company]
    if not contact.met:
        card.add("categories").value = [NOT_MET_LABEL]
    for key, value in (("title", contact.title), ("note", contact.note)):
        if value:
            card.add(key).value = value
    for url in contact.urls:
        card.add("url").value = url
    return card


def export_csv(contacts: Iterable[ContactRecord]) -> str:
    """Google Contacts' CSV columns, so the file also imports into Google and Outlook."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 2.1: CRLF
    writer.writerow(EXPORT_COLUMNS)
    for contact in contacts:
        parsed = HumanName(contact.name or "")
        writer.writerow([contact.name or "", parsed.first, parsed.last,
                         _joined(contact.emails), _joined(contact.phones),
                         contact.company or "", contact.title or "", _joined(contact.urls),
                         contact.note or "", "" if contact.met else NOT_MET_LABEL])
    return out.getvalue()


def _joined(values: tuple[str, ...]) -> str:
    return f" {MULTI_SEPARATOR} ".join(values)
