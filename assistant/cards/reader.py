"""One card picture read end to end: straighten, turn upright, OCR, fields.

An engine that can tell which way up each box lies (RapidOCR's direction classifier) reads
the card once, turned upright box by box; when its votes are split, or for other engines, the
engine reads the picture as it is first; a card lying on its side (text boxes taller than
wide) is read again turned a quarter each way, and a card upside down (the engine unsure of
most of what it read) turned half a turn; the reading the engine is surest of wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image

from assistant.cards.fields import CardReading, read_card
from assistant.cards.images import STRAIGHTEN_SIDE, at_most, for_ocr
from assistant.cards.lines import OcrLine, join_rows
from assistant.cards.ocr import OcrEngine, Upright, default_engine
from assistant.cards.straighten import find_card

UNSURE = 0.80  # below this weighted confidence an upright reading is tried upside down
SURE_TURN = 0.75  # share of the direction votes above which one reading is enough


@dataclass(frozen=True)
class PictureReading:
    reading: CardReading
    card: Image.Image  # the card as straightened and turned, for the thumbnail
    lines: tuple[OcrLine, ...]


def read_picture(picture: Image.Image, region: str = "US",
                 engine: OcrEngine | None = None) -> PictureReading:
    engine = engine or default_engine()
    card = find_card(at_most(picture, STRAIGHTEN_SIDE))
    image = for_ocr(card)
    at_once = getattr(engine, "read_upright", None)
    if at_once is not None:
        found: Upright = at_once(image)
        if found.sureness >= SURE_TURN:
            lines = join_rows(found.lines)
            upright = card.rotate(found.turn, expand=True) if found.turn else card
            return PictureReading(read_card(lines, region), upright, tuple(lines))
    boxes = engine.read(image)
    turns: tuple[int, ...] = ()
    sideways = _sideways(boxes)
    if sideways or image.height > 1.15 * image.width:  # most cards are landscape
        turns = (90, 270)
    elif _certainty(boxes) < UNSURE:
        turns = (180,)
    # Sideways, the engine reads each box turned on its own, but the boxes' order is lost:
    # one of the two quarter turns is kept whatever it scores.
    best, best_turn = (boxes, 0) if not sideways else ([], 0)
    for turn in turns:
        turned = engine.read(image.rotate(turn, expand=True))
        if not best or _score(turned) > _score(best):
            best, best_turn = turned, turn
    lines = join_rows(best)
    upright = card.rotate(best_turn, expand=True) if best_turn else card
    return PictureReading(read_card(lines, region), upright, tuple(lines))


def _sideways(boxes: Sequence[OcrLine]) -> bool:
    tall = sum(1 for b in boxes if b.height > 1.5 * (b.box[2] - b.box[0]) and len(b.text) > 1)
    return tall >= 3 and tall > len(boxes) / 2


def _certainty(boxes: Sequence[OcrLine]) -> float:
    weight = sum(len(b.text) for b in boxes)
    return sum(b.confidence * len(b.text) for b in boxes) / weight if weight else 0.0


def _score(boxes: Sequence[OcrLine]) -> float:
    return sum(b.confidence * len(b.text) for b in boxes if b.confidence >= 0.6)
