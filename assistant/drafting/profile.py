"""The one way a contact becomes a follow-up draft.

The pipeline's draft stage (a contact from the store) and ``assistant draft`` (a contact just
parsed) both build the :class:`ContactProfile` with :func:`contact_profile` and write the draft
with :func:`write_followup`, so what the command prints is what the pipeline would send.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from nameparser import HumanName

from assistant.drafting.compose import compose_draft, plan_draft
from assistant.drafting.types import (
    ContactProfile,
    Draft,
    DraftKind,
    NetworkContact,
    OwnerVoice,
    Resource,
)
from assistant.parsing.name_order import called_by

NO_NAME = "there"  # "Hi there,": only when the contact has no name at all


def greeting_name(name: str | None) -> str:
    """The name a follow-up greets: the first name as the person writes it.

    A name in a script without letter case ("王伟", "山田 太郎") is kept whole, as written: its
    order of given and family names is not the western one nameparser assumes. A name typed in
    one case ("kevin", "DR. EMILY CHEN") is greeted as names are written ("Kevin", "Emily");
    mixed case is the person's own spelling ("DeShawn") and is kept."""
    name = " ".join((name or "").split())
    if not name:
        return NO_NAME
    if not any(ch.lower() != ch.upper() for ch in name):
        return name
    # "Đặng Văn Phúc": a Vietnamese name is written family name first and called by the last
    first = called_by(name) or HumanName(name).first or name.split(" ")[0]
    if first == first.lower() or first == first.upper():
        first = "-".join(part[:1].upper() + part[1:].lower() for part in first.split("-"))
    return first


def contact_profile(name: str | None, context: str | None, *, met_on: date | None = None,
                    needs: Sequence[str] = (), interests: Sequence[str] = (),
                    promises: Sequence[str] = ()) -> ContactProfile:
    """What drafting knows of a contact: the greeting name and the owner's facts about them."""
    return ContactProfile(first_name=greeting_name(name), met_where=context, met_on=met_on,
                          needs=tuple(needs), interests=tuple(interests),
                          promises=tuple(promises), name=" ".join((name or "").split()))


def write_followup(owner: OwnerVoice, contact: ContactProfile, *, today: date,
                   language: str = "en", resources: Sequence[Resource] = (),
                   network: Sequence[NetworkContact] = (), kind: DraftKind = DraftKind.FIRST,
                   previous: Draft | None = None) -> Draft:
    """The follow-up to ``contact`` written on ``today`` (the owner's local date)."""
    planned = plan_draft(owner, contact, today=today, language=language, resources=resources,
                         network=network, kind=kind, previous=previous)
    return compose_draft(planned)
