"""Which OCR line is the company: a legal form wherever it is printed, a name set over two
lines, a tagline or stray marks read with the logo, a brand in capitals before a name made
from the mail domain, a unit under its organisation (invented cards as the OCR hands them:
lines in reading order with a box and a confidence; no card of the benchmark's)."""

from __future__ import annotations

import pytest

from assistant.cards.fields import read_card
from assistant.cards.lines import OcrLine


def card(*rows: tuple[str, float] | tuple[str, float, float]) -> list[OcrLine]:
    """Lines set flush left one under the other: (text, print height[, confidence])."""
    out, top = [], 20.0
    for text, height, *sure in rows:
        width = len(text) * height * 0.55
        out.append(OcrLine(text, sure[0] if sure else 0.96, (40.0, top, 40.0 + width,
                                                              top + height)))
        top += height + 8
    return out


def test_a_legal_form_low_on_the_card_outweighs_a_trade_line_at_the_top() -> None:
    # Given a card that opens with a line naming a trade and a free mail address
    reading = read_card(card(("Creative Media Studio", 26), ("Priya Vandermolen", 30),
                             ("Art Director", 24), ("Tel. (212) 555-0143", 22),
                             ("priya.vm@gmail.com", 22), ("Ambervale Ltd", 18)), "US")
    # Then the company is the line with its legal form, in the small print at the bottom
    assert reading.company == "Ambervale Ltd"


@pytest.mark.parametrize("company", ["Tessaro Co., Ltd.", "Tessaro Trading Sdn. Bhd.",
                                     "Tessaro lnc.", "TessaroSystemsInc."])
def test_a_legal_form_as_written_or_misread_outweighs_a_tagline_in_capitals(
        company: str) -> None:
    reading = read_card(card(("GLOBAL LOGISTICS", 26), ("Tomas Reyvald", 30),
                             ("Export Manager", 24), (company, 20),
                             ("Tel. (212) 555-0187", 20), ("tomas@tsr-global.example", 20)),
                        "US")
    assert reading.company == company


def test_a_town_and_its_state_is_no_legal_form() -> None:
    reading = read_card(card(("Creative Media Studio", 26), ("Priya Vandermolen", 30),
                             ("Art Director", 24), ("Louisville, KY", 20),
                             ("Tel. (212) 555-0143", 22), ("priya.vm@gmail.com", 22)), "US")
    assert reading.company == "Creative Media Studio"


def test_a_line_of_kind_words_takes_the_name_printed_above_it() -> None:
    reading = read_card(card(("Harbourside Marine", 34), ("Engineering Group", 34),
                             ("Nils Okonjo", 30), ("Project Manager", 24),
                             ("Tel. (212) 555-0162", 22), ("nils@hmeg.example", 22)), "US")
    assert reading.company == "Harbourside Marine Engineering Group"


def test_a_name_takes_the_line_of_kind_words_printed_below_it() -> None:
    reading = read_card(card(("Halvik", 30), ("Consulting Group", 30), ("Nils Okonjo", 30),
                             ("Partner", 24), ("Tel. (212) 555-0162", 22),
                             ("nils@halvik.example", 22)), "US")
    assert reading.company == "Halvik Consulting Group"


def test_a_department_under_its_university_is_not_joined_to_its_name() -> None:
    reading = read_card(card(("University of Tarrowmere", 30), ("Department of Physics", 24),
                             ("Edda Quarshie", 30), ("Professor", 24),
                             ("Tel. (212) 555-0119", 22), ("equarshie@tarrowmere.edu", 22)),
                        "US")
    assert reading.company == "University of Tarrowmere"


def test_a_tagline_read_on_the_logos_row_is_left_out() -> None:
    reading = read_card(card(("ORVELLA Designing better homes", 30), ("Mara Lindqvist", 30),
                             ("Interior Designer", 24), ("Tel. (212) 555-0175", 22),
                             ("mara@orvella.example", 22)), "US")
    assert reading.company == "ORVELLA"


def test_marks_read_at_the_ends_of_a_logo_are_left_out() -> None:
    reading = read_card(card(("| NORTHGALE .", 40), ("Mara Lindqvist", 30),
                             ("Marketing Lead", 24), ("Tel. (212) 555-0175", 22),
                             ("mara@northgale.example", 22)), "US")
    assert reading.company == "NORTHGALE"


def test_a_brand_in_capitals_on_top_comes_before_a_name_made_from_the_mail_domain() -> None:
    reading = read_card(card(("QUILLMARK", 28), ("Mara Lindqvist", 30),
                             ("Product Manager", 24), ("Tel. (212) 555-0175", 22),
                             ("mara@qmk-mail.example", 22)), "US")
    assert reading.company == "QUILLMARK"


def test_the_one_brand_in_capitals_names_the_company_of_a_free_mail_card() -> None:
    reading = read_card(card(("Mara Lindqvist", 30), ("Owner", 24),
                             ("Tel. (212) 555-0175", 22), ("mara.lindqvist@gmail.com", 22),
                             ("BRIGHTFORGE", 26)), "US")
    assert reading.company == "BRIGHTFORGE"


def test_a_line_saying_whose_member_the_company_is_is_no_title() -> None:
    reading = read_card(card(("Halvik Hotels", 30), ("A member of the Brandt Group", 18),
                             ("Nils Okonjo", 30), ("General Manager", 24),
                             ("Tel. (212) 555-0162", 22), ("nils@halvikhotels.example", 22)),
                        "US")
    assert (reading.company, reading.title) == ("Halvik Hotels", "General Manager")


def test_a_brand_read_after_the_name_on_its_row_is_no_part_of_the_name() -> None:
    reading = read_card(card(("Mara Lindqvist QUILLMARK", 30), ("Product Manager", 24),
                             ("Tel. (212) 555-0175", 22), ("mara@quillmark.example", 22)), "US")
    assert reading.name == "Mara Lindqvist"


def test_a_small_letter_read_from_the_logos_drawing_before_the_company_is_left_out() -> None:
    reading = read_card(card(("o Veltrona Inc", 30), ("Edda Quarshie", 30), ("Chemist", 24),
                             ("Tel. (212) 555-0119", 22), ("edda@veltrona.example", 22)), "US")
    assert reading.company == "Veltrona Inc"


def test_a_title_and_a_registered_company_read_on_one_row_without_a_mark_are_two() -> None:
    reading = read_card(card(("Edda Quarshie", 30), ("Data Engineer Kestrel Analytics Ltd", 24),
                             ("Tel. (212) 555-0119", 22),
                             ("edda@kestrel-analytics.example", 22)), "US")
    assert (reading.title, reading.company) == ("Data Engineer", "Kestrel Analytics Ltd")


def test_a_title_whose_field_is_named_after_a_joining_word_is_not_cut() -> None:
    reading = read_card(card(("Edda Quarshie", 30), ("Director of Kestrel Analytics Ltd", 24),
                             ("Tel. (212) 555-0119", 22),
                             ("edda@kestrel-analytics.example", 22)), "US")
    assert reading.title is not None and reading.title.startswith("Director")


def test_letters_that_abbreviate_a_name_printed_in_full_give_the_full_name() -> None:
    reading = read_card(card(("NMRC", 48), ("Edda Quarshie", 30), ("Research Fellow", 24),
                             ("Northfield Marine Research Centre", 18),
                             ("Tel. (212) 555-0119", 18),
                             ("e.quarshie@nmrc-ocean.example", 18)), "US")
    assert reading.company == "Northfield Marine Research Centre"


def test_initials_of_hyphened_words_count_apart() -> None:
    reading = read_card(card(("KTI", 40), ("Kessler-Tamm-Institut", 22), ("Edda Quarshie", 30),
                             ("Research Engineer", 24), ("Tel. +49 30 1234567", 20),
                             ("quarshie@kti.example", 20)), "DE")
    assert reading.company == "Kessler-Tamm-Institut"


def test_letters_no_line_spells_out_stay_the_company() -> None:
    reading = read_card(card(("NMRC", 48), ("Edda Quarshie", 30), ("Research Fellow", 24),
                             ("Harbour Software Solutions", 18), ("Tel. (212) 555-0119", 18),
                             ("e.quarshie@nmrc-ocean.example", 18)), "US")
    assert reading.company == "NMRC"


def test_the_logo_in_large_type_outweighs_a_line_that_only_names_a_kind_of_business() -> None:
    # Given a card whose logo is set large and whose small print names a kind of business
    reading = read_card(card(("NORTHWIND", 64), ("Priya Vandermolen", 26),
                             ("Art Director", 20), ("Creative Media Studio", 18),
                             ("Tel. (212) 555-0143", 18), ("priya.vm@gmail.com", 18)), "US")
    # Then the company is the logo's word
    assert reading.company == "NORTHWIND"


def test_a_line_with_a_legal_form_outweighs_the_logo() -> None:
    # Given the same card, its small print the company's registered name
    reading = read_card(card(("NORTHWIND", 64), ("Priya Vandermolen", 26),
                             ("Art Director", 20), ("Ambervale Media Ltd", 18),
                             ("Tel. (212) 555-0143", 18), ("priya.vm@gmail.com", 18)), "US")
    # Then the registered name stands
    assert reading.company == "Ambervale Media Ltd"


@pytest.mark.parametrize("company", ["Harbor Lane Consulting", "Kingsway Plaza Hotel",
                                     "Mill Road Partners LLC"])
def test_a_company_named_after_a_street_is_no_address_line(company: str) -> None:
    # Given a card whose company is named after a street or a place, with no figures
    reading = read_card(card(("Priya Raman", 30), ("Marketing Manager", 24), (company, 22),
                             ("T +1 415 555 0134", 20), ("priya.raman@gmail.com", 20),
                             ("418 Mill Road, Fairview, OR 97024", 20)), "US")
    # Then it is read as the company, and the street with its number stays the address
    assert reading.company == company
    assert reading.address is not None and "418 Mill Road" in reading.address


def test_a_street_and_district_without_figures_stay_the_address() -> None:
    reading = read_card(card(("Kestrel Analytics Ltd", 30), ("Priya Raman", 26),
                             ("Data Engineer", 22), ("Harbour Road, Wan Chai", 20),
                             ("T +852 5550 1234", 20), ("priya@kestrel-analytics.example", 20)),
                        "HK")
    assert reading.company == "Kestrel Analytics Ltd"
    assert reading.address is not None and "Harbour Road" in reading.address


@pytest.mark.parametrize("rows", [
    [("Jane Okafor", 30), ("Research Fellow", 22), ("Lumenfield Marine Engineerin", 24),
     ("12 Engineering Way", 18), ("Tarrowmere", 18), ("jane.okafor@gmail.com", 18)],
    [("Jane Okafor, Graduate Student", 24), ("Department of Marine Engineerin", 24),
     ("Engineering Building 4", 18), ("12 Harbour Road", 18), ("jane.okafor@gmail.com", 18)],
])
def test_a_company_cut_at_the_cards_edge_is_whole_from_the_word_printed_elsewhere(
        rows: list[tuple[str, float]]) -> None:
    # Given a company line whose last word lost its last letter at the card's edge, and
    # that word printed whole elsewhere on the card
    reading = read_card(card(*rows), "US")
    # Then the company's last word is whole again
    assert reading.company is not None and reading.company.endswith(" Engineering")


def test_a_cut_word_printed_nowhere_else_is_left_as_read() -> None:
    reading = read_card(card(("Jane Okafor", 30), ("Research Fellow", 22),
                             ("Lumenfield Marine Engineerin", 24), ("12 Harbour Road", 18),
                             ("jane.okafor@gmail.com", 18)), "US")
    assert reading.company == "Lumenfield Marine Engineerin"


def test_a_whole_word_is_not_lengthened_by_a_longer_word_on_the_card() -> None:
    reading = read_card(card(("Jane Okafor", 30), ("Research Fellow", 22),
                             ("Lumenfield Analytic", 24), ("Analytics Park 4", 18),
                             ("jane.okafor@gmail.com", 18)), "US")
    assert reading.company != "Lumenfield Analytics"
