"""A burst of notes on real servers: 25 notes forwarded within 10 minutes give the owner at
most 3 acknowledgements that evening, each note in exactly one of them, and one digest of the
25 drafts the next morning.

`assistant run` reads Dovecot and sends through the harness's SMTP server, on a clock the test
moves forward: the scheduler tick combines the held notes when each burst window ends.
"""

from __future__ import annotations

import email.message
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from assistant.store.db import make_engine, session_factory, transaction
from assistant.store.models import OutboxMessage
from benchmarks.notes_gen import FIRST, LAST
from tests.e2e.clock import SteppedClock, running_with_clock
from tests.integration.helpers import (
    counts,
    fresh_mailboxes,
    note,
    owner_mail,
    register_owner,
    server_env,
    wait_for,
)

pytestmark = pytest.mark.servers

# Monday 23 November 2026, 18:00 in Chicago: back from the event.
EVENING = datetime(2026, 11, 24, 0, 0, tzinfo=UTC)
# Tuesday 24 November, 09:05 in Chicago: the drafts are due at 09:00.
NEXT_MORNING = datetime(2026, 11, 24, 15, 5, tzinfo=UTC)
NOTES = 25


def _text(message: email.message.EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def _waiting(database_url: str) -> int:
    """Emails not sent yet, and acknowledgements still held for a combined email."""
    engine = make_engine(database_url)
    try:
        with transaction(session_factory(engine)) as session:
            return int(session.scalar(select(func.count()).select_from(OutboxMessage).where(
                OutboxMessage.status.in_(("pending", "sending", "held")))) or 0)
    finally:
        engine.dispose()


def _forward(dovecot, boxes, database_url: str, numbers: range) -> None:  # noqa: ANN001
    """The owner forwards these notes; the test waits until the assistant has read them."""
    for n in numbers:
        name = f"{FIRST[n % len(FIRST)]} {LAST[n % len(LAST)]}"
        address = f"{name.replace(' ', '.').lower()}@example.org"
        dovecot.append(boxes.assistant, "INBOX", note(
            boxes.owner, boxes.assistant, f"Note {n:02d}: {name}",
            f"Met {name} <{address}> at the SaaS founders breakfast.\n"))
    assert wait_for(lambda: counts(database_url).inbound >= numbers.stop
                    and counts(database_url).pending == 0, timeout=60)


def test_25_notes_in_10_minutes_give_3_acknowledgements_and_1_digest(dovecot, smtp_server,
                                                                     database_url, tmp_path):
    # Given an owner and the assistant running with the default 5-minute burst window
    boxes = fresh_mailboxes()
    register_owner(database_url, boxes.owner, now=EVENING)
    env = server_env(dovecot, smtp_server, boxes, database_url, None, tmp_path)
    env.update({"ASSISTANT_TICK_SECONDS": "0.2", "ASSISTANT_POLL_SECONDS": "1"})
    clock = SteppedClock(EVENING)
    with running_with_clock(env, clock):
        # When 25 notes are forwarded in five groups over ten minutes
        _forward(dovecot, boxes, database_url, range(0, 5))
        first = owner_mail(dovecot, boxes.owner, 1)  # the first one is acknowledged at once
        assert _text(first[0]).count("Note 0") == 1
        for minute, numbers in ((2, range(5, 10)), (4, range(10, 15))):
            clock.set(EVENING + timedelta(minutes=minute))
            _forward(dovecot, boxes, database_url, numbers)
        clock.set(EVENING + timedelta(minutes=5, seconds=30))  # the first window ends
        owner_mail(dovecot, boxes.owner, 2)
        for minute, numbers in ((7, range(15, 20)), (9.5, range(20, 25))):
            clock.set(EVENING + timedelta(minutes=minute))
            _forward(dovecot, boxes, database_url, numbers)
        # And the evening goes on, with no note after them
        clock.set(EVENING + timedelta(minutes=11))
        owner_mail(dovecot, boxes.owner, 3)
        clock.set(EVENING + timedelta(hours=3))
        assert wait_for(lambda: _waiting(database_url) == 0, timeout=20)
        assert not wait_for(lambda: len(dovecot.messages(boxes.owner, "INBOX")) > 3, timeout=2)
        # Then the owner got 3 emails, and each note is in exactly one of them
        texts = [_text(m) for m in owner_mail(dovecot, boxes.owner, 3)]
        assert len(texts) == 3
        for n in range(NOTES):
            assert sum(f"Note {n:02d}:" in text for text in texts) == 1, n
        assert [t.count('. "Note ') for t in texts[1:]] == [14, 10]

        # When the next morning comes, Then one digest holds the 25 drafts, numbered
        clock.set(NEXT_MORNING)
        mails = owner_mail(dovecot, boxes.owner, 4, timeout=60)
        assert not wait_for(lambda: len(dovecot.messages(boxes.owner, "INBOX")) > 4, timeout=3)
    digest = _text(mails[3])
    for n in range(NOTES):
        assert f"{FIRST[n % len(FIRST)]} {LAST[n % len(LAST)]}" in digest, n
    assert f"{NOTES}." in digest and f"{NOTES + 1}." not in digest
    assert len(dovecot.messages(boxes.owner, "INBOX")) == 4  # 0.16 emails per note
