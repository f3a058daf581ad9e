"""Who suggested a person not met yet: the introducer's whole name after the cue, with a
double surname or a particle, and the Portuguese "pelo"/"pela" and a sentence's capital."""

from __future__ import annotations

import pytest

from assistant.parsing.message import _introducer_in_note


@pytest.mark.parametrize(("note", "by"), [
    ("Aún no lo conozco. Me lo recomendó Ana Sofía Larraín. Le interesa el vino.",
     "Ana Sofía Larraín"),
    ("Recomendado pela Helena Prado. Interessa-se por café.", "Helena Prado"),
    ("Indicada pelo Rui Tavares Costa.", "Rui Tavares Costa"),
    ("Suggested by Morag Fraser-Bell. Interested in forecasting.", "Morag Fraser-Bell"),
    ("Haven't met him; recommended by Anouk de Wit.", "Anouk de Wit"),
    ("Introduced by Priya Raman on Monday.", "Priya Raman"),
])
def test_the_introducer_of_a_person_not_met_yet(note: str, by: str) -> None:
    assert _introducer_in_note(note) == by
