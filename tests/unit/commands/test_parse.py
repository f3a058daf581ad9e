"""Reading commands from the subject or the body's first line."""

from __future__ import annotations

import pytest

from assistant.commands.parse import Command, first_line, parse_command


@pytest.mark.parametrize(("subject", "line", "expected"), [
    ("help", "", Command("help")),
    ("Summary", "", Command("summary")),
    ("pending!", "", Command("pending")),
    ("find Jane Doe", "", Command("find", "Jane Doe")),
    ('find "jane@acme.example"', "", Command("find", "jane@acme.example")),
    ("Re: Got it: coffee with Jane", "undo", Command("undo")),
    ("AW: Re: note", "Pause.", Command("pause")),
    ("", "resume", Command("resume")),
    ("export", "ignored body", Command("export")),
    ("find", "", Command("find", "")),
    ("?", "", Command("help")),
])
def test_commands_are_read(subject: str, line: str, expected: Command) -> None:
    assert parse_command(subject, line) == expected


@pytest.mark.parametrize(("subject", "line"), [
    ("Summary of our call with Jane", "Met Jane at the breakfast"),
    ("Fwd: intro", "Hi Sam, meet Jane"),
    ("", ""),
    ("Pause the project?", "stop"),
])
def test_ordinary_mail_is_not_a_command(subject: str, line: str) -> None:
    assert parse_command(subject, line) is None


def test_first_line_skips_blank_lines() -> None:
    assert first_line("\n\n  undo  \n> quoted") == "undo"
