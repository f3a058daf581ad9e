"""A card lying turned, whose boxes the direction classifier turned one by one, is read once
more turned upright whole, and the boxes only that reading found are added (a fake engine, no
OCR)."""

from __future__ import annotations

from PIL import Image

from assistant.cards.lines import OcrLine
from assistant.cards.ocr import Upright
from assistant.cards.reader import read_picture

CARD = [("Lumenfield Robotics", 30.0), ("Jane Okafor", 90.0), ("Head of Partnerships", 130.0),
        ("T +1 650 555 0139", 170.0), ("jane.okafor@lumenfield.example", 210.0)]


def boxes(texts: list[tuple[str, float]]) -> list[OcrLine]:
    return [OcrLine(text, 0.97, (40.0, top, 40.0 + 14 * len(text), top + 28)) for text, top in
            texts]


class TurnedOver:
    """Says the card lies upside down; its box-by-box reading lost the address line, its
    reading of the picture turned upright holds every line."""

    name = "turned-over"

    def __init__(self, turn: int = 180) -> None:
        self.turn = turn
        self.turns_read: list[tuple[int, int]] = []

    def read_upright(self, image: Image.Image) -> Upright:
        return Upright(boxes(CARD[:-1]), self.turn, 1.0)

    def read(self, image: Image.Image) -> list[OcrLine]:
        self.turns_read.append(image.size)
        return boxes(CARD)


def picture() -> Image.Image:
    return Image.new("RGB", (1050, 600), "white")


def test_a_line_lost_box_by_box_on_a_turned_card_is_added_from_the_upright_reading() -> None:
    engine = TurnedOver()
    reading = read_picture(picture(), "US", engine).reading  # type: ignore[arg-type]
    assert engine.turns_read  # read once more
    assert reading.emails == ("jane.okafor@lumenfield.example",)
    assert reading.name == "Jane Okafor"


def test_a_card_lying_upright_is_read_once() -> None:
    engine = TurnedOver(turn=0)
    reading = read_picture(picture(), "US", engine).reading  # type: ignore[arg-type]
    assert engine.turns_read == []
    assert reading.emails == ()
    assert reading.name == "Jane Okafor"


def test_a_box_both_readings_found_keeps_its_box_by_box_text() -> None:
    class Poorer(TurnedOver):
        def read(self, image: Image.Image) -> list[OcrLine]:
            self.turns_read.append(image.size)
            return [OcrLine("Jame 0kafor", 0.9, (40.0, 90.0, 194.0, 118.0))]

    engine = Poorer()
    reading = read_picture(picture(), "US", engine).reading  # type: ignore[arg-type]
    assert engine.turns_read
    assert reading.name == "Jane Okafor"
    assert reading.title == "Head of Partnerships"
