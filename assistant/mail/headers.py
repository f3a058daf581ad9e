"""Guarded header reading: the ``email`` package raises on some junk headers.

Addresses are parsed with the header registry's objects and refused when the parser recorded
a defect, since a defective header is where one address can be made to look like another
(the CVE-2023-27043 class of bugs).
"""

from __future__ import annotations

from collections.abc import Callable
from email.message import EmailMessage
from functools import lru_cache, wraps
from typing import TypeVar

from assistant.parsing.mime import header_block, plain_date_or_id

# Routing one message reads its headers a dozen times (own copy? bounce? robot? who sent it?
# an approval answer?); they are parsed once. Only messages up to this size are remembered, a
# few at a time, so the cache never holds much memory.
CACHED_BYTES = 256 * 1024
T = TypeVar("T")


def _remembered(read: Callable[[bytes], T]) -> Callable[[bytes], T]:
    """``read`` remembered for the last few messages up to CACHED_BYTES (bytes cache their
    hash, so a lookup costs one pass over a message the first time only)."""
    cached = lru_cache(maxsize=32)(read)

    @wraps(read)
    def reader(raw: bytes) -> T:
        return cached(raw) if len(raw) <= CACHED_BYTES else read(raw)

    return reader


@_remembered
def read_headers(raw: bytes) -> EmailMessage:
    """The header block parsed with the ``email`` package's current policy. The result may be
    shared with other callers reading the same message: read it, never change it.

    Each header field is parsed into its header object once, on first use: routing reads
    From, Subject, Content-Type and the robot headers several times over, and the stock
    policy parses a field again on every read (``once_per_message``: the same objects, shared
    with ``read_message`` of the same bytes)."""
    message = header_block(raw)
    assert isinstance(message, EmailMessage)
    return message


@_remembered
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


HEADER_ERRORS = (ValueError, IndexError, TypeError, AttributeError, LookupError)


def raw_header(message: EmailMessage, name: str) -> str | None:
    """The header's raw text, not parsed (for headers the ``email`` package chokes on)."""
    wanted = name.lower()
    return next((str(v) for k, v in message.raw_items() if k.lower() == wanted), None)


def raw_headers(message: EmailMessage, name: str) -> list[str]:
    wanted = name.lower()
    return [str(v) for k, v in message.raw_items() if k.lower() == wanted]


def header_text(message: EmailMessage, name: str) -> str | None:
    if name.lower() in ("date", "message-id"):  # plain ones read without their header object
        raw = next(((k, v) for k, v in message.raw_items() if k.lower() == name.lower()), None)
        quick = plain_date_or_id(*raw) if raw is not None and type(raw[1]) is str else None
        if quick is not None:
            return " ".join(quick.split())
    try:
        value: object = message[name]
    except HEADER_ERRORS:
        value = raw_header(message, name)
    return None if value is None else " ".join(str(value).split())


@_remembered
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
        try:
            values = message.get_all(name, [])
            for value in values:
                found.extend(a.addr_spec.lower() for a in value.addresses)
        except HEADER_ERRORS:
            for raw in raw_headers(message, name):
                found.extend(getaddresses_lower(raw))
    return found


def getaddresses_lower(raw: str) -> list[str]:
    from email.utils import getaddresses

    return [addr.lower() for _, addr in getaddresses([raw]) if addr]
