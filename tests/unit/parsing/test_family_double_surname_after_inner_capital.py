"""A double surname whose first part has a capital inside ("O'Rourke-Bannerman",
"McAllister-Grey") is read whole (examples in tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.parsing.people import NAME_RE


@pytest.mark.parametrize(("text", "name"), [
    ("Callum O'Rourke-Bannerman, Director", "Callum O'Rourke-Bannerman"),
    ("Sorcha McAllister-Grey, Head of Grants", "Sorcha McAllister-Grey"),
    ("Tadhg O’Donoghue-Reilly, founder", "Tadhg O’Donoghue-Reilly"),
    ("Ewan McDonald, CFO", "Ewan McDonald"),
    ("Anna DiMaggio-Ross, partner", "Anna DiMaggio-Ross"),
])
def test_the_whole_double_surname_is_the_name(text: str, name: str) -> None:
    match = NAME_RE.match(text)
    assert match is not None and match.group() == name
