"""The company cross-checked with the card's own mail or web domain (invented cards, no OCR
involved)."""

from __future__ import annotations

from assistant.cards.fields import read_card
from assistant.cards.lines import OcrLine


def lines(*texts: str, first: float = 0.95) -> list[OcrLine]:
    """The first line in large print (a logo), read with confidence ``first``."""
    return [OcrLine(t, first if i == 0 else 0.95,
                    (10.0, 40.0 * i, 400.0, 40.0 * i + (70 if i == 0 else 30)))
            for i, t in enumerate(texts)]


def test_a_logo_misread_by_letters_the_ocr_confuses_is_spelt_as_its_domain() -> None:
    reading = read_card(lines("LUMENFlELD", "Jane Okafor", "Sales Director",
                              "jane.okafor@lumenfield.example"), "US")
    assert reading.company == "LUMENFIELD"


def test_a_figure_read_for_a_letter_of_a_short_logo_is_spelt_as_its_domain() -> None:
    reading = read_card(lines("0RBIT", "Jane Okafor", "Sales Director",
                              "jane.okafor@orbit.example"), "US")
    assert reading.company == "ORBIT"


def test_rn_read_for_m_in_the_company_is_mended_by_the_domain() -> None:
    reading = read_card(lines("Lurnenfield Robotics", "Jane Okafor", "Sales Director",
                              "jane.okafor@lumenfield.example"), "US")
    assert reading.company == "Lumenfield Robotics"


def test_a_domain_with_a_figure_for_a_letter_is_mended_by_the_company_not_the_reverse() -> None:
    reading = read_card(lines("Kestrel Hotels", "Jane Okafor", "Sales Director",
                              "jane@kestre1.example"), "US")
    assert reading.company == "Kestrel Hotels"
    assert reading.emails == ("jane@kestrel.example",)


def test_a_doubtful_logo_close_to_the_domain_is_the_domains_name_and_stays_doubtful() -> None:
    reading = read_card(lines("LUMFNFIELO", "Jane Okafor", "Sales Director",
                              "jane.okafor@lumenfield.example", first=0.72), "US")
    assert reading.company == "LUMENFIELD"
    assert ("company", "LUMENFIELD") in reading.doubtful


def test_a_sure_logo_spelt_otherwise_than_its_domain_is_kept() -> None:
    reading = read_card(lines("BRIGHTWAVE", "Jane Okafor", "Sales Director",
                              "jane@brigtwave.example"), "US")
    assert reading.company == "BRIGHTWAVE"


def test_no_company_line_gives_the_domains_name_to_check() -> None:
    reading = read_card(lines("Jane Okafor", "Sales Director", "jane.okafor@lumenfield.example"),
                        "US")
    assert reading.company == "Lumenfield"
    assert ("company", "Lumenfield") in reading.doubtful
