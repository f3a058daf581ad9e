"""The owner's library of things worth sharing, added by email.

A message whose subject or first line starts with "resource:" (or "ressource:", "recurso:")
is a list of resources, one a line: ``resource: Title https://url #tag #tag - a note``.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy.orm import Session

from assistant.app import App
from assistant.domain import OwnerProfile
from assistant.drafting.resources import parse_resource_lines
from assistant.mail.compose import Thread, address, build_email, reply_subject
from assistant.mail.headers import thread_of
from assistant.pipeline.notify import ASSISTANT_NAME
from assistant.store import followups, outbox
from assistant.templating import render_pair

KEYWORD = re.compile(r"^\s*(resources?|ressources?|recursos?)\s*:", re.IGNORECASE)


def resource_lines(raw: bytes) -> str | None:
    """The text to read resources from, when the message is a resource message."""
    from assistant.parsing.mime import read_message

    try:
        view = read_message(raw)
    except (ValueError, LookupError, TypeError):  # not a resource message: the parser explains
        return None
    _, _, subject = thread_of(raw)
    first = next((line for line in view.text.splitlines() if line.strip()), "")
    if KEYWORD.match(first):
        return view.text
    if KEYWORD.match(subject):
        return f"{subject}\n{view.text}"
    return None


def add_from_email(app: App, session: Session, inbound_id: int, owner: OwnerProfile,
                   text: str, now: datetime) -> int:
    lines = parse_resource_lines(text)
    added, known = [], []
    for resource in lines.resources:
        is_new = followups.add_resource(session, owner_id=owner.id, title=resource.title,
                                        url=resource.url, tags=resource.tags,
                                        note=resource.note, now=now)
        (added if is_new else known).append(resource)
    context = {"owner_first_name": owner.name.split()[0] if owner.name else "there",
               "added": added, "known": known, "problems": list(lines.problems)}
    message_id, references, subject = thread_of_raw(session, inbound_id)
    text_body, html = render_pair("resources_added", **context)
    message = build_email(sender=address(ASSISTANT_NAME, app.settings.assistant_address),
                          to=[address(owner.name, owner.primary_address)],
                          subject=reply_subject(subject), text=text_body, html=html, now=now,
                          thread=Thread(message_id, references))
    return outbox.add(session, key=f"resources:{inbound_id}", owner_id=owner.id,
                      purpose="resources", message=message,
                      envelope_from=app.settings.assistant_address,
                      recipients=[owner.primary_address])


def thread_of_raw(session: Session, inbound_id: int) -> tuple[str | None, tuple[str, ...], str]:
    from assistant.store import inbound

    record = inbound.load(session, inbound_id)
    return thread_of(record.raw if record else b"")
