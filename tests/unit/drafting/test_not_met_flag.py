"""A contact the owner has not met yet has a flag of its own: the first follow-up introduces
the owner and never says they met, even when the context names a place; the parser reads the
flag from the owner's words in several languages. Invented people."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from assistant.domain import OwnerIdentity
from assistant.drafting.profile import contact_profile, write_followup
from assistant.drafting.types import OwnerVoice
from assistant.parsing.context import tells_not_met
from assistant.parsing.people import find_people

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))


def _body(met: bool) -> str:
    profile = replace(contact_profile("Ines Duarte", "the Lisbon fintech breakfast",
                                      met_on=date(2026, 11, 16)), met=met)
    draft = write_followup(OwnerVoice("Sam Rivera"), profile, today=date(2026, 11, 18))
    return f"{draft.subject}\n{draft.body}"


def test_the_flag_wins_over_a_place_in_the_context() -> None:
    assert "meet" in _body(met=True).lower()
    unmet = _body(met=False).lower()
    assert "great to meet" not in unmet and "great meeting" not in unmet
    assert "lisbon" not in unmet


@pytest.mark.parametrize("text", [
    "Not met yet: Ines Duarte (ines@example.pt).", "Haven't met her yet; Jo suggested I write.",
    "Noch nicht persönlich getroffen, Empfehlung von Jo.", "Pas encore rencontrée, via Jo.",
    "Aún no nos conocemos, me la recomendó Jo.",
    "Non l'ho ancora incontrata, me l'ha segnalata Jo.",
    "Ainda não a conheci, indicação do Jo.", "Nog niet ontmoet, via Jo.",
])
def test_not_met_in_the_owners_words(text: str) -> None:
    assert tells_not_met(text)


@pytest.mark.parametrize("text", ["Met her at the expo.", "Never a dull moment at the fair.",
                                  "Finally met Jo in person."])
def test_a_meeting_is_not_a_missed_one(text: str) -> None:
    assert not tells_not_met(text)


def test_the_parser_keeps_the_flag_on_the_person() -> None:
    (person,) = find_people("Not met yet: Ines Duarte (ines@example.pt), CFO of Tagus Pay.", OWNER)
    assert person.met is False
    (person,) = find_people("Met Ines Duarte (ines@example.pt) at the Lisbon breakfast.", OWNER)
    assert person.met is True
