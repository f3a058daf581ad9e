"""A contact the owner has not met yet keeps that flag in the store, and the follow-up drafted
from the store introduces the owner and never says they met, through the real pipeline on
SQLite (no server needed)."""

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
from assistant.store.models import Contact, FollowUp
from tests.e2e.clock import SteppedClock

OWNER = "sam@example.com"
ANA = "ana@brightpath.example"


@pytest.fixture
def clock() -> SteppedClock:
    return SteppedClock(datetime(2026, 11, 1, tzinfo=UTC))


@pytest.fixture
def app(tmp_path, clock: SteppedClock) -> Iterator[App]:  # noqa: ANN001
    settings = Settings.from_env(
        {"ASSISTANT_VAR_DIR": str(tmp_path), "ASSISTANT_ADDRESS": "assistant@example.net"}
    )
    upgrade(settings.database_url)
    built = build_app(settings, clock=clock)
    with transaction(built.sessions) as session:
        owners.add_owner(
            session,
            name="Sam Rivera",
            addresses=[OWNER],
            timezone="America/Chicago",
            region="US",
            now=clock(),
        )
    yield built
    built.close()


def _note(text: str) -> bytes:
    message = EmailMessage()
    message["From"] = f"Sam Rivera <{OWNER}>"
    message["To"] = "assistant@example.net"
    message["Subject"] = "Ana"
    message["Date"] = "Mon, 23 Nov 2026 10:00:00 -0600"
    message["Message-ID"] = make_msgid(domain="example.com")
    message.set_content(text)
    return message.as_bytes()


def _arrives(app: App, clock: SteppedClock, raw: bytes) -> None:
    at = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    clock.set(at)
    with transaction(app.sessions) as session:
        inbound_id = inbound.store_fetched(
            session, "maildir://test", None, FetchedMessage(make_msgid(), raw), received_at=at
        )
    assert inbound_id is not None
    process_inbound(app, inbound_id)


def _draft(app: App, clock: SteppedClock) -> str:
    """The first follow-up drafted when it falls due; the draft's body as the owner sees it."""
    with transaction(app.sessions) as session:
        followup_id, due = session.execute(
            select(FollowUp.id, FollowUp.due_at).where(FollowUp.sequence == 1)
        ).one()
    clock.set(due)
    outbox_id = draft_followup(app, followup_id)
    assert outbox_id is not None
    with transaction(app.sessions) as session:
        request = email.message_from_bytes(
            outbox.load(session, outbox_id).raw, policy=email.policy.default
        )
    body = request.get_body(preferencelist=("plain",))
    assert body is not None
    return " ".join(body.get_content().split())


def _met_flags(app: App) -> list[bool]:
    with transaction(app.sessions) as session:
        return list(session.scalars(select(Contact.met).order_by(Contact.id)))


def test_a_note_about_someone_not_met_yet_drafts_an_introduction(
    app: App, clock: SteppedClock
) -> None:
    # Given a note about someone the owner has not met yet
    _arrives(
        app,
        clock,
        _note(
            f"Haven't met Ana Souza <{ANA}> yet; Jordan suggested I reach "
            "out. She is looking for a bookkeeper.\n"
        ),
    )
    # Then the stored contact is marked as not met
    assert _met_flags(app) == [False]
    # And the follow-up introduces the owner and does not say they met
    body = _draft(app, clock)
    assert "Hi Ana," in body
    assert "introduce myself" in body
    assert "great to meet you" not in body.lower()
    assert "great meeting you" not in body.lower()


def test_the_stored_flag_wins_over_a_context_that_names_an_occasion(
    app: App, clock: SteppedClock
) -> None:
    # Given a contact stored as not met, whose context names an occasion but not the denial
    with transaction(app.sessions) as session:
        owner = owners.owner_by_address(session, OWNER)
        assert owner is not None
        stored = contacts.merge_contact(
            session,
            owner_id=owner.id,
            inbound_id=None,
            now=clock(),
            parsed=ParsedContact(
                name="Ana Souza",
                emails=(ANA,),
                context="Jordan mentioned her at the SaaS founders breakfast",
                met=False,
            ),
        )
        followups.schedule(
            session,
            owner_id=owner.id,
            contact_id=stored.id,
            sequence=1,
            due_at=datetime(2026, 11, 24, 15, 0, tzinfo=UTC),
            now=clock(),
        )
    # When the follow-up is drafted
    body = _draft(app, clock)
    # Then it introduces the owner and never says they met
    assert "introduce myself" in body
    assert "great to meet you" not in body.lower()
    assert "SaaS founders breakfast" not in body


def test_a_later_note_about_meeting_them_marks_the_contact_met(
    app: App, clock: SteppedClock
) -> None:
    # Given a contact first noted as not met yet
    _arrives(
        app, clock, _note(f"Haven't met Ana Souza <{ANA}> yet; Jordan suggested I reach out.\n")
    )
    assert _met_flags(app) == [False]
    # When a later note says the owner met her
    _arrives(app, clock, _note(f"Met Ana Souza <{ANA}> at the SaaS founders breakfast.\n"))
    # Then the same contact is now met
    assert _met_flags(app) == [True]
