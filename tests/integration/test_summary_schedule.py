"""owners_due: the owner's weekday and hour on their own clock, across DST, once per week."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from assistant.store.db import transaction
from assistant.store.models import Owner
from assistant.summary.deliver import queue_summary
from assistant.summary.sample import seed_sample_history
from assistant.summary.schedule import latest_slot, owners_due, week_key
from tests.integration.test_summary_figures import add_owner, make_app

CREATED = datetime(2026, 1, 1, tzinfo=UTC)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def owner_with_slot(app, timezone: str, weekday: int, hour: int,  # type: ignore[no-untyped-def]  # noqa: ANN001
                    address: str = "sam@example.com") -> int:
    owner_id = add_owner(app, address, now=CREATED)
    with transaction(app.sessions) as session:
        session.execute(update(Owner).where(Owner.id == owner_id).values(
            timezone=timezone, summary_weekday=weekday, summary_hour=hour))
    return owner_id


def due(app, now: datetime) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]  # noqa: ANN001
    with transaction(app.sessions) as session:
        return owners_due(session, now)


@pytest.mark.parametrize(("zone", "weekday", "hour", "before", "at"), [
    # Chicago falls back on Sunday 2026-11-01: 08:00 CST is 14:00 UTC (13:00 UTC a week earlier)
    ("America/Chicago", 6, 8, utc(2026, 11, 1, 13, 59), utc(2026, 11, 1, 14, 0)),
    # Berlin springs forward on Sunday 2026-03-29: 08:00 CEST is 06:00 UTC (07:00 the week before)
    ("Europe/Berlin", 6, 8, utc(2026, 3, 29, 5, 59), utc(2026, 3, 29, 6, 0)),
    # 02:00 does not exist in Berlin that day: the slot is the first instant after the gap
    ("Europe/Berlin", 6, 2, utc(2026, 3, 29, 0, 59), utc(2026, 3, 29, 1, 0)),
    # Monday after the Chicago change, 08:00 CST
    ("America/Chicago", 0, 8, utc(2026, 11, 2, 13, 59), utc(2026, 11, 2, 14, 0)),
])
def test_due_at_the_local_hour_across_dst(tmp_path, zone: str, weekday: int, hour: int,  # noqa: ANN001
                                          before: datetime, at: datetime) -> None:
    # Given an owner whose summary slot falls on a daylight-saving change (or right after)
    app = make_app(f"sqlite:///{tmp_path / 'a.db'}", tmp_path)
    owner_id = owner_with_slot(app, zone, weekday, hour)
    week = week_key(at, zone)
    # When the scheduler looks a minute before the local hour and at it
    earlier, on_time = due(app, before), due(app, at)
    app.close()
    # Then the owner is due for this week at the local hour, and not a minute before
    assert (owner_id, week) in on_time
    assert (owner_id, week) not in earlier


def test_latest_slot_is_the_local_hour_on_both_sides_of_the_change() -> None:
    # Given Sunday 08:00 in Chicago, checked the Saturday after the fall-back change
    slot = latest_slot(utc(2026, 11, 7, 12), "America/Chicago", 6, 8)
    # Then the slot is 2026-11-01 08:00 CST (14:00 UTC), and the week before 13:00 UTC (CDT)
    assert slot == utc(2026, 11, 1, 14)
    assert latest_slot(utc(2026, 10, 31, 12), "America/Chicago", 6, 8) == utc(2026, 10, 25, 13)
    assert week_key(slot, "America/Chicago") == "2026-W44"


def test_once_per_week_even_with_two_schedulers(database_url: str, tmp_path) -> None:  # noqa: ANN001
    # Given a busy owner due Monday 08:00 Chicago and one registered after the slot
    app = make_app(database_url, tmp_path)
    owner_id = owner_with_slot(app, "America/Chicago", 0, 8)
    now = utc(2026, 11, 23, 14, 30)
    late = add_owner(app, "late@example.com", now=now - timedelta(minutes=10))
    with transaction(app.sessions) as session:
        seed_sample_history(session, owner_id, now)
    # When two schedulers tick, each queueing what it sees as due
    first, second = due(app, now), due(app, now)
    for owner, week in first + second:
        queue_summary(app, owner, week, now)
    # Then the owner was due once, and a third tick (a restart) finds nothing to do
    assert first == second == [(owner_id, "2026-W48")]
    assert due(app, now + timedelta(hours=3)) == []
    # And the next week's slot brings it back
    assert due(app, now + timedelta(days=7)) == [(owner_id, "2026-W49"), (late, "2026-W49")]
    app.close()
