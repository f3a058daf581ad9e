"""A card's title broken over two lines whose second line opens in lower case ("a skladového
hospodářství", "chargée des grands comptes", "y Cadena de Frío"): the title goes on, the
company is the line below, and the second line's words are no one's name."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people
from assistant.parsing.signature_fields import mine_signature

OWNER = OwnerIdentity(name="Tereza Holubová", addresses=("tereza@holubova-poradenstvi.cz",),
                      region="CZ", assistant_addresses=("poznamky@holubova-poradenstvi.cz",))


@pytest.mark.parametrize(("card", "name", "title", "company"), [
    ("Ing. Radim Všetečka\nVedoucí oddělení nákupu\na skladového hospodářství\n"
     "Moravské Obaly s.r.o.\nPrůmyslová 8, 602 00 Brno\nradim.vsetecka@moravskeobaly.cz\n",
     "Radim Všetečka", "Vedoucí oddělení nákupu a skladového hospodářství",
     "Moravské Obaly s.r.o."),
    ("Mme Houda Lazrak\nDirectrice Commerciale\nchargée des grands comptes\n"
     "Cartonnerie de l'Atlas SARL\nh.lazrak@cartonnerie-atlas.ma\n",
     "Houda Lazrak", "Directrice Commerciale chargée des grands comptes",
     "Cartonnerie de l'Atlas SARL"),
])
def test_signature_reads_the_second_line_with_the_title(card: str, name: str, title: str,
                                                       company: str) -> None:
    facts = mine_signature(card, name, "CZ")
    assert (facts.title, facts.company) == (title, company)


def test_a_field_after_y_on_the_next_line_is_no_person() -> None:
    text = ("Tarjeta de la feria de Paita:\n\nIng. Renzo Alonso Chumpitaz Vega\n"
            "Jefe de Operaciones Portuarias\ny Cadena de Frío\nPesquera Bahía Norte S.A.C.\n"
            "Cel.: +51 955 550 142\nrchumpitaz@bahianorte.pe\n")
    people = find_people(text, OWNER)
    assert [(p.name, p.title, p.company) for p in people] == [
        ("Renzo Alonso Chumpitaz Vega", "Jefe de Operaciones Portuarias y Cadena de Frío",
         "Pesquera Bahía Norte S.A.C.")]


def test_a_given_name_after_and_is_still_a_person() -> None:
    people = find_people("Met the Director of Sales and Maria Lindqvist, "
                         "maria@lindqvist-design.se.", OWNER)
    assert "Maria Lindqvist" in [p.name for p in people]
