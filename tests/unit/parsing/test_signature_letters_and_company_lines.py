"""Letters after a name are no title, a number behind its own label on a fax line is no fax,
a company's line naming a family is no person, and the note's "not her assistant"."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.context import writers_needs
from assistant.parsing.message import _EXCLUDED
from assistant.parsing.people import find_people
from assistant.parsing.signature_fields import mine_signature


def test_post_nominal_letters_are_no_title_and_an_office_number_beside_a_fax_is_kept() -> None:
    block = ("Priya Okafor, CEng MIET\nHead of Corporate Development\nBrightwater Engineering Ltd\n"
             "Office: 0113 496 0321 | Fax: 0113 496 0322\nMobile: 07700 900456\n")
    facts = mine_signature(block, "Priya Okafor", "GB")
    assert facts.title == "Head of Corporate Development"
    assert facts.phones == ("+441134960321", "+447700900456")


def test_as_discussed_without_a_pronoun_leads_the_writers_need() -> None:
    assert writers_needs("Thanks. As discussed, we are looking for an adviser on the sale.") == (
        "an adviser on the sale",)


def test_a_possessive_may_stand_between_not_and_the_excluded_person() -> None:
    for note in ("please add Priya, not her ", "agrega a Fernanda, no a su ",
                 "bitte Jan aufnehmen, nicht seine "):
        assert _EXCLUDED.search(note)


def test_a_company_line_with_a_family_name_and_a_name_after_an_article_are_no_people() -> None:
    owner = OwnerIdentity(name="Anna Gut", addresses=("anna@gut.ch",), region="CH",
                          assistant_addresses=("kontakte@gut.ch",))
    card = ("Luc Favre\nResponsable des achats\nDécolletage Favre & Frères Sàrl\n"
            "luc.favre@favre-freres.ch\n\n"
            "Und: Odile Brunet, fondatrice de La Fromagerie Brunet (odile@fromageriebrunet.ch).\n")
    drafts = find_people(card, owner)
    assert [d.name for d in drafts] == ["Luc Favre", "Odile Brunet"]
    assert drafts[1].company == "La Fromagerie Brunet"


def test_a_title_with_particles_beside_its_company_on_one_line_is_read_whole() -> None:
    for block in ("Federica\n\nFederica Rossi\nResponsabile Relazioni con le Imprese – "
                  "Incubatore Piemonte Innova\n",
                  "Sandrine Collard\nChargée de Relations avec les Entreprises – "
                  "Cap Innovation Namur\n"):
        facts = mine_signature(block, block.split("\n")[-3], "IT")
        assert facts.title in {"Responsabile Relazioni con le Imprese",
                               "Chargée de Relations avec les Entreprises"}
        assert facts.company in {"Incubatore Piemonte Innova", "Cap Innovation Namur"}
