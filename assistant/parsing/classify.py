"""What kind of message this is, before any contact is read: automated mail, commands, replies.

Automated mail is never mined for contacts (RFC 3834 says automatic responses must not be
answered automatically; RFC 3464 delivery-status reports are not people). It is known by what
robots write (headers, sender, the whole subject), never by a word a person may also write.
"""

from __future__ import annotations

import re

from assistant.domain import OwnerIdentity
from assistant.mail.compose import is_message_id_of
from assistant.parsing.mime import MessageView
from assistant.tokens import token_from_address

COMMANDS = ("help", "summary", "pending", "find", "export", "pause", "resume", "undo")
_COMMAND_LINE = re.compile(
    r"(?i)^(?:help|summary|pending|export|pause|resume|undo|digest|each|renew"
    r"|find\s+\S.{0,80})[.!]?$"
)
# What out-of-office robots put in a subject, in the languages their owners write: alone ("Out
# of office") or before a colon and the subject they answer ("Automatic reply: Met Jane").
_AUTO_PHRASE = (
    r"auto(?:matic)?[ _-]?(?:reply|response|answer)|autoreply|autoresponse|"
    r"out of (?:the )?office(?: (?:auto[ _-]?)?reply)?|ooo|away from (?:the )?office|"
    r"abwesenheitsnotiz|abwesenheit|abwesend|automatische antwort|"
    r"r[ée]ponse automatique|absence du bureau|absente? du bureau|"
    r"respuesta autom[aá]tica|fuera de la oficina|ausente|resposta autom[aá]tica|"
    r"risposta automatica|fuori ufficio|automatisch antwoord|afwezig|autosvar"
)
_AUTO_SUBJECT = re.compile(rf"(?i)\s*(?:{_AUTO_PHRASE})\s*(?::.*|[.!]?\s*)", re.S)
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


def is_bounce_sender(sender: str | None, return_path: str | None = None) -> bool:
    """Mail from a mail system, not a person: a mailer-daemon or postmaster mailbox, or the
    null reverse-path every delivery status notification is sent with (RFC 5321 4.5.5,
    RFC 3464 2), which the final server writes as ``Return-Path: <>``."""
    if return_path is not None and return_path.strip() == "<>":
        return True
    return bool(_BOUNCE_SENDER.match((sender or "").partition("@")[0]))


def is_bounce(view: MessageView, sender: str | None) -> bool:
    """A delivery status notification (RFC 3464 multipart/report; report-type=delivery-status)
    or mail from a mail system. A person's message that quotes or attaches one is not."""
    ctype = view.header("Content-Type").lower()
    if "multipart/report" in ctype and "delivery-status" in ctype:
        return True
    return is_bounce_sender(sender, view.header("Return-Path") or None) or bool(
        _BOUNCE_SUBJECT.match(view.subject) and not sender
    )


def is_auto_reply_subject(subject: str) -> bool:
    """An out-of-office robot's subject: the whole subject, never a word at its start, since a
    person's "Away From Home conference" must be read."""
    return bool(_AUTO_SUBJECT.fullmatch(subject))


def is_auto_reply(view: MessageView) -> bool:
    """Out-of-office and other automatic mail (RFC 3834 Auto-Submitted, Precedence, X-Autoreply),
    or, where a robot sets none of them, its whole subject."""
    auto_submitted = view.header("Auto-Submitted").strip().lower()
    if auto_submitted and not auto_submitted.startswith("no"):
        return True
    if view.header("Precedence").strip().lower() in {"bulk", "list", "junk", "auto_reply"}:
        return True
    if view.header("X-Autoreply") or view.header("X-Autorespond"):
        return True
    if view.header("X-Auto-Response-Suppress").lower() in {"all", "oof"}:
        return True
    return is_auto_reply_subject(view.subject)


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
    """A reply to the assistant's own mail, known from what the assistant wrote: its approval
    address (``assistant+<token>@domain``) among the recipients, or In-Reply-To/References
    (RFC 5322 3.6.4) naming a Message-ID it made; else a Re: subject with the assistant the
    only recipient or quoted.

    The domain of a Message-ID proves nothing: the assistant may share it with the owner,
    whose own mail client writes Message-IDs there too.
    """
    if _threads_to_assistant(view, owner) or _to_approval_address(view, owner):
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


def _threads_to_assistant(view: MessageView, owner: OwnerIdentity) -> bool:
    references = f"{view.header('In-Reply-To')} {view.header('References')}".split()
    return any(is_message_id_of(ref, a) for ref in references for a in owner.assistant_addresses)


def _to_approval_address(view: MessageView, owner: OwnerIdentity) -> bool:
    recipients = [addr for name in ("To", "Cc") for _, addr in view.addresses(name)]
    return any(token_from_address(r, a) for r in recipients for a in owner.assistant_addresses)


def is_automated_address(address: str) -> bool:
    """True for no-reply, notification and daemon mailboxes: never a contact."""
    return bool(_AUTOMATED_LOCAL.match(address.split("@")[0]))


def strip_subject_prefixes(subject: str) -> str:
    previous = None
    while previous != subject:
        previous = subject
        subject = _FORWARD_PREFIX.sub("", _REPLY_PREFIX.sub("", subject)).strip()
    return subject
