"""`assistant draft FILE.eml --json`: the first follow-ups the assistant would write for a message,
read on a given day by an owner with no resources and no other contacts (the contract in
DESIGN.md), printed from literal .eml bytes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

OWNER = "Sam Rivera <sam@example.com>"
# Tuesday 24 November 2026, before the US Thanksgiving holiday on Thursday the 26th.
NOTE = (
    b"From: Sam Rivera <sam@example.com>\r\n"
    b"To: assistant@example.net\r\n"
    b"Subject: met two people\r\n"
    b"Date: Tue, 24 Nov 2026 19:30:00 -0600\r\n"
    b"Message-ID: <note-1@example.com>\r\n"
    b"\r\n"
    b"Met Jane Doe (jane.doe@acmerobotics.com) at the SaaS founders breakfast today.\r\n"
    b"She's CTO at Acme Robotics. I promised to send her our migration checklist.\r\n"
    b"Also met Raj Patel there, no email yet.\r\n"
)


def _draft(tmp_path: Path, raw: bytes, *extra: str) -> tuple[int, dict, str]:
    path = tmp_path / "note.eml"
    path.write_bytes(raw)
    result = CliRunner().invoke(main, ["draft", str(path), "--owner", OWNER, "--region", "US",
                                       "--assistant-address", "assistant@example.net",
                                       *extra, "--json"])
    data = json.loads(result.output) if result.exit_code == 0 else {}
    return result.exit_code, data, result.output


def test_one_draft_per_contact_with_an_address(tmp_path: Path) -> None:
    # Given a note naming Jane (with an address) and Raj (without)
    # When it is drafted as if read on that Tuesday, in Chicago
    code, data, _ = _draft(tmp_path, NOTE, "--today", "2026-11-24",
                           "--timezone", "America/Chicago")
    # Then there is one draft, Jane's, with the contract's keys
    assert code == 0
    [draft] = data["drafts"]
    assert set(draft) == {"contact", "to", "subject", "body", "due"}
    assert draft["contact"] == "Jane Doe"
    assert draft["to"] == ["jane.doe@acmerobotics.com"]
    # And it is what Jane would receive: greeted by first name, the place, the promise
    assert draft["subject"] == "Great meeting you at the SaaS founders breakfast"
    assert draft["body"].startswith("Hi Jane,\n\nIt was great to meet you at the SaaS founders "
                                    "breakfast yesterday.\n")
    assert "[link to the migration checklist]" in draft["body"]
    assert draft["body"].endswith("Best,\nSam\n")
    # And it is due the next business morning at 9:00 in the owner's zone
    assert draft["due"] == "2026-11-25T09:00:00-06:00"


def test_the_due_day_skips_the_weekend_and_holidays(tmp_path: Path) -> None:
    # Given the same note read on Wednesday 25 November (Thursday is Thanksgiving)
    code, data, _ = _draft(tmp_path, NOTE, "--today", "2026-11-25")
    # Then the draft is due on Friday at 9:00, in UTC when no zone is given
    assert code == 0
    assert data["drafts"][0]["due"] == "2026-11-27T09:00:00+00:00"


def test_a_message_with_no_contacts_prints_no_drafts(tmp_path: Path) -> None:
    # Given a note that names nobody
    raw = NOTE.split(b"\r\n\r\n")[0] + b"\r\n\r\nRemember to book the flights.\r\n"
    # When it is drafted
    code, data, _ = _draft(tmp_path, raw, "--today", "2026-11-25")
    # Then the command succeeds with an empty list
    assert code == 0
    assert data == {"drafts": []}


def test_a_file_that_is_not_a_message_fails_with_one_line(tmp_path: Path) -> None:
    # Given bytes that are no message at all
    code, _, output = _draft(tmp_path, b"", "--today", "2026-11-25")
    # Then the exit status is non-zero and the error is one line
    assert code != 0
    assert output.strip().count("\n") == 0 and "error" in output


def test_a_contact_with_no_name_gets_a_subject_without_one(tmp_path: Path) -> None:
    # Given a note whose person is known only by an address
    raw = NOTE.split(b"\r\n\r\n")[0] + b"\r\n\r\nPlease follow up with jq7@acme.example.\r\n"
    # When it is drafted
    code, data, _ = _draft(tmp_path, raw, "--today", "2026-11-24")
    # Then the greeting says "Hi there," but the subject does not end with "there"
    [draft] = data["drafts"]
    assert code == 0 and draft["subject"] == "Great meeting you"
    assert draft["body"].startswith("Hi there,\n")
