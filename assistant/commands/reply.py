"""Turning a command into the owner's answer in the outbox: one email per command message.

For the pipeline's process step: ``answer_command`` reads the command in the owner's message,
carries it out and queues the answer threaded to it (RFC 5322 3.6.4), keyed
``command:<inbound id>`` so that processing the message twice answers once.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.orm import Session

from assistant.app import App
from assistant.commands.handlers import CommandReply, execute
from assistant.commands.parse import UNKNOWN, Command, first_line, parse_command
from assistant.domain import OwnerProfile
from assistant.mail.compose import Thread, address, build_email
from assistant.mail.headers import thread_of
from assistant.parsing.mime import read_message
from assistant.store import outbox
from assistant.summary.deliver import command_address

log = logging.getLogger(__name__)

ASSISTANT_NAME = "Follow-up Assistant"


def read_command(raw: bytes) -> Command:
    """The command in a message; one the assistant does not know reads as ``unknown``."""
    view = read_message(raw)
    return parse_command(view.subject, first_line(view.text)) or Command(UNKNOWN)


def answer_command(app: App, session: Session, owner: OwnerProfile, inbound_id: int,
                   raw: bytes, now: datetime) -> int | None:
    reply = execute(app, session, owner, read_command(raw), inbound_id, raw, now)
    return queue_reply(app, session, owner, inbound_id, raw, reply, now)


def queue_reply(app: App, session: Session, owner: OwnerProfile, inbound_id: int, raw: bytes,
                reply: CommandReply, now: datetime) -> int | None:
    """The answer as one outbox row; the send stage paces it (never drops it)."""
    message_id, references, _ = thread_of(raw)
    message = build_email(sender=address(ASSISTANT_NAME, app.settings.assistant_address),
                          to=[address(owner.name, owner.primary_address)],
                          subject=reply.subject, text=reply.text, html=reply.html, now=now,
                          thread=Thread(message_id, references),
                          message_id=reply.message_id,
                          reply_to=address(ASSISTANT_NAME, reply.reply_to or command_address(
                              owner, app.settings.assistant_address)))
    for filename, mime, data in reply.attachments:
        maintype, _, subtype = mime.partition("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return outbox.add(session, key=f"command:{inbound_id}", owner_id=owner.id,
                      purpose="command", message=message,
                      envelope_from=app.settings.assistant_address,
                      recipients=[owner.primary_address], now=now)
