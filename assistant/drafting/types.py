"""The frozen inputs and outputs of drafting: what the store hands in, what the approval step gets.

Drafting is pure: the caller loads the owner, the contact, the owner's resources and the owner's
other contacts from the database, converts them into these types, and gets back a ``Draft``
(subject, body, why each value-add was chosen, placeholders the owner must fill). Nothing here
holds an email address or a phone number of a third person: an introduction candidate is a key
the caller understands, a name, and one line about that person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

SUPPORTED_LANGUAGES = ("en", "de", "fr", "es")


@dataclass(frozen=True)
class Resource:
    """One thing in the owner's library worth sharing.

    ``tags`` are lower-case words without the ``#`` ("kubernetes", "sre"); ``note`` is the
    owner's short comment ("the one we used at Acme"), shown next to the link.
    """

    title: str
    url: str
    tags: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class NetworkContact:
    """Another contact of the owner who might be introduced.

    ``key`` is the caller's identifier (a database id as text), returned untouched in matches.
    ``blurb`` is one line about the person ("runs a two-person SRE consultancy in Berlin"): it
    goes into the draft, so it must hold no contact details (drafting strips any it finds).
    """

    key: str
    name: str
    offers: tuple[str, ...]
    blurb: str = ""


@dataclass(frozen=True)
class ResourceMatch:
    """A resource chosen for one of the contact's phrases (a need, an interest or a promise).

    ``score`` is in [0, 1]: the share of the phrase's words the resource covers, with tags
    weighing more than title words, and title words more than the note. ``why`` says it in
    plain words for the approval email.
    """

    resource: Resource
    phrase: str
    phrase_kind: str  # "need", "interest" or "promise"
    score: float
    why: str


@dataclass(frozen=True)
class IntroMatch:
    """Another contact whose offer fits one of this contact's needs."""

    candidate: NetworkContact
    need: str
    offer: str
    score: float
    why: str


@dataclass(frozen=True)
class ContactProfile:
    """The person the draft is written to, as far as drafting needs to know them.

    ``met_where`` is a place or occasion ("the SaaS founders breakfast"), ``met_on`` the local
    date they met (None when unknown). ``promises`` are the owner's words ("send her our
    migration checklist"). ``met`` is False when the owner has not met the person yet (the
    parser's flag): the draft then introduces the owner and never says they met, whatever
    ``met_where`` holds (``dataclasses.replace(profile, met=False)``).
    """

    first_name: str
    met_where: str | None = None
    met_on: date | None = None
    needs: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    promises: tuple[str, ...] = ()
    met: bool = True
    name: str = ""  # the whole name: no word of it is ever the meeting's place


@dataclass(frozen=True)
class OwnerVoice:
    """How the owner signs: ``sign_off`` ("Best", "Cheers") above ``signature`` (their first
    name when empty)."""

    name: str
    sign_off: str = ""
    signature: str = ""


class DraftKind(StrEnum):
    FIRST = "first"
    SECOND = "second"


@dataclass(frozen=True)
class PromisedItem:
    """A promise and the resource that fulfils it, or None: then the draft holds a placeholder."""

    promise: str
    match: ResourceMatch | None = None


@dataclass(frozen=True)
class DraftInput:
    """Everything one draft is rendered from (see :func:`assistant.drafting.compose.plan_draft`).

    ``today`` is the owner's local date when the draft is written: "yesterday" and weekday names
    are relative to it. ``tidbit`` is the resource for a need or interest, ``intro`` the
    introduction offer; ``intro_repeated`` says the first draft already offered it (a second
    draft then says the offer still stands). For a second draft, ``previous_subject`` threads
    it under the first.
    """

    owner: OwnerVoice
    contact: ContactProfile
    today: date
    kind: DraftKind = DraftKind.FIRST
    language: str = "en"
    promised: tuple[PromisedItem, ...] = ()
    tidbit: ResourceMatch | None = None
    intro: IntroMatch | None = None
    intro_repeated: bool = False
    previous_subject: str | None = None


class ValueAdd(NamedTuple):
    """One thing the draft gives, and why it was chosen: ``kind`` is "promised", "resource" or
    "introduction"; ``value`` the URL or the person's name."""

    kind: str
    value: str
    why: str


@dataclass(frozen=True)
class Draft:
    """A follow-up exactly as it would be sent (plain text), plus what the approval email says.

    ``placeholders`` are the bracketed holes ("[link to the migration checklist]") the owner
    must fill before sending; the approval step should refuse a plain "send" while any remain.
    """

    subject: str
    body: str
    kind: DraftKind
    language: str
    value_adds: tuple[ValueAdd, ...] = ()
    placeholders: tuple[str, ...] = ()
