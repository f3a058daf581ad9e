"""More card layouts: a portrait card's town under its street, an initial read as the figure
one in an address, a title above the name, the name and title on one line, phone labels of
other languages, a university's department, a company in spaced capitals, a mail domain
that is not the company's (invented cards; no card of the benchmark's)."""

from __future__ import annotations

import pytest

from assistant.cards.fields import read_card
from assistant.cards.lines import OcrLine


def lines(*texts: str, confidence: float = 0.97) -> list[OcrLine]:
    return [OcrLine(t, confidence, (10.0, 40.0 * i, 400.0, 40.0 * i + 30)) for i, t in
            enumerate(texts)]


def test_a_town_alone_under_its_street_is_no_company() -> None:
    # Given a card whose company line was lost, the town under the street (its postcode lost)
    card = lines("Maren Stolwijk Account Director", "Tel. (212) 555-0143",
                 "www.fennick-optics.example", "27 Quarry Lane", "Dunsworth")
    reading = read_card(card, "US")
    # Then the town is not the company; the domain names it (as a guess)
    assert reading.company == "Fennick Optics"


@pytest.mark.parametrize("given", ["Lena", "Ilse"])
def test_an_initial_read_as_the_figure_one_is_put_back_from_the_name(given: str) -> None:
    card = lines("Univerity of Tarrowmere", given + " Okafor", "Senior Lecturer",
                 "Tel. +44 20 7946 0123", "1.okafor@tarrowmere.ac.example")
    assert read_card(card, "US").emails == (f"{given[0].lower()}.okafor@tarrowmere.ac.example",)


def test_a_figure_in_an_address_that_is_no_initial_stays() -> None:
    card = lines("Tarrowmere Labs", "Lena Okafor", "Lab Manager", "1.okafor@tarrowmere.example",
                 "Tel. (212) 555-0123")
    assert read_card(card, "US").emails == ("l.okafor@tarrowmere.example",)
    card = lines("Tarrowmere Labs", "Mona Okafor", "Lab Manager", "1.okafor@tarrowmere.example",
                 "Tel. (212) 555-0123")
    assert read_card(card, "US").emails == ("1.okafor@tarrowmere.example",)


def test_a_title_printed_above_the_name() -> None:
    card = lines("Quillon Advisory", "Key Account Manager", "Imke Ashworth",
                 "Tel. (212) 555-0123", "imke.ashworth@quillonadvisory.example")
    reading = read_card(card, "US")
    assert (reading.name, reading.title, reading.company) == (
        "Imke Ashworth", "Key Account Manager", "Quillon Advisory")


@pytest.mark.parametrize("mark", [", ", " | ", " – "])
def test_the_name_and_title_on_one_line(mark: str) -> None:
    card = lines("Orvel Materials GmbH", f"Ravi Tollemache{mark}Head of Procurement",
                 "P: (212) 555-0123", "ravi.tollemache@orvelmaterials.example")
    reading = read_card(card, "US")
    assert (reading.name, reading.title, reading.company) == (
        "Ravi Tollemache", "Head of Procurement", "Orvel Materials GmbH")


@pytest.mark.parametrize(("office", "mobile", "fax"), [
    ("Tél.", "Port.", "Fax"), ("Tel.", "Móvil", "Fax"), ("Tel.", "Handy", "Fax"),
    ("Tél. :", "Mobile :", "Télécopie :"), ("Telefono", "Cellulare", "Fax")])
def test_phone_labels_of_other_languages(office: str, mobile: str, fax: str) -> None:
    card = lines("Zentrav Software S.A.", "Leonie Dunmore", "Gerente de Ventas",
                 f"{fax} +44 20 7946 0999", f"{office} +44 20 7946 0123",
                 f"{mobile} +44 161 496 0456", "leonie.dunmore@zentrav.example")
    reading = read_card(card, "US")
    assert reading.phones[0] == "+442079460123"
    assert reading.faxes == ("+442079460999",)


def test_a_university_with_a_department_under_it() -> None:
    card = lines("University of Tarrowmere", "Department of Radiology", "Saskia Lindholt",
                 "Senior Lecturer", "Tel. +44 20 7946 0123", "s.lindholt@tarrowmere.ac.example")
    reading = read_card(card, "US")
    # Then the university is the company (its department may be read with it)
    assert reading.company is not None
    assert reading.company.startswith("University of Tarrowmere")
    assert reading.title == "Senior Lecturer"


def test_a_company_in_spaced_capitals() -> None:
    card = lines("K E S T R A V   R O B O T I C S", "Noor Vellaby", "Chief Technology Officer",
                 "P: (212) 555-0123", "noor.vellaby@kestravrobotics.example")
    # (the letters are read as one run: where one word of an unknown brand ends is lost)
    company = read_card(card, "US").company
    assert company is not None and company.replace(" ", "") == "KESTRAVROBOTICS"


def test_a_mail_domain_that_is_not_the_company_s() -> None:
    card = lines("Arkmoor Logistics", "Ingrid Albany", "Principal Consultant",
                 "Tel. (919) 555-0169", "ialbany@tessavo-holdings.example",
                 "296 Harbour Road, Portsmouth PO1 1QA")
    reading = read_card(card, "US")
    assert (reading.name, reading.company) == ("Ingrid Albany", "Arkmoor Logistics")


@pytest.mark.parametrize("row", ["Managing Director lumen-field.com",
                                 "Partner, Managing Director lumenfield.com"])
def test_a_title_read_on_one_row_with_the_bare_web_site_is_the_title(row: str) -> None:
    # Given a title and the card's web site, written without "www", read as one row
    reading = read_card(lines("JANE", "OKAFOR", "+1 212 555 0143 jane@lumen-field.com", row,
                              "LUMEN FIELD"), "US")
    # Then the title is read without the site, and the site is a link of the card's
    assert reading.title == row.rsplit(" ", 1)[0]
    assert reading.urls[0].removeprefix("https://").removesuffix("/") == row.rsplit(" ", 1)[1]
