"""Carrying out an owner's email command and writing the answer.

``execute`` is called by the pipeline inside its transaction, for a sender it has already
identified as a registered owner; it returns a ``CommandReply`` that the pipeline turns into
one outbox email threaded to the owner's message. Unknown commands get the help text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlalchemy.orm import Session

from assistant.app import App
from assistant.commands import cards, undo
from assistant.commands.parse import Command
from assistant.domain import OwnerProfile
from assistant.mail.headers import thread_of
from assistant.pipeline import digest
from assistant.store import digests, inbound
from assistant.store.models import Owner
from assistant.summary.deliver import build_summary, command_address
from assistant.summary.render import COMMANDS, inline_css
from assistant.templating import render

log = logging.getLogger(__name__)

Attachment = tuple[str, str, bytes]  # (filename, MIME type, content)


@dataclass(frozen=True)
class CommandReply:
    subject: str
    text: str
    html: str | None = None
    attachments: tuple[Attachment, ...] = ()
    reply_to: str | None = None  # a digest's address when the answer lists drafts by number
    message_id: str | None = None


@dataclass(frozen=True)
class CommandContext:
    app: App
    session: Session
    owner: OwnerProfile
    command: Command
    inbound_id: int
    raw: bytes
    now: datetime

    @property
    def reply_address(self) -> str:
        return command_address(self.owner, self.app.settings.assistant_address)

    def local(self, moment: datetime | None) -> str:
        if moment is None:
            return "not yet"
        value = moment.astimezone(ZoneInfo(self.owner.timezone))
        return f"{value:%a} {value.day} {value:%b %Y, %H:%M}"


def execute(app: App, session: Session, owner: OwnerProfile, command: Command,
            inbound_id: int, raw: bytes, now: datetime) -> CommandReply:
    context = CommandContext(app, session, owner, command, inbound_id, raw, now)
    handler = HANDLERS.get(command.name, _help)
    log.info("owner %d: command %s", owner.id, command.name)
    return handler(context)


def _reply(ctx: CommandContext, template: str, subject: str, **values: object) -> CommandReply:
    values = {"first_name": ctx.owner.name.split()[0] if ctx.owner.name else "there",
              "commands": COMMANDS, "assistant_address": ctx.reply_address, **values}
    text = render(f"command_{template}.txt.j2", **values)
    html = inline_css(render(f"command_{template}.html.j2", **values))
    return CommandReply(subject=subject, text=text, html=html)


def _help(ctx: CommandContext) -> CommandReply:
    unknown = ctx.command.name if ctx.command.name != "help" else ""
    return _reply(ctx, "help", "What I understand", unknown=unknown)


def _summary(ctx: CommandContext) -> CommandReply:
    built = build_summary(ctx.session, ctx.owner.id, ctx.now, ctx.reply_address)
    return CommandReply(subject=built.email.subject, text=built.email.text, html=built.email.html)


def _pending(ctx: CommandContext) -> CommandReply:
    """The drafts waiting, numbered like a digest: a reply ("send 1 3") answers them."""
    waiting = digests.waiting(ctx.session, ctx.owner.id)
    return _listing(ctx, "pending", waiting, "No drafts waiting")


def _renew(ctx: CommandContext) -> CommandReply:
    """Drafts whose approval expired get fresh links, in one numbered list."""
    expired = digests.expired(ctx.session, ctx.owner.id, ctx.now)
    return _listing(ctx, "renew", expired, "No expired approvals")


def _listing(ctx: CommandContext, kind: str, followup_ids: list[int],
             empty: str) -> CommandReply:
    listing = digest.list_waiting(ctx.app, ctx.session, ctx.owner, ctx.now, kind=kind,
                                  followup_ids=followup_ids)
    if listing is None:
        waiting = len(digests.waiting(ctx.session, ctx.owner.id))
        return _reply(ctx, "pending", empty, kind=kind, waiting=waiting)
    return CommandReply(subject=listing.subject, text=listing.text, html=listing.html,
                        reply_to=listing.reply_to, message_id=listing.message_id)


def _set_mode(ctx: CommandContext) -> CommandReply:
    digests.set_mode(ctx.session, ctx.owner.id, ctx.command.name, ctx.now)
    return _reply(ctx, "mode", "Drafts in one digest" if ctx.command.name == "digest"
                  else "One email per draft", mode=ctx.command.name,
                  threshold=digest.DIGEST_THRESHOLD)


def _find(ctx: CommandContext) -> CommandReply:
    query = ctx.command.argument.strip()
    if not query:
        return _reply(ctx, "help", "Find whom?", unknown="find (with no name)")
    ids = cards.find_contacts(ctx.session, ctx.owner.id, query)
    found = [_card_view(ctx, cards.load_card(ctx.session, cid)) for cid in ids]
    subject = f"{found[0]['name']}" if len(found) == 1 else f"{len(found)} contacts match “{query}”"
    return _reply(ctx, "find", subject, query=query, cards=found)


def _card_view(ctx: CommandContext, card: cards.ContactCard) -> dict[str, object]:
    labels = {"context": "Met", "introduced_by": "Introduced by", "needs": "Needs",
              "offers": "Offers", "interests": "Interests", "promises": "You promised",
              "urls": "Links"}
    return {"name": card.name, "title": card.title, "company": card.company,
            "emails": card.emails, "phones": card.phones,
            "facts": [(labels[f], values) for f, values in card.facts],
            "history": [(ctx.local(h.when), h.what) for h in card.history]}


def _export(ctx: CommandContext) -> CommandReply:
    files = export_attachments(ctx.session, ctx.owner.id)
    reply = _reply(ctx, "export", "Your contacts", files=[name for name, _, _ in files])
    return CommandReply(reply.subject, reply.text, reply.html, files)


def export_attachments(session: Session, owner_id: int) -> tuple[Attachment, ...]:
    """The same files as ``assistant contacts export``: vCard 3.0 and Google-style CSV."""
    from assistant.operator.contacts_io import export_csv, export_vcards
    from assistant.operator.contacts_store import load_contacts

    records = load_contacts(session, owner_id)
    return (("contacts.vcf", "text/vcard", export_vcards(records).encode("utf-8")),
            ("contacts.csv", "text/csv", export_csv(records).encode("utf-8")))


def _set_paused(ctx: CommandContext, paused: bool) -> None:
    ctx.session.execute(update(Owner).where(Owner.id == ctx.owner.id).values(paused=paused))


def _pause(ctx: CommandContext) -> CommandReply:
    _set_paused(ctx, True)
    return _reply(ctx, "pause", "Follow-ups paused")


def _resume(ctx: CommandContext) -> CommandReply:
    _set_paused(ctx, False)
    return _reply(ctx, "resume", "Follow-ups resumed")


def _undo(ctx: CommandContext) -> CommandReply:
    target = undo.acknowledged_inbound(ctx.session, ctx.owner.id, ctx.raw)
    if target is None:
        return _reply(ctx, "undo", "Nothing to undo", found=False, result=None, message_subject="")
    record = inbound.load(ctx.session, target)
    subject = thread_of(record.raw)[2] if record else ""
    result = undo.undo_inbound(ctx.session, ctx.owner.id, target)
    title = "Undone" if result.changed else "Nothing left to undo"
    return _reply(ctx, "undo", title, found=True, result=result,
                  message_subject=subject)


HANDLERS: dict[str, Callable[[CommandContext], CommandReply]] = {
    "help": _help, "summary": _summary, "find": _find,
    "export": _export, "pause": _pause, "resume": _resume, "undo": _undo,
    "pending": _pending, "renew": _renew, "digest": _set_mode, "each": _set_mode,
}
