"""Building outgoing messages (pure): headers set through the ``email`` package's objects.

Everything the assistant writes on its own carries ``Auto-Submitted: auto-generated``
(RFC 3834) and ``X-Auto-Response-Suppress`` so that out-of-office robots stay quiet, and
threads to the message it answers (RFC 5322 3.6.4).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

MESSAGE_ID_RANDOM_BYTES = 16
_MESSAGE_ID = re.compile(r"<(?P<left>[^<>@\s]+)\.[0-9a-f]{32}@(?P<domain>[^<>@\s]+)>")


@dataclass(frozen=True)
class Thread:
    """What a reply threads to: the original Message-ID and its References chain."""

    message_id: str | None
    references: tuple[str, ...] = ()


def clean_header(value: str) -> str:
    """One line: CR, LF and other control characters removed (header injection)."""
    return " ".join("".join(ch if ch >= " " else " " for ch in value).split())


def address(name: str | None, addr: str) -> Address:
    return Address(display_name=clean_header(name or ""), addr_spec=clean_header(addr))


def new_message_id(sender_address: str) -> str:
    """``<local.random@domain>`` for mail from ``sender_address`` (RFC 5322 3.6.4).

    The id-left starts with the sender's local part so the assistant knows its own
    Message-IDs when a reply names them in In-Reply-To or References, even when it shares its
    domain with the owner, whose mail client writes ids on that domain too. 128 random bits
    keep it globally unique.
    """
    local, domain = _id_parts(sender_address)
    return f"<{local}.{secrets.token_hex(MESSAGE_ID_RANDOM_BYTES)}@{domain}>"


def is_message_id_of(message_id: str, sender_address: str) -> bool:
    """True when ``new_message_id(sender_address)`` made this Message-ID."""
    match = _MESSAGE_ID.fullmatch(message_id.strip().lower())
    return match is not None and (match["left"], match["domain"]) == _id_parts(sender_address)


def _id_parts(sender_address: str) -> tuple[str, str]:
    # The id-left must be dot-atom-text (RFC 5322 3.6.4): a quoted local part loses its quotes.
    local, _, domain = clean_header(sender_address).lower().rpartition("@")
    local = re.sub(r"\.{2,}", ".", re.sub(r"[^a-z0-9!#$%&'*+/=?^_`{|}~.-]", "", local)).strip(".")
    return local or "assistant", re.sub(r"[^a-z0-9.-]", "", domain) or "localhost"


def build_email(*, sender: Address, to: list[Address], subject: str, text: str,
                html: str | None = None, now: datetime, thread: Thread | None = None,
                automated: bool = True, reply_to: Address | None = None,
                message_id: str | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = clean_header(subject)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id or new_message_id(sender.addr_spec)
    if reply_to is not None:
        message["Reply-To"] = reply_to
    if thread is not None and thread.message_id:
        message["In-Reply-To"] = clean_header(thread.message_id)
        refs = [clean_header(r) for r in (*thread.references, thread.message_id) if r]
        message["References"] = " ".join(dict.fromkeys(refs))
    if automated:
        message["Auto-Submitted"] = "auto-generated"
        message["X-Auto-Response-Suppress"] = "All"
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message


def reply_subject(subject: str | None) -> str:
    subject = clean_header(subject or "")
    if not subject:
        return "Re: your note"
    return subject if subject.lower().startswith("re:") else f"Re: {subject}"
