"""A company named "Café ..." with its legal form is no coffee the owner had with someone."""

from __future__ import annotations

import pytest

from assistant.parsing.context import tells_meeting


@pytest.mark.parametrize("text", [
    "Manuela Ospina | Gerente | Café Alto de Caldas S.A.S.",
    "Bruno Sales | Diretor Comercial | Café Serra da Mantiqueira Ltda.",
    "Ana Ruiz, owner of Herrera Café.",
])
def test_a_coffee_company_is_no_meeting(text: str) -> None:
    assert not tells_meeting(text)


def test_coffee_at_a_named_cafe_is_still_a_meeting() -> None:
    assert tells_meeting("Coffee at Café Central with Ana.")
