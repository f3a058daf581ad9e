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

NO_NAME = "there"  # "Hi there,": only when the contact has no name at all


def greeting_name(name: str | None) -> str:
    """The name a follow-up greets: the first name as the person writes it."""
    parsed = HumanName(name or "")
    return parsed.first or (name or "").split(" ")[0] or NO_NAME


def contact_profile(name: str | None, context: str | None, *, met_on: date | None = None,
                    needs: Sequence[str] = (), interests: Sequence[str] = (),
                    promises: Sequence[str] = ()) -> ContactProfile:
    """What drafting knows of a contact: the greeting name and the owner's facts about them."""
    return ContactProfile(first_name=greeting_name(name), met_where=context, met_on=met_on,
                          needs=tuple(needs), interests=tuple(interests),
                          promises=tuple(promises))


def write_followup(owner: OwnerVoice, contact: ContactProfile, *, today: date,
                   language: str = "en", resources: Sequence[Resource] = (),
                   network: Sequence[NetworkContact] = (), kind: DraftKind = DraftKind.FIRST,
                   previous: Draft | None = None) -> Draft:
    """The follow-up to ``contact`` written on ``today`` (the owner's local date)."""
    planned = plan_draft(owner, contact, today=today, language=language, resources=resources,
                         network=network, kind=kind, previous=previous)
    return compose_draft(planned)
