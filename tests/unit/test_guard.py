"""Mail never answered (RFC 3834) and delivery status notifications (RFC 3464)."""

from __future__ import annotations

import email
import email.policy

import pytest

from assistant.pipeline.guard import automated_reason, read_bounce

ASSISTANT = "assistant@example.net"


def _headers(text: str) -> email.message.EmailMessage:
    return email.message_from_bytes((text.strip() + "\n\nbody\n").encode(),
                                    policy=email.policy.default)


@pytest.mark.parametrize("header", [
    "Auto-Submitted: auto-replied", "Auto-Submitted: auto-generated", "Precedence: bulk",
    "Precedence: list", "Precedence: junk", "Precedence: auto_reply",
    "List-Id: <news.example.com>", "X-Autoreply: yes",
])
def test_robot_headers_are_never_answered(header):
    message = _headers(f"From: Jane <jane@acme.example>\n{header}\nSubject: hello")
    assert automated_reason(message, "jane@acme.example", ASSISTANT) is not None


@pytest.mark.parametrize("sender", ["mailer-daemon@mx.example", "postmaster@acme.example",
                                    "noreply@acme.example", "no-reply@acme.example",
                                    "do-not-reply@acme.example", ASSISTANT])
def test_robot_senders_are_never_answered(sender):
    message = _headers(f"From: {sender}\nSubject: hello")
    assert automated_reason(message, sender, ASSISTANT) is not None


@pytest.mark.parametrize("subject", ["Out of Office: back Monday", "Automatic reply: Hi",
                                     "Abwesenheitsnotiz", "Réponse automatique : absent",
                                     "Respuesta automática: vacaciones"])
def test_localized_out_of_office_subjects(subject):
    message = _headers(f"From: jane@acme.example\nSubject: {subject}")
    assert automated_reason(message, "jane@acme.example", ASSISTANT) is not None


def test_a_person_writing_is_answered():
    message = _headers("From: Sam <sam@example.com>\nAuto-Submitted: no\nSubject: Met Jane")
    assert automated_reason(message, "sam@example.com", ASSISTANT) is None


DSN = b"""From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
To: assistant@example.net
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

This is the mail system.
--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net

Final-Recipient: rfc822; jane@acme.example
Action: failed
Status: 5.1.1

Final-Recipient: rfc822; raj@corvid.example
Action: delayed
Status: 4.4.1

--B
Content-Type: text/rfc822-headers

From: Sam <sam@example.com>
Message-ID: <abc@example.com>

--B--
"""


def test_a_delivery_status_notification_names_the_failed_recipient_and_message():
    bounce = read_bounce(email.message_from_bytes(DSN, policy=email.policy.default))
    assert bounce is not None
    assert bounce.failed_recipients == ("jane@acme.example",)  # "delayed" is not a failure
    assert bounce.status == "5.1.1"
    assert bounce.original_message_id == "<abc@example.com>"


def test_an_ordinary_message_is_not_a_bounce():
    assert read_bounce(_headers("From: a@b.example\nSubject: x")) is None
