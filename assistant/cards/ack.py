"""The acknowledgement of a card photo: what was read, beside a small picture of the card.

The same ``ack`` template as for typed notes, with a ``cards`` list: each card's thumbnail is
an inline JPEG part of the HTML (multipart/related, RFC 2387; referenced by ``cid:``, RFC 2392),
so the email makes no external request, and each value the OCR was unsure of is named
("I read the phone as ... - check it"). Written to the outbox like every email to the owner.
"""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import make_msgid

from sqlalchemy.orm import Session

from assistant.app import App
from assistant.cards.message import CardsRead
from assistant.domain import OwnerProfile, ParsedContact, ParsedMessage, StoredContact
from assistant.pipeline.notify import contact_view, describe_local_time, queue_to_owner
from assistant.store.inbound import InboundRecord

_FIELD_WORDS = {"name": "the name", "title": "the title", "company": "the company",
                "email": "the email", "phone": "the phone"}


def card_views(cards: CardsRead, domain: str) -> list[dict[str, object]]:
    """Per picture: its label, the cid of its thumbnail, what to check, or its problem."""
    views: list[dict[str, object]] = []
    for number, seen in enumerate(cards.seen, start=1):
        checks = [f"I read {_FIELD_WORDS.get(field, field)} as {value} - check it"
                  for field, value in (seen.reading.doubtful if seen.reading else ())]
        views.append({
            "label": seen.label, "problem": seen.problem, "checks": checks,
            "cid": make_msgid(f"card{number}", domain=domain)[1:-1] if seen.thumbnail else None,
            "lines": list(seen.reading.lines) if seen.reading else [],
        })
    return views


def acknowledge(app: App, session: Session, record: InboundRecord, owner: OwnerProfile,
                parsed: ParsedMessage, pairs: list[tuple[ParsedContact, StoredContact]],
                due: datetime | None, now: datetime, cards: CardsRead,
                left_out: int = 0) -> int | None:
    domain = app.settings.assistant_address.rpartition("@")[2] or "localhost"
    views = card_views(cards, domain)
    context = {
        "subject": parsed.subject or "(no subject)",
        "contacts": [contact_view(p, s) for p, s in pairs],
        "followup_when": describe_local_time(due, owner.timezone) if due else None,
        "left_out": left_out, "cards": views, "unread_pictures": cards.unread,
    }
    return queue_to_owner(app, session, key=f"ack:{record.id}", purpose="ack", owner=owner,
                          raw=record.raw, template="ack", context=context, now=now,
                          finish=lambda message: _attach_thumbnails(message, cards, views))


def _attach_thumbnails(message: EmailMessage, cards: CardsRead,
                       views: list[dict[str, object]]) -> None:
    html = message.get_body(("html",))
    if not isinstance(html, EmailMessage):
        return
    for seen, view in zip(cards.seen, views, strict=True):
        if seen.thumbnail and view["cid"]:
            html.add_related(seen.thumbnail, "image", "jpeg", cid=f"<{view['cid']}>",
                             filename="card.jpg", disposition="inline")
