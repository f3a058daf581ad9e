"""Addresses the OCR broke on photographed cards, mended only into addresses that
``email-validator`` accepts (invented cards, no OCR involved)."""

from __future__ import annotations

import pytest

from assistant.cards.fields import read_card
from assistant.cards.lines import OcrLine, clean_text


def lines(*texts: str, confidence: float = 0.95) -> list[OcrLine]:
    return [OcrLine(t, confidence, (10.0, 40.0 * i, 400.0, 40.0 * i + 30)) for i, t in
            enumerate(texts)]


def emails_of(*texts: str) -> tuple[str, ...]:
    return read_card(lines("Jane Okafor", "Sales Director", *texts), "US").emails


@pytest.mark.parametrize("read", [
    "jane.okafor®lumenfield.example",  # a registered mark for the "@"
    "jane.okafor©lumenfield.example",  # a copyright mark for the "@"
    "jane.okafor(@lumenfield.example",  # a bracket seen beside the "@"
    "jane.okafor@|lumenfield.example",  # a bar seen beside the "@"
    "E: jane.okafor@lumenfield com",  # the dot before the ending read as a space
    "jane.okafor@lumenfie|d.com",  # a small l read as a bar
])
def test_an_address_broken_by_a_misread_mark_is_mended(read: str) -> None:
    expected = "jane.okafor@lumenfield.com" if "com" in read and "example" not in read else (
        "jane.okafor@lumenfield.example")
    assert emails_of(read) == (expected,)


def test_a_host_cut_in_two_by_a_space_is_one_again() -> None:
    assert emails_of("jane.okafor@lumen field.com") == ("jane.okafor@lumenfield.com",)


def test_an_own_part_cut_in_two_inside_the_printed_name_is_one_again() -> None:
    # "Okafor" is printed on the card; the address's "oka for" is that word cut in two
    assert emails_of("jane.oka for@lumenfield.com") == ("jane.okafor@lumenfield.com",)


def test_rn_read_for_m_in_the_host_is_mended_against_the_cards_site() -> None:
    assert emails_of("jane.okafor@lurnenfield.com", "www.lumenfield.com") == (
        "jane.okafor@lumenfield.com",)


def test_rn_read_for_m_in_the_own_part_is_mended_against_the_printed_name() -> None:
    reading = read_card(lines("Emma Marsh", "Sales Director", "ernma.marsh@lumenfield.com",
                              "www.lumenfield.com"), "US")
    assert reading.emails == ("emma.marsh@lumenfield.com",)


def test_a_site_with_a_figure_for_a_letter_does_not_spoil_the_address() -> None:
    # Given an address read right beside its site with a figure one for the small l
    reading = read_card(lines("Jane Okafor", "jane.okafor@lumenfield.com",
                              "www.lumenfie1d.com"), "US")
    # Then the address keeps its letters
    assert reading.emails == ("jane.okafor@lumenfield.com",)


def test_a_mark_that_is_no_address_is_dropped_as_before() -> None:
    assert clean_text("NORTHWIND® Logistics") == "NORTHWIND Logistics"
    assert clean_text("Copyright ©2026 Lumenfield") == "Copyright ©2026 Lumenfield"
    assert clean_text("Brightvale®www.brightvale.example") == "Brightvalewww.brightvale.example"


def test_a_bar_between_the_details_of_a_row_stays_a_bar() -> None:
    reading = read_card(lines("Jane Okafor", "T +1 650 555 0139|jane@lumenfield.com"), "US")
    assert reading.emails == ("jane@lumenfield.com",)
    assert reading.phones == ("+16505550139",)


def test_an_address_spaced_where_it_is_already_whole_is_not_changed() -> None:
    # Given two addresses on one row, the second a whole address after a host without a dot
    reading = read_card(lines("Jane Okafor", "jane.okafor@lumenfield.com info@lumenfield.com"),
                        "US")
    assert set(reading.emails) == {"jane.okafor@lumenfield.com", "info@lumenfield.com"}


@pytest.mark.parametrize("read", [
    "jane.okafor(a)lumenfield.com",  # the "@" read as a small a in brackets
    "E: jane.okafor (a) lumenfield.com",  # and set apart by spaces
    "jane.okafor[a]lumenfield.com",
])
def test_an_at_read_as_a_bracketed_a_is_mended(read: str) -> None:
    assert emails_of(read) == ("jane.okafor@lumenfield.com",)


def test_a_bracketed_a_that_makes_no_address_stays_as_printed() -> None:
    card = read_card(lines("Jane Okafor", "Plan (a) and rooms (a)", "jane(a)lumenfield"),
                     "US")
    assert card.emails == ()
    assert "Plan (a) and rooms (a)" in card.lines


@pytest.mark.parametrize(("read", "address"), [
    ("jane.okafor@lumenfield.comwww.lumenfield.com", "jane.okafor@lumenfield.com"),
    ("jane.okafor@lumenfield.comhttp://lumenfield.com", "jane.okafor@lumenfield.com"),
    ("jane.okafor@lumenfield.co.ukWWW.LUMENFIELD.CO.UK", "jane.okafor@lumenfield.co.uk"),
    ("jane.okafor@lumenfield.deT:+49 30 5550 1234", "jane.okafor@lumenfield.de"),
])
def test_an_address_run_into_the_next_detail_on_its_row_ends_at_its_host(
        read: str, address: str) -> None:
    # Given an address the OCR read with the site or a phone's label glued to its end
    reading = read_card(lines("Jane Okafor", "Sales Director", read), "US")
    # Then the address ends where its host does
    assert reading.emails == (address,)


@pytest.mark.parametrize("read", [
    "infolumenfield.com",  # the "@" dropped
    "infoalumenfield.com",  # the "@" read as a small a
])
def test_an_office_address_that_lost_its_at_beside_a_misread_site_is_mended(read: str) -> None:
    # The card's site was itself misread by a letter, so the host matches no site exactly
    assert emails_of("jane@gmail.com", read, "www.lumenfie1d.com") == (
        "jane@gmail.com", "info@lumenfield.com")


def test_an_office_address_that_lost_its_at_beside_its_site_keeps_its_own_part() -> None:
    # "info" ends in an "o", a letter the OCR reads for an "@": it is the office's own part
    assert emails_of("infolumenfield.com", "www.lumenfield.com") == ("info@lumenfield.com",)


@pytest.mark.parametrize("site", ["infotech.com", "www.inf0tech.com", "salesforce.com"])
def test_a_site_that_opens_like_an_office_address_stays_a_site(site: str) -> None:
    assert emails_of(site, "www.lumenfield.com" if site == "salesforce.com" else site) == ()


def test_a_host_cut_at_its_last_dot_with_no_site_is_given_the_commonest_ending() -> None:
    assert emails_of("email:jane.okafor@lumenfield.") == ("jane.okafor@lumenfield.com",)


def test_a_host_cut_at_its_last_dot_keeps_a_site_named_on_the_card() -> None:
    assert emails_of("jane.okafor@lumenfield.", "www.lumenfield.de") == (
        "jane.okafor@lumenfield.de",)


def test_a_host_cut_after_a_second_level_label_is_not_guessed() -> None:
    assert "jane.okafor@lumenfield.co.com" not in emails_of("jane.okafor@lumenfield.co.")


@pytest.mark.parametrize("read", [
    "jane.okafor@lumenfield:com",  # the dot before the ending read as a colon
    "jane.okafor@lumenfield;com",  # as a semicolon
    "jane.okafor@lumenfield·com",  # as a middle dot
    "jane.okafor@lumenfield_com",  # as an underscore
    "jane.okafor@lumenfield-com",  # as a hyphen
    "jane.okafor.@lumenfield.com",  # a speck before the "@" read as a dot
    "jane..okafor@lumenfield.com",  # the dot of the own part read twice
    "jane.okafor@lumenfie!d.com",  # an exclamation mark for a small l
])
def test_an_address_with_a_dot_misread_as_another_mark_is_mended(read: str) -> None:
    assert emails_of(read) == ("jane.okafor@lumenfield.com",)


def test_a_hyphen_in_a_host_stays() -> None:
    assert emails_of("jane.okafor@lumen-net.com") == ("jane.okafor@lumen-net.com",)


def test_a_countrys_ending_after_a_comma_is_one_host() -> None:
    assert emails_of("jane.okafor@lumenfield.co,uk") == ("jane.okafor@lumenfield.co.uk",)


@pytest.mark.parametrize("row", ["jane.okafor@lumenfield.com|www.lumenfield.com",
                                 "jane.okafor@lumenfield.de|www.lumenfield.de"])
def test_a_bar_glued_between_an_address_and_the_site_is_no_letter(row: str) -> None:
    # Given a row "address | site" whose spaces the OCR lost
    reading = read_card(lines("Jane Okafor", "Sales Director", row), "US")
    # Then the bar parts the two: it is not an l at the end of the host
    host = row.split("|")[1].removeprefix("www.")
    assert reading.emails == (f"jane.okafor@{host}",)
    assert reading.urls == (f"https://www.{host}",)
