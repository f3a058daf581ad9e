"""Mail the assistant must never answer (RFC 3834), and delivery status notifications.

Answering a robot starts a mail loop; answering a bounce does too. These rules run before
anything else looks at a message.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from email.message import EmailMessage, Message
from email.utils import parseaddr

from flufl.bounce import scan_message

from assistant.mail.headers import header_text
from assistant.parsing.classify import is_auto_reply_subject, is_bounce_sender
from assistant.tokens import is_assistant_address

log = logging.getLogger(__name__)

ROBOT_LOCALPARTS = re.compile(
    r"^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|donotreply|bounces?|auto-?reply|"
    r"autoresponder|notifications?|listserv|majordomo)([+._-].*)?$", re.I)
BULK_PRECEDENCE = {"bulk", "list", "junk", "auto_reply"}
# RFC 3463 enhanced status code of a permanent failure, as plain-text bounces quote it
# ("550 5.1.1 User unknown"); a DSN has it in its Status field.
PERMANENT_STATUS = re.compile(r"\b5\.\d{1,3}\.\d{1,3}\b")
MESSAGE_ID_LINE = re.compile(r"^[ \t]*Message-ID:\s*(<[^<>\s]+>)", re.I | re.M)


def automated_reason(message: EmailMessage, sender: str | None,
                     assistant_address: str) -> str | None:
    """Why this message must not be answered, or None when a person wrote it."""
    auto = (header_text(message, "Auto-Submitted") or "no").split(";")[0].strip().lower()
    if auto != "no":
        return f"Auto-Submitted: {auto}"  # RFC 3834 5
    precedence = (header_text(message, "Precedence") or "").strip().lower()
    if precedence in BULK_PRECEDENCE:
        return f"Precedence: {precedence}"
    if header_text(message, "List-Id") or header_text(message, "List-Unsubscribe"):
        return "mailing-list mail"
    for name in ("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress-Reply"):
        if header_text(message, name):
            return name
    if sender and ROBOT_LOCALPARTS.match(sender.partition("@")[0]):
        return f"automated sender {sender}"
    if sender and is_assistant_address(sender, assistant_address):
        return "the assistant's own mail came back"
    # Robots that set none of the headers above are known by their whole subject only.
    if is_auto_reply_subject(header_text(message, "Subject") or ""):
        return "out-of-office subject"
    return None


def may_be_bounce(message: EmailMessage) -> bool:
    """Whether the header block is a mail system's: a multipart/report, or sent by a
    mailer-daemon or postmaster, or with the null reverse-path (RFC 5321 4.5.5). A person who
    quotes or forwards a bounce sends none of these, so their note is never read as one."""
    if message.get_content_type() == "multipart/report":
        return True
    sender = parseaddr(header_text(message, "From") or "")[1].lower()
    return is_bounce_sender(sender, header_text(message, "Return-Path"))


@dataclass(frozen=True)
class Bounce:
    """A failure report, RFC 3464 or plain text: who failed and for which message."""

    failed_recipients: tuple[str, ...]
    status: str
    original_message_id: str | None


def read_bounce(message: EmailMessage) -> Bounce | None:
    """The bounce this message is, or None: an RFC 3464 report, else a plain-text bounce in
    the shape of a common MTA (Postfix, Exim, qmail, Sendmail, Exchange, Gmail...) read by
    flufl.bounce. Only a mail system's message is read (see ``may_be_bounce``)."""
    if not may_be_bounce(message):
        return None
    report_type = message.get_param("report-type")
    if message.get_content_type() == "multipart/report" and isinstance(report_type, str):
        # RFC 6522 3: the report-type says what is reported; only a delivery-status report
        # (RFC 3464) is a failure. A read receipt (RFC 8098) or an abuse report never is.
        return _read_dsn(message) if report_type.lower() == "delivery-status" else None
    return _read_plain(message)


def _read_dsn(message: EmailMessage) -> Bounce:
    failed: list[str] = []
    status = ""
    original = None
    for part in message.walk():
        ctype = part.get_content_type()
        if ctype == "message/delivery-status":
            for block in _blocks(part):
                if (block.get("Action") or "").strip().lower() == "failed":
                    failed.append(_address(block.get("Final-Recipient") or
                                           block.get("Original-Recipient") or ""))
                    status = status or (block.get("Status") or "").strip()
        elif ctype in ("message/rfc822", "text/rfc822-headers"):
            original = original or _original_id(part)
    return Bounce(tuple(a for a in failed if a), status, original)


def _read_plain(message: EmailMessage) -> Bounce | None:
    # flufl.bounce reports permanent failures only, as ASCII bytes: a delay warning is no
    # bounce, as a DSN's "Action: delayed" is not a failure.
    try:
        found = scan_message(message)
    except Exception:  # a detector choking on junk: no bounce, and still a robot's mail
        log.warning("bounce detectors failed on a mail system's message", exc_info=True)
        return None
    addresses = {a.decode("ascii", "replace").strip().strip("<>").lower() for a in found}
    failed = sorted(a for a in addresses if "@" in a and "\ufffd" not in a)
    if not failed:
        return None
    texts = [_text(p) for p in message.walk()
             if p.get_content_type() in ("text/plain", "text/rfc822-headers")]
    status = next((m.group(0) for t in texts for m in [PERMANENT_STATUS.search(t)] if m), "")
    return Bounce(tuple(failed), status, _quoted_original_id(message, texts))


def _text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    return payload.decode("ascii", "replace")  # codes and Message-IDs are ASCII


def _quoted_original_id(message: Message, texts: list[str]) -> str | None:
    """The bounced message's Message-ID: from the message or headers it returns as a part,
    else from the copy of its headers in the text (Exim, qmail, Sendmail, Gmail)."""
    for part in message.walk():
        if part.get_content_type() in ("message/rfc822", "text/rfc822-headers"):
            found = _original_id(part)
            if found:
                return found
    return next((m.group(1) for t in texts for m in [MESSAGE_ID_LINE.search(t)] if m), None)


def _blocks(part: Message) -> list[Message]:
    payload = part.get_payload()
    return [p for p in payload if isinstance(p, Message)] if isinstance(payload, list) else []


def _address(value: str) -> str:
    # Final-Recipient: rfc822; jane@example.com
    return value.rpartition(";")[2].strip().strip("<>").lower()


def _original_id(part: Message) -> str | None:
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    if isinstance(inner, Message):
        value = inner.get("Message-ID")
        return str(value).strip() if value else None
    if isinstance(payload, str):
        match = MESSAGE_ID_LINE.search(payload)
        return match.group(1) if match else None
    return None
