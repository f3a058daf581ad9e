"""Frozen dataclasses and enums shared by the stages (inbox -> parse -> store -> draft -> send).

Nothing here does I/O. Protocol types (imapclient responses, ORM rows) never cross a stage
boundary: adapters convert them into these types.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum

from assistant.tokens import is_assistant_address


class MessageKind(StrEnum):
    """What a message is, as the ``assistant parse`` contract names it."""

    NOTE = "note"
    INTRO = "intro"
    VCARD = "vcard"
    CARD_IMAGE = "card_image"
    REPLY = "reply"
    COMMAND = "command"
    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class OwnerIdentity:
    """Who the parser reads a message for: the owner's name, addresses and phone region.

    ``assistant_addresses`` are the assistant's own addresses: never returned as contacts.
    """

    name: str
    addresses: tuple[str, ...]
    region: str = "US"
    assistant_addresses: tuple[str, ...] = ()

    def is_owner_address(self, address: str) -> bool:
        return address.strip().lower() in {a.lower() for a in self.addresses}

    def is_assistant_address(self, address: str) -> bool:
        """The assistant's address or any ``+tag`` sub-address of it (RFC 5233)."""
        return any(is_assistant_address(address, a) for a in self.assistant_addresses)


@dataclass(frozen=True)
class ParsedContact:
    """One person found in a message, with the fields of the ``assistant parse`` contract."""

    name: str | None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    company: str | None = None
    title: str | None = None
    urls: tuple[str, ...] = ()
    introduced_by: str | None = None
    context: str | None = None
    needs: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    promises: tuple[str, ...] = ()
    # False when the owner has not met the person yet ("haven't met Ana yet; Jordan suggested I
    # reach out"): the follow-up introduces the owner and never says they met
    met: bool = True

    def to_json(self) -> dict[str, object]:
        """A contact of the ``assistant parse --json`` object (DESIGN.md contract): its keys
        exactly; ``met`` goes to the store and the drafts, not into the contract's JSON."""
        data = asdict(self)
        del data["met"]
        return {key: list(value) if isinstance(value, tuple) else value
                for key, value in data.items()}


@dataclass(frozen=True)
class ParsedMessage:
    """The parser's reading of one message.

    ``reason`` says in plain words why a message yielded nothing usable (kind ``unknown``), for
    the owner's explanation email. ``sender`` is the From address as parsed (lower-cased), or
    None when missing or malformed.
    """

    kind: MessageKind
    owner_note: str = ""
    contacts: tuple[ParsedContact, ...] = ()
    reason: str | None = None
    sender: str | None = None
    subject: str = ""
    message_id: str | None = None
    warnings: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, object]:
        """The ``assistant parse --json`` object (DESIGN.md contract): exactly these keys."""
        return {
            "kind": str(self.kind),
            "owner_note": self.owner_note,
            "contacts": [contact.to_json() for contact in self.contacts],
        }


class ReplyIntent(StrEnum):
    """The owner's answer to an approval request (``assistant parse-reply`` contract)."""

    APPROVE = "approve"
    EDIT = "edit"
    SKIP = "skip"
    SNOOZE = "snooze"
    STOP = "stop"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ParsedReply:
    intent: ReplyIntent
    snooze_days: int | None = None
    text: str = ""

    def to_json(self) -> dict[str, object]:
        return {"intent": str(self.intent), "snooze_days": self.snooze_days, "text": self.text}


@dataclass(frozen=True)
class OwnerProfile:
    """A registered owner, as the pipeline sees it."""

    id: int
    name: str
    addresses: tuple[str, ...]
    timezone: str = "UTC"
    region: str = "US"
    language: str = "en"
    followup_hour: int = 9
    paused: bool = False
    secret_tag: str | None = field(default=None, repr=False)

    @property
    def primary_address(self) -> str:
        return self.addresses[0]

    def identity(self, assistant_address: str) -> OwnerIdentity:
        return OwnerIdentity(self.name, self.addresses, self.region, (assistant_address,))


@dataclass(frozen=True)
class StoredContact:
    """A contact after merging into the store, for acknowledgements and drafts."""

    id: int
    name: str | None
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    company: str | None
    title: str | None
    created: bool
