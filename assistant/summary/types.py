"""The frozen inputs and outputs of the weekly summary.

The loader (:mod:`assistant.summary.load`) turns one owner's rows into the ``*Data`` types;
:func:`assistant.summary.figures.compute` turns those into ``SummaryFigures``; the renderer
turns figures into an email. Nothing here holds an ORM row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class ContactData:
    """One contact with its touch history already aggregated by the database.

    ``last_touch_at`` is the latest of: created, last interaction, last reply, the follow-up
    loop's own touch time. ``engagement`` counts interactions, replies weighing double.
    """

    id: int
    name: str
    company: str | None
    status: str
    created_at: datetime
    last_touch_at: datetime
    last_reply_at: datetime | None
    introduced_by: str | None
    interactions: int
    replies: int

    @property
    def engagement(self) -> int:
        return self.interactions + 2 * self.replies


@dataclass(frozen=True)
class FactData:
    """A needs / offers / promises value on a contact."""

    contact_id: int
    field: str
    value: str


@dataclass(frozen=True)
class EventData:
    """An interaction inside the history window (kind: note, intro, vcard, card_image,
    followup_sent, reply_received...)."""

    contact_id: int
    kind: str
    occurred_at: datetime
    inbound_id: int | None


@dataclass(frozen=True)
class FollowUpData:
    """A follow-up's state; ``value_adds`` are the kinds it carried (promised, resource,
    introduction)."""

    contact_id: int
    sequence: int
    status: str
    sent_at: datetime | None
    value_adds: tuple[str, ...] = ()


@dataclass(frozen=True)
class SummaryData:
    owner_name: str
    timezone: str
    paused: bool
    contacts: tuple[ContactData, ...]
    facts: tuple[FactData, ...]
    events: tuple[EventData, ...]
    followups: tuple[FollowUpData, ...]


# --- outputs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceCount:
    kind: str
    label: str
    count: int


@dataclass(frozen=True)
class NewContact:
    id: int
    name: str
    company: str | None
    source: str


@dataclass(frozen=True)
class ColdContact:
    id: int
    name: str
    company: str | None
    days_silent: int
    bucket: int  # 30, 60 or 90: "no touch for at least this many days"
    engagement: int


@dataclass(frozen=True)
class OwedPromise:
    contact_id: int
    name: str
    promise: str
    days_waiting: int


@dataclass(frozen=True)
class IntroIdea:
    need_id: int
    need_name: str
    need: str
    offer_id: int
    offer_name: str
    offer: str
    score: float


@dataclass(frozen=True)
class GiveAsk:
    """One week of giving and asking (see :mod:`assistant.summary.figures` for the counting)."""

    label: str
    intros: int = 0
    resources: int = 0
    referrals: int = 0
    asks: int = 0

    @property
    def gives(self) -> int:
        return self.intros + self.resources + self.referrals


@dataclass(frozen=True)
class Action:
    title: str
    why: str
    command: str
    priority: float


@dataclass(frozen=True)
class SummaryFigures:
    owner_name: str
    period_start: date
    period_end: date
    new_contacts: tuple[NewContact, ...]
    sources: tuple[SourceCount, ...]
    followups_sent: int
    awaiting_approval: int
    snoozed: int
    replies: int
    reply_rate: float | None  # replies to follow-ups sent in the last 28 days; None: none sent
    reply_rate_basis: int
    cold: tuple[ColdContact, ...]
    cold_counts: tuple[tuple[int, int], ...]  # (30, n), (60, n), (90, n)
    promises: tuple[OwedPromise, ...]
    intros: tuple[IntroIdea, ...]
    gives_asks: GiveAsk
    history: tuple[GiveAsk, ...]  # oldest first, this week last
    actions: tuple[Action, ...]
    paused: bool
    total_contacts: int
    waiting: tuple[str, ...] = ()  # who the drafts waiting for the owner's answer are for

    @property
    def quiet(self) -> bool:
        """Nothing happened and nothing waits on the owner: the week is skipped."""
        return not (self.new_contacts or self.followups_sent or self.replies
                    or self.awaiting_approval or self.gives_asks.gives or self.gives_asks.asks)
