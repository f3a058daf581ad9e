"""Pure drafting: match the owner's resources and network to a contact, write the follow-up.

Flow: ``parse_resource_lines`` reads the owner's library from email; ``plan_draft`` picks the
value-adds (:mod:`.matching` does the scoring); ``compose_draft`` renders the plain-text
templates into a ``Draft`` for the approval email. No I/O, no clock: dates are arguments.
"""

from assistant.drafting.compose import compose_draft, plan_draft
from assistant.drafting.resources import (
    ResourceLineError,
    parse_resource_line,
    parse_resource_lines,
)
from assistant.drafting.types import (
    ContactProfile,
    Draft,
    DraftInput,
    DraftKind,
    NetworkContact,
    OwnerVoice,
    Resource,
    ValueAdd,
)

__all__ = [
    "ContactProfile",
    "Draft",
    "DraftInput",
    "DraftKind",
    "NetworkContact",
    "OwnerVoice",
    "Resource",
    "ResourceLineError",
    "ValueAdd",
    "compose_draft",
    "parse_resource_line",
    "parse_resource_lines",
    "plan_draft",
]
