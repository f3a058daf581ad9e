"""Plain-text bounces (not RFC 3464 multipart/report) from the common MTAs are read like DSNs.

Each fixture is built here, in the shape its MTA writes, around the two facts a bounce must
give back: the address that failed and the Message-ID of the message that bounced.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Callable

import pytest

from assistant.mail.headers import read_headers
from assistant.pipeline import bounces
from assistant.pipeline.guard import automated_reason, may_be_bounce, read_bounce

JANE = "jane@acme.example"
SENT_ID = "<sam.4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e@example.com>"
ASSISTANT = "assistant@example.net"


def postfix(failed: str = JANE, message_id: str = SENT_ID, to: str = ASSISTANT) -> bytes:
    """Postfix before RFC 3464 reports (2.2): a "Notification" text part, the message attached."""
    return f"""Return-Path: <>
From: MAILER-DAEMON@mx.acme.example (Mail Delivery System)
To: {to}
Subject: Undelivered Mail Returned to Sender
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="6A2B1C0D.1764000000/mx.acme.example"

This is a MIME-encapsulated message.

--6A2B1C0D.1764000000/mx.acme.example
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the Postfix program at host mx.acme.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to <postmaster>

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

			The Postfix program

<{failed}>: host mx.acme.example[192.0.2.25] said: 550 5.1.1
    <{failed}>: Recipient address rejected: User unknown in local recipient
    table (in reply to RCPT TO command)

--6A2B1C0D.1764000000/mx.acme.example
Content-Description: Undelivered Message
Content-Type: message/rfc822

From: Sam Rivera <sam@example.com>
To: Jane Doe <{failed}>
Subject: Great to meet you at the breakfast
Message-ID: {message_id}

Hi Jane,

--6A2B1C0D.1764000000/mx.acme.example--
""".replace("\n", "\r\n").encode()


def postfix_classic(failed: str = JANE, message_id: str = SENT_ID) -> bytes:
    """Postfix returning only the original headers (text/rfc822-headers)."""
    return f"""Return-Path: <>
From: MAILER-DAEMON@mx.acme.example (Mail Delivery System)
To: {ASSISTANT}
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="B0"

--B0
Content-Description: Notification
Content-Type: text/plain

This is the Postfix program at host mx.acme.example.

I'm sorry to have to inform you that the message returned
below could not be delivered to one or more destinations.

\t\t\tThe Postfix program

<{failed}>: unknown user: "jane"

--B0
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

From: Sam Rivera <sam@example.com>
Message-ID: {message_id}
Subject: Great to meet you

--B0--
""".encode()


def exim(failed: str = JANE, message_id: str = SENT_ID) -> bytes:
    """Exim: X-Failed-Recipients, and the message copied inline below a dashed line."""
    return f"""Return-path: <>
From: Mail Delivery System <Mailer-Daemon@mx.acme.example>
To: {ASSISTANT}
Subject: Mail delivery failed: returning message to sender
X-Failed-Recipients: {failed}
Auto-Submitted: auto-replied
Content-Type: text/plain; charset=us-ascii

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  {failed}
    host mx.acme.example [192.0.2.25]
    SMTP error from remote mail server after RCPT TO:<{failed}>:
    550 5.1.1 User unknown

------ This is a copy of the message, including all the headers. ------

Return-path: <{ASSISTANT}>
From: Sam Rivera <sam@example.com>
To: Jane Doe <{failed}>
Subject: Great to meet you
Message-ID:
 {message_id}

Hi Jane,
""".encode()


def qmail(failed: str = JANE, message_id: str = SENT_ID) -> bytes:
    """qmail's QSBMF: a paragraph per recipient, then the message below a dashed line."""
    return f"""From: MAILER-DAEMON@mx.acme.example
To: {ASSISTANT}
Subject: failure notice

Hi. This is the qmail-send program at mx.acme.example.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<{failed}>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

Return-Path: <{ASSISTANT}>
From: Sam Rivera <sam@example.com>
To: {failed}
Subject: Great to meet you
Message-ID: {message_id}

Hi Jane,
""".encode()


def sendmail(failed: str = JANE, message_id: str = SENT_ID) -> bytes:
    """Sendmail's pre-DSN text: failed addresses, transcript, original message."""
    return f"""Return-Path: <>
From: Mail Delivery Subsystem <MAILER-DAEMON@mx.acme.example>
To: {ASSISTANT}
Subject: Returned mail: see transcript for details

The original message was received at Tue, 24 Nov 2026 15:05:00 -0600
from mail.example.net [192.0.2.7]

   ----- The following addresses had permanent fatal errors -----
<{failed}>
    (reason: 550 5.1.1 <{failed}>... User unknown)

   ----- Transcript of session follows -----
... while talking to mx.acme.example.:
>>> RCPT To:<{failed}>
<<< 550 5.1.1 <{failed}>... User unknown

   ----- Original message follows -----

From: Sam Rivera <sam@example.com>
To: {failed}
Subject: Great to meet you
Message-ID: {message_id}

Hi Jane,
""".encode()


def exchange(failed: str = JANE, message_id: str = SENT_ID) -> bytes:
    """Exchange's classic non-delivery report, the original attached as message/rfc822."""
    return f"""From: System Administrator <postmaster@acme.example>
To: {ASSISTANT}
Subject: Undeliverable: Great to meet you
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="----_=_NextPart_001"

------_=_NextPart_001
Content-Type: text/plain; charset="iso-8859-1"

Your message

  To:      Jane Doe
  Subject: Great to meet you
  Sent:    Tue, 24 Nov 2026 15:05:00 -0600

did not reach the following recipient(s):

{failed} on Tue, 24 Nov 2026 15:05:10 -0600
    The recipient name is not recognized
    The MTS-ID of the original message is: c=US;a= ;p=Acme;l=MAIL0111241505
    MSEXCH:IMS:Acme:Mail:MAIL01 0 (000C05A6) Unknown Recipient

------_=_NextPart_001
Content-Type: message/rfc822

From: Sam Rivera <sam@example.com>
To: Jane Doe <{failed}>
Subject: Great to meet you
Message-ID: {message_id}

Hi Jane,

------_=_NextPart_001--
""".encode()


def gmail(failed: str = JANE, message_id: str = SENT_ID) -> bytes:
    """Gmail's plain-text failure notice, the original below "Original message"."""
    return f"""From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
To: {ASSISTANT}
Subject: Delivery Status Notification (Failure)
Content-Type: text/plain; charset=ISO-8859-1

Delivery to the following recipient failed permanently:

     {failed}

Technical details of permanent failure:
Google tried to deliver your message, but it was rejected by the server for the recipient
domain acme.example by mx.acme.example. [192.0.2.25].

The error that the other server returned was:
550 5.1.1 <{failed}>: Recipient address rejected: User unknown

----- Original message -----

From: Sam Rivera <sam@example.com>
To: {failed}
Subject: Great to meet you
Message-ID: {message_id}

Hi Jane,
""".encode()


SHAPES: dict[str, Callable[..., bytes]] = {
    "postfix": postfix, "postfix-classic": postfix_classic, "exim": exim, "qmail": qmail,
    "sendmail": sendmail, "exchange": exchange, "gmail": gmail,
}


def _message(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


@pytest.mark.parametrize("mta", sorted(SHAPES))
def test_a_plain_text_bounce_names_the_failed_address_and_the_message(mta):
    # Given a bounce in the shape this MTA writes, for a follow-up sent to Jane
    raw = SHAPES[mta]()
    # When it is read
    bounce = bounces.read(raw)
    # Then it is a bounce for Jane, of the follow-up it quotes, as a DSN would say
    assert bounce is not None, mta
    assert bounce.failed_recipients == (JANE,)
    assert bounce.original_message_id == SENT_ID


@pytest.mark.parametrize("mta", sorted(SHAPES))
def test_a_plain_text_bounce_may_be_one_before_its_body_is_read(mta):
    # Given only the header block of a plain-text bounce (what routing reads first)
    headers = read_headers(SHAPES[mta]())
    # Then its sender or null Return-Path says it may be a bounce
    assert may_be_bounce(headers)


def test_the_status_code_in_the_text_is_kept():
    # Given a Postfix bounce saying "550 5.1.1" (RFC 3463 enhanced status code)
    # When it is read
    bounce = bounces.read(postfix())
    # Then the code is kept, as the Status field of a DSN would be
    assert bounce is not None and bounce.status == "5.1.1"


def test_a_note_quoting_a_bounce_is_not_a_bounce():
    # Given the owner pasting Gmail's failure notice into a note of their own
    pasted = gmail().split(b"\n\n", 1)[1]
    raw = (b"From: Sam Rivera <sam@example.com>\nTo: assistant@example.net\n"
           b"Subject: Jane's address bounced\n\n" + pasted)
    # When it is read
    # Then it is not a bounce: a person sent it
    assert not may_be_bounce(_message(raw))
    assert bounces.read(raw) is None


def test_a_forwarded_bounce_is_not_a_bounce():
    # Given the owner forwarding a Postfix bounce as an attachment
    raw = (b"From: Sam Rivera <sam@example.com>\nTo: assistant@example.net\n"
           b"Subject: Fwd: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
           b"Content-Type: multipart/mixed; boundary=\"F\"\n\n--F\nContent-Type: text/plain\n\n"
           b"Jane's new address is jane.doe@acme.example\n--F\n"
           b"Content-Type: message/rfc822\n\n" + postfix() + b"\n--F--\n")
    # When it is read
    # Then it is the owner's note, not a bounce
    assert not may_be_bounce(_message(raw))
    assert bounces.read(raw) is None


def test_a_mailer_daemon_message_with_no_failure_in_it_is_no_bounce():
    # Given a message from a mailer daemon that reports nothing failed (a delay warning)
    raw = (b"From: MAILER-DAEMON@mx.acme.example\nTo: assistant@example.net\n"
           b"Subject: Delayed Mail (still being retried)\n\n"
           b"This is the mail system at host mx.acme.example.\n\n"
           b"####### THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #######\n")
    # When it is read
    # Then it is not taken for a bounce; it is still a robot, never answered
    assert bounces.read(raw) is None
    assert automated_reason(_message(raw), "mailer-daemon@mx.acme.example", ASSISTANT)


def test_a_null_return_path_is_a_bounce_sender():
    # Given an Exchange Online report from a MicrosoftExchange mailbox, delivered with the null
    # reverse-path every non-delivery report must carry (RFC 5321 4.5.5)
    raw = exchange().replace(b"From: System Administrator <postmaster@acme.example>",
                             b"Return-Path: <>\nFrom: Microsoft Outlook "
                             b"<MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@acme.example>")
    # When it is read
    bounce = read_bounce(_message(raw))
    # Then it is a bounce for Jane
    assert bounce is not None and bounce.failed_recipients == (JANE,)


def test_a_read_receipt_is_no_bounce():
    # Given a read receipt (RFC 8098): a multipart/report with the null reverse-path, whose
    # text a heuristic could take for a failure notice
    raw = (b"Return-Path: <>\nFrom: Jane Doe <jane@acme.example>\nTo: sam@example.com\n"
           b"Subject: Read: Great to meet you\nMIME-Version: 1.0\nContent-Type: multipart/report; "
           b"report-type=disposition-notification; boundary=\"R\"\n\n--R\n"
           b"Content-Type: text/plain\n\nYour message\n\n jane@acme.example\n\nbecause:\n"
           b"it was read.\n--R\nContent-Type: message/disposition-notification\n\n"
           b"Final-Recipient: rfc822; jane@acme.example\n"
           b"Original-Message-ID: " + SENT_ID.encode() + b"\n"
           b"Disposition: manual-action/MDN-sent-manually; displayed\n--R--\n")
    # When it is read
    # Then it is not a bounce: its report-type says what it reports (RFC 6522 3)
    assert bounces.read(raw) is None
