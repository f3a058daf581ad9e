"""A card printed in capitals with no prefix before the name ("GANZORIG TSEND-AYUSH" over
"CHIEF PROCUREMENT OFFICER"): the card's own address further down, spelling the name, sets the
name line off (examples in tests/corpus/dev: note_mn_capitals_card_no_prefix_*,
note_ng_capitals_card_no_prefix_*)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.people import _capitals_name_lines, find_people

_CARD = ("Card from the Ulaanbaatar logistics fair:\n\nBATBAYAR OTGONJARGAL\nHEAD OF LOGISTICS\n"
         "ERDENES KHUDAG MINING LLC\nTEL 011 555016\nFAX 011 555017\nMOBILE 9955 0161\n"
         "BATBAYAR@ERDENESKHUDAG.MN\nERDENESKHUDAG.MN\n")


def test_the_address_spelling_the_name_sets_the_line_off() -> None:
    assert _capitals_name_lines(_CARD) == ["BATBAYAR OTGONJARGAL"]


def test_no_address_spelling_it_no_name() -> None:
    other = _CARD.replace("BATBAYAR@", "INFO@")
    assert _capitals_name_lines(other) == []


def test_the_card_gives_its_fields() -> None:
    owner = OwnerIdentity(name="Oyuntsetseg Bold", addresses=("oyuna@boldtrade.mn",),
                          region="MN")
    person, = find_people(_CARD, owner)
    assert person.title == "HEAD OF LOGISTICS"
    assert person.company == "ERDENES KHUDAG MINING LLC"
    assert person.phones == ["+97611555016", "+97699550161"]


def test_the_title_typed_above_the_name() -> None:
    text = ("Card:\n\nHEAD OF EXPORTS\nSIOBHAN NÍ BHRIAIN\nLEE VALLEY CREAMERIES DAC\n"
            "TEL +353 21 555 0142\nSIOBHAN@LEEVALLEYCREAMERIES.IE\n")
    assert _capitals_name_lines(text) == ["SIOBHAN NÍ BHRIAIN"]
