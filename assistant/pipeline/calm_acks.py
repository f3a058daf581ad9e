"""Calm acknowledgements: a burst of notes is acknowledged in one email, not one each.

The first note of a burst is acknowledged at once (``notify.acknowledge``); the notes of the
same owner that arrive within ``ack_burst_seconds`` of an acknowledgement are held (outbox
rows, see ``assistant.store.held_acks``) and acknowledged together when the window ends, in
one email with a numbered section per note. The scheduler tick flushes due windows
(``flush_due``), so a held note is acknowledged even when no other note follows; the merge is
one transaction, so a crash leaves either the held rows or the combined email, never neither
and never both.

Corrections work as for a single acknowledgement: ``undo`` in reply to the combined email
names the section by number ("undo 2") or by a person's name ("undo Jane Doe");
``answer_reply`` carries it out on that section's note only.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta
from email.message import EmailMessage

from sqlalchemy.orm import Session

from assistant.app import App
from assistant.commands import undo
from assistant.commands.handlers import CommandReply
from assistant.commands.reply import queue_reply
from assistant.domain import OwnerProfile
from assistant.mail.compose import address, build_email
from assistant.mail.headers import HEADER_ERRORS, header_text, read_headers
from assistant.parsing.mime import read_message
from assistant.pipeline.notify import ASSISTANT_NAME, first_name
from assistant.store import held_acks, owners
from assistant.store.db import transaction
from assistant.store.held_acks import HeldAck
from assistant.templating import render_pair

log = logging.getLogger(__name__)

MAX_SECTIONS = 50  # notes per combined email; a longer burst gets one email per 50
_MSGID = re.compile(r"<[^<>\s]+>")
_UNDO = re.compile(r"(?i)^undo\b[\s:#]*(?P<what>.*?)[\s.!]*$")
_NUMBERS = re.compile(r"^#?\d+(?:\s*-\s*#?\d+)?(?:(?:\s*,\s*|\s+and\s+|\s+)#?\d+"
                      r"(?:\s*-\s*#?\d+)?)*$", re.I)


def window(app: App) -> timedelta:
    return timedelta(seconds=app.settings.ack_burst_seconds)


def flush_due(app: App, now: datetime | None = None) -> list[int]:
    """Combine the held acknowledgements of every owner whose window has ended; returns the
    combined emails' outbox ids, to send."""
    now = now or app.clock()
    with transaction(app.sessions) as session:
        holding = held_acks.owners_holding(session)
    queued: list[int] = []
    for owner_id in holding:
        try:
            queued.extend(flush_owner(app, owner_id, now))
        except held_acks.MergeRaced:  # another scheduler merged them: nothing is lost
            log.info("held acknowledgements of owner %d were merged by another flush",
                     owner_id)
    return queued


def flush_owner(app: App, owner_id: int, now: datetime) -> list[int]:
    with transaction(app.sessions) as session:
        last = held_acks.last_sent_at(session, owner_id)
        if last is not None and last + window(app) > now:
            return []  # the window is still open: more notes may join
        owner = owners.owner_by_id(session, owner_id)
        if owner is None:
            return []
        queued = []
        while parts := held_acks.held(session, owner_id, MAX_SECTIONS):
            message = compose(app, owner, parts, now)
            queued.append(held_acks.merge(session, owner_id=owner_id, parts=parts,
                                          message=message, recipient=owner.primary_address,
                                          now=now))
    if queued:
        log.info("owner %d: held acknowledgements combined into %d email(s)", owner_id,
                 len(queued))
    return queued


def compose(app: App, owner: OwnerProfile, parts: list[HeldAck],
            now: datetime) -> EmailMessage:
    sections = [{"number": n, **part.section} for n, part in enumerate(parts, start=1)]
    text, html = render_pair("ack_batch", owner_first_name=first_name(owner),
                             sections=sections)
    subject = f"Got your {len(parts)} notes" if len(parts) > 1 else "Got your note"
    return build_email(sender=address(ASSISTANT_NAME, app.settings.assistant_address),
                       to=[address(owner.name, owner.primary_address)], subject=subject,
                       text=text, html=html, now=now)


def answer_reply(app: App, session: Session, owner: OwnerProfile, inbound_id: int,
                 raw: bytes, text: str, now: datetime) -> int | None:
    """Carry out ``undo`` written in reply to a combined acknowledgement and queue the answer;
    None when ``raw`` is not such a reply (it is then handled like any other)."""
    what = _undo_request(text)
    if what is None:
        return None
    sections = held_acks.combined_answered(session, owner.id, _named_ids(raw))
    if sections is None:
        return None
    numbers = pick_sections(what, [_names(s.section) for s in sections])
    views = [{"number": n, "subject": s.section.get("subject", ""), "names": _names(s.section)}
             for n, s in enumerate(sections, start=1)]
    if numbers is None:
        reply = _reply(owner, "Which note should I undo?", unclear=True, asked=what,
                       sections=views, results=[])
    else:
        done = [undo.undo_inbound(session, owner.id, sections[n - 1].inbound_id)
                for n in numbers]
        results = [{**views[n - 1], "result": r} for n, r in zip(numbers, done, strict=True)]
        reply = _reply(owner, "Undone" if any(r.changed for r in done)
                       else "Nothing left to undo", unclear=False, asked=what,
                       sections=views, results=results)
    return queue_reply(app, session, owner, inbound_id, raw, reply, now)


def _reply(owner: OwnerProfile, subject: str, **values: object) -> CommandReply:
    text, html = render_pair("ack_batch_undo", owner_first_name=first_name(owner), **values)
    return CommandReply(subject=subject, text=text, html=html)


def _undo_request(text: str) -> str | None:
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    found = _UNDO.match(line)
    return found["what"].strip() if found else None


def pick_sections(what: str, names: list[list[str]]) -> list[int] | None:
    """The section numbers (1-based) that ``what`` names: "" (the only section), "2",
    "2, 5", "2-4", "#3", or a person's name in exactly one section. None when unclear."""
    count = len(names)
    what = " ".join(what.split())
    if not what:
        return [1] if count == 1 else None
    if _NUMBERS.match(what):
        chosen: list[int] = []
        for first, last in re.findall(r"#?(\d+)(?:\s*-\s*#?(\d+))?", what):
            low, high = int(first), int(last or first)
            if not 1 <= low <= high <= count:
                return None
            chosen.extend(range(low, high + 1))
        return list(dict.fromkeys(chosen))
    wanted = what.casefold()
    matches = [n for n, people in enumerate(names, start=1)
               if any(_names_match(wanted, person.casefold()) for person in people)]
    return matches if len(matches) == 1 else None


def _names_match(wanted: str, person: str) -> bool:
    return wanted == person or re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", person) is not None


def _names(section: dict[str, object]) -> list[str]:
    contacts = section.get("contacts")
    if not isinstance(contacts, list):
        return []
    return [str(c.get("name")) for c in contacts if isinstance(c, dict) and c.get("name")]


def _named_ids(raw: bytes) -> list[str]:
    """In-Reply-To first, then References from the newest (RFC 5322 3.6.4)."""
    try:
        headers = read_headers(raw)
        named = _MSGID.findall(header_text(headers, "In-Reply-To") or "")
        named += reversed(_MSGID.findall(header_text(headers, "References") or ""))
    except HEADER_ERRORS:
        return []
    return list(dict.fromkeys(named))


def reply_text(raw: bytes) -> str:
    try:
        return read_message(raw).text
    except Exception:  # unreadable: not an undo, handled like any other reply
        log.debug("reply text unreadable", exc_info=True)
        return ""
