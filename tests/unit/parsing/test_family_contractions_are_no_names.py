"""Contractions of a pronoun ("She'll", "He'll", "They'd", curly or straight) open a sentence
about the person just named and are nobody's name (examples in tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Bettina Strandquist", addresses=("bettina@strandquist-bio.com",),
                      region="US", assistant_addresses=("contacts@strandquist-bio.com",))
CARD = ("Card from the Raleigh biotech forum:\n\nDesmond Achterberg-Vale, Ph.D.\n"
        "Director, Analytical Development\nTarheel Cell Therapeutics, Inc.\n"
        "desmond.vale@tarheelcell.com\n\n")


@pytest.mark.parametrize("said", ["He'll", "She'll", "He’ll", "She’d", "They'd"])
def test_a_contraction_after_a_card_is_no_person(said: str) -> None:
    people = find_people(CARD + f"{said} send me their plan. Keen on cell counting.", OWNER)
    assert [p.name for p in people] == ["Desmond Achterberg-Vale"]
    assert people[0].interests == ["cell counting"]
