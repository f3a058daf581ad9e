"""The sender's name as signed with one more word than the header gives (a second surname)."""

from __future__ import annotations

from assistant.parsing.message import _fuller_name


def test_the_signed_second_surname_completes_the_headers_name() -> None:
    party = ("Rosario Benavente", "rbenavente@quipudata.pe")
    assert _fuller_name("Rosario Benavente", "Rosario Benavente Rojas", party) == (
        "Rosario Benavente Rojas")


def test_a_signature_naming_someone_else_or_in_capitals_is_not_taken() -> None:
    party = ("Rosario Benavente", "rbenavente@quipudata.pe")
    assert _fuller_name("Rosario Benavente", "Rosa Benavente Rojas", party) == "Rosario Benavente"
    assert _fuller_name("Rosario Benavente", "ROSARIO BENAVENTE ROJAS", party) == (
        "Rosario Benavente")
