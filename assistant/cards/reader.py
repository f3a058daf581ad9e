"""One card picture read end to end: straighten, turn upright, OCR, fields.

An engine that can tell which way up each box lies (RapidOCR's direction classifier) reads
the card once, turned upright box by box; when its votes are split, or for other engines, the
engine reads the picture as it is first; a card lying on its side (text boxes taller than
wide) is read again turned a quarter each way, and a card upside down (the engine unsure of
most of what it read) turned half a turn; the reading the engine is surest of wins.

Memory: a worker's peak is the detector's run on top of what the picture holds then, so the
full-size picture is let go once the card is cut out of it (``read_data``), and only a small
copy of the card is kept for the thumbnail while the engine reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image

from assistant.cards.fields import CardReading, read_card
from assistant.cards.images import STRAIGHTEN_SIDE, THUMB_SIDE, at_most, for_ocr, load_picture
from assistant.cards.lines import OcrLine, join_rows
from assistant.cards.ocr import OcrEngine, Upright, default_engine
from assistant.cards.straighten import find_card

UNSURE = 0.80  # below this weighted confidence an upright reading is tried upside down
SURE_TURN = 0.75  # share of the direction votes above which one reading is enough
KEEP_SIDE = 2 * THUMB_SIDE  # the card is kept this large for its thumbnail while OCR runs


@dataclass(frozen=True)
class PictureReading:
    reading: CardReading
    card: Image.Image  # the card as straightened and turned, for the thumbnail
    lines: tuple[OcrLine, ...]


def read_data(data: bytes, content_type: str = "", region: str = "US",
              engine: OcrEngine | None = None, min_side: int = 0) -> PictureReading | None:
    """The card in an attachment's bytes read end to end, or None for a picture with a side
    under ``min_side`` (a logo, an icon). The full-size picture is gone before OCR starts."""
    prepared = _prepared(data, content_type, min_side)
    if prepared is None:
        return None
    image, keep = prepared
    del prepared
    return _read(image, keep, region, engine)


def _prepared(data: bytes, content_type: str,
              min_side: int) -> tuple[Image.Image, Image.Image] | None:
    picture = load_picture(data, content_type)
    return None if min(picture.size) < min_side else _cut_out(picture)


def read_picture(picture: Image.Image, region: str = "US",
                 engine: OcrEngine | None = None) -> PictureReading:
    """A loaded picture read end to end (the caller keeps the picture meanwhile)."""
    return _read(*_cut_out(picture), region, engine)


def _cut_out(picture: Image.Image) -> tuple[Image.Image, Image.Image]:
    """The card straightened, at the size OCR reads it, and a small copy for its thumbnail."""
    card = find_card(at_most(picture, STRAIGHTEN_SIDE))
    return for_ocr(card), at_most(card, KEEP_SIDE)


def _read(image: Image.Image, card: Image.Image, region: str,
          engine: OcrEngine | None) -> PictureReading:
    engine = engine or default_engine()
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
