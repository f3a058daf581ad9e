"""Cards in seven languages and the OCR's ways of breaking their lines (invented cards; no
card of the benchmark's)."""

from __future__ import annotations

import pytest

from assistant.cards.fields import read_card
from assistant.cards.lines import OcrLine
from assistant.cards.titles import is_title_word
from assistant.cards.words import split_run_words
from tests.unit.cards.card_texts import cards


def lines(*texts: str, heights: tuple[float, ...] = ()) -> list[OcrLine]:
    out, top = [], 10.0
    for index, text in enumerate(texts):
        height = heights[index] if index < len(heights) else 20.0
        out.append(OcrLine(text, 0.96, (40.0, top, 40.0 + 11 * len(text), top + height)))
        top += height * 1.3
    return out


@pytest.mark.parametrize(
    "title",
    [
        "Vertriebsleiterin",
        "Directrice Commerciale",
        "Jefa de Administración",
        "Amministratore Delegato",
        "Sócio-Gerente",
        "Accountmanager",
        "Titolare",
    ],
)
def test_a_title_of_any_of_seven_languages_is_read_under_the_name(title: str) -> None:
    card = lines("Marwen Optik", "Jana Kowalczyk", title, "jana@example-optik.de")
    assert read_card(card, "DE").title == title


def test_a_compound_title_word_is_a_title_but_a_family_name_is_not_split_off() -> None:
    assert is_title_word("steuerberater") and is_title_word("projectleider")
    assert not is_title_word("leiter" + "x")  # not a head
    assert read_card(lines("Stefan Hofmann", "Inhaber", "Hofmann Bau GmbH"), "DE").name == (
        "Stefan Hofmann"
    )


@pytest.mark.parametrize("separator", [" | ", ", ", " - ", "- "])
def test_a_title_and_company_on_one_line_are_read_apart(separator: str) -> None:
    card = lines(
        "Lucía Ortega",
        f"Directora Comercial{separator}Talvera Soluciones S.L.",
        "T +34 912 345 678",
        "lucia.ortega@talvera.example",
    )
    reading = read_card(card, "ES")
    assert reading.title == "Directora Comercial"
    assert reading.company == "Talvera Soluciones S.L."


def test_a_given_name_in_large_print_above_the_family_name_is_one_name() -> None:
    card = lines(
        "Orvel Bouw B.V.",
        "Pieter",
        "van den Berg",
        "Projectleider",
        "M +31 6 1234 5678",
        heights=(22, 32, 32, 20, 20),
    )
    assert read_card(card, "NL").name == "Pieter van den Berg"


@pytest.mark.parametrize("honorific", ["Dott.", "Ing.", "Lic.", "Drs."])
def test_an_honorific_before_the_name_is_not_part_of_it(honorific: str) -> None:
    card = lines(f"{honorific} Chiara Galli", "Responsabile Acquisti", "Serravo S.r.l.")
    assert read_card(card, "IT").name == "Chiara Galli"


def test_bullets_and_bars_the_ocr_saw_around_a_line_are_dropped() -> None:
    card = lines("• Kevin Marsh |", "| Office Manager ·", "Lindqvist Media Ltd")
    reading = read_card(card, "GB")
    assert (reading.name, reading.title) == ("Kevin Marsh", "Office Manager")


def test_a_slogan_speaking_to_the_reader_is_neither_title_nor_name() -> None:
    card = lines(
        "Verano Logistik GmbH",
        "Ihr Partner vor Ort",
        "Jonas Weber",
        "Vorstand",
        heights=(24, 16, 32, 20),
    )
    reading = read_card(card, "DE")
    assert (reading.name, reading.title) == ("Jonas Weber", "Vorstand")


def test_a_title_read_as_two_lines_is_one_title_again() -> None:
    joined = read_card(lines("Javier Ruiz", "Jefe de", "Proyecto", "Orbal S.A."), "ES")
    assert joined.title == "Jefe de Proyecto"
    opened = read_card(lines("Rachel Moss", "Regional", "Sales Manager", "Quenby Ltd"), "GB")
    assert opened.title == "Regional Sales Manager"
    assert read_card(lines("Robert Hale", "Key Account Executive"), "GB").name == "Robert Hale"


def test_given_names_title_words_and_foreign_words_are_not_split_as_run_together() -> None:
    assert split_run_words("FEDERICA") == "FEDERICA"
    assert split_run_words("FONDATORE") == "FONDATORE"
    assert split_run_words("Progetto") == "Progetto"
    assert split_run_words("S0LVARO") == "SOLVARO"
    assert split_run_words("HEADOFSALES") == "HEAD OF SALES"


def test_a_company_named_by_its_trade_in_its_own_language_is_found() -> None:
    card = lines(
        "ALTORA CONSTRUCCIONES",
        "MARTA GIL",
        "ASESORA COMERCIAL",
        "marta.gil77@gmail.com",
        heights=(24, 32, 20, 20),
    )
    assert read_card(card, "ES").company == "ALTORA CONSTRUCCIONES"


def test_the_invented_cards_are_read_well() -> None:
    # Given the invented card set (both parts), read as the benchmark scores its cards
    from benchmarks.cards_bench import Tally

    tally = Tally()
    for card in cards():
        tally.add(card.label, read_card(card.lines, card.region), 0.0)
    # Then most fields are right (0.87 before the seven languages' rules)
    assert tally.field_accuracy >= 0.95


def test_one_number_for_phone_and_fax_is_the_phone() -> None:
    card = lines("Nora Field", "Store Manager", "T/F +44 20 7946 0321", "M +44 7700 900447")
    assert read_card(card, "GB").phones[0] == "+442079460321"


def test_a_trade_mark_after_the_logo_is_not_part_of_the_company() -> None:
    card = lines(
        "brevora™",
        "Lena Hart",
        "Creative Director",
        "lena@brevora-studios.example",
        heights=(46, 32, 20, 20),
    )
    assert read_card(card, "US").company == "brevora"


def test_a_degree_after_the_name_is_no_web_site_and_the_name_is_read() -> None:
    reading = read_card(lines("Maaike Kuipers, M.Sc.", "Adviseur", "Orvel Advies B.V."), "NL")
    assert reading.name == "Maaike Kuipers"
    assert reading.urls == ()


def test_an_address_with_spaces_around_its_at_sign_is_one_address() -> None:
    card = lines("Nora Field", "Store Manager", "e: nora.field48 @ gmail.com")
    assert read_card(card, "GB").emails == ("nora.field48@gmail.com",)


def test_a_title_whose_first_word_is_also_a_given_name_is_still_a_title() -> None:
    card = lines("Quenby Media Ltd", "Brand Strategist, Sales & Marketing", "Megan Lowe")
    reading = read_card(card, "GB")
    assert reading.name == "Megan Lowe"
    assert (reading.title or "").startswith("Brand Strategist")


def test_tesseract_running_out_of_time_is_the_products_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pytesseract
    from PIL import Image

    from assistant.cards.ocr import OcrTimeout, TesseractEngine

    def slow(*args: object, **kwargs: object) -> None:
        raise RuntimeError("Tesseract process timeout")

    monkeypatch.setattr(pytesseract, "image_to_data", slow)
    with pytest.raises(OcrTimeout):
        TesseractEngine(timeout_s=1).read(Image.new("RGB", (20, 10)))


def test_a_company_whose_initials_are_its_domain_is_the_company() -> None:
    card = lines("Nora Field", "Store Manager", "Atlantic Ferry Lines", "nora@afl.example")
    assert read_card(card, "GB").company == "Atlantic Ferry Lines"


@pytest.mark.parametrize(
    "company", ["UNIVERSIDADE DE VILARINHO", "Bauer Wagner Rechtsanwälte", "Gauthier & Associés"]
)
def test_organisations_of_other_kinds_are_companies_not_names(company: str) -> None:
    card = lines(company, "Nora Field", "Docente", "nora.field@example.org", heights=(26, 28, 20))
    reading = read_card(card, "FR")
    assert (reading.name, reading.company) == ("Nora Field", company)


@pytest.mark.parametrize(
    "street", ["Hafenstraße 12", "Keizersgracht 221", "Rua Augusta 210", "1100-053 Lisboa"]
)
def test_streets_and_postcodes_of_other_countries_are_address_lines(street: str) -> None:
    card = lines("Nora Field", "Docente", street, "nora.field@quintessaarchitects.example")
    reading = read_card(card, "NL")
    assert reading.company != street
    assert street in (reading.address or "")


def test_a_row_of_two_columns_read_as_one_line_is_read_apart() -> None:
    # Given the person's column and the details' column joined row by row by the OCR
    card = lines(
        "Tidewell Werkzeugbau GmbH Industriestr. 159",
        "Dieter Lindner 70565 Stuttgart",
        "Key Account Manager Telefon: +49 40 393 760-7",
        "dieter@tidewell.example",
        heights=(20, 30, 20, 20),
    )
    reading = read_card(card, "DE")
    assert (reading.name, reading.title, reading.company) == (
        "Dieter Lindner",
        "Key Account Manager",
        "Tidewell Werkzeugbau GmbH",
    )
    assert reading.phones == ("+49403937607",)


def test_what_follows_a_degree_after_the_name_is_another_field() -> None:
    card = lines("Nora Field, PhD Quenby Learning Centre", "Managing Director", "nora@qlc.example")
    reading = read_card(card, "GB")
    assert reading.name == "Nora Field"
    assert reading.company == "Quenby Learning Centre"


def test_a_title_word_the_ocr_misread_by_a_letter_is_put_right_but_a_name_is_not() -> None:
    store = read_card(lines("Patrick Kingsley", "Store Malager", "Hollis Care Ltd"), "GB")
    assert store.title == "Store Manager"
    lost = read_card(lines("Jonas Weber", "Geschäftsfüher", "Verano Bau GmbH"), "DE")
    assert (lost.title or "").casefold() == "geschaftsfuhrer"
    name = read_card(lines("Carmen Delgado", "Jefa de Ventas", "Orbal S.A."), "ES")
    assert (name.name, name.title) == ("Carmen Delgado", "Jefa de Ventas")


@pytest.mark.parametrize("title", ["Toimitusjohtaja", "Myyntipäällikkö", "Salgschef",
                                   "Afdelingsleder", "Projektledare", "Kierownik Sprzedaży",
                                   "Dyrektor Handlowy", "Pengurus Besar",
                                   "Administrerende direktør"])
def test_a_title_of_the_nordic_languages_finnish_polish_or_malay_is_read(title: str) -> None:
    card = lines("Anna Virtanen", title, "Lumiraivo Oy", "anna@lumiraivo.example")
    reading = read_card(card, "FI")
    assert reading.title == title
    assert reading.company == "Lumiraivo Oy"


def test_a_family_name_that_is_a_word_of_a_title_elsewhere_stays_a_name() -> None:
    assert read_card(lines("Jane Leder", "Export Manager", "jane@northwind.example"),
                     "DE").name == "Jane Leder"
