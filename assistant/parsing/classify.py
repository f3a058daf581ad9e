"""What kind of message this is, before any contact is read: automated mail, commands, replies.

Automated mail is never mined for contacts (RFC 3834 says automatic responses must not be
answered automatically; RFC 3464 delivery-status reports are not people).
"""

from __future__ import annotations

import re

from assistant.domain import OwnerIdentity
from assistant.parsing.mime import MessageView

COMMANDS = ("help", "summary", "pending", "find", "export", "pause", "resume", "undo")
_COMMAND_LINE = re.compile(
    r"(?i)^(?:help|summary|pending|export|pause|resume|undo|find\s+\S.{0,80})[.!]?$"
)
_AUTO_SUBJECT = re.compile(
    r"(?i)^(?:auto(?:matic)?[ _-]?(?:reply|response)|autoreply|out of (?:the )?office|"
    r"ooo\b|away from (?:the )?office|abwesenheitsnotiz|abwesenheit|automatische antwort|"
    r"réponse automatique|absence du bureau|absent(?:e)? du bureau|respuesta automática|"
    r"fuera de la oficina|ausente)"
)
_BOUNCE_SENDER = re.compile(r"(?i)^(?:mailer-daemon|postmaster|mail-daemon|bounces?)(?:[+@]|$)")
_BOUNCE_SUBJECT = re.compile(
    r"(?i)^(?:undeliver(?:ed|able)|delivery status notification|mail delivery failed|"
    r"returned mail|delivery failure|failure notice|unzustellbar|non remis|no se puede entregar)"
)
_REPLY_PREFIX = re.compile(r"(?i)^\s*(?:re|aw|sv|antw|réf|rif|r)\s*:")
_FORWARD_PREFIX = re.compile(r"(?i)^\s*(?:(?:fwd?|wg|tr|rv|enc)\s*:\s*)+")
_AUTOMATED_LOCAL = re.compile(
    r"(?i)^(?:no-?reply|do-?not-?reply|donotreply|notifications?|mailer-daemon|postmaster|"
    r"bounces?|auto-?confirm|newsletter|news|alerts?|system|daemon)(?:[+.-].*)?$"
)


def is_bounce(view: MessageView, sender: str | None) -> bool:
    """A delivery status notification (RFC 3464 multipart/report; report-type=delivery-status)."""
    ctype = view.header("Content-Type").lower()
    if "multipart/report" in ctype and "delivery-status" in ctype:
        return True
    if "message/delivery-status" in view.content_types:
        return True
    local = (sender or "").split("@")[0]
    return bool(_BOUNCE_SENDER.match(local)) or bool(
        _BOUNCE_SUBJECT.match(view.subject) and not sender
    )


def is_auto_reply(view: MessageView) -> bool:
    """Out-of-office and other automatic mail (RFC 3834 Auto-Submitted, Precedence, X-Autoreply)."""
    auto_submitted = view.header("Auto-Submitted").strip().lower()
    if auto_submitted and not auto_submitted.startswith("no"):
        return True
    if view.header("Precedence").strip().lower() in {"bulk", "list", "junk", "auto_reply"}:
        return True
    if view.header("X-Autoreply") or view.header("X-Autorespond"):
        return True
    if view.header("X-Auto-Response-Suppress").lower() in {"all", "oof"}:
        return True
    return bool(_AUTO_SUBJECT.match(_REPLY_PREFIX.sub("", view.subject).strip()))


def command_of(view: MessageView, sender: str | None, owner: OwnerIdentity) -> str | None:
    """The command the owner sent (subject or first line), or None."""
    if not sender or not owner.is_owner_address(sender):
        return None
    subject = _REPLY_PREFIX.sub("", view.subject).strip()
    first_line = next((line.strip() for line in view.text.splitlines() if line.strip()), "")
    for candidate in (subject, first_line):
        if _COMMAND_LINE.match(candidate):
            return candidate.rstrip(".!")
    return None


def is_reply_to_assistant(view: MessageView, owner: OwnerIdentity) -> bool:
    """A reply to the assistant's own mail: Re: subject and the assistant quoted or addressed.

    In-Reply-To/References (RFC 5322 3.6.4) naming a Message-ID in the assistant's domain also
    counts.
    """
    domains = {a.split("@")[-1] for a in owner.assistant_addresses}
    references = f"{view.header('In-Reply-To')} {view.header('References')}".lower()
    if domains and any(f"@{domain}>" in references for domain in domains):
        return True
    if not _REPLY_PREFIX.match(view.subject):
        return False
    recipients = {addr for _, addr in view.addresses("To")}
    only_to_assistant = len(recipients) == 1 and owner.is_assistant_address(next(iter(recipients)))
    quoted = view.text.lower()
    quotes_assistant = any(
        f"{a.lower()}> wrote" in quoted or f"{a.lower()} wrote" in quoted
        for a in owner.assistant_addresses
    )
    return only_to_assistant or quotes_assistant


def is_automated_address(address: str) -> bool:
    """True for no-reply, notification and daemon mailboxes: never a contact."""
    return bool(_AUTOMATED_LOCAL.match(address.split("@")[0]))


def strip_subject_prefixes(subject: str) -> str:
    previous = None
    while previous != subject:
        previous = subject
        subject = _FORWARD_PREFIX.sub("", _REPLY_PREFIX.sub("", subject)).strip()
    return subject
