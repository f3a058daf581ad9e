"""French "au"/"à la" before an employer's name: "chargé d'affaires au Pôle Mer Méditerranée",
"directrice à la Banque Alpine"; a meeting's "au salon" names no employer."""

from __future__ import annotations

import pytest

from assistant.parsing.contacts import Role, role_in


@pytest.mark.parametrize(("text", "title", "company"), [
    ("responsable innovation au Pôle Numérique de Rennes, x", "responsable innovation",
     "Pôle Numérique de Rennes"),
    ("directrice à la Banque Alpine, x", "directrice", "Banque Alpine"),
])
def test_au_and_a_la_name_the_employer(text: str, title: str, company: str) -> None:
    assert role_in(text) == Role(title, company)


def test_a_meeting_at_a_fair_names_no_employer() -> None:
    assert role_in("rencontrée au Salon Vivatech, x") == Role(None, None)
