"""classify.py: automated mail, bounces, commands and replies are recognized before parsing."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.classify import (
    command_of,
    is_auto_reply,
    is_automated_address,
    is_bounce,
    is_reply_to_assistant,
)
from assistant.parsing.mime import read_message

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))


def view(headers: str, body: str = "hello"):  # noqa: ANN201 - MessageView
    return read_message(f"{headers}\r\n\r\n{body}\r\n".encode())


@pytest.mark.parametrize(
    "headers",
    [
        "From: a@x.com\r\nAuto-Submitted: auto-replied\r\nSubject: Re: hi",
        "From: a@x.com\r\nPrecedence: bulk\r\nSubject: news",
        "From: a@x.com\r\nX-Autoreply: yes\r\nSubject: hi",
        "From: a@x.com\r\nSubject: Out of Office: hi",
        "From: a@x.com\r\nSubject: Automatic reply: hi",
        "From: a@x.com\r\nSubject: Abwesenheitsnotiz: hi",
        "From: a@x.com\r\nSubject: Réponse automatique : hi",
        "From: a@x.com\r\nSubject: Respuesta automática: hi",
    ],
)
def test_auto_replies(headers: str) -> None:
    assert is_auto_reply(view(headers))


def test_auto_submitted_no_is_a_person() -> None:
    assert not is_auto_reply(view("From: a@x.com\r\nAuto-Submitted: no\r\nSubject: hi"))


def test_bounces() -> None:
    dsn = view("From: x@y.com\r\nContent-Type: multipart/report; report-type=delivery-status; "
               "boundary=b", "--b\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--b--")
    assert is_bounce(dsn, "x@y.com")
    assert is_bounce(view("From: MAILER-DAEMON@mx.org"), "mailer-daemon@mx.org")
    assert is_bounce(view("From: postmaster@outlook.com"), "postmaster@outlook.com")
    assert not is_bounce(view("From: jane@acme.com"), "jane@acme.com")


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("summary", "", "summary"),
        ("question", "find Jane Doe\n\nSent from my iPhone", "find Jane Doe"),
        ("Pause", "", "Pause"),
        ("Met Jane", "Met Jane at the breakfast", None),
    ],
)
def test_commands_from_the_owner(subject: str, body: str, expected: str | None) -> None:
    message = view(f"From: sam@example.com\r\nSubject: {subject}", body)
    assert command_of(message, "sam@example.com", OWNER) == expected


def test_commands_only_from_the_owner() -> None:
    assert command_of(view("From: eve@x.com\r\nSubject: export"), "eve@x.com", OWNER) is None


def test_reply_to_the_assistant() -> None:
    quoted = "Send it.\n\nOn Mon, Networking Assistant <assistant@example.net> wrote:\n> Draft"
    reply = view("From: sam@example.com\r\nTo: assistant@example.net\r\nSubject: Re: Draft", quoted)
    note = view("From: sam@example.com\r\nTo: assistant@example.net\r\nSubject: Jane", "Met Jane")
    assert is_reply_to_assistant(reply, OWNER)
    assert not is_reply_to_assistant(note, OWNER)


def test_automated_addresses() -> None:
    assert is_automated_address("noreply@eventbrite.com")
    assert is_automated_address("notifications+abc@github.com")
    assert not is_automated_address("jane.doe@acme.com")


def test_a_mail_systems_null_return_path_makes_a_bounce() -> None:
    # Given a report delivered with the null reverse-path of every DSN (RFC 5321 4.5.5)
    report = view("Return-Path: <>\r\nFrom: Microsoft Outlook <MicrosoftExchange1a2b@acme.example>"
                  "\r\nSubject: Undeliverable: Met Jane")
    # Then it is a bounce, whatever its From
    assert is_bounce(report, "microsoftexchange1a2b@acme.example")


def test_the_owners_note_carrying_a_delivery_report_is_not_a_bounce() -> None:
    # Given the owner's own note with a delivery report attached to it
    note = view("From: sam@example.com\r\nContent-Type: multipart/mixed; boundary=b",
                "--b\r\nContent-Type: text/plain\r\n\r\nJane's address bounced, new one: "
                "jane.doe@acme.example\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n"
                "Final-Recipient: rfc822; jane@acme.example\r\nAction: failed\r\n--b--")
    # Then it is the owner's note, not a mail system's report
    assert not is_bounce(note, "sam@example.com")


def test_the_digest_commands_are_commands() -> None:
    # Given the owner's one-word emails that set the digest or renew expired requests
    for word in ("digest", "each", "renew", "Renew."):
        message = view(f"From: sam@example.com\r\nTo: assistant@example.net\r\nSubject: {word}",
                       word)
        # Then each is read as a command, not a note about someone
        assert command_of(message, "sam@example.com", OWNER) == word.rstrip("."), word
