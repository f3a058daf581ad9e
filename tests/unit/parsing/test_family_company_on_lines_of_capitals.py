"""A card's company in capitals on two or three lines, its legal form on the last, under the
title and the name in mixed case, is one company; "COFFEE" in its name and "green-coffee" in a
need tell no meeting; "Business card, <occasion>:" names the occasion (example in
tests/corpus/dev: note_tz_card_title_above_name_capitals_company_three_lines_limited_need)."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.card_layout import card_layout
from assistant.parsing.context import card_occasion, tells_meeting
from assistant.parsing.people import find_people

_CARD = ("Business card, Iringa tea auction:\n\nOperations Director\nAmani Wairimu Msuya\n"
         "USAMBARA MOUNTAIN\nCOFFEE GROWERS\nLIMITED\nP.O. Box 3321, Lushoto\n"
         "Tel +255 22 555 0142\nFax +255 22 555 0143\namani@usambaracoffee.co.tz\n")


def test_the_company_on_three_lines_is_one_line() -> None:
    assert "\nUSAMBARA MOUNTAIN COFFEE GROWERS LIMITED\n" in card_layout(_CARD)


def test_a_card_all_in_capitals_keeps_its_lines_above_the_company() -> None:
    text = "X\n\nGANZORIG TSEND\nTAVAN ULAAN\nCOPPER\nLIMITED\n"
    assert card_layout(text) == "X\n\nGANZORIG TSEND\nTAVAN ULAAN\nCOPPER LIMITED\n"


def test_the_card_gives_its_fields() -> None:
    owner = OwnerIdentity(name="Neema Shirima", addresses=("neema@shirimatrade.co.tz",),
                          region="TZ")
    person, = find_people(_CARD, owner)
    assert (person.name, person.title, person.company, person.context) == (
        "Amani Wairimu Msuya", "Operations Director",
        "USAMBARA MOUNTAIN COFFEE GROWERS LIMITED", "Iringa tea auction")


@pytest.mark.parametrize("sentence", [
    "KILIMANJARO HIGHLANDS COFFEE ESTATES LIMITED",
    "Wants a green-coffee importer in Japan for their AA lots.",
])
def test_coffee_in_a_name_or_a_trade_is_no_meeting(sentence: str) -> None:
    assert not tells_meeting(sentence)


def test_business_card_comma_occasion() -> None:
    assert card_occasion("Business card, Arusha coffee auction:") == "Arusha coffee auction"
