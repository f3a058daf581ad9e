"""Messages carrying card pictures read into contacts: the owner's note, front and back,
several cards, inline HTML images, PDF scans, and pictures that cannot be read."""

from __future__ import annotations

from email.message import EmailMessage

from PIL import Image

from assistant.cards.message import MAX_PICTURES, read_cards
from assistant.domain import MessageKind, OwnerIdentity
from assistant.parsing import parse_message
from tests.unit.cards.card_art import draw_card, encode

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))
RAJ = ("Raj Patel", "Chief Technology Officer", "Corvid Analytics Ltd",
       "M +1 415 555 0199", "raj@corvid.example")
BACK = ("Lumenfield Robotics Inc.", "Building robots that help", "www.lumenfield.example")


def message(note: str, *pictures: tuple[bytes, str, str]) -> bytes:
    mail = EmailMessage()
    mail["From"] = "Sam Rivera <sam@example.com>"
    mail["To"] = "assistant@example.net"
    mail["Subject"] = "Card from the expo"
    mail.set_content(note)
    for data, maintype_subtype, filename in pictures:
        maintype, subtype = maintype_subtype.split("/")
        mail.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return mail.as_bytes()


def read(raw: bytes):  # type: ignore[no-untyped-def]
    # (a budget no busy test machine reaches: the message budget has its own test)
    return read_cards(raw, parse_message(raw, OWNER), OWNER, budget_s=3600)


def test_a_card_photo_with_a_note_becomes_a_contact_with_the_notes_context() -> None:
    # Given the owner's note and a photo of one card
    raw = message("Met her at the robotics expo, she needs a pilot customer.",
                  (encode(draw_card(), "JPEG"), "image/jpeg", "IMG_0412.jpg"))
    # When the message is read
    parsed, cards = read(raw)
    # Then the card's person is the contact, with the note's context
    assert parsed.kind is MessageKind.CARD_IMAGE and cards is not None
    [jane] = parsed.contacts
    assert (jane.name, jane.emails, jane.phones[:1]) == (
        "Jane Okafor", ("jane.okafor@lumenfield.example",), ("+16505550139",))
    assert jane.company == "Lumenfield Robotics Inc." and jane.title == "Head of Partnerships"
    assert jane.context and "expo" in jane.context
    assert cards.seen[0].thumbnail


def test_front_and_back_of_one_card_give_one_contact_and_two_cards_give_two() -> None:
    raw = message("Two cards from Tuesday.",
                  (encode(draw_card(), "JPEG"), "image/jpeg", "front.jpg"),
                  (encode(draw_card(BACK), "PNG"), "image/png", "back.png"),
                  (encode(draw_card(RAJ), "PNG"), "image/png", "raj.png"))
    parsed, _ = read(raw)
    assert sorted(c.name or "" for c in parsed.contacts) == ["Jane Okafor", "Raj Patel"]


def test_an_image_inline_in_html_mail_and_a_pdf_scan_are_read() -> None:
    # Given an HTML mail with the card inline (cid:) and another card as a PDF scan
    mail = EmailMessage()
    mail["From"] = "Sam Rivera <sam@example.com>"
    mail["To"] = "assistant@example.net"
    mail["Subject"] = "cards"
    mail.set_content("See the cards.")
    mail.add_alternative('<p>See the cards.</p><img src="cid:card1@example.com">', subtype="html")
    mail.get_payload()[1].add_related(encode(draw_card(), "JPEG"), "image", "jpeg",
                                      cid="<card1@example.com>")
    mail.add_attachment(encode(draw_card(RAJ), "PDF", resolution=300), maintype="application",
                        subtype="pdf", filename="scan.pdf")
    # When it is read, Then both people are contacts
    parsed, _ = read(mail.as_bytes())
    assert sorted(c.name or "" for c in parsed.contacts) == ["Jane Okafor", "Raj Patel"]


def test_a_picture_that_is_not_an_image_is_explained_to_the_owner() -> None:
    raw = message("", (b"this is a text file sent as a JPEG" * 40, "image/jpeg", "card.jpg"))
    parsed, cards = read(raw)
    assert parsed.contacts == () and cards is not None
    assert parsed.reason and "card.jpg" in parsed.reason and "not an image" in parsed.reason


def test_a_message_with_fifty_pictures_reads_the_first_ones_and_says_so() -> None:
    blank = encode(Image.new("RGB", (420, 240), "white"), "PNG")
    raw = message("", *[(blank, "image/png", f"p{i}.png") for i in range(50)])
    parsed, cards = read(raw)
    assert cards is not None and cards.unread == 50 - MAX_PICTURES
    assert parsed.reason and f"{50 - MAX_PICTURES} more picture(s)" in parsed.reason


def test_a_typed_note_without_pictures_is_left_alone() -> None:
    raw = message("Met Jane Doe <jane@acme.example> at the breakfast.")
    parsed, cards = read(raw)
    assert cards is None and parsed.kind is MessageKind.NOTE

