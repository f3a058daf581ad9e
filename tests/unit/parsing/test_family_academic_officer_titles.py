"""Universities' and public bodies' officers ("senior lecturer in ...", "Vice-Rector for ...",
"Secretary General", "Registrar") are titles (examples in tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.parsing.contacts import is_title_phrase


@pytest.mark.parametrize("title", [
    "senior lecturer in hospitality management", "Lecturer", "Vice-Rector for Research",
    "Pro-Vice-Chancellor for Academic Affairs", "Secretary General", "Deputy Registrar",
    "Treasurer", "Commissioner for Trade",
])
def test_academic_and_public_officers_are_titles(title: str) -> None:
    assert is_title_phrase(title, loose=True)
