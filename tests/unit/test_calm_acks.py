"""Calm acknowledgements: the first note of a burst is acknowledged at once, the notes that
follow within the window together in one email when it ends, swept by the scheduler tick;
nothing held is lost across a restart, nothing is combined twice, and ``undo 2`` in reply to
the combined email undoes that note only (SQLite and a local Maildir outbox: no server)."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest
from sqlalchemy import select

from assistant.app import App, build_app
from assistant.pipeline import calm_acks, schedule
from assistant.pipeline.calm_acks import pick_sections
from assistant.pipeline.process import process_inbound
from assistant.settings import Settings
from assistant.store import inbound, owners
from assistant.store.db import transaction, upgrade
from assistant.store.inbound import FetchedMessage
from assistant.store.models import Contact, OutboxMessage

START = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # Monday evening in Chicago
OWNER = "sam@example.com"
PEOPLE = ["Jane Doe", "Raj Patel", "Lena Fischer", "Tom Baker"]


class SteppedClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> SteppedClock:
    return SteppedClock(START)


def _app(tmp_path: Path, clock: SteppedClock) -> App:
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_ADDRESS": "assistant@example.net"})
    upgrade(settings.database_url)
    return build_app(settings, clock=clock)


@pytest.fixture
def app(tmp_path: Path, clock: SteppedClock) -> Iterator[App]:
    application = _app(tmp_path, clock)
    with transaction(application.sessions) as session:
        owners.add_owner(session, name="Sam Rivera", addresses=[OWNER],
                         timezone="America/Chicago", region="US", now=START)
    yield application
    application.close()


def _store(app: App, raw: bytes) -> int:
    with transaction(app.sessions) as session:
        new_id = inbound.store_fetched(session, "maildir://test", None,
                                       FetchedMessage(make_msgid(), raw),
                                       received_at=app.clock())
    assert new_id is not None
    return new_id


def _note(person: str) -> bytes:
    first, last = person.split()
    message = EmailMessage()
    message["From"] = f"Sam Rivera <{OWNER}>"
    message["To"] = "assistant@example.net"
    message["Subject"] = f"Met {first}"
    message["Message-ID"] = make_msgid(domain="example.com")
    message.set_content(f"Met {person} <{first.lower()}@{last.lower()}.example> at the "
                        "breakfast.\n")
    return message.as_bytes()


def _forward(app: App, clock: SteppedClock, person: str, minutes: float) -> int:
    clock.now = START + timedelta(minutes=minutes)
    inbound_id = _store(app, _note(person))
    process_inbound(app, inbound_id)
    return inbound_id


def _acks(app: App) -> list[tuple[str, str]]:
    """(key, status) of every acknowledgement row, in order."""
    with transaction(app.sessions) as session:
        return [(r.idempotency_key, r.status) for r in session.execute(
            select(OutboxMessage.idempotency_key, OutboxMessage.status)
            .where(OutboxMessage.purpose == "ack").order_by(OutboxMessage.id))]


def _emails(app: App) -> list[email.message.EmailMessage]:
    """The acknowledgement emails queued to the owner (held sections are not emails)."""
    with transaction(app.sessions) as session:
        raws = list(session.scalars(select(OutboxMessage.raw).where(
            OutboxMessage.purpose == "ack", OutboxMessage.status.not_in(("held", "merged")))
            .order_by(OutboxMessage.id)))
    return [email.message_from_bytes(r, policy=email.policy.default) for r in raws]


def _text(message: email.message.EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def _tick(app: App) -> list[int]:
    sent: list[int] = []
    schedule.tick(app, lambda _f: None, lambda _o, _w: None, enqueue_send=sent.append)
    return sent


def test_a_burst_is_acknowledged_once_at_once_then_together(app: App,
                                                            clock: SteppedClock) -> None:
    # Given a first note, acknowledged at once
    _forward(app, clock, PEOPLE[0], 0)
    assert _acks(app)[0][1] == "pending"
    # When three more arrive within the next five minutes
    for n, person in enumerate(PEOPLE[1:], start=1):
        _forward(app, clock, person, n)
    # Then they are held, and a tick before the window ends combines nothing
    assert [status for _, status in _acks(app)] == ["pending", "held", "held", "held"]
    clock.now = START + timedelta(minutes=4, seconds=59)
    assert _tick(app) == []
    # And the tick after it queues one email with a numbered section per note
    clock.now = START + timedelta(minutes=5)
    [combined] = _tick(app)
    assert [status for _, status in _acks(app)][:4] == ["pending", "merged", "merged", "merged"]
    mails = _emails(app)
    assert len(mails) == 2 and mails[1]["Subject"] == "Got your 3 notes"
    text = _text(mails[1])
    for number, person in enumerate(PEOPLE[1:], start=1):
        assert f'{number}. "Met {person.split()[0]}"' in text and person in text
    # And a second tick combines nothing more (exactly once)
    clock.now += timedelta(minutes=10)
    assert _tick(app) == [] and len(_emails(app)) == 2


def test_a_lone_note_after_the_window_is_acknowledged_at_once(app: App,
                                                              clock: SteppedClock) -> None:
    # Given a note acknowledged at once
    _forward(app, clock, PEOPLE[0], 0)
    # When the next one comes after the window has ended
    _forward(app, clock, PEOPLE[1], 6)
    # Then it is acknowledged at once too, on its own
    assert [status for _, status in _acks(app)] == ["pending", "pending"]


def test_held_notes_survive_a_restart_and_are_flushed_once(tmp_path: Path, app: App,
                                                           clock: SteppedClock) -> None:
    # Given two held notes, and the process dies before their window ends
    for n, person in enumerate(PEOPLE[:3]):
        _forward(app, clock, person, n)
    app.close()
    # When another process starts after the window and two schedulers tick at once
    clock.now = START + timedelta(minutes=7)
    first, second = _app(tmp_path, clock), _app(tmp_path, clock)
    try:
        queued = calm_acks.flush_due(first) + calm_acks.flush_due(second)
        # Then the held notes are in exactly one combined email, and none is left held
        assert len(queued) == 1
        statuses = [status for _, status in _acks(first)]
        assert statuses.count("merged") == 2 and "held" not in statuses
    finally:
        first.close()
        second.close()


def _reply(app: App, combined: email.message.EmailMessage, text: str) -> int:
    message = EmailMessage()
    message["From"] = f"Sam Rivera <{OWNER}>"
    message["To"] = "assistant@example.net"
    message["Subject"] = "Re: " + str(combined["Subject"])
    message["Message-ID"] = make_msgid(domain="example.com")
    message["In-Reply-To"] = combined["Message-ID"]
    message["References"] = combined["Message-ID"]
    quoted = "\n".join("> " + line for line in _text(combined).splitlines())
    message.set_content(f"{text}\n\nOn Mon, Assistant wrote:\n{quoted}\n")
    inbound_id = _store(app, message.as_bytes())
    process_inbound(app, inbound_id)
    return inbound_id


def _contacts(app: App) -> list[str]:
    with transaction(app.sessions) as session:
        return sorted(n or "" for n in session.scalars(select(Contact.name)))


def _answer(app: App, inbound_id: int) -> str:
    with transaction(app.sessions) as session:
        raw = session.scalar(select(OutboxMessage.raw).where(
            OutboxMessage.idempotency_key == f"command:{inbound_id}"))
    assert raw is not None
    return _text(email.message_from_bytes(raw, policy=email.policy.default))


@pytest.fixture
def combined(app: App, clock: SteppedClock) -> email.message.EmailMessage:
    for n, person in enumerate(PEOPLE):
        _forward(app, clock, person, n)
    clock.now = START + timedelta(minutes=6)
    _tick(app)
    return _emails(app)[1]


def test_undo_by_section_number_removes_that_note_only(app: App,
                                                       combined: email.message.EmailMessage
                                                       ) -> None:
    # When the owner replies "undo 2" to the combined acknowledgement (Raj, Lena, Tom)
    answer = _answer(app, _reply(app, combined, "undo 2"))
    # Then only the second section's note is undone
    assert _contacts(app) == sorted(["Jane Doe", "Raj Patel", "Tom Baker"])
    assert '2. "Met Lena"' in answer and "Lena Fischer" in answer


def test_undo_by_name_and_an_unclear_undo(app: App,
                                          combined: email.message.EmailMessage) -> None:
    # When the owner replies "undo" alone: several notes, so nothing is undone and they are asked
    answer = _answer(app, _reply(app, combined, "undo"))
    assert "which one should I undo" in answer and "Nothing was undone" in answer
    assert len(_contacts(app)) == 4
    # And "undo Tom Baker" undoes the note about him
    _reply(app, combined, "Undo Tom Baker.")
    assert _contacts(app) == sorted(["Jane Doe", "Raj Patel", "Lena Fischer"])


def test_a_burst_window_of_zero_acknowledges_each_note(tmp_path: Path,
                                                       clock: SteppedClock) -> None:
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_ADDRESS": "assistant@example.net",
                                  "ASSISTANT_ACK_BURST_SECONDS": "0"})
    upgrade(settings.database_url)
    application = build_app(settings, clock=clock)
    try:
        with transaction(application.sessions) as session:
            owners.add_owner(session, name="Sam Rivera", addresses=[OWNER],
                             timezone="America/Chicago", region="US", now=START)
        for n, person in enumerate(PEOPLE[:2]):
            _forward(application, clock, person, n)
        assert [status for _, status in _acks(application)] == ["pending", "pending"]
    finally:
        application.close()


@pytest.mark.parametrize(("what", "count", "expected"), [
    ("", 1, [1]), ("", 3, None), ("2", 3, [2]), ("#3", 3, [3]), ("1, 3", 3, [1, 3]),
    ("1 and 2", 3, [1, 2]), ("1-3", 3, [1, 2, 3]), ("4", 3, None), ("0", 3, None),
    ("raj", 3, [2]), ("Raj Patel", 3, [2]), ("Jo", 3, None), ("Doe", 3, None),
])
def test_pick_sections(what: str, count: int, expected: list[int] | None) -> None:
    # Given sections about Jane Doe, Raj Patel, and John Doe with Lena
    names = [["Jane Doe"], ["Raj Patel"], ["John Doe", "Lena Fischer"]][:count]
    # Then the words after "undo" name these sections, or nothing when unclear
    assert pick_sections(what, names) == expected
