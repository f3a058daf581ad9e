"""A card's company line written in two scripts ("ТОВ «Чиста Земля» / Chysta Zemlia LLC") is
kept in its Latin letters, and a title going on over the next line with a sign joining two
fields ("Head of Research" / "for Water & Soil Remediation") is read whole (examples in
tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.people import _latin_side, find_people
from assistant.parsing.signature_fields import mine_signature

OWNER = OwnerIdentity(name="Kateryna Bondar", addresses=("kateryna@bondar-eco.com.ua",),
                      region="UA", assistant_addresses=("contacts@bondar-eco.com.ua",))
CARD = ("Card:\n\nAndrii Kovalenko-Tkach, PhD\nHead of Research\nfor Water & Soil Remediation\n"
        "ТОВ «Чиста Земля» / Chysta Zemlia LLC\na.kovalenko@chystazemlia.ua\n")


def test_the_latin_side_of_a_two_script_company() -> None:
    assert _latin_side("ТОВ «Чиста Земля» / Chysta Zemlia LLC") == "Chysta Zemlia LLC"
    assert _latin_side("Sales / Marketing Partners") == "Sales / Marketing Partners"
    assert _latin_side(None) is None


def test_the_card_reads_whole_title_and_latin_company() -> None:
    people = find_people(CARD, OWNER)
    assert [(p.title, p.company) for p in people] == [
        ("Head of Research for Water & Soil Remediation", "Chysta Zemlia LLC")]


def test_a_signature_title_goes_on_over_a_line_with_an_ampersand() -> None:
    facts = mine_signature("Andrii Kovalenko-Tkach\nHead of Research\nfor Water & Soil "
                           "Remediation\nChysta Zemlia LLC\nTel. +380 56 555 0143\n",
                           "Andrii Kovalenko-Tkach", "UA")
    assert facts.title == "Head of Research for Water & Soil Remediation"
