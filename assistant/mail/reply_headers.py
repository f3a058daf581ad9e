"""Which contact a message in the owner's own mailbox answers, from its headers alone (pure).

A message counts as the contact's reply when its In-Reply-To or References name a follow-up
the owner sent (RFC 5322 3.6.4), or, failing that, when its sender is a contact awaiting a
reply. An out-of-office (RFC 3834 Auto-Submitted and its cousins) or a delivery report
(RFC 3464) from or about that contact is matched too, but as what it is: never a reply.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from email.parser import BytesHeaderParser
from email.policy import compat32

from assistant.parsing.classify import is_auto_reply, is_bounce, is_bounce_sender
from assistant.parsing.mime import MessageView, parse_addresses

_MSG_ID = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True)
class SeenHeaders:
    sender: str | None
    message_id: str | None
    thread_ids: tuple[str, ...]  # In-Reply-To, then References, newest first
    automatic: bool
    bounce: bool
    report: bool = False  # a mail system's header block: worth reading whole (``is_report``)


@dataclass(frozen=True)
class Match:
    contact_id: int
    kind: str  # "reply", "auto_reply" or "bounce"
    key: str  # what makes the match unique per owner: the Message-ID, else the mailbox ref


def read_fields(fields: bytes) -> SeenHeaders:
    """Header fields as fetched by ``BODY.PEEK[HEADER.FIELDS (...)]``."""
    message = BytesHeaderParser(policy=compat32).parsebytes(fields)
    pairs = tuple((k, " ".join(str(v).split())) for k, v in message.items())
    view = MessageView(headers=pairs, text="", html_only=False, content_types=(), vcards=(),
                       images=(), embedded=())
    return headers_of(view)


def headers_of(view: MessageView) -> SeenHeaders:
    senders = parse_addresses([view.header("From")]) if view.header("From") else []
    sender = senders[0][1] if senders else None
    ids = _MSG_ID.findall(view.header("In-Reply-To")) + list(reversed(
        _MSG_ID.findall(view.header("References"))))
    message_id = next(iter(_MSG_ID.findall(view.header("Message-ID"))), None)
    return SeenHeaders(sender=sender, message_id=message_id,
                       thread_ids=tuple(dict.fromkeys(i.lower() for i in ids)),
                       automatic=is_auto_reply(view), bounce=is_bounce(view, sender),
                       report=is_report(view.header("Content-Type"), sender,
                                        view.header("Return-Path") or None))


def is_report(content_type: str, sender: str | None, return_path: str | None) -> bool:
    """Whether a header block is a mail system's (the same test as ``guard.may_be_bounce``):
    a multipart/report, or from a mailer-daemon or postmaster, or with the null reverse-path.
    Only such a message is ever fetched whole from the owner's INBOX, to read the delivery
    report inside; a person's mail never is."""
    if content_type.strip().lower().startswith("multipart/report"):
        return True
    return is_bounce_sender(sender, return_path)


def match(seen: SeenHeaders, sent: Mapping[str, int], awaiting: Mapping[str, int],
          fallback_key: str) -> Match | None:
    """``sent``: lower-cased Message-IDs of the owner's sent follow-ups -> contact id;
    ``awaiting``: lower-cased addresses of contacts awaiting a reply -> contact id."""
    contact = next((sent[i] for i in seen.thread_ids if i in sent), None)
    if contact is None and seen.sender is not None:
        contact = awaiting.get(seen.sender.lower())
    if contact is None:
        return None
    kind = "bounce" if seen.bounce else "auto_reply" if seen.automatic else "reply"
    return Match(contact, kind, seen.message_id or fallback_key)
