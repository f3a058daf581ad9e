"""The text detector reads a picture at most DET_SIDE long and DET_PIXELS large: landscape
cards keep their full detector size, squarer pictures are read a little smaller (the
detector's memory grows with the area)."""

from __future__ import annotations

from PIL import Image

from assistant.cards.ocr import DET_PIXELS, DET_SIDE, RapidEngine, detector_side
from tests.unit.cards.card_art import draw_card


def test_a_landscape_card_is_detected_at_the_full_side() -> None:
    # Given pictures of the usual card shapes (3.5 x 2 in, ISO 85 x 55 mm) at the OCR size
    # When the detector's side is chosen, Then it is DET_SIDE
    assert detector_side(914, 1600) == DET_SIDE
    assert detector_side(1035, 1600) == DET_SIDE


def test_a_square_picture_is_detected_within_the_area() -> None:
    # Given a square picture and a portrait photo
    # When the detector's side is chosen
    square, portrait = detector_side(1600, 1600), detector_side(1600, 1200)
    # Then the detector's picture is within DET_PIXELS
    assert square ** 2 <= DET_PIXELS < (square + 1) ** 2
    assert portrait * portrait * 3 // 4 <= DET_PIXELS
    assert portrait < DET_SIDE


def test_a_card_on_a_square_picture_is_still_read() -> None:
    # Given a card drawn on a square canvas at the OCR size
    card = draw_card()
    square = Image.new("RGB", (card.width, card.width), "white")
    square.paste(card, (0, (card.width - card.height) // 2))
    # When the engine reads it (the detector at less than DET_SIDE)
    texts = [line.text for line in RapidEngine().read(square.resize((1600, 1600)))]
    # Then the card's lines are read
    assert "Head of Partnerships" in texts
