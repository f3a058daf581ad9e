"""Building outgoing messages (pure): headers set through the ``email`` package's objects.

Everything the assistant writes on its own carries ``Auto-Submitted: auto-generated``
(RFC 3834) and ``X-Auto-Response-Suppress`` so that out-of-office robots stay quiet, and
threads to the message it answers (RFC 5322 3.6.4).
"""

from __future__ import annotations

import functools
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.charset import QP, Charset
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.utils import format_datetime, formataddr

MESSAGE_ID_RANDOM_BYTES = 16
_MESSAGE_ID = re.compile(r"<(?P<left>[^<>@\s]+)\.[0-9a-f]{32}@(?P<domain>[^<>@\s]+)>")


@dataclass(frozen=True)
class Thread:
    """What a reply threads to: the original Message-ID and its References chain."""

    message_id: str | None
    references: tuple[str, ...] = ()


def clean_header(value: str) -> str:
    """One line: CR, LF and other control characters removed (header injection)."""
    return " ".join(value.translate(_CONTROLS_TO_SPACE).split())


_CONTROLS_TO_SPACE = dict.fromkeys(range(0x20), " ")  # every character below the space


@functools.lru_cache(maxsize=1024)
def address(name: str | None, addr: str) -> Address:
    """The address, parsed once per (name, address): the assistant writes to the same few
    owners from the same address for every note (an ``Address`` cannot be changed)."""
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


_UTF8_QP = Charset("utf-8")
_UTF8_QP.body_encoding = QP  # readable in the raw message, like set_content's choice


@dataclass(frozen=True)
class Composed:
    """An email as bytes, with the Message-ID it carries."""

    message_id: str
    raw: bytes


def compose_bytes(*, sender: Address, to: list[Address], subject: str, text: str,
                  html: str | None = None, now: datetime, thread: Thread | None = None,
                  reply_to: Address | None = None) -> Composed:
    """The same email as ``build_email(automated=True)``, written as the ``email`` package's
    legacy (compat32) generator writes it: headers kept as strings instead of parsed header
    objects, and the bytes put together here instead of through message objects and the
    generator (the acknowledgement is written for every note). Headers with non-ASCII text are
    encoded words (RFC 2047) and bodies quoted-printable UTF-8. ``_compose_with_generator``
    writes the same bytes through the ``email`` package (the tests compare the two)."""
    message_id = new_message_id(sender.addr_spec)
    headers = [_fold("From", _address_text(sender)),
               _fold("To", ", ".join(_address_text(a) for a in to)),
               _fold("Subject", _header_text(clean_header(subject))),
               _fold("Date", format_datetime(now)),
               _fold("Message-ID", message_id)]
    if reply_to is not None:
        headers.append(_fold("Reply-To", _address_text(reply_to)))
    if thread is not None and thread.message_id:
        headers.append(_fold("In-Reply-To", clean_header(thread.message_id)))
        refs = [clean_header(r) for r in (*thread.references, thread.message_id) if r]
        headers.append(_fold("References", " ".join(dict.fromkeys(refs))))
    headers.append(_AUTOMATED)
    if html is None:
        # the MIME headers come first, in the order the MIME classes set them (setting the
        # charset writes Content-Type again, after MIME-Version)
        raw = b"".join((_MIME_VERSION, _TEXT_HEADERS["plain"], _QP_CTE, *headers, b"\n",
                        _qp_body(text)))
        return Composed(message_id, raw)
    # RFC 2046 5.1.1: the boundary must not occur in the parts. Their bodies are
    # quoted-printable, which writes "=" only as "=XX" or a soft break, never "==", so a
    # boundary made of "==" and random hex cannot occur in them and no scan is needed.
    boundary = f"==={secrets.token_hex(MESSAGE_ID_RANDOM_BYTES)}==".encode("ascii")
    top = _fold("Content-Type", f'multipart/alternative; boundary="{boundary.decode()}"')
    parts = [b"".join((_TEXT_HEADERS[subtype], _QP_CTE, b"\n", _qp_body(body)))
             for body, subtype in ((text, "plain"), (html, "html"))]
    raw = b"".join((top, _MIME_VERSION, *headers, b"\n--", boundary, b"\n",
                    (b"\n--" + boundary + b"\n").join(parts), b"\n--", boundary, b"--\n"))
    return Composed(message_id, raw)


_TEXT_HEADERS = {subtype: f'Content-Type: text/{subtype}; charset="utf-8"\n'.encode("ascii")
                 for subtype in ("plain", "html")}
_MIME_VERSION = b"MIME-Version: 1.0\n"
_QP_CTE = b"Content-Transfer-Encoding: quoted-printable\n"
_AUTOMATED = b"Auto-Submitted: auto-generated\nX-Auto-Response-Suppress: All\n"
_FOLD_WIDTH = 78  # compat32's line length, which its Header class folds at
_PLAIN_VALUE = re.compile(r"[\x21-\x7e]+(?: [\x21-\x7e]+)*")


def _fold(name: str, value: str) -> bytes:
    """``policy.compat32.fold_binary(name, value)``, as the generator writes a header: a
    value of printable ASCII words with single spaces that fits on the line is written as it
    is, which is what the fold writes for it; anything else goes through the fold itself."""
    if len(name) + 2 + len(value) <= _FOLD_WIDTH and _PLAIN_VALUE.fullmatch(value):
        return f"{name}: {value}\n".encode("ascii")
    return _compat32_fold(name, value)


@functools.lru_cache(maxsize=256)
def _compat32_fold(name: str, value: str) -> bytes:
    # the same few owners' names come back on every acknowledgement
    return policy.compat32.fold_binary(name, value)


def _qp_body(body: str) -> bytes:
    """A text part's body as ``set_payload(text, utf-8 quoted-printable)`` and the generator
    write it: one line ending, the text ending with it, encoded, lines ending in LF."""
    lines = body.splitlines()
    encoded = _UTF8_QP.body_encode(("\n".join(lines) + "\n").encode("utf-8"))
    return "\n".join(_NEWLINES.split(str(encoded))).encode("ascii", "surrogateescape")


_NEWLINES = re.compile(r"\r\n|\r|\n")  # the generator's NLCRE


def _compose_with_generator(*, sender: Address, to: list[Address], subject: str, text: str,
                            html: str | None = None, now: datetime,
                            thread: Thread | None = None, reply_to: Address | None = None,
                            message_id: str, boundary: str | None = None) -> bytes:
    """``compose_bytes`` through the ``email`` package's MIME classes and compat32
    generator, with the given Message-ID and boundary (the reference its bytes are checked
    against)."""
    message: Message
    if html is None:
        message = _text_part(text, "plain")
    else:
        message = MIMEMultipart("alternative", boundary=boundary)
        for body, subtype in ((text, "plain"), (html, "html")):
            part = _text_part(body, subtype)
            del part["MIME-Version"]  # only the top level carries it (RFC 2045 4)
            message.attach(part)
    message["From"] = _address_text(sender)
    message["To"] = ", ".join(_address_text(a) for a in to)
    message["Subject"] = _header_text(clean_header(subject))
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id
    if reply_to is not None:
        message["Reply-To"] = _address_text(reply_to)
    if thread is not None and thread.message_id:
        message["In-Reply-To"] = clean_header(thread.message_id)
        refs = [clean_header(r) for r in (*thread.references, thread.message_id) if r]
        message["References"] = " ".join(dict.fromkeys(refs))
    message["Auto-Submitted"] = "auto-generated"
    message["X-Auto-Response-Suppress"] = "All"
    return message.as_bytes(policy=policy.compat32)


def _text_part(body: str, subtype: str) -> Message:
    part = MIMENonMultipart("text", subtype)
    # as set_content does: one line ending, and the text ends with it
    lines = body.splitlines()
    part.set_payload("\n".join(lines) + "\n", _UTF8_QP)
    return part


def _address_text(value: Address) -> str:
    return formataddr((value.display_name, value.addr_spec), charset="utf-8")


def _header_text(value: str) -> str:
    return value if value.isascii() else Header(value, "utf-8", header_name="Subject").encode()


def reply_subject(subject: str | None) -> str:
    subject = clean_header(subject or "")
    if not subject:
        return "Re: your note"
    return subject if subject.lower().startswith("re:") else f"Re: {subject}"
