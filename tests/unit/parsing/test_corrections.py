"""The owner's corrections in reply to an acknowledgement, read line by line."""

from __future__ import annotations

import pytest

from assistant.parsing.corrections import Correction, read_corrections

ONE = ["Jane Okafor"]
TWO = ["Jane Okafor", "Raj Patel"]


@pytest.mark.parametrize(("text", "field", "value"), [
    ("title: CEO", "title", "CEO"),
    ("Jane is CEO now", "title", "CEO"),
    ("She is now the Chief Operating Officer.", "title", "Chief Operating Officer"),
    ("Her title is VP Sales, not Head of Sales", "title", "VP Sales"),
    ("Title: not CTO but CEO", "title", "CEO"),
    ("company: Lumenfield Robotics Inc.", "company", "Lumenfield Robotics Inc"),
    ("Her email is jane@lumenfield.example", "email", "jane@lumenfield.example"),
    ("e-mail: <JANE@Lumenfield.Example>", "email", "JANE@lumenfield.example"),
    ("phone: (650) 555-0142", "phone", "+16505550142"),
    ("Mobile is +44 20 7946 0958", "phone", "+442079460958"),
    ("name: Jane Okafor-Bell", "name", "Jane Okafor-Bell"),
    ("Titel: Geschäftsführerin", "title", "Geschäftsführerin"),
    ("Firma: Weiß & Söhne KG", "company", "Weiß & Söhne KG"),
    ("poste : Directrice commerciale", "title", "Directrice commerciale"),
    ("empresa: Grupo Andino", "company", "Grupo Andino"),
])
def test_a_correction_of_the_one_person_acknowledged(text: str, field: str, value: str) -> None:
    # When the owner answers an acknowledgement of one person with one line
    read = read_corrections(f"{text}\n\nOn Mon, Assistant wrote:", ONE)
    # Then that field of that person is set to the value
    assert read.changes == (Correction(0, field, value),)


def test_several_people_are_told_apart_by_name() -> None:
    read = read_corrections("Raj's phone: 020 7946 0958\nJane is the CTO at Lumenfield\n",
                            TWO, region="GB")
    assert set(read.changes) == {Correction(1, "phone", "+442079460958"),
                                 Correction(0, "title", "CTO"),
                                 Correction(0, "company", "Lumenfield")}


def test_a_pronoun_with_several_people_is_not_guessed() -> None:
    read = read_corrections("her title: CEO", TWO)
    assert read.changes == ()
    assert read.unclear and "whose title" in read.unclear[0]


@pytest.mark.parametrize("text", [
    "Thanks, looks great!",
    "Jane is great, we should have lunch",
    "She is looking for investors",
    "I will send the deck tomorrow",
])
def test_chat_changes_nothing(text: str) -> None:
    assert read_corrections(text, ONE).changes == ()


def test_an_invalid_email_or_phone_is_reported_not_stored() -> None:
    read = read_corrections("email: jane at lumenfield\nphone: call me", ONE)
    assert read.changes == ()
    assert len(read.unclear) == 2


def test_the_last_word_wins() -> None:
    read = read_corrections("title: CTO\ntitle: CEO", ONE)
    assert read.changes == (Correction(0, "title", "CEO"),)


@pytest.mark.parametrize("text", ["not a contact", "Raj is not a contact", "Raj: not a contact",
                                  "remove Raj Patel", "Raj: kein Kontakt"])
def test_not_a_contact(text: str) -> None:
    people = ["Raj Patel"] if text == "not a contact" else TWO
    expected = 0 if text == "not a contact" else 1
    assert read_corrections(text, people).changes == (Correction(expected, "remove", ""),)
