"""Attachment bytes to a picture: formats, orientation, size limits and broken input."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from assistant.cards import images
from assistant.cards.images import CardImageError, load_picture, thumbnail_jpeg
from tests.unit.cards.card_art import draw_card, encode


def test_jpeg_png_and_pdf_scans_load_as_rgb_pictures() -> None:
    card = draw_card()
    for data in (encode(card, "JPEG"), encode(card, "PNG"), encode(card, "PDF", resolution=300)):
        picture = load_picture(data)
        assert picture.mode == "RGB"
        assert picture.width > picture.height  # a card lies landscape


def test_an_iphone_heic_photo_loads() -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    out = io.BytesIO()
    pillow_heif.from_pillow(draw_card()).save(out, quality=80)
    assert load_picture(out.getvalue(), "image/heic").size == (1050, 600)


def test_the_exif_orientation_turns_the_picture_upright() -> None:
    # Given a landscape card stored sideways, with the EXIF tag saying "turn 90 degrees"
    exif = Image.Exif()
    exif[0x0112] = 6
    data = encode(draw_card().rotate(90, expand=True), "JPEG", exif=exif.tobytes())
    # When it is loaded, Then it is landscape again
    picture = load_picture(data)
    assert picture.width > picture.height


def test_a_picture_over_20_megapixels_is_downscaled_first() -> None:
    data = encode(Image.new("RGB", (6000, 4000), "white"), "JPEG", quality=50)
    picture = load_picture(data)
    assert picture.width * picture.height <= images.MAX_PIXELS


@pytest.mark.parametrize("data, words", [
    (b"%!PS-Adobe-3.0 this is not a picture at all" * 10, "not an image"),
    (encode(draw_card(), "JPEG")[:3000], "cut short"),
])
def test_what_is_not_a_readable_image_is_explained(data: bytes, words: str) -> None:
    with pytest.raises(CardImageError, match=words):
        load_picture(data, "image/jpeg")


def _png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size: what a decompression bomb looks like."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 1024)) + chunk(b"IEND", b""))


def test_a_decompression_bomb_is_refused_unread() -> None:
    with pytest.raises(CardImageError, match="megapixels"):
        load_picture(_png_declaring(50_000, 50_000), "image/png")


def test_the_thumbnail_is_a_small_jpeg() -> None:
    thumb = thumbnail_jpeg(draw_card())
    assert thumb[:2] == b"\xff\xd8" and len(thumb) < 30_000
    assert max(Image.open(io.BytesIO(thumb)).size) <= images.THUMB_SIDE


def test_a_large_photo_is_cut_down_before_the_card_is_looked_for() -> None:
    # Given a 4000 x 3000 picture and a small one
    from PIL import Image

    from assistant.cards.images import STRAIGHTEN_SIDE, at_most

    large, small = Image.new("RGB", (4000, 3000)), Image.new("RGB", (800, 500))
    # Then the large one is shrunk to the straightening size, the small one left as it is
    assert at_most(large, STRAIGHTEN_SIDE).size == (STRAIGHTEN_SIDE, 1500)
    assert at_most(small, STRAIGHTEN_SIDE) is small
