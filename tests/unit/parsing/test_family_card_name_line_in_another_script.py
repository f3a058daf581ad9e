"""A card's name line written again in another script on the line above or below the Latin
one ("Dr. Omar Khalid Al Mutairi" over "د. عمر خالد المطيري", "Νικόλαος Παπαδάκης" over
"Nikolaos Papadakis, MSc") is the same person's name, no second contact (examples in
tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Dana Al Sabah", addresses=("dana@alsabah-ventures.com.kw",),
                      region="KW", assistant_addresses=("contacts@alsabah-ventures.com.kw",))


@pytest.mark.parametrize(("card", "name"), [
    ("Dr. Omar Khalid Al Mutairi\nد. عمر خالد المطيري\nHead of Digital Payments\n"
     "Gulf Crescent Bank\nomar.mutairi@gulfcrescent.com.kw\n", "Omar Khalid Al Mutairi"),
    ("Νικόλαος Παπαδάκης\nNikolaos Papadakis, MSc\nCommercial Director\nAegean Cold Chain S.A.\n"
     "npapadakis@aegeancold.gr\n", "Nikolaos Papadakis"),
])
def test_one_person_with_the_cards_details(card: str, name: str) -> None:
    people = find_people("From a card:\n\n" + card, OWNER)
    assert [p.name for p in people] == [name]
    assert people[0].emails


def test_two_people_on_lines_of_their_own_stay_two() -> None:
    text = ("Omar Khalid Al Mutairi, omar@gulfcrescent.com.kw\n"
            "Νικόλαος Παπαδάκης, Commercial Director, npapadakis@aegeancold.gr\n")
    assert len(find_people(text, OWNER)) == 2
