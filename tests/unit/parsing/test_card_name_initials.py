"""A card's name line opening with initials ("S. Lakshmi Narayanan", "R. K. Venkataraman")
keeps them; an honorific ("Dr.") is still left out."""

from __future__ import annotations

import pytest

from assistant.parsing.labeller.tagger import line_names


@pytest.mark.parametrize(("card", "name"), [
    ("S. Lakshmi Narayanan\nSr. General Manager (Purchase)\nSundaram Castings Pvt. Ltd.\n",
     "S. Lakshmi Narayanan"),
    ("R. K. Venkataraman\nHead of Sourcing\nKaveri Circuits Pvt. Ltd.\n", "R. K. Venkataraman"),
    ("Dr. Priya Raman\nHead of Research\nAnnapurna Biotech Pvt. Ltd.\n", "Priya Raman"),
])
def test_initials_before_a_card_name(card: str, name: str) -> None:
    assert line_names("Card:\n\n" + card, "IN")[0] == name
