"""Contacts from vCard text (RFC 2426 v3.0, RFC 6350 v4.0, and the older 2.1), read by vobject.

Several cards in one file are all read; a card vobject cannot read is skipped, not fatal.
"""

from __future__ import annotations

import logging
import re

import phonenumbers
import vobject

from assistant.domain import ParsedContact
from assistant.parsing.contacts import clean_name, normalize_email, normalize_url

log = logging.getLogger(__name__)


_CARD = re.compile(r"(?ims)^BEGIN:VCARD\s*$.*?^END:VCARD\s*$")


def parse_vcards(text: str, region: str) -> list[ParsedContact]:
    """Every readable card in ``text`` as a contact; national phones read in ``region``.

    Each BEGIN:VCARD..END:VCARD block is read on its own, so one broken card does not lose
    the others.
    """
    contacts = []
    for block in _CARD.findall(text.replace("\r\n", "\n")):
        contacts.extend(_read_block(block, region))
    return contacts


def _read_block(block: str, region: str) -> list[ParsedContact]:
    try:
        # allowQP: version 2.1 cards use quoted-printable values (vCard 2.1 section 2.1.3).
        cards = list(vobject.readComponents(block, allowQP=True, ignoreUnreadable=True))
    except Exception:  # noqa: BLE001 - vobject raises many types on broken input
        log.info("unreadable vCard skipped")
        return []
    return [c for c in (_contact(card, region) for card in cards) if c is not None]


def _values(card: object, key: str) -> list[object]:
    contents = getattr(card, "contents", {})
    return [line.value for line in contents.get(key, [])]


def _first_text(card: object, key: str) -> str | None:
    for value in _values(card, key):
        text = ";".join(str(v) for v in value if v) if isinstance(value, list) else str(value)
        if text.strip():
            return text.strip()
    return None


def _name(card: object) -> str | None:
    formatted = _first_text(card, "fn")
    if formatted:
        return clean_name(formatted)
    for value in _values(card, "n"):
        given = getattr(value, "given", "") or ""
        family = getattr(value, "family", "") or ""
        joined = " ".join(str(p) for p in (given, family) if p)
        if joined.strip():
            return clean_name(joined)
    return None


def _company(card: object) -> str | None:
    for value in _values(card, "org"):
        parts = value if isinstance(value, list) else [value]
        if parts and str(parts[0]).strip():
            return str(parts[0]).strip()
    return None


def _phone(raw: str, region: str) -> str | None:
    value = raw.strip().removeprefix("tel:")
    try:
        number = phonenumbers.parse(value, region or "US")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _contact(card: object, region: str) -> ParsedContact | None:
    if getattr(card, "name", "").upper() != "VCARD":
        return None
    emails = [e for e in (normalize_email(str(v)) for v in _values(card, "email")) if e]
    phones = [p for p in (_phone(str(v), region) for v in _values(card, "tel")) if p]
    urls = [u for u in (normalize_url(str(v)) for v in _values(card, "url")) if u]
    name = _name(card)
    if not (name or emails or phones):
        return None
    return ParsedContact(
        name=name,
        emails=tuple(dict.fromkeys(emails)),
        phones=tuple(dict.fromkeys(phones)),
        company=_company(card),
        title=_first_text(card, "title"),
        urls=tuple(dict.fromkeys(urls)),
    )
