"""A company the block labeller reads only after its particle ("Soummam SPA" of "Ciments de
la Soummam SPA") is the whole company the line rules read."""

from __future__ import annotations

import pytest

from assistant.parsing.signature_fields import _cut_short


@pytest.mark.parametrize(("read", "whole"), [
    ("Soummam SPA", "Ciments de la Soummam SPA"),
    ("Moulouya SARL", "Briqueteries de la Moulouya SARL"),
    ("Tafna", "Tuileries du Tafna"),
])
def test_the_tail_after_a_particle_is_cut_short(read: str, whole: str) -> None:
    assert _cut_short(read, whole)


@pytest.mark.parametrize(("read", "whole"), [
    ("Soummam SPA", "Soummam SPA"),
    ("Ltd", "Acme Ltd"),
    ("Acme Ltd", "director of Acme Ltd"),
])
def test_other_readings_stand(read: str, whole: str) -> None:
    assert not _cut_short(read, whole)
