"""Guarded header reading: the ``email`` package raises on some junk headers.

Addresses are parsed with the header registry's objects and refused when the parser recorded
a defect, since a defective header is where one address can be made to look like another
(the CVE-2023-27043 class of bugs).
"""

from __future__ import annotations

import email.parser
import email.policy
from email.message import EmailMessage


def read_headers(raw: bytes) -> EmailMessage:
    parser = email.parser.BytesParser(policy=email.policy.default)
    message = parser.parsebytes(raw, headersonly=True)
    assert isinstance(message, EmailMessage)
    return message


def sender_address(raw: bytes) -> str | None:
    """The single From address, lower-cased; None when missing, several, or defective."""
    try:
        header = read_headers(raw)["From"]
        if header is None or header.defects:
            return None
        addresses = header.addresses
    except (ValueError, IndexError, TypeError, AttributeError, LookupError):
        return None
    if len(addresses) != 1 or not addresses[0].username or not addresses[0].domain:
        return None
    return addresses[0].addr_spec.lower()


def header_text(message: EmailMessage, name: str) -> str | None:
    try:
        value = message[name]
    except (ValueError, IndexError, TypeError, AttributeError, LookupError):
        raw = message.get_all(name, failobj=[None])
        value = raw[0] if raw else None
    return None if value is None else " ".join(str(value).split())


def thread_of(raw: bytes) -> tuple[str | None, tuple[str, ...], str]:
    """(Message-ID, References, Subject) of a message, for threading a reply to it."""
    try:
        message = read_headers(raw)
    except (ValueError, IndexError, TypeError, LookupError):
        return None, (), ""
    message_id = header_text(message, "Message-ID")
    references = tuple((header_text(message, "References") or "").split())
    return message_id, references, header_text(message, "Subject") or ""


def recipients_of(message: EmailMessage) -> list[str]:
    """Every address the message was delivered or addressed to (To, Cc, Delivered-To...)."""
    found: list[str] = []
    for name in ("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To"):
        for value in message.get_all(name, []):
            try:
                found.extend(a.addr_spec.lower() for a in value.addresses)
            except (AttributeError, ValueError, IndexError):
                found.extend(part.strip().strip("<>").lower() for part in str(value).split(","))
    return found
