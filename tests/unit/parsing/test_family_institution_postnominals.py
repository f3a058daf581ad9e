"""Members' and fellows' letters of British engineering and professional institutions after a
card's name ("ALISTAIR DUNBAR-HEWITT CEng FIMechE", "... IEng MICE") are neither the name nor
the title: the title is the card's title line."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import without_orders
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Harriet Oldcastle", addresses=("harriet@oldcastle-advisory.co.uk",),
                      region="GB", assistant_addresses=("notes@oldcastle-advisory.co.uk",))


@pytest.mark.parametrize("letters", ["IEng MICE", "CEng FIMechE", "CEng MIStructE", "FRAeS",
                                     "MCIPS"])
def test_letters_after_the_name(letters: str) -> None:
    assert without_orders(f"Gwendolyn Ashbury-Knox {letters}") == "Gwendolyn Ashbury-Knox"


def test_card_in_capitals() -> None:
    text = ("Card from Manchester:\n\nGWENDOLYN ASHBURY-KNOX IEng MICE\n"
            "HEAD OF ASSET MANAGEMENT\nIRWELL BRIDGEWORKS PLC\nT 0161 496 0522\n"
            "G.ASHBURY-KNOX@IRWELLBRIDGEWORKS.CO.UK\n")
    people = find_people(text, OWNER)
    assert [(p.name, p.title, p.company) for p in people] == [
        ("Gwendolyn Ashbury-Knox", "HEAD OF ASSET MANAGEMENT", "IRWELL BRIDGEWORKS PLC")]
