"""Phones that belong: a number goes to the person the sentence is about; a fax is not a
phone, and the owner's own number ("my number is ...") is never a contact's."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing import parse_message
from assistant.parsing.contacts import person_phones

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))


def _phones(note: str) -> dict[str | None, tuple[str, ...]]:
    raw = ("From: Sam Rivera <sam@example.com>\r\nTo: assistant@example.net\r\n"
           "Subject: notes\r\nMessage-ID: <p@example.com>\r\n\r\n" + note + "\r\n").encode()
    return {c.name: c.phones for c in parse_message(raw, OWNER).contacts}


def test_a_sentence_about_one_persons_mobile_gives_it_to_that_person() -> None:
    found = _phones("Met Jane Doe (jane@acme.example) and Raj Patel (raj@lumen.example) at the "
                    "expo. Raj's mobile is 415-555-0142. Jane's office: (312) 555-0100.")
    assert found == {"Jane Doe": ("+13125550100",), "Raj Patel": ("+14155550142",)}


@pytest.mark.parametrize("text", [
    "Tel. +49 (0)30 1234567, Fax +49 30 1234568",
    "T 312 555 0100 / Facsimile: 312 555 0101",
])
def test_a_fax_written_in_a_note_is_not_a_phone(text: str) -> None:
    assert len(person_phones(text, "DE" if "+49" in text else "US")) == 1


@pytest.mark.parametrize("text", [
    "Call her tomorrow. My number is +1 312 555 0199 if she asks.",
    "She can reach me at 312-555-0199.",
    "Meine Handynummer ist +49 151 23456789.",
])
def test_the_owners_own_number_is_not_the_contacts(text: str) -> None:
    assert person_phones(text, "US") == []


def test_the_owners_number_in_a_note_stays_out_of_the_contact() -> None:
    found = _phones("Met Ana Lopez <ana@lopez.example> at the fair. Call her on "
                    "(415) 555-0123 tomorrow. My number is +1 312 555 0199 if she asks.")
    assert found == {"Ana Lopez": ("+14155550123",)}


@pytest.mark.parametrize(("text", "region"), [
    ("Cherche un auditeur ISO 27001.", "LU"), ("Sucht einen Auditor für ISO 14001.", "AT"),
    ("Needs ISO/IEC 13485 help.", "AT"), ("Braucht ISO 50001.", "LU"),
])
def test_a_standards_number_is_no_phone(text: str, region: str) -> None:
    from assistant.parsing.contacts import person_phones

    assert person_phones(text, region) == []
