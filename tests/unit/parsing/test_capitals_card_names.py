"""A card's name line printed in capitals is read whole, when the labeller read only its first
words; a title, a legal form or a sentence's word after the name is not taken into it."""

from __future__ import annotations

import pytest

from assistant.parsing.people import _whole_capitals_line, card_names


def test_a_capitals_name_line_read_in_part_is_whole() -> None:
    text = "X\n\nANDERS BJERRE KRISTENSEN\nCHIEF COMPLIANCE OFFICER\n"
    assert _whole_capitals_line(text, "ANDERS BJERRE") == "ANDERS BJERRE KRISTENSEN"


@pytest.mark.parametrize(("line", "name"), [
    ("ANDERS BJERRE CFO", "ANDERS BJERRE"),  # a title after the name
    ("ANDERS BJERRE A/S", "ANDERS BJERRE"),  # a legal form: a company
    ("Anders Bjerre Kristensen", "Anders Bjerre"),  # not in capitals: the labeller's reading
    ("ANDERS BJERRE KRISTENSEN HOLM NIELSEN", "ANDERS BJERRE"),  # too long for a name
])
def test_what_is_not_taken_into_the_name(line: str, name: str) -> None:
    assert _whole_capitals_line(f"{line}\nHEAD OF SALES\n", name) == name


def test_a_capitals_card_gives_the_whole_name() -> None:
    text = ("Card from the Aarhus fintech summit:\n\nANDERS BJERRE KRISTENSEN\n"
            "CHIEF COMPLIANCE OFFICER\nVESTERHAV BANK A/S\nTel. +45 33 55 51 62\n"
            "Fax +45 33 55 51 63\nabk@vesterhavbank.dk\n")
    assert card_names(text, "DK") == ["ANDERS BJERRE KRISTENSEN"]
