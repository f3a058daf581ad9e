"""A card photo on real servers: the owner emails a phone photo of a business card to the
assistant (IMAP), the OCR reads it into a contact, the acknowledgement (SMTP, into the owner's
mailbox) shows what was read beside an inline thumbnail, and the next morning the owner gets the
draft for that person."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import make_msgid

from tests.e2e.clock import SteppedClock, running_with_clock
from tests.integration.helpers import (
    authenticated,
    contact_names,
    fresh_mailboxes,
    owner_mail,
    register_owner,
    server_env,
)
from tests.unit.cards.card_art import draw_card, encode, photograph

# Monday 23 November 2026, 19:00 in Chicago: home from the expo.
EVENING = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
# Tuesday 24 November, 09:05 in Chicago: the first draft is due at 09:00.
NEXT_MORNING = datetime(2026, 11, 24, 15, 5, tzinfo=UTC)


def _card_mail(owner: str, assistant: str, photo: bytes) -> bytes:
    """What a phone's mail app sends: a line of text and the photo as an attachment."""
    mail = EmailMessage()
    mail["Authentication-Results"] = authenticated(owner)
    mail["From"] = f"Sam Rivera <{owner}>"
    mail["To"] = assistant
    mail["Subject"] = "Card"
    mail["Date"] = "Mon, 23 Nov 2026 19:00:00 -0600"
    mail["Message-ID"] = make_msgid(domain=owner.split("@")[1])
    mail.set_content("Met her at the robotics expo; she wants a warehouse automation pilot.\n\n"
                     "Sent from my iPhone\n")
    mail.add_attachment(photo, maintype="image", subtype="jpeg", filename="IMG_0412.JPG")
    return mail.as_bytes()


def _text(message: EmailMessage, kind: str = "plain") -> str:
    body = message.get_body(preferencelist=(kind,))
    assert body is not None
    return str(body.get_content())


def test_a_card_photo_becomes_a_contact_an_ack_with_its_thumbnail_and_a_draft(
        dovecot, smtp_server, database_url, tmp_path):  # noqa: ANN001
    # Given an owner and, in the assistant's mailbox, their email with a photo of a card
    # lying at an angle on a table
    boxes = fresh_mailboxes()
    register_owner(database_url, boxes.owner, now=EVENING)
    env = server_env(dovecot, smtp_server, boxes, database_url, None, tmp_path)
    env.update({"ASSISTANT_TICK_SECONDS": "0.2", "ASSISTANT_POLL_SECONDS": "2"})
    photo = encode(photograph(draw_card()), "JPEG", quality=85)
    dovecot.append(boxes.assistant, "INBOX", _card_mail(boxes.owner, boxes.assistant, photo))
    clock = SteppedClock(EVENING)
    with running_with_clock(env, clock):
        # When the assistant reads it (the OCR engine loads on first use)
        [ack] = owner_mail(dovecot, boxes.owner, 1, timeout=120)

        # Then the person on the card is a contact
        assert contact_names(database_url) == ["Jane Okafor"]
        # And the acknowledgement says what was read, with the card as an inline thumbnail
        assert str(ack["Subject"]).startswith("Re: ")
        text, html = _text(ack), _text(ack, "html")
        for read in ("Jane Okafor", "Head of Partnerships", "Lumenfield Robotics",
                     "jane.okafor@lumenfield.example"):
            assert read in text and read in html, read
        assert "+1 650 555 0199" not in text  # the fax number is not her phone
        [image] = [p for p in ack.walk() if p.get_content_type() == "image/jpeg"]
        cid = str(image["Content-ID"]).strip("<>")
        assert f'src="cid:{cid}"' in html
        assert "http://" not in html and "https://" not in html.replace(
            "https://www.lumenfield.example", "")
        assert len(image.get_content()) < len(photo)

        # When the next morning comes
        clock.set(NEXT_MORNING)
        mails = owner_mail(dovecot, boxes.owner, 2, timeout=60)

    # Then the owner has the draft for her, to her card's address, and nothing went to her
    request = next(m for m in mails if str(m["Subject"]).startswith("Follow-up to "))
    assert "Jane" in str(request["Subject"])
    draft = _text(request)
    assert "jane.okafor@lumenfield.example" in draft and "Hi Jane" in draft
    assert "expo" in draft
    assert dovecot.messages("jane.okafor@lumenfield.example", "INBOX") == []
    assert len(mails) == 2
    assert email.message_from_bytes(dovecot.messages(boxes.owner, "INBOX")[0],
                                    policy=email.policy.default)["Subject"] == ack["Subject"]
