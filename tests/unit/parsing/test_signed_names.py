"""The name a forwarded mail's author signs with: the full name under a first-name sign-off,
and the header's name as the author spells it."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing import parse_message
from assistant.parsing.labeller.tagger import read_block

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))


def forwarded(sender: str, body: str) -> bytes:
    text = ("Met at the harbor expo, follow up\n\n---------- Forwarded message ---------\n"
            f"From: {sender}\nDate: Mon, Nov 16, 2026 at 3:12 PM\nSubject: Berths\n"
            f"To: Sam Rivera <sam@example.com>\n\n{body}\n")
    return ("From: Sam Rivera <sam@example.com>\r\nTo: assistant@example.net\r\nSubject: Fwd: "
            f"Berths\r\nMessage-ID: <s1@example.com>\r\n\r\n{text}").encode()


def test_the_full_name_under_a_first_name_sign_off_is_the_name() -> None:
    block = read_block("Call me with any questions.\nMia\nMia De Luca\nPortvale Marine Inc.\n"
                       "503-555-0130")
    assert (block.name, block.company) == ("Mia De Luca", "Portvale Marine Inc.")


def test_a_sender_with_only_an_address_is_named_by_the_full_signature() -> None:
    # Given a forwarded mail whose From has no display name, signed "Mia" then "Mia De Luca"
    raw = forwarded("mia.deluca@portvale.com", "Sam,\n\nThe berth list is attached.\n\nThanks,\n"
                    "Mia\nMia De Luca\nPortvale Marine Inc.\n503-555-0130")
    # Then the contact is named in full
    (mia,) = parse_message(raw, OWNER).contacts
    assert (mia.name, mia.company) == ("Mia De Luca", "Portvale Marine Inc.")


def test_the_header_name_as_the_sender_spells_it() -> None:
    # Given a header "Jon St Pierre" and a signature "Jon St. Pierre"
    raw = forwarded("Jon St Pierre <jon.stpierre@portvale.com>",
                    "Sam,\n\nSee you at the dock.\n\nJon St. Pierre\nHarbor Master\n"
                    "Portvale Marine Inc.")
    # Then the name is written as he signs it
    (jon,) = parse_message(raw, OWNER).contacts
    assert jon.name == "Jon St. Pierre"


def test_a_signature_in_capitals_does_not_replace_the_header_name() -> None:
    raw = forwarded("Jon St Pierre <jon.stpierre@portvale.com>",
                    "Sam,\n\nSee you at the dock.\n\nJON ST PIERRE\nHARBOR MASTER")
    (jon,) = parse_message(raw, OWNER).contacts
    assert jon.name == "Jon St Pierre"


def test_the_list_of_attached_files_under_a_signature_is_not_part_of_it() -> None:
    from assistant.parsing.signatures import split_signature

    # Given a mail whose client listed the attached files under the signature
    text = ("The closing set is attached.\n\nThank you.\n\nMia De Luca\nPortvale Marine Inc.\n"
            "(503) 555-0130\n\n - 240311.wpd\n - 240312.wpd\n - terms sheet.docx\n")
    # When the signature is split off
    body, signature = split_signature(text, "Mia De Luca")
    # Then it ends with the card's last line
    assert body == "The closing set is attached."
    assert signature is not None and signature.endswith("(503) 555-0130")


def test_prose_about_an_e_mail_sent_is_not_a_mobile_signature() -> None:
    from assistant.parsing.quotes import trim_reply
    from assistant.parsing.signatures import is_mobile_line

    # Given a body whose first line speaks of an e-mail sent earlier
    text = ("Further to the e-mail previously sent regarding the berth lease for the\n"
            "north pier, attached are the signed copies.\n\nThank you.\n\nMia De Luca\n"
            "Portvale Marine Inc.\n(503) 555-0130")
    # Then it is the sender's text, not a "Sent from my phone" line ending it
    assert not is_mobile_line(text.splitlines()[0])
    assert is_mobile_line("Sent from Mail for Windows")
    assert trim_reply(text) == text


def test_an_address_that_cuts_the_surname_short_still_names_its_sender() -> None:
    # Given a sender known only by an address that cuts her surname short ("castm")
    raw = forwarded("castm@portvale.com", "Sam,\n\nThe berth list is attached.\n\nThank you.\n\n"
                    "Mia S. Castellano\nPortvale Marine Inc.\n(503) 555-0130")
    # Then she is named by her signature
    (mia,) = parse_message(raw, OWNER).contacts
    assert (mia.name, mia.company) == ("Mia S. Castellano", "Portvale Marine Inc.")


def test_a_signature_of_someone_else_does_not_name_the_sender() -> None:
    raw = forwarded("ops@portvale.com", "Sam,\n\nThe berth list is attached.\n\nThank you.\n\n"
                    "Mia De Luca\nPortvale Marine Inc.\n(503) 555-0130")
    (sender,) = parse_message(raw, OWNER).contacts
    assert sender.name is None
