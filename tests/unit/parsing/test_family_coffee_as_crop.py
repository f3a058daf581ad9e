"""Coffee as a crop or a trade ("exporta café de altura", "a buyer of coffee") tells no
meeting; coffee drunk with someone does (example in tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.parsing.context import tells_meeting


@pytest.mark.parametrize("sentence", [
    "Exporta café de altura y busca compradores en Europa.",
    "y busca un comprador para su cosecha de café especial.",
    "She is a buyer of coffee for three roasteries.",
    "He sells green coffee to roasters in Oslo.",
])
def test_coffee_as_a_crop_is_no_meeting(sentence: str) -> None:
    assert not tells_meeting(sentence)


@pytest.mark.parametrize("sentence", [
    "Had coffee with Ana at the summit.", "Tomamos un café ayer en la feria.",
    "Coffee with Maya Lin today.",
])
def test_coffee_together_is_a_meeting(sentence: str) -> None:
    assert tells_meeting(sentence)
