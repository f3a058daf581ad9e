"""Cards typed into notes: the company in its own opening paragraph ("KAFUE VALLEY" /
"AGGREGATES" / "Limited"), an address line ("Plot 5014, Freedom Way, Kitwe") never the
company, a legal form of initials alone on its line ("S.A.L."), and a degree before a name in
capitals ("ENG. TAKUDZWA ...") (examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.card_layout import card_layout
from assistant.parsing.people import find_people
from assistant.parsing.signature_fields import mine_signature

OWNER = OwnerIdentity(name="Amara Lindqvist", addresses=("amara@lindqvist-advisory.example",),
                      region="ZM", assistant_addresses=("contacts@lindqvist-advisory.example",))
CARD = ("From the Lusaka agri show, his card:\n\nLUANGWA HONEY\nPRODUCERS\nLimited\n\n"
        "Mr. Mulenga Chisanga\nSales Director\n\nPlot 2207, Great East Road, Lusaka\n"
        "Tel: +260 211 555 019\nmulenga@luangwahoney.co.zm\n")


def test_the_company_paragraph_above_the_name_is_the_company() -> None:
    people = find_people(CARD, OWNER)
    assert [(p.name, p.title, p.company) for p in people] == [
        ("Mulenga Chisanga", "Sales Director", "LUANGWA HONEY PRODUCERS Limited")]


def test_capitals_lines_over_a_mixed_case_form_join_when_they_stand_alone() -> None:
    assert "LUANGWA HONEY PRODUCERS Limited\n\nMr." in card_layout(CARD)
    # a card all in capitals keeps the line above: it may be the person's name
    capitals = "JOHN MWALE KUNDA\nHONEY TRADERS\nLIMITED\nTEL 0211 555 019\n"
    assert card_layout(capitals).startswith("JOHN MWALE KUNDA\n")


def test_an_address_line_is_never_the_company() -> None:
    for line in ("Plot 5014, Freedom Way, Kitwe", "P/BAG 5014, BULAWAYO", "14 Freedom Way, Kitwe"):
        facts = mine_signature(f"Chilufya Mwansa-Phiri\nCommercial Director\n\n{line}\n"
                               "Tel: +260 212 555 014\n", "Chilufya Mwansa-Phiri", "ZM")
        assert (facts.title, facts.company) == ("Commercial Director", None), line


def test_a_form_of_initials_alone_on_its_line_ends_the_company_above() -> None:
    people = find_people("Card from the Tripoli olive oil fair:\n\nJad Frangieh\nProduction "
                         "Manager\nKoura Olive Presses\nS.A.L.\njad@kouraolive.com.lb\n", OWNER)
    assert [p.company for p in people] == ["Koura Olive Presses S.A.L."]


def test_a_degree_before_a_name_in_capitals() -> None:
    people = find_people("Card:\n\nENG. BARAKA MWAKALINGA\nCHIEF ENGINEER\nRUVU BOREHOLE "
                         "DRILLING LTD\nTEL 0713 555 014\nBARAKA@RUVUDRILLING.CO.TZ\n", OWNER)
    assert [(p.name, p.title) for p in people] == [("Baraka Mwakalinga", "CHIEF ENGINEER")]
