"""The owner's note asking to add everyone on a forwarded message, in more languages."""

from __future__ import annotations

import pytest

from assistant.parsing.message import _named_in


@pytest.mark.parametrize("note", [
    "Adicionar os dois. Conheci-os na feira.", "Agrega a los dos, los conocí en Lima.",
    "Aggiungi entrambi.", "Voeg ze allebei toe.", "Please add both.",
])
def test_a_note_asking_for_everyone_names_the_copied_person(note: str) -> None:
    assert _named_in(note, ("Sofia Pinheiro", "sofia@example.pt"))


def test_a_note_naming_someone_else_does_not() -> None:
    assert not _named_in("Adicionar o Tiago.", ("Sofia Pinheiro", "sofia@example.pt"))
