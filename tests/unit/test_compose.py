"""Outgoing messages: headers set through the email package, no header injection."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime

from assistant.mail.compose import Thread, address, build_email, clean_header, reply_subject

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def test_cr_lf_from_mail_cannot_add_headers():
    # Given a subject and a name copied from hostile mail
    subject = "Hello\r\nBcc: victim@example.com"
    name = "Jane\r\nBcc: victim@example.com"
    # When a message is built with them
    message = build_email(sender=address("Assistant", "a@x.net"), to=[address(name, "j@a.example")],
                          subject=subject, text="hi", now=NOW)
    parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
    # Then no header was injected
    assert parsed["Bcc"] is None
    assert "\n" not in str(parsed["Subject"]) and "victim" in str(parsed["Subject"])


def test_automated_mail_is_marked_and_threaded():
    message = build_email(sender=address("Assistant", "a@x.net"), to=[address("Sam", "s@e.com")],
                          subject="Re: Met Jane", text="ok", now=NOW,
                          thread=Thread("<n1@e.com>", ("<n0@e.com>",)))
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["X-Auto-Response-Suppress"] == "All"
    assert message["In-Reply-To"] == "<n1@e.com>"
    assert message["References"] == "<n0@e.com> <n1@e.com>"


def test_personal_mail_is_not_marked_automated():
    message = build_email(sender=address("Sam", "s@e.com"), to=[address("Jane", "j@a.example")],
                          subject="Great to meet", text="Hi Jane", now=NOW, automated=False)
    assert message["Auto-Submitted"] is None


def test_subject_helpers():
    assert clean_header("a\tb\r\n c") == "a b c"
    assert reply_subject("Met Jane") == "Re: Met Jane"
    assert reply_subject("RE: Met Jane") == "RE: Met Jane"
