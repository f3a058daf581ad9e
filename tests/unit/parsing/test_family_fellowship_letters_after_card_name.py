"""A fellowship's letters after a card's name ("Prof. Abena Darko, FGA", "..., FAAS",
"..., FRSC") are neither the name nor the title (examples in tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Achieng Odhiambo", addresses=("achieng@odhiambo-agri.co.ke",),
                      region="KE", assistant_addresses=("contacts@odhiambo-agri.co.ke",))


@pytest.mark.parametrize("letters", ["FAAS", "FGA", "FRSC", "FIEEE", "FAAS, PhD"])
def test_the_title_is_the_line_below(letters: str) -> None:
    card = (f"Card:\n\nProf. Wanjiru Kamau-Otieno, {letters}\nDirector, Institute of Dryland "
            "Ecology\nRift Escarpment University of Agriculture\nwanjiru.kamau@reua.ac.ke\n")
    people = find_people(card, OWNER)
    assert [(p.name, p.title) for p in people] == [
        ("Wanjiru Kamau-Otieno", "Director, Institute of Dryland Ecology")]


def test_a_finance_directors_two_letters_are_a_title() -> None:
    people = find_people("Card:\n\nTom Reid, FD\nHarbour Tiles Ltd\ntom@harbourtiles.co.uk\n",
                         OWNER)
    assert [p.name for p in people] == ["Tom Reid"]
