"""A title heading a field ("Gerenta de Inocuidad") or two joined by "and"/"y" ("Jefe de
Aserradero y Secado", "Programme Lead for Water and Sanitation"), with the company in the next
field: the title is whole, the company is the next field, and the second field is no one's
name."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import role_in_list, title_and_field
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Rosa Elvira Cáceres", addresses=("rosa@caceresconsultores.hn",),
                      region="HN", assistant_addresses=("notas@caceresconsultores.hn",))


@pytest.mark.parametrize(("text", "name", "title", "company"), [
    ("Julio César Paz Ordóñez | Jefe de Aserradero y Secado | Maderas del Merendón, S.A. | "
     "jpaz@maderasmerendon.hn. Necesita barniz.",
     "Julio César Paz Ordóñez", "Jefe de Aserradero y Secado", "Maderas del Merendón, S.A."),
    ("Lorena Ixchel Funes | Gerenta de Inocuidad | Cafés Copán Ruinas S.A. | "
     "lfunes@cafescopan.hn. Busca un laboratorio.",
     "Lorena Ixchel Funes", "Gerenta de Inocuidad", "Cafés Copán Ruinas S.A."),
    ("Tobias Wrenfield, Regional Programme Lead for Water and Sanitation, Lempa Basin "
     "Development Trust, t.wrenfield@lempatrust.org. Interested in rainwater harvesting.",
     "Tobias Wrenfield", "Regional Programme Lead for Water and Sanitation",
     "Lempa Basin Development Trust"),
])
def test_the_title_stays_whole_beside_its_company(text: str, name: str, title: str,
                                                  company: str) -> None:
    people = find_people(text, OWNER)
    assert [(p.name, p.title, p.company) for p in people] == [(name, title, company)]


def test_a_firm_named_after_partners_is_still_one_company() -> None:
    role = role_in_list(["socia de Quiroga", "Lindner y Asociados, S.C."])
    assert role.title != "socia de Quiroga"


@pytest.mark.parametrize(("part", "expected"), [
    ("Senior Programme Manager for Agriculture and Livelihoods", True),
    ("Jefe de Aserradero y Secado", True),
    ("Ana Torres y Pablo Ruiz", False),
    ("Director of Sales and Acme Ltd", False),
])
def test_title_and_field(part: str, expected: bool) -> None:
    assert title_and_field(part) is expected
