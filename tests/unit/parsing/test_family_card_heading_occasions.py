"""A card's heading names its occasion as "CARD - London Infrastructure Week" or "From a card,
Antwerp port day:" too; a person's name there is no occasion (examples in tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.parsing.context import card_occasion


@pytest.mark.parametrize(("heading", "occasion"), [
    ("CARD - Manchester Retail Week\n\nGWEN ALDOUS", "Manchester Retail Week"),
    ("From a card, Antwerp port day:\n\nPieter Claes", "Antwerp port day"),
    ("From a card, Vilnius fintech breakfast:\n\nX", "Vilnius fintech breakfast"),
])
def test_heading_names_the_occasion(heading: str, occasion: str) -> None:
    assert card_occasion(heading) == occasion


@pytest.mark.parametrize("heading", ["From a card, Jo Hale:\n\nX", "Card - Jo Hale\n\nX"])
def test_a_name_in_the_heading_is_no_occasion(heading: str) -> None:
    assert card_occasion(heading) is None
