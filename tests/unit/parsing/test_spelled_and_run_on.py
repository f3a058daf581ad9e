"""Numbers spelled out digit by digit (several languages), the company after the part of it a
person runs ("runs fleet operations for Peachline"), an event heading a note ("Jantar da
Câmara ..."), and the meeting's clause of a long run-on sentence. Invented people."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import person_phones, spelled_phones
from assistant.parsing.context import meeting_context, read_context
from assistant.parsing.people import find_people

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))


@pytest.mark.parametrize(("text", "region", "phone"), [
    ("cell is three one two, five five five, zero one four four.", "US", "+13125550144"),
    ("móvil seis uno cero, dos tres cuatro, cinco seis siete", "ES", "+34610234567"),
    ("portable zéro six, douze?? no: zéro six un deux trois quatre cinq six sept huit", "FR",
     "+33612345678"),
])
def test_spelled_numbers(text: str, region: str, phone: str) -> None:
    assert phone in person_phones(text, region)


@pytest.mark.parametrize("text", ["one or two ideas, three or four more",
                                  "Zero to one is the hard part, two or three tries."])
def test_number_words_in_prose_are_no_phone(text: str) -> None:
    assert spelled_phones(text, "US") == []


@pytest.mark.parametrize(("note", "company"), [
    ("Met Ivo Brandt (ivo@example.de) at the fair. He runs fleet operations for Nordhafen Cargo.",
     "Nordhafen Cargo"),
    ("Met Ivo Brandt (ivo@example.de) at the fair. Er leitet den Einkauf bei Lumatec.", "Lumatec"),
])
def test_company_after_the_part_a_person_runs(note: str, company: str) -> None:
    (person,) = find_people(note, OWNER)
    assert person.company == company


@pytest.mark.parametrize("heading", ["Jantar da Câmara de Comércio do Porto.",
                                     "Dinner at the Guildhall with the port authority.",
                                     "Cena del Círculo de Empresarios de Bilbao."])
def test_an_event_heading_tells_the_meeting(heading: str) -> None:
    assert read_context(heading).context


def test_the_meeting_clause_of_a_run_on_sentence() -> None:
    context = meeting_context("Right, a slow morning at the Ghent food fair, but one good lead: "
                              "Wim Claes, he's head chef at Brasserie Oud, and loves fermenting.",
                              ("Wim Claes",))
    assert context == "At the Ghent food fair"


def test_a_terse_cards_leftover_event_phrase_is_the_occasion() -> None:
    context = meeting_context("li wei li@example.com 415 555 0101 oakland makers market stall.",
                              ("li wei",))
    assert context == "oakland makers market stall"
    assert meeting_context("li wei li@example.com 415 555 0101 great person.", ("li wei",)) is None
