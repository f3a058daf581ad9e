"""Which owners are due their weekly summary: their weekday and hour, on their own clock.

The latest slot at or before ``now`` is found from :func:`assistant.scheduling.next_weekly_slot`
and one week back on the owner's wall clock (``zoneinfo``), so a week that is 167 or 169 hours
long across a daylight-saving change still puts the slot at the chosen local hour. The week
is named by the ISO 8601 week of the slot's local date ("2026-W48"); an outbox row under
``summary:<owner>:<week>`` settles it, so a second call after queueing returns nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.scheduling import at_local_hour, next_weekly_slot
from assistant.store.models import OutboxMessage, Owner
from assistant.summary.deliver import summary_key

CHUNK = 500


def latest_slot(now: datetime, timezone: str, weekday: int, hour: int) -> datetime:
    """The most recent instant at or before ``now`` that is ``weekday`` at ``hour`` local."""
    upcoming = next_weekly_slot(now, timezone, weekday, hour)
    zone = ZoneInfo(timezone)
    return at_local_hour(upcoming.astimezone(zone).date() - timedelta(days=7), zone, hour)


def week_key(slot: datetime, timezone: str) -> str:
    year, week, _ = slot.astimezone(ZoneInfo(timezone)).date().isocalendar()
    return f"{year}-W{week:02d}"


def owners_due(session: Session, now: datetime) -> list[tuple[int, str]]:
    """[(owner id, week key)] for owners whose slot has passed and whose week is not settled.

    An owner registered after this week's slot waits for the next one.
    """
    rows = session.execute(select(Owner.id, Owner.timezone, Owner.summary_weekday,
                                  Owner.summary_hour, Owner.created_at)
                           .order_by(Owner.id)).all()
    candidates = []
    for row in rows:
        slot = latest_slot(now, row.timezone, row.summary_weekday, row.summary_hour)
        if row.created_at is None or slot >= row.created_at:
            candidates.append((row.id, week_key(slot, row.timezone)))
    settled = _settled(session, [summary_key(o, w) for o, w in candidates])
    return [(o, w) for o, w in candidates if summary_key(o, w) not in settled]


def _settled(session: Session, keys: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), CHUNK):
        found.update(session.scalars(select(OutboxMessage.idempotency_key).where(
            OutboxMessage.idempotency_key.in_(keys[start:start + CHUNK]))))
    return found
