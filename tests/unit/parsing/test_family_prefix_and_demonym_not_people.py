"""An engineer's "Eng." before a card's name, and a people's adjective before a plural noun
("pilots with Estonian banks"), are nobody (examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Selam Tadesse", addresses=("selam@tadesseconsult.et",), region="ET",
                      assistant_addresses=("contacts@tadesseconsult.et",))


def test_eng_prefix_after_a_meeting_heading_is_no_person() -> None:
    text = ("Card, Hawassa agro-processing meeting:\n\nEng. Dawit Haile\nOperations Manager\n"
            "Sidama Agro Processing PLC\ndawit.haile@sidamaagro.et\n")
    assert [d.name for d in find_people(text, OWNER)] == ["Dawit Haile"]


def test_demonym_before_a_plural_is_no_person() -> None:
    text = ("Pieter Claes\nChartering Manager\npieter@scheldtlog.be\n\n"
            "Interested in joint pilots with Estonian banks.\n")
    people = find_people(text, OWNER)
    assert [d.name for d in people] == ["Pieter Claes"]
    assert people[0].interests == ["joint pilots with Estonian banks"]


def test_a_given_name_before_a_verb_is_still_a_person() -> None:
    text = "Lunch with Adrian Kowalski, adrian@kowalski.pl. Brian leads sales there."
    assert "Adrian Kowalski" in [d.name for d in find_people(text, OWNER)]
