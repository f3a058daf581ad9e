"""Mail the assistant must never answer (RFC 3834), and delivery status notifications.

Answering a robot starts a mail loop; answering a bounce does too. These rules run before
anything else looks at a message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import EmailMessage, Message

from assistant.mail.headers import header_text

ROBOT_LOCALPARTS = re.compile(
    r"^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|donotreply|bounces?|auto-?reply|"
    r"autoresponder|notifications?|listserv|majordomo)([+._-].*)?$", re.I)
AWAY_SUBJECTS = re.compile(
    r"^\s*(auto(matic)?[ -]?(reply|response)|out of (the )?office|away from|abwesen|"
    r"automatische antwort|r[ée]ponse automatique|absence|absent|respuesta autom[aá]tica|"
    r"fuera de la oficina|risposta automatica|fuori ufficio|afwezig|autosvar)", re.I)
BULK_PRECEDENCE = {"bulk", "list", "junk", "auto_reply"}


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
    if sender and sender.lower() == assistant_address.lower():
        return "the assistant's own mail came back"
    if AWAY_SUBJECTS.match(header_text(message, "Subject") or ""):
        return "out-of-office subject"
    return None


@dataclass(frozen=True)
class Bounce:
    """A delivery status notification (RFC 3464): who failed and for which message."""

    failed_recipients: tuple[str, ...]
    status: str
    original_message_id: str | None


def read_bounce(message: Message) -> Bounce | None:
    if message.get_content_type() != "multipart/report":
        return None
    report_type = message.get_param("report-type")
    if not isinstance(report_type, str) or report_type.lower() != "delivery-status":
        return None
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
        match = re.search(r"^Message-ID:\s*(<[^>]+>)", payload, re.I | re.M)
        return match.group(1) if match else None
    return None
