"""The card pictures of one message read into contacts.

Which parts: every image (attached or inline in HTML mail) and PDF of the message, at most
``MAX_PICTURES`` of them, read while the message's time budget lasts; pictures smaller than a
card photo (logos, icons) are passed over. Several pictures of one card (front and back) give
one contact: a side with neither a name nor an email joins the card before it, and sides
naming the same person or address merge. Different cards give different contacts. A picture
that cannot be read (not an image, cut short, a decompression bomb) is kept with the reason,
for the owner's acknowledgement; it never stops the others.

The owner's note in the same message gives the card's person context, as for typed notes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from email.message import Message
from email.parser import BytesParser
from email.policy import default

from assistant.cards.fields import CardReading
from assistant.cards.images import CardImageError, thumbnail_jpeg
from assistant.cards.ocr import OcrEngine
from assistant.cards.reader import read_data
from assistant.domain import MessageKind, OwnerIdentity, ParsedContact, ParsedMessage
from assistant.parsing.context import read_context
from assistant.parsing.draft import ContactDraft, keep_for_owner, merge_drafts, name_key

log = logging.getLogger(__name__)

MAX_PICTURES = 10  # read per message; the rest are named in the acknowledgement
MESSAGE_BUDGET_S = 60.0  # OCR time per message; pictures after it are left unread, and said so
MIN_SIDE = 200  # pixels: smaller pictures are logos and icons, not card photos
MAX_PARTS = 200
_READ_KINDS = {MessageKind.NOTE, MessageKind.CARD_IMAGE, MessageKind.UNKNOWN}


@dataclass(frozen=True)
class CardPart:
    content_type: str
    filename: str | None
    data: bytes


@dataclass(frozen=True)
class CardSeen:
    """One picture: what was read on it, its thumbnail, or why it could not be read."""

    label: str
    reading: CardReading | None = None
    thumbnail: bytes | None = None
    problem: str | None = None


@dataclass(frozen=True)
class CardsRead:
    seen: tuple[CardSeen, ...]
    unread: int = 0  # pictures past MAX_PICTURES or the time budget

    @property
    def readings(self) -> list[CardReading]:
        return [s.reading for s in self.seen if s.reading is not None and s.reading.is_person]


def card_parts(raw: bytes) -> list[CardPart]:
    """Every image and PDF part of the message, attached or inline, in order."""
    message = BytesParser(policy=default).parsebytes(raw)
    parts: list[CardPart] = []
    for count, part in enumerate(message.walk()):
        if count >= MAX_PARTS:
            break
        ctype = part.get_content_type()
        filename = _filename(part)
        is_pdf = ctype == "application/pdf" or (filename or "").lower().endswith(".pdf")
        if part.is_multipart() or not (ctype.startswith("image/") or is_pdf):
            continue
        data = part.get_payload(decode=True)
        if isinstance(data, bytes) and data:
            parts.append(CardPart("application/pdf" if is_pdf else ctype, filename, data))
    return parts


def _filename(part: Message) -> str | None:
    try:
        return part.get_filename()
    except (ValueError, TypeError, LookupError):
        return None


def read_parts(parts: list[CardPart], region: str, engine: OcrEngine | None = None,
               clock: Callable[[], float] = time.monotonic,
               budget_s: float = MESSAGE_BUDGET_S) -> CardsRead:
    """Each picture read in turn, within the picture limit and the message's time budget."""
    seen: list[CardSeen] = []
    deadline = clock() + budget_s
    unread = max(0, len(parts) - MAX_PICTURES)
    for number, part in enumerate(parts[:MAX_PICTURES], start=1):
        if clock() > deadline:
            unread += MAX_PICTURES - number + 1 if len(parts) > MAX_PICTURES else \
                len(parts) - number + 1
            break
        label = part.filename or f"picture {number}"
        try:
            read = read_data(part.data, part.content_type, region, engine, MIN_SIDE)
            if read is None:
                continue  # a logo or an icon in the mail, not a card
        except CardImageError as exc:  # unreadable, or over its time budget (OcrTimeout)
            seen.append(CardSeen(label, problem=str(exc)))
            continue
        seen.append(CardSeen(label, read.reading, thumbnail_jpeg(read.card)))
    return CardsRead(tuple(seen), unread)


def card_drafts(readings: list[CardReading]) -> list[ContactDraft]:
    """One draft per card: a side with no name and no email joins the card before it."""
    drafts: list[ContactDraft] = []
    pending: list[ContactDraft] = []  # sides read before any card that names someone
    for reading in readings:
        draft = ContactDraft(name=reading.name, emails=list(reading.emails),
                             phones=list(reading.phones), company=reading.company,
                             title=reading.title, urls=list(reading.urls))
        if not (reading.name or reading.emails):
            (drafts[-1].absorb(draft) if drafts else pending.append(draft))
            continue
        for side in pending:
            draft.absorb(side)
        pending = []
        same = next((d for d in drafts if _same_card(d, draft)), None)
        if same is not None:
            same.absorb(draft)
        else:
            drafts.append(draft)
    return drafts


def _same_card(one: ContactDraft, other: ContactDraft) -> bool:
    if set(one.emails) & set(other.emails):
        return True
    return bool(one.name and other.name) and name_key(one.name or "") == name_key(other.name or "")


def with_cards(parsed: ParsedMessage, cards: CardsRead, owner: OwnerIdentity) -> ParsedMessage:
    """The message's reading with the people on its cards added (kind ``card_image``)."""
    sides = [s.reading for s in cards.seen if s.reading is not None]
    drafts = card_drafts(sides)
    if not drafts:
        return _explained(parsed, cards)
    if parsed.contacts:  # a typed note with a picture: only a clear card adds a person
        drafts = [d for d in drafts if d.name and (d.emails or d.phones)]
    note = parsed.owner_note
    if len(drafts) == 1:
        drafts[0].add_facts(read_context(note, names=_name_forms(drafts[0].name)))
    else:
        context = read_context(note).context
        for draft in drafts:
            draft.context = draft.context or context
    typed = [_draft_of(c) for c in parsed.contacts]
    merged = keep_for_owner(merge_drafts(drafts + typed), owner)
    contacts = tuple(d.freeze() for d in merged)
    if not contacts:
        return _explained(parsed, cards)
    return replace(parsed, kind=MessageKind.CARD_IMAGE, contacts=contacts, reason=None)


def _draft_of(contact: ParsedContact) -> ContactDraft:
    return ContactDraft(
        name=contact.name, emails=list(contact.emails), phones=list(contact.phones),
        company=contact.company, title=contact.title, urls=list(contact.urls),
        introduced_by=contact.introduced_by, context=contact.context, needs=list(contact.needs),
        offers=list(contact.offers), interests=list(contact.interests),
        promises=list(contact.promises))


def _name_forms(name: str | None) -> tuple[str, ...]:
    return (name, name.split()[0]) if name else ()


def _explained(parsed: ParsedMessage, cards: CardsRead) -> ParsedMessage:
    """No one on the cards: the owner is told what happened to each picture."""
    if parsed.contacts:
        return parsed
    problems = [f"{s.label}: {s.problem}" for s in cards.seen if s.problem]
    unreadable = [s.label for s in cards.seen if s.problem is None]
    parts = []
    if unreadable:
        parts.append("I read " + ", ".join(unreadable) + " but found no name or email address "
                     "on it. A sharper photo, taken from above in good light, usually works.")
    if problems:
        parts.append("I could not read " + "; ".join(problems) + ".")
    if cards.unread:
        parts.append(f"{cards.unread} more picture(s) were left unread: I read at most "
                     f"{MAX_PICTURES} per message.")
    if not parts:
        return parsed
    return replace(parsed, kind=MessageKind.CARD_IMAGE, reason=" ".join(parts))


def read_cards(raw: bytes, parsed: ParsedMessage, owner: OwnerIdentity,
               engine: OcrEngine | None = None,
               budget_s: float = MESSAGE_BUDGET_S) -> tuple[ParsedMessage, CardsRead | None]:
    """The parsed message with its card pictures read, and what each picture gave; the
    message unchanged (and None) when it carries no picture or is not the owner's note."""
    if parsed.kind not in _READ_KINDS:
        return parsed, None
    parts = card_parts(raw)
    if not parts:
        return parsed, None
    cards = read_parts(parts, owner.region, engine, budget_s=budget_s)
    if not cards.seen and not cards.unread:
        return parsed, None
    return with_cards(parsed, cards, owner), cards
