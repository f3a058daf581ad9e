"""How cards are laid out: companies in logos and domains, titles, keypad numbers, broken
addresses (invented cards; no card of the benchmark's)."""

from __future__ import annotations

import pytest

from assistant.cards.fields import read_card
from assistant.cards.lines import OcrLine


def lines(*texts: str, confidence: float = 0.97) -> list[OcrLine]:
    return [OcrLine(t, confidence, (10.0, 40.0 * i, 400.0, 40.0 * i + 30)) for i, t in
            enumerate(texts)]


def test_a_logo_word_misread_by_a_letter_still_names_the_company_by_its_domain() -> None:
    # Given a logo word the OCR or the domain's owner spelt a letter apart from the domain
    card = lines("ZELVARA", "Jane Okafor", "Chief Operating Officer",
                 "Email: jane@zelvora.example", "Phone: 650-555-0139")
    # Then the logo word is the company
    assert read_card(card, "US").company == "ZELVARA"


def test_a_logo_read_as_two_lines_is_one_company_when_together_they_spell_the_domain() -> None:
    # Given a logo "QUANTO" in large print above "WORKS" in small print
    card = [OcrLine("QUANTO", 0.99, (40, 10, 300, 90)),
            OcrLine("WORKS", 0.95, (40, 95, 300, 115)),
            OcrLine("Jane Okafor", 0.97, (40, 150, 300, 175)),
            OcrLine("Managing Director Quanto Works", 0.97, (40, 180, 400, 200)),
            OcrLine("jane@quantoworks.example", 0.97, (40, 210, 300, 230)),
            OcrLine("www.quantoworks.example", 0.97, (40, 240, 300, 260))]
    reading = read_card(card, "US")
    # Then the company is both lines, and the title line loses the company after the title
    assert reading.company == "QUANTO WORKS"
    assert reading.title == "Managing Director"


def test_a_company_name_goes_on_to_a_line_that_starts_with_a_joining_word() -> None:
    card = lines("Institute for Applied Glass Sciences", "and Optical Engineering",
                 "Jane Okafor", "Research Fellow", "jane@iagse.example")
    assert read_card(card, "US").company == (
        "Institute for Applied Glass Sciences and Optical Engineering")


@pytest.mark.parametrize("company", ["Timber Trade Association", "Timber Trade Bureau"])
def test_a_logo_word_in_the_same_print_right_above_the_company_is_part_of_it(
        company: str) -> None:
    # Given "Nordic" printed above the rest of the company's name in the same size,
    # right-aligned (named by an organisation word, or only by its large print)
    card = [OcrLine("Nordic", 0.99, (150, 100, 230, 135)),
            OcrLine(company, 0.97, (20, 130, 230, 165)),
            OcrLine("Jane Okafor", 0.97, (350, 130, 510, 150)),
            OcrLine("Export Assistant", 0.97, (350, 152, 510, 170)),
            OcrLine("jane.okafor@ntta.example", 0.97, (300, 200, 510, 220))]
    assert read_card(card, "US").company == f"Nordic {company}"


@pytest.mark.parametrize("printed", ["BRICKSGMORTAR", "BRICKS GMORTAR", "BRICKS8MORTAR"])
def test_an_ampersand_read_as_a_letter_is_put_back_where_the_domain_parts_the_words(
        printed: str) -> None:
    card = lines("Jane Okafor", "partner", printed, "jane@bricks-mortar.example",
                 "bricks-mortar.example")
    assert read_card(card, "US").company in {"BRICKS&MORTAR", "BRICKS & MORTAR"}


def test_a_line_ending_in_a_legal_form_is_a_company() -> None:
    # Given a company whose only sign is its legal form (Italian S.p.A.)
    card = lines("Jane Okafor", "Export Manager", "Ferraro Vetri S.p.A.",
                 "T +39 02 1234 5678")
    assert read_card(card, "IT").company == "Ferraro Vetri S.p.A."


def test_a_town_before_its_postcode_and_a_degree_are_never_the_company() -> None:
    town = read_card(lines("Jane Okafor", "cake-maker-in-chief", "jane@lumenfield.example",
                           "12 N. Garden Avenue", "Mill Valley California 94941"), "US")
    assert town.company != "Mill Valley California"
    degree = read_card(lines("Ph: 650-555-0142", "JANE T. OKAFOR, D.D.S.",
                             "Family Dentistry", "Saturdays too"), "US")
    assert degree.company not in {"D.D.S.", "DDS"}


def test_a_comma_read_as_a_period_after_a_title_parts_the_title_from_the_area() -> None:
    reading = read_card(lines("Jane Okafor", "SALES DIRECTOR.NORTHERN EUROPE",
                              "jane@lumenfield.example"), "US")
    assert reading.title == "SALES DIRECTOR"


def test_a_number_spelt_on_the_keypad_is_the_phone() -> None:
    reading = read_card(lines("Jane Okafor", "Phone: 1-800-FLOWERZ", "jane@x-flowers.example"),
                        "US")
    assert reading.phones == ("+18003569379",)


def test_a_word_of_letters_like_figures_after_a_number_is_not_read_as_figures() -> None:
    reading = read_card(lines("Jane Okafor", "+44 20 7946 0958 Old Kent Road"), "GB")
    assert reading.phones == ("+442079460958",)


def test_lettering_read_unsurely_is_not_taken_for_the_logo() -> None:
    card = [OcrLine("XWLIHN", 0.60, (40, 10, 400, 110)),
            OcrLine("Jane Okafor", 0.97, (40, 150, 300, 180)),
            OcrLine("Cell 650.555.0139", 0.97, (40, 200, 300, 225))]
    assert read_card(card, "US").company != "XWLIHN"


def test_an_address_host_cut_in_its_last_label_is_completed() -> None:
    reading = read_card(lines("Jane Okafor", "email:jane.okafor@lumenfield.c"), "US")
    assert reading.emails == ("jane.okafor@lumenfield.com",)


def test_an_address_host_with_letters_the_ocr_confuses_is_the_web_sites() -> None:
    # Given the address read as surely as the site, but with an i for the site's l
    card = [OcrLine("Jane Okafor", 0.97, (10, 0, 300, 30)),
            OcrLine("jane@lumenfieid.example", 0.98, (10, 40, 300, 70)),
            OcrLine("www.lumenfield.example", 0.97, (10, 80, 300, 110))]
    assert read_card(card, "US").emails == ("jane@lumenfield.example",)


def test_two_addresses_that_agree_on_a_host_keep_it_against_a_misread_site() -> None:
    card = [OcrLine("Jane Okafor", 0.97, (10, 0, 300, 30)),
            OcrLine("jane@lumenfield.example", 0.88, (10, 40, 300, 70)),
            OcrLine("info@lumenfield.example", 0.95, (10, 80, 300, 110)),
            OcrLine("www.iumenfield.example", 0.94, (10, 120, 300, 150))]
    assert read_card(card, "US").emails == ("jane@lumenfield.example",
                                            "info@lumenfield.example")


def test_a_title_that_names_the_company_as_its_object_keeps_it() -> None:
    card = lines("Jane Okafor", "Head of Quanto Works", "jane@quantoworks.example")
    assert read_card(card, "US").title == "Head of Quanto Works"


def test_an_address_cut_before_the_at_sign_is_completed_from_the_name_read_surer() -> None:
    card = [OcrLine("Jane Okafor-Bellamy", 0.95, (10, 0, 300, 30)),
            OcrLine("jane.bellam@lumenfield.example", 0.85, (10, 40, 300, 70))]
    assert read_card(card, "US").emails == ("jane.bellamy@lumenfield.example",)


def test_an_address_with_a_figure_for_a_letter_of_the_name_is_mended() -> None:
    card = [OcrLine("Jane Okafor", 0.97, (10, 0, 300, 30)),
            OcrLine("jane.okaf0r@lumenfield.example", 0.90, (10, 40, 300, 70))]
    assert read_card(card, "US").emails == ("jane.okafor@lumenfield.example",)


def test_an_address_read_more_surely_than_the_name_is_kept() -> None:
    card = [OcrLine("Jane Okafor", 0.80, (10, 0, 300, 30)),
            OcrLine("jane.okaf@lumenfield.example", 0.99, (10, 40, 300, 70))]
    assert read_card(card, "US").emails == ("jane.okaf@lumenfield.example",)


def test_a_brand_word_that_is_the_domain_before_the_name_is_not_part_of_it() -> None:
    card = lines("LUMENFIELD JANE OKAFOR", "Admissions Adviser", "LUMENFIELD COLLEGE",
                 "okafor@lumenfield.edu")
    assert read_card(card, "US").name == "Jane Okafor"


def test_a_given_name_on_its_own_line_above_the_family_name_joins_it() -> None:
    # Given a given name few lists know, above the family name in the same large print,
    # and an address made of the initials
    card = [OcrLine("ZELIANE", 0.99, (40, 10, 300, 50)),
            OcrLine("DE VARGUY", 0.97, (40, 55, 300, 98)),
            OcrLine("partner", 0.97, (40, 120, 200, 140)),
            OcrLine("zdv@quantoworks.example", 0.97, (40, 150, 300, 170))]
    assert read_card(card, "US").name == "Zeliane De Varguy"


def test_a_name_read_on_one_row_with_the_street_beside_it_is_the_name() -> None:
    card = lines("Dipl.-Ing.Jonas Wendler Kastanienweg12", "04109 Leipzig", "Glass Technologist",
                 "wendler@lumenfield.example")
    assert read_card(card, "DE").name == "Jonas Wendler"


@pytest.mark.parametrize("title", ["Building Manager", "Floor Supervisor"])
def test_a_title_with_a_word_of_addresses_is_still_the_title(title: str) -> None:
    reading = read_card(lines("Jane Okafor", title, "jane@lumenfield.example",
                              "12 Main Street, Springfield"), "US")
    assert reading.title == title
    assert reading.address == "12 Main Street, Springfield"


def test_an_address_host_misspelling_the_logo_by_a_letter_is_put_right() -> None:
    # Given no web site on the card, the logo read surely, the address host a letter off
    card = [OcrLine("Jane Okafor", 0.97, (10, 0, 300, 30)),
            OcrLine("partner", 0.97, (10, 40, 300, 70)),
            OcrLine("+971 50 123 4567 jane@bricks-nortar.example", 0.90, (10, 80, 300, 110)),
            OcrLine("BRICKS GMORTAR", 0.95, (10, 120, 300, 150))]
    reading = read_card(card, "AE")
    assert reading.emails == ("jane@bricks-mortar.example",)


def test_an_address_host_that_is_the_web_sites_is_not_respelled_after_the_logo() -> None:
    card = [OcrLine("Jane Okafor", 0.97, (10, 0, 300, 30)),
            OcrLine("LUMENFIELD", 0.99, (10, 40, 300, 70)),
            OcrLine("jane@lumenfie1d.example", 0.90, (10, 80, 300, 110)),
            OcrLine("www.lumenfie1d.example", 0.90, (10, 120, 300, 150))]
    assert read_card(card, "US").emails == ("jane@lumenfie1d.example",)


def test_with_no_line_naming_it_the_company_is_guessed_from_the_domain_and_marked() -> None:
    reading = read_card(lines("Jane Okafor", "cake-maker-in-chief", "t 650.555.0139",
                              "info@bakedfreshdaily.example"), "US")
    assert reading.company == "Baked Fresh Daily"
    assert ("company", "Baked Fresh Daily") in reading.doubtful
    short = read_card(lines("Jane Okafor", "jane@qrx.example"), "US")
    assert short.company == "QRX"
    free = read_card(lines("Jane Okafor", "jane.okafor@gmail.com"), "US")
    assert free.company is None


def test_a_web_site_whose_ending_was_misread_is_read() -> None:
    reading = read_card(lines("Jane Okafor", "lumenfield.c0m·650.555.0139"), "US")
    assert reading.urls == ("https://lumenfield.com",)


@pytest.mark.parametrize("printed", [
    "jane. okafor@lumenfield.example", "E-mail: jane.okafor @ lumenfield.example",
    "jane_ okafor@lumenfield.example",
])
def test_spaces_the_ocr_put_into_an_address_are_taken_out(printed: str) -> None:
    reading = read_card(lines("Jane Okafor", printed), "US")
    assert reading.emails[0].replace("_", ".") == "jane.okafor@lumenfield.example"


@pytest.mark.parametrize("printed", ["jane.okafor@lumenfield,com", "jane.okafor@lumenfield. com"])
def test_a_comma_or_a_space_for_the_dot_before_the_ending_is_mended(printed: str) -> None:
    assert read_card(lines("Jane Okafor", printed), "US").emails == (
        "jane.okafor@lumenfield.com",)


def test_a_figure_before_an_address_or_a_word_after_it_stays_apart() -> None:
    reading = read_card(lines("Jane Okafor", "Contact. jane@lumenfield.example, de Paris"),
                        "FR")
    assert reading.emails == ("jane@lumenfield.example",)


def test_a_mail_host_misread_by_letters_the_ocr_confuses_is_the_mail_host() -> None:
    assert read_card(lines("Jane Okafor", "jane.okafor@gmaii.com"), "US").emails == (
        "jane.okafor@gmail.com",)


def test_an_organisation_word_alone_goes_on_to_the_lines_set_flush_below_it() -> None:
    # Given "Institut" above the rest of the institute's name, flush left, in the same size,
    # and the name and address in a column beside
    card = [OcrLine("Institut", 0.97, (500, 160, 600, 190)),
            OcrLine("Glasforschung", 0.97, (502, 194, 760, 224)),
            OcrLine("Ernst-Abbe-Institut", 0.97, (501, 228, 800, 258)),
            OcrLine("Jonas Wendler", 0.97, (40, 320, 300, 350)),
            OcrLine("Glass Technologist", 0.97, (40, 356, 300, 386)),
            OcrLine("04109 Leipzig", 0.97, (500, 356, 700, 386))]
    assert read_card(card, "DE").company == "Institut Glasforschung Ernst-Abbe-Institut"


def test_a_slogan_in_smaller_print_under_the_company_is_not_part_of_it() -> None:
    card = [OcrLine("Lumenfield Group", 0.97, (40, 10, 400, 50)),
            OcrLine("Building Better Bridges", 0.97, (40, 52, 300, 70)),
            OcrLine("Jane Okafor", 0.97, (40, 120, 300, 150))]
    assert read_card(card, "US").company == "Lumenfield Group"


@pytest.mark.parametrize(("texts", "title", "company"), [
    (("Lumenfield Marketing Group", "Jane Okafor", "Account Executive",
      "jane@lumenfield.example"), "Account Executive", "Lumenfield Marketing Group"),
    (("Jane Okafor", "Sales Manager", "Quanto Sales Inc.", "T 650 555 0139"),
     "Sales Manager", "Quanto Sales Inc."),
    (("Jane Okafor", "Group Leader", "Lumenfield Labs", "jane@lumenfield.example"),
     "Group Leader", "Lumenfield Labs"),
])
def test_a_company_line_with_a_trade_word_is_not_taken_for_the_title(
        texts: tuple[str, ...], title: str, company: str) -> None:
    reading = read_card(lines(*texts), "US")
    assert (reading.title, reading.company) == (title, company)


@pytest.mark.parametrize("printed", ["JANE GREENFIELD", "Jane Brightwell"])
def test_a_family_name_made_of_two_common_words_stays_whole(printed: str) -> None:
    reading = read_card(lines(printed, "Account Executive", "jane@lumenfield.example"), "US")
    assert reading.name in {"Jane Greenfield", "Jane Brightwell"}


def test_a_three_word_name_keeps_its_words() -> None:
    assert read_card(lines("Mary Ann Smith", "Director"), "US").name == "Mary Ann Smith"


@pytest.mark.parametrize("printed", [
    "jane.okafor@lumenfield .com", "jane.okafor@lumenfield . com",
    "jane.okafor (at) lumenfield.com", "jane.okafor[at]lumenfield[dot]com",
    "jane.okafor@lumenfieldcom",
])
def test_an_address_with_a_space_before_its_dot_a_written_at_or_a_lost_dot_is_mended(
        printed: str) -> None:
    assert read_card(lines("Jane Okafor", printed), "US").emails == (
        "jane.okafor@lumenfield.com",)


def test_an_address_host_that_lost_its_dot_is_the_web_sites() -> None:
    reading = read_card(lines("Jane Okafor", "jane@lumenfieldcouk", "www.lumenfield.co.uk"),
                        "GB")
    assert reading.emails == ("jane@lumenfield.co.uk",)


@pytest.mark.parametrize("rows", [("jane.okafor@", "lumenfield.example"),
                                  ("E-mail: jane.okafor", "@lumenfield.example")])
def test_an_address_read_as_two_lines_cut_at_its_at_sign_is_one_again(
        rows: tuple[str, str]) -> None:
    reading = read_card(lines("Jane Okafor", "Account Executive", *rows, "T 650 555 0139"),
                        "US")
    assert reading.emails == ("jane.okafor@lumenfield.example",)
    assert reading.phones == ("+16505550139",)


def test_a_word_at_the_end_of_a_line_is_not_joined_to_a_web_site_below() -> None:
    reading = read_card(lines("Jane Okafor", "Lumenfield", "www.lumenfield.example"), "US")
    assert reading.emails == ()
    assert reading.urls == ("https://www.lumenfield.example",)


def test_a_slogan_with_a_trade_word_is_never_the_company() -> None:
    reading = read_card(lines("Smart Solutions for your business", "Jane Okafor",
                              "Account Executive", "jane.okafor@gmail.com"), "US")
    assert reading.company is None


def test_a_slogan_does_not_outweigh_the_company_line() -> None:
    reading = read_card(lines("Trusted Logistics Solutions for your supply chain",
                              "Jane Okafor", "Account Executive", "Brightwater Freight",
                              "jane.okafor@brightwaterfreight.example"), "US")
    assert reading.company == "Brightwater Freight"


def test_the_title_is_the_one_printed_beside_the_name() -> None:
    # Given an office's name with a title word at the top and the title under the name
    reading = read_card(lines("Office of the Director", "Lakeside Museum", "Jane Okafor",
                              "Head Curator", "jane@lakesidemuseum.example"), "US")
    assert (reading.name, reading.title) == ("Jane Okafor", "Head Curator")


@pytest.mark.parametrize(("row", "company", "address"), [
    ("Brightwater Freight Inc., 120 Main Street, Austin, TX 78701", "Brightwater Freight Inc.",
     "120 Main Street, Austin, TX 78701"),
    ("Brightwater Freight GmbH · Hafenstraße 12 · 20457 Hamburg", "Brightwater Freight GmbH",
     "Hafenstraße 12 · 20457 Hamburg"),
    ("Brightwater Freight Ltd - 12 High Street, London W1 2AB", "Brightwater Freight Ltd",
     "12 High Street, London W1 2AB"),
])
def test_a_company_printed_before_its_address_on_one_row_is_read_apart(
        row: str, company: str, address: str) -> None:
    reading = read_card(lines("Jane Okafor", "Account Executive", row, "jane@gmail.com"), "US")
    assert (reading.company, reading.address) == (company, address)


def test_a_town_before_its_street_on_one_row_is_still_an_address() -> None:
    reading = read_card(lines("Jane Okafor", "Account Executive",
                              "Mill Valley, 120 Main Street", "jane@gmail.com"), "US")
    assert reading.company is None


@pytest.mark.parametrize("office", ["info", "sales", "kontakt", "contacto"])
def test_the_persons_address_comes_before_the_offices(office: str) -> None:
    reading = read_card(lines("Jane Okafor", "Account Executive",
                              f"{office}@brightwater.example", "jane.okafor@brightwater.example"),
                        "US")
    assert reading.emails == ("jane.okafor@brightwater.example", f"{office}@brightwater.example")


def test_a_title_by_its_words_outweighs_a_line_with_a_word_like_a_misread_title() -> None:
    reading = read_card(lines("Brightwater", "Presdent Circle", "Jane Okafor",
                              "Account Executive", "jane@brightwater.example"), "US")
    assert reading.title == "Account Executive"


@pytest.mark.parametrize("printed", ["E-mail: jane.okaforabrightwater.com",
                                     "EMAIL Jane.OkaforaBrightwater.com",
                                     "jokafor©brightwater.com"])
def test_an_at_sign_read_as_a_letter_after_the_names_own_part_is_mended(printed: str) -> None:
    reading = read_card(lines("Jane Okafor", "Account Executive", printed), "US")
    assert reading.emails[0].split("@")[1] == "brightwater.com"
    assert reading.emails[0].split("@")[0] in {"jane.okafor", "jokafor"}
    assert reading.urls == ()
    assert reading.company == "Bright Water"  # guessed from the domain


@pytest.mark.parametrize("printed", ["okaforandsons.com", "www.janeokaforagency.com"])
def test_a_web_site_named_after_the_person_stays_a_web_site(printed: str) -> None:
    reading = read_card(lines("Jane Okafor", "Account Executive", printed), "US")
    assert reading.emails == ()
    assert len(reading.urls) == 1


@pytest.mark.parametrize("printed", ["infoabrightwater.com", "infosbrightwater.com"])
def test_an_address_that_lost_its_at_sign_takes_the_host_of_an_address_read_whole(
        printed: str) -> None:
    reading = read_card(lines("Jane Okafor", "Account Executive",
                              "jane.okafor@brightwater.com", printed), "US")
    assert reading.emails == ("jane.okafor@brightwater.com", "info@brightwater.com")
    assert reading.urls == ()


@pytest.mark.parametrize("printed", ["jane .okafor@lumenfield.example",
                                     "jane,okafor@lumenfield.example",
                                     "jane.okafor@@lumenfield.example",
                                     "jane.okafor@lumenfield..example"])
def test_a_dot_or_an_at_sign_the_ocr_spaced_doubled_or_read_as_a_comma_is_mended(
        printed: str) -> None:
    assert read_card(lines("Jane Okafor", printed), "US").emails == (
        "jane.okafor@lumenfield.example",)


def test_a_name_and_a_comma_before_an_address_stay_apart() -> None:
    # Given a capitalised name before a comma: no address's own part
    reading = read_card(lines("Jane Okafor", "Okafor,jane@lumenfield.example"), "US")
    assert reading.emails == ("jane@lumenfield.example",)


def test_a_logo_set_in_spaced_letters_is_read_as_its_word() -> None:
    card = [OcrLine("K E S T R E L", 0.95, (40, 10, 400, 80)),
            OcrLine("Tomas Berg", 0.97, (40, 120, 300, 150)),
            OcrLine("Sales Director", 0.97, (40, 160, 300, 190)),
            OcrLine("tomas.berg@kestrel.example", 0.97, (40, 200, 400, 230))]
    assert read_card(card, "SE").company == "KESTREL"
    # words set two spaces apart stay two words
    card[0] = OcrLine("K E S T R E L  L O G I S T I C S", 0.95, (40, 10, 600, 80))
    assert read_card(card, "SE").company == "KESTREL LOGISTICS"


def test_a_line_holding_the_domain_among_other_words_is_the_company() -> None:
    # Given the company named by the domain among its words, and a body the card belongs to
    card = lines("Quinta do Miravel", "Ana Souto", "Winemaker", "ana.souto@miravel.example",
                 "Member of the Douro Wine Association")
    assert read_card(card, "PT").company == "Quinta do Miravel"
    # an article and a legal form around the domain's words
    card = lines("Ana Souto", "Winemaker", "The Miravel Estate Ltd", "ana@miravelestate.example",
                 "Member of the Douro Wine Association")
    assert read_card(card, "GB").company == "The Miravel Estate Ltd"


def test_a_logo_that_spells_the_domain_alone_is_preferred_to_the_legal_name_holding_it() -> None:
    card = lines("MIRAVEL", "Ana Souto", "Winemaker", "Vinhos Miravel Lda",
                 "ana@miravel.example")
    assert read_card(card, "PT").company == "MIRAVEL"


def test_a_company_word_the_splitter_set_apart_is_whole_as_printed() -> None:
    # Given the company printed as one word the word splitter knows as two ("BRIGHT STONE")
    card = lines("BRIGHTSTONE", "Paul Meyer", "Chief Financial Officer",
                 "p.meyer@brightstone.example")
    assert read_card(card, "DE").company == "BRIGHTSTONE"
    # and a company guessed from the domain keeps the words the card prints whole
    card = lines("Jane Okafor", "Northwind Trading · 12 Harbour Road · Leeds",
                 "jane@northwindtrading.example")
    assert read_card(card, "GB").company == "Northwind Trading"


def test_with_no_own_domain_the_brand_in_capitals_on_top_is_the_company() -> None:
    card = lines("NORTHWIND", "Jane Okafor", "Export Manager", "jane.okafor@gmail.com")
    reading = read_card(card, "GB")
    assert reading.company == "NORTHWIND"
    assert ("company", "NORTHWIND") in reading.doubtful  # a guess, to be checked
    # a name in capitals on top is the name, not a brand
    named = read_card(lines("JANE OKAFOR", "Export Manager", "jane.okafor@gmail.com"), "GB")
    assert named.company is None


@pytest.mark.parametrize("mark", ["|", "·", "•", "–"])
def test_a_title_set_beside_the_name_after_a_bar_or_dot_keeps_no_mark(mark: str) -> None:
    reading = read_card(lines(f"Jane Okafor {mark} Partner", "Okafor & Daniels LLP",
                              "jane@okafordaniels.example"), "GB")
    assert reading.name == "Jane Okafor"
    assert reading.title == "Partner"


def test_a_title_whose_field_goes_on_to_the_line_flush_below_is_one_title() -> None:
    card = [OcrLine("Jane Okafor", 0.97, (40, 10, 300, 50)),
            OcrLine("Director of Business", 0.97, (40, 60, 300, 85)),
            OcrLine("Development", 0.97, (40, 88, 200, 113)),
            OcrLine("Lumenfield Inc.", 0.97, (40, 140, 260, 165)),
            OcrLine("jane@lumenfield.example", 0.97, (40, 180, 320, 205))]
    reading = read_card(card, "US")
    assert reading.title == "Director of Business Development"
    assert reading.company == "Lumenfield Inc."
    # a company set below the title is not taken into it
    card[2] = OcrLine("Lumenfield Group", 0.97, (40, 88, 260, 113))
    del card[3]
    reading = read_card(card, "US")
    assert reading.title == "Director of Business"
    assert reading.company == "Lumenfield Group"
    # nor a brand of no common word
    card[2] = OcrLine("Zelvora", 0.97, (40, 88, 160, 113))
    assert read_card(card, "US").title == "Director of Business"


@pytest.mark.parametrize("printed", ["jane.okafor&lumenfield.example",
                                     "jane.okafor®lumenfield.example"])
def test_an_at_sign_read_as_an_ampersand_or_a_mark_is_mended_beside_the_site(
        printed: str) -> None:
    reading = read_card(lines("Jane Okafor", printed, "www.lumenfield.example"), "US")
    assert reading.emails == ("jane.okafor@lumenfield.example",)


def test_a_capital_i_read_as_a_small_l_at_a_words_start_is_put_back() -> None:
    # Given an organisation whose "Institute" the OCR read as "lnstitute"
    card = lines("Torvane lnstitute of Marine Studies", "Dana Whitlow", "Research Fellow",
                 "dana.whitlow@torvane-ims.example", "+1 650 555 0142")
    reading = read_card(card, "US")
    # Then the company is the institute, spelt right, and the address is untouched
    assert reading.company == "Torvane Institute of Marine Studies"
    assert reading.emails == ("dana.whitlow@torvane-ims.example",)


def test_a_name_starting_with_a_small_l_is_not_changed() -> None:
    # Given words that do start with a small l (a lowercase word, an address, "ltd")
    card = lines("Quillon Freight ltd", "Lena Marsh", "Logistics Planner",
                 "lmarsh@quillon.example", "+1 650 555 0143")
    reading = read_card(card, "US")
    assert reading.emails == ("lmarsh@quillon.example",)
    assert reading.name == "Lena Marsh"


def test_a_company_glued_to_its_address_by_a_middle_dot_is_read_apart() -> None:
    # Given a logo of initials and, at the foot, the legal name glued to the street by a dot
    card = [OcrLine("KAP", 0.99, (40, 10, 200, 100)),
            OcrLine("Noor Vellacott", 0.97, (40, 150, 300, 180)),
            OcrLine("Office Manager", 0.97, (40, 185, 300, 205)),
            OcrLine("noor.vellacott@kestrelanalytics.example", 0.97, (400, 150, 800, 175)),
            OcrLine("Kestrel Analytics Partners,Ltd·170 Juniper Lane", 0.97, (40, 400, 700, 425)),
            OcrLine("Springfield, IL 62704", 0.97, (40, 430, 400, 455))]
    # Then the company is the legal name, not the initials nor the street
    assert read_card(card, "US").company == "Kestrel Analytics Partners,Ltd"


def test_an_organisation_name_set_over_two_lines_is_read_whole() -> None:
    # Given an institute's name broken after "Applied", the rest flush below in the same print
    card = [OcrLine("Institute for Applied", 0.99, (60, 44, 420, 84)),
            OcrLine("Seabed Acoustics", 0.99, (61, 93, 340, 131)),
            OcrLine("Leonie Faraway", 0.99, (60, 219, 380, 270)),
            OcrLine("Research Scientist", 0.99, (60, 274, 340, 303)),
            OcrLine("leonie.faraway@seabed-acoustics.example", 0.99, (60, 452, 600, 484))]
    # Then the company is both lines
    assert read_card(card, "US").company == "Institute for Applied Seabed Acoustics"


def test_a_name_beside_a_phone_whose_label_is_glued_to_it_is_read_apart() -> None:
    # Given a name the OCR read on one line with the other column's "Office+44 ..."
    card = lines("Dorian Faraway Office+44 20 7946 0712", "Regional Sales Director",
                 "Cell +44 161 496 0056", "dorian.faraway@nimbra.example", "Nimbra Software Ltd")
    reading = read_card(card, "GB")
    # Then the name is the name alone and the office number is the first phone
    assert reading.name == "Dorian Faraway"
    assert reading.phones[0] == "+442079460712"


@pytest.mark.parametrize("shop", ["Brisa Bakery", "Velmont Plumbing & Heating",
                                  "Mossbank Landscaping", "Corvana Hair Salon"])
def test_a_small_business_named_by_its_trade_is_the_company_beside_a_free_mail_address(
        shop: str) -> None:
    # Given a shop's card whose address is at a free mail host, spelling the shop's name
    local = "".join(ch for ch in shop.lower() if ch.isalnum())
    card = lines("Imogen Ashdown", "Owner", shop, "(212) 555-0134", f"{local}@gmail.com")
    reading = read_card(card, "US")
    # Then the shop is the company and the person the name
    assert reading.company == shop
    assert reading.name == "Imogen Ashdown"


def test_a_title_with_a_letter_lost_before_the_organisations_name_is_the_title() -> None:
    # Given a title whose "Director" lost its r, printed before the organisation's name
    card = lines("KESTREL CENTRE", "Global standards for coastal partnerships",
                 "Saskia Lindqvist", "Managing Diector Kestrel Centre", "+1 650 555 0147",
                 "saskia@kestrelcentre.example")
    reading = read_card(card, "US")
    # Then the title is read, put right, without the organisation's name
    assert reading.title == "Managing Director"
    assert reading.company == "KESTREL CENTRE"
