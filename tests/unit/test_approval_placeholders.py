"""What the approval email says about "send" is what the pipeline does: a draft that still
holds a placeholder is not sent on "send" (the owner is asked for the rewrite); a complete
draft goes out once."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select

from assistant.app import App, build_app
from assistant.domain import ParsedContact
from assistant.pipeline.draft import draft_followup
from assistant.settings import Settings
from assistant.store import contacts, followups, outbox, owners
from assistant.store.db import transaction, upgrade
from assistant.store.models import FollowUp, OutboxMessage
from assistant.templating import render_pair
from tests.unit.test_approval_paths import _answer

NOW = datetime(2026, 11, 24, 15, 5, tzinfo=UTC)
OWNER = "sam@example.com"
HOLE = "[link to the migration checklist]"
SEND_ONCE = "it goes out from your address, once"


def _context(placeholders: list[str]) -> dict[str, object]:
    return {"owner_first_name": "Sam", "contact_name": "Jane Doe", "second": False,
            "first_sent": None, "to": "Jane Doe <jane@acme.example>", "subject": "Great to meet",
            "body": f"Hi Jane,\n\nHere is the checklist: {HOLE}\n\nBest,\nSam"
            if placeholders else "Hi Jane,\n\nGreat to meet you.\n\nBest,\nSam",
            "value_adds": [], "placeholders": placeholders, "expires": "Friday 27 November"}


def test_a_complete_draft_says_send_goes_out_once() -> None:
    # Given a draft with nothing left to fill in
    # When its approval email is rendered
    text, html = render_pair("approval", **_context([]))
    # Then "send" is described as sending it
    assert f"* send            - {SEND_ONCE}" in text
    assert f"<strong>send</strong> &mdash; {SEND_ONCE}" in html
    assert "BEFORE YOU SEND" not in text and "not yet" not in text


def test_a_draft_with_a_placeholder_says_send_asks_for_the_rewrite() -> None:
    # Given a draft that still holds a placeholder
    # When its approval email is rendered
    text, html = render_pair("approval", **_context([HOLE]))
    # Then neither version promises that "send" sends it, or that the placeholder would go out
    for body in (text, html):
        assert SEND_ONCE not in body
        assert "would send the placeholder" not in body
    # And both say what "send" does instead, and that a rewrite is sent
    assert (f"* send            - not yet: the draft still has {HOLE}; I will ask you to "
            "rewrite it") in text
    assert ('A plain "send" sends nothing yet: I will\nask you for the rewrite first.') in text
    assert (f"<strong>send</strong> &mdash; not yet: the draft still has {HOLE}; I will ask "
            "you to rewrite it") in html
    assert "your text goes out instead" in text and "your text goes out instead" in html


@pytest.fixture
def drafted_with_hole(tmp_path: Path) -> Iterator[tuple[App, EmailMessage]]:
    """Jane was promised a checklist the owner has no resource for: the draft has a hole."""
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_ADDRESS": "assistant@example.net"})
    upgrade(settings.database_url)
    app = build_app(settings, clock=lambda: NOW)
    with transaction(app.sessions) as session:
        owner = owners.add_owner(session, name="Sam Rivera", addresses=[OWNER],
                                 timezone="America/Chicago", region="US", now=NOW)
        jane = contacts.merge_contact(
            session, owner_id=owner.id, inbound_id=None, now=NOW,
            parsed=ParsedContact("Jane Doe", ("jane@acme.example",),
                                 context="Met at the breakfast",
                                 promises=("send her the migration checklist",)))
        followup_id = followups.schedule(session, owner_id=owner.id, contact_id=jane.id,
                                         sequence=1, due_at=NOW, now=NOW)
    outbox_id = draft_followup(app, followup_id)
    with transaction(app.sessions) as session:
        request = email.message_from_bytes(outbox.load(session, outbox_id).raw,
                                           policy=email.policy.default)
    yield app, request  # type: ignore[misc]
    app.close()


def _state(app: App) -> tuple[str | None, list[str]]:
    with transaction(app.sessions) as session:
        status = session.scalar(select(FollowUp.status).where(FollowUp.sequence == 1))
        purposes = list(session.scalars(select(OutboxMessage.purpose)
                                        .order_by(OutboxMessage.id)))
    return status, purposes


def _text_of(app: App, purpose: str) -> str:
    with transaction(app.sessions) as session:
        raw = session.scalars(select(OutboxMessage.raw)
                              .where(OutboxMessage.purpose == purpose)).one()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())  # type: ignore[attr-defined]


def test_send_on_a_draft_with_a_placeholder_does_what_the_request_said(
        drafted_with_hole: tuple[App, EmailMessage]) -> None:
    app, request = drafted_with_hole
    # Given the approval request for a draft with a hole, which says "send" asks for a rewrite
    shown = _text_of(app, "approval")
    assert HOLE in shown and "not yet: the draft still has" in shown and SEND_ONCE not in shown
    # When the owner answers "send"
    _answer(app, request, "send")
    # Then nothing goes to Jane: the owner is asked for the rewrite, the draft still waits
    assert _state(app) == ("awaiting_approval", ["approval", "approval_unclear"])
    assert "reply with the whole email\nrewritten" in _text_of(app, "approval_unclear")
    # When the owner then sends the rewritten email
    _answer(app, request, "Hi Jane,\n\nHere is the checklist: https://example.com/c\n\nSam")
    # Then the rewrite is what goes out, as the request said
    assert _state(app) == ("approved", ["approval", "approval_unclear", "followup"])
    assert "https://example.com/c" in _text_of(app, "followup")
