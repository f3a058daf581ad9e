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
from assistant.drafting.types import Resource
from assistant.mail.headers import thread_of
from assistant.parsing.mime import MessageView
from assistant.pipeline.notify import queue_to_owner
from assistant.store import followups
from assistant.store.inbound import InboundRecord

KEYWORD = re.compile(r"^\s*(resources?|ressources?|recursos?)\s*:", re.IGNORECASE)


def resource_lines(raw: bytes, view: MessageView | None) -> str | None:
    """The text to read resources from, when the message is a resource message."""
    if view is None:
        return None
    _, _, subject = thread_of(raw)
    first = next((line for line in view.text.splitlines() if line.strip()), "")
    if KEYWORD.match(first):
        return view.text
    if KEYWORD.match(subject):
        return f"{subject}\n{view.text}"
    return None


def add_from_email(app: App, session: Session, record: InboundRecord, owner: OwnerProfile,
                   text: str, now: datetime) -> int | None:
    lines = parse_resource_lines(text)
    added: list[Resource] = []
    known: list[Resource] = []
    for resource in lines.resources:
        is_new = followups.add_resource(session, owner_id=owner.id, title=resource.title,
                                        url=resource.url, tags=resource.tags,
                                        note=resource.note, now=now)
        (added if is_new else known).append(resource)
    context = {"added": added, "known": known, "problems": list(lines.problems)}
    return queue_to_owner(app, session, key=f"resources:{record.id}", purpose="resources",
                          owner=owner, raw=record.raw,
                          template="resources_added", context=context, now=now)
