"""Letters no accent makes ("ð", "þ", "æ", "ø", "ł") are spelled as plain letters in an
address: "sigthrudur@" for Sigþrúður, "gudrun@" for Guðrún; the address so spelled is the
name's evidence on a card whose title stands above the name (examples in tests/corpus/dev:
note_is_card_title_above_name_*)."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.people import _address_keys, find_people


@pytest.mark.parametrize(("word", "key"), [
    ("Sigþrúður", "sigthrudur"), ("Guðrún", "gudrun"), ("Łukasz", "lukasz"),
    ("Søren", "soren"), ("Ævar", "aevar"),
])
def test_plain_letters_in_address_keys(word: str, key: str) -> None:
    assert key in _address_keys([word])


def test_a_card_with_the_title_above_the_name() -> None:
    owner = OwnerIdentity(name="Ragnar Sigurðsson", addresses=("ragnar@sigurdssonradgjof.is",),
                          region="IS")
    text = ("Card from the Akureyri building fair:\n\nFramkvæmdastjóri\nSigþrúður Eðvaldsdóttir\n"
            "Hafþór Lagnir hf.\nSími 455 0161\nFax 455 0162\nGSM 655 0161\n"
            "sigthrudur@hafthorlagnir.is\n")
    person, = find_people(text, owner)
    assert (person.name, person.title, person.company) == (
        "Sigþrúður Eðvaldsdóttir", "Framkvæmdastjóri", "Hafþór Lagnir hf.")
    assert person.phones == ["+3544550161", "+3546550161"]
