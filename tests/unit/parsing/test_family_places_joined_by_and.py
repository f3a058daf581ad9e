"""A place after its preposition and "and"/"et" ("à Grenoble et Chambéry", "in Hull and
Grimsby") is one more place, no one's name; a given name there is still a person."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Camille Roussel", addresses=("camille@roussel-conseil.fr",),
                      region="FR", assistant_addresses=("notes@roussel-conseil.fr",))


@pytest.mark.parametrize("places", ["à Grenoble et Chambéry", "in Hull and Grimsby",
                                    "en Murcia y Almería"])
def test_the_second_place_is_no_person(places: str) -> None:
    text = (f"- Maëlle Guérin, fondatrice de Vélo Relais SAS, maelle@velorelais.fr. Cherche un "
            f"investisseur pour ouvrir des ateliers {places}.")
    assert [p.name for p in find_people(text, OWNER)] == ["Maëlle Guérin"]
