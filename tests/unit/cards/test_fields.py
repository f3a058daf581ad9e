"""The block reader: OCR lines with confidences to a card's fields (no OCR involved)."""

from __future__ import annotations

import pytest

from assistant.cards.fields import read_card
from assistant.cards.lines import OcrLine, join_rows
from assistant.cards.ocr import split_joined_words


def lines(*texts: str, confidence: float = 0.97) -> list[OcrLine]:
    return [OcrLine(t, confidence, (10.0, 40.0 * i, 400.0, 40.0 * i + 30)) for i, t in
            enumerate(texts)]


def test_a_card_gives_name_title_company_and_contact_details() -> None:
    # Given the lines of a typical card
    card = lines("Lumenfield Robotics Inc.", "Jane Okafor", "Head of Partnerships",
                 "T +1 650 555 0139", "jane.okafor@lumenfield.example", "www.lumenfield.example")
    # When they are read
    reading = read_card(card, "US")
    # Then every field is where it belongs
    assert reading.name == "Jane Okafor"
    assert reading.title == "Head of Partnerships"
    assert reading.company == "Lumenfield Robotics Inc."
    assert reading.emails == ("jane.okafor@lumenfield.example",)
    assert reading.phones == ("+16505550139",)
    assert reading.urls == ("https://www.lumenfield.example",)
    assert reading.doubtful == ()


def test_a_fax_number_is_never_the_contacts_phone() -> None:
    # Given a card whose fax comes first and whose mobile is labelled "Mob."
    card = lines("Lena Brandt", "Fax: +49 30 1234 5679", "Mob. +49 171 234 5678",
                 "Tel. +49 30 1234 5670")
    # When it is read
    reading = read_card(card, "DE")
    # Then the fax is kept apart and the phones are the others, in the card's order
    assert reading.faxes == ("+493012345679",)
    assert reading.phones == ("+491712345678", "+493012345670")


def test_labels_on_one_line_each_name_their_own_number() -> None:
    reading = read_card(lines("Tom Hale", "T 650.555.0139  F 650.555.0199  M 650.555.0142"))
    assert reading.phones == ("+16505550139", "+16505550142")
    assert reading.faxes == ("+16505550199",)


def test_a_value_read_with_low_confidence_is_marked_to_check() -> None:
    # Given a card whose phone line the engine was unsure of
    card = lines("Jane Okafor", "jane@lumenfield.example") + [
        OcrLine("Cell +1 650 555 0139", 0.55, (10.0, 100.0, 400.0, 130.0))]
    # When it is read
    reading = read_card(card, "US")
    # Then the phone is kept, and named as doubtful (as is the company, guessed from the
    # address's domain since no line names it)
    assert reading.phones == ("+16505550139",)
    assert reading.doubtful == (("company", "Lumenfield"), ("phone", "+16505550139"))


def test_the_name_is_the_line_the_email_address_spells() -> None:
    # Given a card with a slogan and the company in large print above the name
    card = lines("ACME WIDGETS", "Building Better Bridges", "Priya Raman", "Engineer",
                 "praman@acmewidgets.example")
    reading = read_card(card)
    assert reading.name == "Priya Raman"
    assert reading.company == "ACME WIDGETS"


def test_an_all_capitals_name_is_written_as_a_name() -> None:
    reading = read_card(lines("TOBIN ARKWRIGHT", "APPRENTICE", "DIRECT 650.555.0174"))
    assert reading.name == "Tobin Arkwright"
    assert reading.title == "APPRENTICE"
    assert reading.phones == ("+16505550174",)


def test_words_the_engine_ran_together_are_split_where_the_case_changes() -> None:
    assert split_joined_words("MarisolKettering") == "Marisol Kettering"
    assert split_joined_words("QRTLevant") == "QRT Levant"
    assert split_joined_words("Liam McArdle") == "Liam McArdle"
    assert split_joined_words("Mari.Kettering@Zelvo.com") == "Mari.Kettering@Zelvo.com"


def test_a_label_printed_beside_its_number_joins_it_on_one_row() -> None:
    # Given the label and the number as two boxes side by side, and a logo far to the right
    boxes = [OcrLine("+1 650 555 0199", 0.9, (80, 100, 300, 120)),
             OcrLine("FAX", 0.9, (20, 101, 60, 119)),
             OcrLine("ACME", 0.9, (700, 98, 800, 122))]
    # When they are joined into rows
    rows = join_rows(boxes)
    # Then the label comes first on the row; the logo stays apart
    assert sorted(r.text for r in rows) == ["ACME", "FAX +1 650 555 0199"]


@pytest.mark.parametrize("texts", [
    ("JANE OKAFOR", "jane@okafor.example", "INVESTOR RELATIONS", "OKAFOR BELL LTD."),
    ("Jane Okafor", "jane@okafor.example", "+1 650 555 0100", "Investor Relations",
     "Okafor Bell Ltd.", "12 Main St, Palo Alto CA"),
])
def test_a_title_the_layout_misses_is_read_by_the_block_labeller(texts: tuple[str, ...]) -> None:
    # Given a card whose title is not next to the name (the layout rules look there)
    lines = [OcrLine(text, 0.95, (0, 50 * i, 400, 50 * i + 40)) for i, text in enumerate(texts)]
    # When it is read, Then the trained block labeller supplies the title
    reading = read_card(lines, "US")
    assert (reading.name, reading.title) == ("Jane Okafor", texts[2] if texts[0].isupper()
                                             else "Investor Relations")
    assert reading.company is not None and reading.company.lower() == "okafor bell ltd."


def test_an_at_sign_read_as_a_letter_is_mended_against_the_cards_web_site() -> None:
    # Given an address whose "@" the OCR read as "a", and the card's web site
    card = lines("Jane Okafor", "EMAIL Jane.OkaforaLumenfield.example", "www.lumenfield.example")
    # When the card is read
    reading = read_card(card, "US")
    # Then the address is mended, its host being the web site's
    assert reading.emails == ("jane.okafor@lumenfield.example",)


def test_a_host_cut_short_is_completed_from_the_web_site_and_mail_hosts_known() -> None:
    # Given an address cut at its dot, and another whose "@" was read as "e"
    card = lines("jo@lumenfield.", "www.lumenfield.example", "E-Mail kim41everizon.net")
    # Then both are mended
    assert read_card(card, "US").emails == ("jo@lumenfield.example", "kim41@verizon.net")


def test_the_labeller_never_gives_an_address_or_a_phone_line_as_title_or_company() -> None:
    # Given a card whose only other lines are an address and labelled details
    card = lines("Jane Okafor", "123 West Main Street, Springfield, IL 62701",
                 "T: 217-555-0142 F: 217-555-0143")
    # Then neither becomes the company or the title
    reading = read_card(card, "US")
    assert reading.company is None or "Street" not in reading.company
    assert reading.title is None or "217" not in reading.title


def test_the_company_is_named_by_a_host_one_level_below_a_country_code() -> None:
    # Given a short company name and an address at a regional sub-domain
    card = lines("QRX", "Jane Okafor", "jane.okafor@eu.qrx.example", "eu.qrx.example")
    # Then the short name is the company
    assert read_card(card, "US").company == "QRX"


def test_a_logo_beside_the_name_is_not_joined_to_it() -> None:
    # Given a tall logo word printed on the name's row, and a label beside its number
    boxes = [OcrLine("ZAVRIX", 0.99, (40, 10, 300, 90)),
             OcrLine("Jane Okafor", 0.97, (330, 40, 600, 70)),
             OcrLine("MOBILE", 0.97, (330, 120, 420, 145)),
             OcrLine("+1 650 555 0139", 0.97, (440, 120, 640, 145))]
    # When rows are joined
    rows = [line.text for line in join_rows(boxes)]
    # Then the logo stays apart, the label joins its number
    assert rows == ["ZAVRIX", "Jane Okafor", "MOBILE +1 650 555 0139"]


@pytest.mark.parametrize(("row", "name", "title"), [
    ("Jane Okafor Head of Partnerships", "Jane Okafor", "Head of Partnerships"),
    ("Jane Okafor, Owner", "Jane Okafor", "Owner"),
    ("Jane Okafor Founder&CEO", "Jane Okafor", "Founder&CEO"),
])
def test_a_name_and_title_read_as_one_line_are_told_apart(row: str, name: str,
                                                          title: str) -> None:
    # Given a card whose name and title the OCR read as one line
    reading = read_card(lines(row, "jane@lumenfield.example"), "US")
    # Then the name and the title are each read
    assert (reading.name, reading.title) == (name, title)


def test_a_brand_in_capitals_before_the_name_is_not_part_of_it() -> None:
    # Given a brand word in capitals read on the name's line
    reading = read_card(lines("ZAVRIX Jane Okafor", "T +1 650 555 0139"), "US")
    # Then the name is the person's alone
    assert reading.name == "Jane Okafor"


def test_a_company_name_stays_whole() -> None:
    # Given a company whose first word is in capitals
    reading = read_card(lines("ACME Widgets Corp", "Jane Okafor"), "US")
    # Then it is not split into a brand and a name
    assert reading.company == "ACME Widgets Corp"
    assert reading.name == "Jane Okafor"


def test_the_largest_print_names_the_company_when_nothing_else_does() -> None:
    # Given a card whose company is only its logo's words, printed large
    card = [OcrLine("ZAVRIX", 0.99, (40, 10, 400, 110)),
            OcrLine("Jane Okafor", 0.97, (40, 150, 300, 180)),
            OcrLine("T +1 650 555 0139", 0.97, (40, 200, 300, 225)),
            OcrLine("Springfield, IL 62701", 0.97, (40, 240, 300, 265))]
    # Then the logo's words are the company
    assert read_card(card, "US").company == "ZAVRIX"


def test_labels_run_into_their_numbers_still_tell_phone_from_fax() -> None:
    # Given a phone and a fax read as one run, labels glued to the digits
    reading = read_card(lines("Jane Okafor", "T:650-555-0139F:650-555-0199"), "US")
    # Then the phone is read and the fax kept apart
    assert reading.phones == ("+16505550139",)
    assert reading.faxes == ("+16505550199",)


def test_a_one_letter_label_glued_to_a_number_is_read() -> None:
    # Given "t" printed against the number
    reading = read_card(lines("Jane Okafor", "t650 555-0139", "f650 555-0199"), "US")
    # Then the number is the phone, the fax apart
    assert (reading.phones, reading.faxes) == (("+16505550139",), ("+16505550199",))


@pytest.mark.parametrize("title", ["Software Engineer", "Co-Founder,VP Product", "Minister",
                                   "Customer Representatite", "Head:Product"])
def test_titles_shaped_like_names_or_misread_are_still_titles(title: str) -> None:
    # Given a card whose title is two capitalised words, run together at a comma or colon,
    # a single word, or misread by one letter
    card = lines("Jane Okafor", "jane.okafor@lumenfield.example", title)
    # When it is read
    reading = read_card(card, "US")
    # Then the title is that line (its misread letter put right) and the name the person's
    assert (reading.name, reading.title) == ("Jane Okafor",
                                             title.replace("Representatite", "Representative"))


def test_a_title_word_misread_by_one_letter_is_put_right() -> None:
    reading = read_card(lines("Jane Okafor", "Customer Representatite", "T 650 555 0139"), "US")
    assert reading.title == "Customer Representative"
    # And a shorter word that happens to be close to a title word is left as printed
    assert read_card(lines("Jane Okafor", "Research Engineer"), "US").title == "Research Engineer"


def test_a_capital_i_read_as_small_l_starts_the_name_again() -> None:
    reading = read_card(lines("lan Thornbury", "Hardware Engineer", "Cambridge,UK"), "US")
    assert reading.name == "Ian Thornbury"


def test_a_title_and_a_labelled_number_on_one_row_are_read_apart() -> None:
    reading = read_card(lines("Jane Okafor", "Visiting Scholar Phone:1.650.555.0139"), "US")
    assert (reading.title, reading.phones) == ("Visiting Scholar", ("+16505550139",))


def test_degrees_and_a_zero_for_an_o_are_read() -> None:
    reading = read_card(lines("MARK D. OKAFOR, D.M.D.", "mark@lumenfield.example"), "US")
    assert reading.name == "Mark D. Okafor"
    reading = read_card(lines("Jane Okafor, 0wner", "T 650 555 0139"), "US")
    assert (reading.name, reading.title) == ("Jane Okafor", "Owner")


@pytest.mark.parametrize(("printed", "address"), [
    ("Ejokafor@lumenfield.example", "jokafor@lumenfield.example"),
    ("MAILjo.okafor@lumenfield.example", "jo.okafor@lumenfield.example"),
    ("Emma@lumenfield.example", "emma@lumenfield.example"),
    ("jo@lumenfield.tom", "jo@lumenfield.com"),
    ("jo@lumenfield", "jo@lumenfield.example"),
])
def test_labels_glued_to_an_address_and_misread_endings_are_mended(printed: str,
                                                                    address: str) -> None:
    # Given an address with a label run into it, a misread ending or a host cut short
    reading = read_card(lines("Jo Okafor", printed, "www.lumenfield.example"), "US")
    # Then the address is the person's, a name that starts with E kept whole
    assert reading.emails == (address,)


def test_an_address_host_misread_is_the_web_sites_when_the_site_reads_surer() -> None:
    # Given an address whose host lost a letter, and the web site read with more confidence
    card = [OcrLine("Jo Okafor", 0.97, (10, 0, 300, 30)),
            OcrLine("jo@lumenfeld.example", 0.90, (10, 40, 300, 70)),
            OcrLine("www.lumenfield.example", 0.99, (10, 80, 300, 110)),
            OcrLine("Emailkim@lumenfield.example", 0.95, (10, 120, 300, 150))]
    # Then the address takes the site's host, and a glued "Email" label is taken off
    assert read_card(card, "US").emails == ("jo@lumenfield.example", "kim@lumenfield.example")


def test_an_address_is_not_moved_to_a_site_read_less_surely() -> None:
    card = [OcrLine("jo@lumenfield.example", 0.99, (10, 40, 300, 70)),
            OcrLine("www.lumenfeld.example", 0.80, (10, 80, 300, 110)),
            OcrLine("mailroom@lumenfield.example", 0.99, (10, 120, 300, 150))]
    assert read_card(card, "US").emails == ("jo@lumenfield.example",
                                            "mailroom@lumenfield.example")


def test_a_title_keeps_its_head_without_the_area_after_the_comma() -> None:
    reading = read_card(lines("Jane Okafor", "Sales Director, Middle East", "T 650 555 0139"),
                        "US")
    assert reading.title == "Sales Director"


def test_a_title_and_its_school_on_one_line_are_read_apart() -> None:
    reading = read_card(lines("Jane Okafor", "Music Teacher, Lumenfield High School",
                              "T 650 555 0139"), "US")
    assert (reading.title, reading.company) == ("Music Teacher", "Lumenfield High School")


def test_a_title_in_large_print_is_not_taken_for_the_logo() -> None:
    card = [OcrLine("Jane Okafor", 0.97, (40, 10, 300, 40)),
            OcrLine("Senior Vice President", 0.97, (40, 60, 600, 160)),
            OcrLine("T +1 650 555 0139", 0.97, (40, 200, 300, 225)),
            OcrLine("Springfield, IL 62701", 0.97, (40, 240, 300, 265))]
    reading = read_card(card, "US")
    assert reading.company != "Senior Vice President"


@pytest.mark.parametrize("row", ["+44·20 7946 0000", "+44 · 20 7946 0000", "+44•20 7946 0000"])
def test_a_mark_read_after_a_countrys_code_keeps_the_number_whole(row: str) -> None:
    # Given a number whose space after the country's code the OCR read as a middle dot
    reading = read_card(lines("Jane Okafor", "Sales Director", row), "US")
    # Then it is the number of that country, not a national number of the owner's region
    assert reading.phones == ("+442079460000",)


def test_a_mark_between_two_numbers_still_parts_them() -> None:
    reading = read_card(lines("Jane Okafor", "T +44 20 7946 0000 · +44 7700 900000"), "US")
    assert reading.phones == ("+442079460000", "+447700900000")
