"""`assistant draft` prints what the pipeline would send: the same note, read on the same day,
gives the same subject and body through the real pipeline on SQLite (no server needed) and
through the command."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from assistant.app import App, build_app
from assistant.cli import main
from assistant.pipeline.draft import draft_followup
from assistant.pipeline.process import process_inbound
from assistant.settings import Settings
from assistant.store import followups, inbound, owners
from assistant.store.db import transaction, upgrade
from assistant.store.inbound import FetchedMessage
from assistant.store.models import FollowUp
from tests.e2e.clock import SteppedClock

OWNER = "sam@example.com"
ZONE = "America/Chicago"
# Noon in Chicago on Tuesday 24 November 2026: the moment `--today 2026-11-24` stands for.
ARRIVAL = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
NOTES = [
    "Met Jane Doe (jane.doe@acmerobotics.com) at the SaaS founders breakfast this morning. "
    "She's CTO at Acme Robotics. Looking for a good SRE contractor. Into trail running. "
    "I promised to send her our migration checklist.",
    "Had coffee with Mark Li (mark@li.example) and Jo Park (jo@park.example) at Web Summit. "
    "Jo is looking for a seed lead. He promised to send me his pitch deck.",
    "Met Ravi Kumar (ravi@kumar.example) at the Bangalore meetup; his wife is sick, "
    "don't mention the conference.",
    "Met kevin (kevin@example.org) yesterday, he is not looking for investors.",
]


@pytest.fixture
def clock() -> SteppedClock:
    return SteppedClock(ARRIVAL)


@pytest.fixture
def app(tmp_path: Path, clock: SteppedClock) -> Iterator[App]:
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_ADDRESS": "assistant@example.net"})
    upgrade(settings.database_url)
    built = build_app(settings, clock=clock)
    with transaction(built.sessions) as session:
        owners.add_owner(session, name="Sam Rivera", addresses=[OWNER], timezone=ZONE,
                         region="US", now=clock())
    yield built
    built.close()


def _note(text: str) -> bytes:
    message = EmailMessage()
    message["From"] = f"Sam Rivera <{OWNER}>"
    message["To"] = "assistant@example.net"
    message["Subject"] = "People I met"
    message["Date"] = "Tue, 24 Nov 2026 11:30:00 -0600"
    message["Message-ID"] = make_msgid(domain="example.com")
    message.set_content(text)
    return message.as_bytes()


def _pipeline_drafts(app: App, clock: SteppedClock, raw: bytes) -> dict[str, tuple[str, str]]:
    """The note arrives and is processed; each first follow-up is drafted when due."""
    with transaction(app.sessions) as session:
        inbound_id = inbound.store_fetched(session, "maildir://test", None,
                                           FetchedMessage(make_msgid(), raw),
                                           received_at=ARRIVAL)
    assert inbound_id is not None
    process_inbound(app, inbound_id)
    with transaction(app.sessions) as session:
        due = session.execute(select(FollowUp.id, FollowUp.due_at)
                              .where(FollowUp.sequence == 1)).all()
    drafts = {}
    for followup_id, due_at in due:
        clock.set(due_at)
        assert draft_followup(app, followup_id) is not None
        with transaction(app.sessions) as session:
            record = followups.load(session, followup_id)
            assert record is not None and record.to_address
            drafts[record.to_address] = (record.subject or "", record.body or "")
    return drafts


def _command_drafts(tmp_path: Path, raw: bytes) -> dict[str, tuple[str, str]]:
    path = tmp_path / "note.eml"
    path.write_bytes(raw)
    result = CliRunner().invoke(main, ["draft", str(path), "--owner", f"Sam Rivera <{OWNER}>",
                                       "--region", "US", "--assistant-address",
                                       "assistant@example.net", "--today", "2026-11-24",
                                       "--timezone", ZONE, "--json"])
    assert result.exit_code == 0, result.output
    return {d["to"][0]: (d["subject"], d["body"]) for d in json.loads(result.output)["drafts"]}


@pytest.mark.parametrize("text", NOTES, ids=["jane", "two-people", "private", "lowercase"])
def test_the_command_prints_what_the_pipeline_drafts(app: App, clock: SteppedClock,
                                                      tmp_path: Path, text: str) -> None:
    # Given a note the owner sent on Tuesday 24 November
    raw = _note(text)
    # When the pipeline reads it at noon and drafts each follow-up when it falls due
    by_pipeline = _pipeline_drafts(app, clock, raw)
    # And the command reads the same bytes "on" that Tuesday, in the owner's zone
    by_command = _command_drafts(tmp_path, raw)
    # Then both wrote the same subject and body for the same people
    assert by_pipeline and by_command == by_pipeline
