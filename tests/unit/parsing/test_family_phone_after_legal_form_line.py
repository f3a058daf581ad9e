"""A legal form ending the line above a phone ("Nordhav Sjømat AS" then "+47 ...") is no
standard's name before a number: the phone is read (example in tests/corpus/dev)."""

from __future__ import annotations

from assistant.parsing.contacts import find_phones


def test_phone_on_the_line_after_a_company_ending_in_as() -> None:
    assert [p for _, p in find_phones("Nordhav Sjømat AS\n+47 41 55 50 12", "NO")] == [
        "+4741555012"]


def test_a_standard_and_its_number_on_one_line_is_still_no_phone() -> None:
    assert find_phones("Built to ISO 27001 and AS 4000 since 2019", "AU") == []
