"""A person whose first given name most bearers share ("Mohamed", "Muhammad", "Siti") is called by
the next one ("Mohamed Ishan Cassim" is "Ishan"): the text about "Ishan" is theirs (examples in
tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Hina Malik", addresses=("hina@malik-sourcing.pk",), region="PK",
                      assistant_addresses=("contacts@malik-sourcing.pk",))


@pytest.mark.parametrize(("known", "called"), [
    ("Muhammad Faisal Qureshi", "Faisal"),
    ("Siti Nurhaliza Rahman", "Nurhaliza"),
    ("Syed Imran Bukhari", "Imran"),
])
def test_the_second_given_name_names_the_person(known: str, called: str) -> None:
    text = f"{called} is chief executive of Indus Denim Works and is looking for a buyer."
    people = find_people(text, OWNER, known=(known,))
    assert [(p.name, p.company) for p in people] == [(known, "Indus Denim Works")]


def test_a_common_second_name_of_others_is_not_taken() -> None:
    text = "Omar is chief executive of Indus Denim Works."
    people = find_people(text, OWNER, known=("Hamza Omar Sheikh",))
    assert all(p.name != "Hamza Omar Sheikh" for p in people)
