"""What a picture holds while the engine reads it: the card at the OCR's size and a small
copy for the thumbnail, not the full-size photo; the engine is handed one array of pixels in
the order it reads them."""

from __future__ import annotations

import numpy as np
from PIL import Image

from assistant.cards.images import OCR_SIDE
from assistant.cards.ocr import _bgr
from assistant.cards.reader import KEEP_SIDE, _cut_out, read_data
from tests.unit.cards.card_art import draw_card, encode, photograph


def test_a_photo_is_cut_down_to_the_ocr_size_and_a_thumbnail_sized_copy() -> None:
    # Given a large photo of a card on a table
    photo = photograph(draw_card()).resize((3000, 2250))
    # When the card is cut out of it
    image, keep = _cut_out(photo)
    # Then OCR reads at most OCR_SIDE, and the copy kept for the thumbnail is small
    assert max(image.size) <= OCR_SIDE
    assert max(keep.size) <= KEEP_SIDE
    assert abs(keep.width / keep.height - image.width / image.height) < 0.02


def test_a_picture_smaller_than_a_card_photo_is_passed_over_before_ocr() -> None:
    # Given a logo-sized picture, When it is read with a minimum side, Then nothing is read
    logo = encode(Image.new("RGB", (180, 90), "white"), "PNG")
    assert read_data(logo, "image/png", "US", engine=None, min_side=200) is None


def test_the_engine_gets_the_pixels_in_blue_green_red_order() -> None:
    # Given a picture whose left half is red and right half blue
    picture = Image.new("RGB", (4, 2), (255, 0, 0))
    picture.paste((0, 0, 255), (2, 0, 4, 2))
    # When it is handed to the engine
    pixels = _bgr(picture)
    # Then it is one contiguous array, blue first
    assert pixels.shape == (2, 4, 3) and pixels.flags["C_CONTIGUOUS"]
    assert pixels[0, 0].tolist() == [0, 0, 255] and pixels[0, 3].tolist() == [255, 0, 0]
    assert np.array_equal(_bgr(picture.convert("L")), _bgr(picture.convert("L").convert("RGB")))
