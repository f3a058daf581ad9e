"""Fictional business cards drawn with Pillow and a DejaVu font (Debian's fonts-dejavu-core),
and the ways a phone photographs them: on a table at an angle, sideways, upside down, dim."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

FONTS = Path("/usr/share/fonts/truetype/dejavu")

JANE = ("Jane Okafor", "Head of Partnerships", "Lumenfield Robotics Inc.",
        "T +1 650 555 0139", "F +1 650 555 0199", "jane.okafor@lumenfield.example",
        "www.lumenfield.example")


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    path = FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    if not path.exists():
        pytest.skip("fonts-dejavu-core is not installed (scripts/install-test-deps.sh)")
    return ImageFont.truetype(str(path), size)


def draw_card(lines: tuple[str, ...] = JANE, width: int = 1050, height: int = 600) -> Image.Image:
    """A white 3.5 x 2 inch card at 300 dpi: the name large, then the other lines."""
    card = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(card)
    y = 60
    for index, text in enumerate(lines):
        size = 56 if index == 0 else 34
        draw.text((70, y), text, fill=(20, 20, 30), font=font(size, bold=index == 0))
        y += size + 26
    return card


def photograph(card: Image.Image, turn: int = 0, dim: float = 1.0) -> Image.Image:
    """The card lying on a darker table, tilted, turned by ``turn`` degrees, in dim light."""
    table = Image.new("RGB", (card.width + 500, card.height + 500), (96, 70, 45))
    tilted = card.rotate(7, expand=True, fillcolor=(96, 70, 45))
    table.paste(tilted, (250 - (tilted.width - card.width) // 2,
                         250 - (tilted.height - card.height) // 2))
    if dim != 1.0:
        table = Image.eval(table, lambda v: int(v * dim))
    return table.rotate(turn, expand=True) if turn else table


def encode(image: Image.Image, fmt: str = "JPEG", **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **params)
    return out.getvalue()
