"""Card pictures read by the product's OCR engine (RapidOCR, loaded once for the module):
scans, photos at an angle on a table, sideways, upside down, dim."""

from __future__ import annotations

import pytest

from assistant.cards.images import load_picture
from assistant.cards.reader import read_picture
from tests.unit.cards.card_art import draw_card, encode, photograph


def _read(data: bytes):  # type: ignore[no-untyped-def]
    return read_picture(load_picture(data), "US").reading


def _check_jane(reading) -> None:  # type: ignore[no-untyped-def]
    assert reading.name == "Jane Okafor"
    assert reading.emails == ("jane.okafor@lumenfield.example",)
    assert reading.phones[:1] == ("+16505550139",)
    assert "+16505550199" in reading.faxes and "+16505550199" not in reading.phones
    assert reading.title == "Head of Partnerships"


def test_a_scanned_card_becomes_its_fields() -> None:
    _check_jane(_read(encode(draw_card(), "PNG")))


@pytest.mark.parametrize("turn", [0, 90, 180])
def test_a_card_photographed_on_a_table_is_found_and_turned_upright(turn: int) -> None:
    # Given a photo of the card lying tilted on a table, the phone held at `turn` degrees
    data = encode(photograph(draw_card(), turn=turn), "JPEG", quality=85)
    # When it is read, Then the fields are the card's
    _check_jane(_read(data))


def test_a_card_photographed_in_dim_light_is_read() -> None:
    _check_jane(_read(encode(photograph(draw_card(), dim=0.35), "JPEG", quality=85)))
