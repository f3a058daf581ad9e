"""What the assistant would draft for one message, without a store: ``assistant draft``.

The message is read as the pipeline reads it on arrival (the parser, the meeting day from the
owner's words or the Date header, the first follow-up's due time), for an owner with no
resources and no other contacts; each contact with an address then gets the first follow-up the
draft stage would write when it falls due, through the same :func:`write_followup`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant.clock import Clock
from assistant.domain import MessageKind, OwnerIdentity, ParsedContact
from assistant.drafting.profile import contact_profile, write_followup
from assistant.drafting.types import OwnerVoice
from assistant.mail.headers import read_headers
from assistant.parsing import parse_message
from assistant.parsing.when import meeting_day, note_written_at
from assistant.scheduling import DEFAULT_FOLLOWUP_HOUR, first_draft_due

# The kinds whose contacts the pipeline stores and follows up (as its process stage does).
FOLLOWED_UP = frozenset({MessageKind.NOTE, MessageKind.INTRO, MessageKind.VCARD,
                         MessageKind.CARD_IMAGE})


@dataclass(frozen=True)
class PreviewDraft:
    """One first follow-up as the contact would receive it on "send", and when it is due."""

    contact: str | None
    to: tuple[str, ...]
    subject: str
    body: str
    due: datetime  # aware, in the owner's zone

    def to_json(self) -> dict[str, object]:
        return {"contact": self.contact, "to": list(self.to), "subject": self.subject,
                "body": self.body, "due": self.due.isoformat()}


def reading_time(day: date | None, timezone: str, clock: Clock) -> datetime:
    """When the message is read: noon of ``day`` in the owner's zone, else the clock's now.

    Raises ValueError for a zone that does not exist."""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"not a time zone: {timezone!r}") from exc
    return clock() if day is None else datetime.combine(day, time(12), zone)


def preview_drafts(raw: bytes, owner: OwnerIdentity, *, read_at: datetime, timezone: str,
                   language: str = "en",
                   followup_hour: int = DEFAULT_FOLLOWUP_HOUR) -> list[PreviewDraft]:
    """The first follow-ups for the contacts of ``raw``, as if it arrived at ``read_at``.

    Raises :class:`~assistant.errors.UnreadableMessageError` when ``raw`` is not a message.
    """
    parsed = parse_message(raw, owner)
    if parsed.kind not in FOLLOWED_UP:
        return []
    people = [c for c in parsed.contacts if c.emails]
    if not people:
        return []
    zone = ZoneInfo(timezone)
    written = note_written_at(read_headers(raw), read_at)
    met_on = meeting_day(parsed.owner_note, written, timezone)
    due = first_draft_due(read_at, timezone, owner.region, followup_hour,
                          parsed.owner_note or None, now=read_at).astimezone(zone)
    return [_preview(contact, owner, met_on, due, language) for contact in people]


def _preview(contact: ParsedContact, owner: OwnerIdentity, met_on: date | None, due: datetime,
             language: str) -> PreviewDraft:
    profile = contact_profile(contact.name, contact.context, met_on=met_on,
                              needs=contact.needs, interests=contact.interests,
                              promises=contact.promises)
    profile = replace(profile, met=contact.met)  # not met yet: the draft never says they met
    draft = write_followup(OwnerVoice(name=owner.name), profile, today=due.date(),
                           language=language)
    # The follow-up goes to the contact's first address, as the draft stage sends it.
    return PreviewDraft(contact.name, contact.emails[:1], draft.subject, draft.body, due)
