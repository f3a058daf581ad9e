"""End to end on real servers: the scheduler tick sends the weekly summary over SMTP into the
owner's Dovecot INBOX at their local hour, across Chicago's fall-back change, with the seeded
history's figures, and once."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import update

from assistant.app import build_app
from assistant.pipeline import schedule, send
from assistant.settings import Settings
from assistant.store.db import transaction
from assistant.store.models import Owner
from assistant.summary.deliver import queue_summary
from assistant.summary.sample import seed_sample_history
from tests.integration.helpers import fresh_mailboxes, register_owner, server_env

CHICAGO = ZoneInfo("America/Chicago")
# Sunday 2026-11-01: Chicago falls back at 02:00, so 08:00 CST is 14:00 UTC (a week earlier,
# 08:00 CDT was 13:00 UTC).
SLOT = datetime(2026, 11, 1, 14, 0, tzinfo=UTC)


def test_weekly_summary_arrives_at_the_local_hour_once(database_url: str, dovecot, smtp_server,  # noqa: ANN001
                                                       tmp_path: Path) -> None:
    # Given an owner in Chicago who wants the summary on Sundays at 08:00, with a history
    boxes = fresh_mailboxes()
    env = server_env(dovecot, smtp_server, boxes, database_url, None, tmp_path)
    owner_id = register_owner(database_url, boxes.owner, timezone="America/Chicago",
                              now=SLOT - timedelta(days=6))
    clock = [SLOT - timedelta(minutes=1)]
    app = build_app(Settings.from_env(env), clock=lambda: clock[0])
    with transaction(app.sessions) as session:
        session.execute(update(Owner).where(Owner.id == owner_id).values(
            summary_weekday=6, summary_hour=8))
        seed_sample_history(session, owner_id, SLOT)
    sent: list[tuple[int, str]] = []

    def enqueue_summary(owner: int, week: str) -> None:  # what the send_summary actor does
        sent.append((owner, week))
        outbox_id = queue_summary(app, owner, week, app.clock())
        if outbox_id is not None:
            send.send_outbox(app, outbox_id)

    def tick() -> schedule.Tick:
        return schedule.tick(app, lambda _id: None, enqueue_summary)

    try:
        # When the scheduler ticks a minute before 08:00 local, at 08:00, and again later
        before = tick()
        clock[0] = SLOT
        on_time = tick()
        messages = dovecot.wait_for_messages(boxes.owner, "INBOX", 1, timeout=20)
        clock[0] = SLOT + timedelta(minutes=30)
        later = tick()
    finally:
        app.close()
    # Then exactly one summary was sent, at 08:00 Chicago time (14:00 UTC after the change)
    assert before.summaries == () and later.summaries == ()
    assert on_time.summaries == ((owner_id, "2026-W44"),) and sent == [(owner_id, "2026-W44")]
    assert len(dovecot.messages(boxes.owner, "INBOX")) == 1
    message = email.message_from_bytes(messages[0], policy=email.policy.default)
    sent_at = parsedate_to_datetime(str(message["Date"])).astimezone(CHICAGO)
    assert (sent_at.date().isoformat(), sent_at.hour, sent_at.utcoffset()) == (
        "2026-11-01", 8, timedelta(hours=-6))
    assert str(message["Subject"]) == "Your week in relationships: 1 November 2026"
    assert message["Auto-Submitted"] == "auto-generated"
    # And both parts carry the seeded history's figures
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    for line in ("New contacts:      2", "Follow-ups sent:   2", "Replies:           1",
                 "Reply rate:        50%", "Jane Doe: send her our migration checklist",
                 "Bob Stone: 70 days", "Reply: pending"):
        assert line in text, line
    assert 'id="fig-rate" style' in html and ">50%<" in html
