"""Introductions whose verb comes before the pronoun ("breng ik jullie met elkaar in contact",
"stelle ich euch einander vor")."""

from __future__ import annotations

import pytest

from assistant.parsing.intros import is_intro


@pytest.mark.parametrize("text", [
    "Zoals beloofd breng ik jullie met elkaar in contact.",
    "Zoals afgesproken zet ik jullie met elkaar in contact.",
    "wie besprochen stelle ich euch einander vor.",
    "Hiermit stelle ich Ihnen Herrn Brandt vor.",
    "Ich möchte euch einander vorstellen.",
])
def test_an_introduction_with_the_verb_first(text: str) -> None:
    assert is_intro(text)


def test_meeting_someone_in_contact_is_no_introduction() -> None:
    assert not is_intro("Ik kwam met Femke in contact op de beurs.")
