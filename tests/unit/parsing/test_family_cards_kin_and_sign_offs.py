"""Cards and lists: a family name in capitals on a card's name line ("M. Modibo DIARRA"), a
name in Cyrillic and Latin set apart by a slash, the company line under "Name, Title", a
relative sharing the surname, "same company" in a note typed in lower case, "dans la même
boîte", the occasion heading a lower-case note or on the names' line, a guide's title, a
signature finder that no longer reads "Ana" inside "Manager", a card the note was typed from
that is no place, and "I'll leave it with you" promising nothing (examples in
tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.drafting.slots import occasion
from assistant.parsing.card_layout import card_layout
from assistant.parsing.context import heading_occasion, read_context
from assistant.parsing.people import find_people
from assistant.parsing.signatures import split_signature


def owner(region: str, name: str = "Amara Lindqvist") -> OwnerIdentity:
    return OwnerIdentity(name=name, addresses=("amara@lindqvist.example",), region=region,
                         assistant_addresses=("contacts@lindqvist.example",))


def people(text: str, region: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(p.name, p.title, p.company) for p in find_people(text, owner(region))]


def test_a_family_name_in_capitals_spelled_by_the_cards_address() -> None:
    card = ("Carte :\n\nM. Modibo DIARRA\nDirecteur Commercial\nSahel Lait SA\n"
            "modibo.diarra@sahellait.ml\n")
    assert "M. Modibo Diarra\n" in card_layout(card)
    assert people(card, "ML") == [("Modibo Diarra", "Directeur Commercial", "Sahel Lait SA")]
    # no address spelling it: the line is left as typed
    assert "Modibo DIARRA" in card_layout("Carte :\n\nM. Modibo DIARRA\ninfo@sahellait.ml\n")


def test_a_name_in_two_scripts_set_apart_by_a_slash() -> None:
    assert people("Card:\n\nБлагоја Ристевски / Blagoja Ristevski\nExport Manager\n"
                  "Pelister Ajvar DOOEL\nb.ristevski@pelisterajvar.mk\n", "MK") == [
        ("Blagoja Ristevski", "Export Manager", "Pelister Ajvar DOOEL")]


def test_the_company_line_under_name_and_title() -> None:
    assert people("Card:\n\nDr Anika Mistry-Hale, Head of Estates\nShipley Mills Developments "
                  "Ltd\nanika@shipleymills.co.uk\n", "GB") == [
        ("Anika Mistry-Hale", "Head of Estates", "Shipley Mills Developments Ltd")]


def test_a_relative_shares_the_surname() -> None:
    found = people("I met Sione Fifita, chairman of Vava'u Vanilla Co-operative Ltd "
                   "(sione@vavauvanilla.to). His nephew Tevita Fifita is the co-op's secretary, "
                   "tevita@vavauvanilla.to.", "TO")
    assert [name for name, _, _ in found] == ["Sione Fifita", "Tevita Fifita"]


def test_same_company_in_lower_case_and_in_french() -> None:
    found = people("tirana startup night: besnik gjoka, cto at shqipe pay shpk, "
                   "besnik@shqipepay.al. and arta kola, head of risk, same company, "
                   "arta@shqipepay.al\n", "AL")
    assert found == [("besnik gjoka", "CTO", "shqipe pay shpk"),
                     ("arta kola", "head of risk", "shqipe pay shpk")]
    found = people("Komla Agbeko, responsable technique chez Irriga Togo SARL, komla@irriga.tg. "
                   "Et Ama Dogbe, chargée de projets dans la même boîte, ama@irriga.tg.", "TG")
    assert found[1] == ("Ama Dogbe", "chargée de projets", "Irriga Togo SARL")


def test_headings_in_lower_case_and_on_the_names_line() -> None:
    assert heading_occasion("tirana startup night: ") == "tirana startup night"
    assert heading_occasion("great night, loved it: ") is None
    assert heading_occasion("Atelier sur l'agriculture irriguée à Kara : ") == (
        "Atelier sur l'agriculture irriguée à Kara")


def test_a_guide_is_a_title() -> None:
    assert people("Dawa Lama - freelance mountain guide - dawa@everestguides.np.", "NP") == [
        ("Dawa Lama", "freelance mountain guide", None)]


def test_the_owners_name_is_not_read_inside_a_word() -> None:
    card = "Card:\n\nBlagoja Ristevski\nExport Manager\nPelister Ajvar DOOEL\nb.r@pelister.mk\n"
    body, signature = split_signature(card, "Ana Stojanovska")
    assert signature is None and "Export Manager" in body
    body, signature = split_signature("Thanks!\n\nAnaStojanovska\n+389 2 555 0101\n",
                                      "Ana Stojanovska")
    assert signature is not None


def test_the_card_typed_from_is_no_place() -> None:
    assert occasion("Typed up from the card - Bradford retrofit forum").place == ""
    assert occasion("Met her at the Leeds food fair").place == "the Leeds food fair"


def test_offers_needs_and_no_promise() -> None:
    assert read_context("I'll leave it with you.").promises == ()
    facts = read_context("Georgi is managing director of Struma Print AD and has spare capacity "
                         "on his label press from March.")
    assert facts.offers == ("spare capacity on his label press from March",)
    assert read_context("Rafael is at Calder Weaving Ltd, which has spare capacity.").offers == ()
    facts = read_context("Wants to hear about rainwater harvesting for the fales.")
    assert (facts.needs, facts.interests) == ((), ("rainwater harvesting for the fales",))
    facts = read_context("Marcus | COO | met at the Nassau water summit | not after loans | needs "
                         "a solar installer")
    assert facts.needs == ("a solar installer",)
