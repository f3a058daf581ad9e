"""A list's heading line ending in a colon ("Two from the Tucson solar expo:"), then a line
opening with a name and its details: the name is a person's even when the title after it is
long and the address holds only an initial (examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Dorothea Vankirk", addresses=("dorothea@vankirk-solar.com",),
                      region="US", assistant_addresses=("contacts@vankirk-solar.com",))


def test_the_first_item_under_a_heading_is_a_person() -> None:
    text = ("Two from the Tucson solar expo:\nMarisela Ortega-Whitfield, Deputy Director for "
            "Community Solar Programs, Pima Desert Power Cooperative, mowhitfield@pdpc.org.")
    people = find_people(text, OWNER)
    assert [(p.name, p.company) for p in people] == [
        ("Marisela Ortega-Whitfield", "Pima Desert Power Cooperative")]


def test_a_card_line_under_a_line_without_colon_is_no_person() -> None:
    text = ("Caseificio Valdenza S.p.A.\nLocalità San Pancrazio 12\n43126 Parma\n"
            "b.carbonari@caseificiovaldenza.it")
    assert [p.name for p in find_people(text, OWNER)] in ([], [None])
