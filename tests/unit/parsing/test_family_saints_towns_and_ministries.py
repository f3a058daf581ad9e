"""A saint's town after the meeting place ("at the chocolate festival in St. David's") stays in
the person's sentence; "works for the Ministry of Agriculture" names the employer (example in
tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

GD = OwnerIdentity("Marva Charles", ("marva@charles.example",), "GD", ("contacts@charles.example",))


def test_a_saints_town_stays_in_the_sentence() -> None:
    (keisha,) = find_people("ran into Keisha Joseph-Belmar at the chocolate festival in St. "
                            "David's - she runs Cacao Hill Estates Ltd. keisha@cacaohill.example. "
                            "looking for a buyer in Toronto", GD)
    assert keisha.context is not None and keisha.context.endswith("St. David's")


def test_works_for_the_ministry_of() -> None:
    (comfort,) = find_people("Comfort Sirleaf-Dolo, works for the Ministry of Agriculture, "
                             "comfort.dolo@moa.example.", GD)
    assert comfort.company == "Ministry of Agriculture"
