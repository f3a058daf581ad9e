"""The draft says when the owner met someone as the note tells it, through the real pipeline on
SQLite (no server needed): a note read after downtime, a note forwarded a day late, a contact
stored before the meeting day was kept, and a later note that does not move the day."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from sqlalchemy import select

from assistant.app import App, build_app
from assistant.domain import ParsedContact
from assistant.pipeline.draft import draft_followup
from assistant.pipeline.process import process_inbound
from assistant.settings import Settings
from assistant.store import contacts, followups, inbound, outbox, owners
from assistant.store.db import transaction, upgrade
from assistant.store.inbound import FetchedMessage
from assistant.store.models import Contact, ContactFact, FollowUp
from tests.e2e.clock import SteppedClock

OWNER = "sam@example.com"
JANE = "jane@acme.example"


@pytest.fixture
def clock() -> SteppedClock:
    return SteppedClock(datetime(2026, 11, 1, tzinfo=UTC))


@pytest.fixture
def app(tmp_path, clock: SteppedClock) -> Iterator[App]:  # noqa: ANN001
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_ADDRESS": "assistant@example.net"})
    upgrade(settings.database_url)
    built = build_app(settings, clock=clock)
    with transaction(built.sessions) as session:
        owners.add_owner(session, name="Sam Rivera", addresses=[OWNER],
                         timezone="America/Chicago", region="US", now=clock())
    yield built
    built.close()


def _note(text: str, date_header: str | None) -> bytes:
    message = EmailMessage()
    message["From"] = f"Sam Rivera <{OWNER}>"
    message["To"] = "assistant@example.net"
    message["Subject"] = "Met Jane"
    if date_header is not None:
        message["Date"] = date_header
    message["Message-ID"] = make_msgid(domain="example.com")
    message.set_content(text)
    return message.as_bytes()


def _arrives(app: App, clock: SteppedClock, raw: bytes, at: datetime) -> int:
    """The note is fetched and processed at ``at`` (the clock and the arrival agree)."""
    clock.set(at)
    with transaction(app.sessions) as session:
        inbound_id = inbound.store_fetched(session, "maildir://test", None,
                                           FetchedMessage(make_msgid(), raw), received_at=at)
    assert inbound_id is not None
    process_inbound(app, inbound_id)
    return inbound_id


def _draft(app: App, clock: SteppedClock) -> str:
    """The first follow-up drafted when it falls due; the draft's body as the owner sees it."""
    with transaction(app.sessions) as session:
        followup_id, due = session.execute(select(FollowUp.id, FollowUp.due_at)
                                           .where(FollowUp.sequence == 1)).one()
    clock.set(due)
    outbox_id = draft_followup(app, followup_id)
    assert outbox_id is not None
    with transaction(app.sessions) as session:
        request = email.message_from_bytes(outbox.load(session, outbox_id).raw,
                                           policy=email.policy.default)
    body = request.get_body(preferencelist=("plain",))
    assert body is not None
    return " ".join(body.get_content().split())


def _met_on_facts(app: App) -> list[str]:
    with transaction(app.sessions) as session:
        return list(session.scalars(select(ContactFact.value)
                                    .where(ContactFact.field == "met_on")))


def test_a_note_read_after_downtime_says_the_day_it_tells(app: App,
                                                          clock: SteppedClock) -> None:
    # Given a note written on Thursday evening 19 November in Chicago about "yesterday"
    raw = _note(f"Met Jane Doe <{JANE}> yesterday at the SaaS founders breakfast. "
                "She is looking for a good SRE contractor.\n",
                "Thu, 19 Nov 2026 20:00:00 -0600")
    # When the assistant, down over the weekend, reads it only on Monday morning
    _arrives(app, clock, raw, datetime(2026, 11, 23, 15, 0, tzinfo=UTC))
    # Then the meeting day kept is Wednesday 18 November
    assert _met_on_facts(app) == ["2026-11-18"]
    # And the draft, written on Tuesday morning 24 November, says "on Wednesday"
    body = _draft(app, clock)
    assert clock().date().isoformat() == "2026-11-24"
    assert "It was great to meet you at the SaaS founders breakfast on Wednesday." in body
    assert "yesterday" not in body


def test_a_note_forwarded_a_day_late_counts_from_its_date_header(app: App,
                                                                  clock: SteppedClock) -> None:
    # Given a note written on Monday evening 23 November that reaches the assistant on Tuesday
    raw = _note(f"Met Jane Doe <{JANE}> at the SaaS founders breakfast.\n",
                "Mon, 23 Nov 2026 21:00:00 -0600")
    _arrives(app, clock, raw, datetime(2026, 11, 24, 21, 0, tzinfo=UTC))
    # When the draft is written on Wednesday morning
    body = _draft(app, clock)
    # Then it says Monday, the day the note was written, not "yesterday" (the day it arrived)
    assert clock().date().isoformat() == "2026-11-25"
    assert _met_on_facts(app) == ["2026-11-23"]
    assert "It was great to meet you at the SaaS founders breakfast on Monday." in body


def test_a_note_without_a_date_header_counts_from_its_arrival(app: App,
                                                               clock: SteppedClock) -> None:
    # Given a note with no Date header about "yesterday", arriving on Monday 23 November
    raw = _note(f"Met Jane Doe <{JANE}> yesterday at the SaaS founders breakfast.\n", None)
    _arrives(app, clock, raw, datetime(2026, 11, 23, 18, 0, tzinfo=UTC))
    # Then the meeting day is Sunday 22 November, and Tuesday's draft says so
    assert _met_on_facts(app) == ["2026-11-22"]
    assert "breakfast on Sunday." in _draft(app, clock)


def test_a_later_note_does_not_move_the_meeting_day(app: App, clock: SteppedClock) -> None:
    # Given Jane met on Monday 23 November, noted that evening
    first = _note(f"Met Jane Doe <{JANE}> at the SaaS founders breakfast.\n",
                  "Mon, 23 Nov 2026 19:00:00 -0600")
    _arrives(app, clock, first, datetime(2026, 11, 24, 1, 0, tzinfo=UTC))
    # When another note about her comes on Thursday
    later = _note(f"Had lunch with Jane Doe <{JANE}> today, she is hiring.\n",
                  "Thu, 26 Nov 2026 13:00:00 -0600")
    _arrives(app, clock, later, datetime(2026, 11, 26, 19, 0, tzinfo=UTC))
    # Then the day kept is still the first meeting's
    assert _met_on_facts(app) == ["2026-11-23"]


def test_a_contact_stored_without_the_day_falls_back_to_its_message_date(
        app: App, clock: SteppedClock) -> None:
    # Given a contact stored from a message written on Friday 20 November but read on Monday,
    # before the meeting day was kept (no met_on fact)
    raw = _note("Jane's card.\n", "Fri, 20 Nov 2026 17:00:00 -0600")
    with transaction(app.sessions) as session:
        inbound_id = inbound.store_fetched(session, "maildir://test", None,
                                           FetchedMessage(make_msgid(), raw),
                                           received_at=datetime(2026, 11, 23, 15, 0, tzinfo=UTC))
        owner = owners.owner_by_address(session, OWNER)
        assert owner is not None and inbound_id is not None
        now = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
        jane = contacts.merge_contact(session, owner_id=owner.id, inbound_id=inbound_id, now=now,
                                      parsed=ParsedContact("Jane Doe", (JANE,)))
        followups.schedule(session, owner_id=owner.id, contact_id=jane.id, sequence=1,
                           due_at=datetime(2026, 11, 24, 15, 0, tzinfo=UTC), now=now)
        assert session.get(Contact, jane.id) is not None
    # When the draft is written on Tuesday 24 November
    body = _draft(app, clock)
    # Then it counts from the Date header (Friday), not the arrival (Monday, "earlier today"...)
    assert "It was great to meet you on Friday." in body


def test_a_follow_up_date_in_a_note_read_late_counts_from_the_day_it_was_written(
        app: App, clock: SteppedClock) -> None:
    # Given a note written on Friday 20 November asking to follow up next week
    raw = _note(f"Met Jane Doe <{JANE}> at the breakfast. Follow up next week.\n",
                "Fri, 20 Nov 2026 17:00:00 -0600")
    # When it is read only on Tuesday 24 November, after downtime (10:00 Chicago)
    _arrives(app, clock, raw, datetime(2026, 11, 24, 16, 0, tzinfo=UTC))
    # Then "next week" is the week after the note was written, which has begun: the draft is
    # due the next business morning (Wednesday 25, 09:00), not in the week of 30 November
    with transaction(app.sessions) as session:
        due = session.scalar(select(FollowUp.due_at).where(FollowUp.sequence == 1))
    assert due == datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
