"""Photo-like variants of a card scan, made at run time and never stored.

A phone photo of a card differs from a scan in known ways: the card lies on a table at an
angle (perspective), the phone may hold it sideways or upside down (sometimes with an EXIF
orientation tag that says so, sometimes without), the light is dim and uneven, the sensor adds
noise and the camera compresses to JPEG. Each variant is seeded by the card's number.
"""

from __future__ import annotations

import io
import random

import numpy as np
from PIL import Image, ImageFilter

PHOTO_SIDE = 2400
# card number % 4 -> how the phone held it: (degrees the pixels are turned, EXIF orientation)
HOLDS = ((0, 1), (90, 8), (180, 1), (270, 1))


def photo_variant(scan: Image.Image, number: int) -> bytes:
    """JPEG bytes of the card photographed on a table."""
    rng = random.Random(number)
    table = _table(rng)
    card = scan.convert("RGB")
    width = int(PHOTO_SIDE * rng.uniform(0.55, 0.75))
    card = card.resize((width, max(1, int(card.height * width / card.width))),
                       Image.Resampling.LANCZOS)
    photo = _place(table, card, rng)
    photo = _light(photo, rng)
    turn, orientation = HOLDS[number % 4]
    if turn:
        photo = photo.rotate(turn, expand=True)
    out = io.BytesIO()
    exif = Image.Exif()
    if orientation != 1:
        exif[0x0112] = orientation
    photo.save(out, format="JPEG", quality=78, exif=exif.tobytes())
    return out.getvalue()


def _table(rng: random.Random) -> Image.Image:
    height = int(PHOTO_SIDE * 0.75)
    base = np.array([rng.randint(90, 150), rng.randint(60, 100), rng.randint(30, 70)], float)
    grain = np.random.default_rng(rng.randint(0, 2**31)).normal(0, 12, (height, 1, 1))
    rows = np.clip(base + grain, 0, 255)
    return Image.fromarray(np.broadcast_to(rows, (height, PHOTO_SIDE, 3)).astype(np.uint8))


def _place(table: Image.Image, card: Image.Image, rng: random.Random) -> Image.Image:
    """The card pasted with a perspective tilt and a small turn."""
    import cv2

    tw, th = table.size
    cw, ch = card.size
    x0, y0 = (tw - cw) // 2, (th - ch) // 2
    def moved(x: float, y: float) -> list[float]:
        return [x + rng.uniform(-0.08, 0.08) * cw, y + rng.uniform(-0.08, 0.08) * ch]

    target = np.array([moved(x0, y0), moved(x0 + cw, y0), moved(x0 + cw, y0 + ch),
                       moved(x0, y0 + ch)], np.float32)
    source = np.array([[0, 0], [cw, 0], [cw, ch], [0, ch]], np.float32)
    matrix = cv2.getPerspectiveTransform(source, target)
    warped = cv2.warpPerspective(np.asarray(card), matrix, (tw, th))
    mask = cv2.warpPerspective(np.full((ch, cw), 255, np.uint8), matrix, (tw, th))
    out = np.where(mask[..., None] > 0, warped, np.asarray(table))
    return Image.fromarray(out.astype(np.uint8)).rotate(rng.uniform(-6, 6), fillcolor=(80, 60, 40))


def _light(photo: Image.Image, rng: random.Random) -> Image.Image:
    """Dim, uneven light, sensor noise and a little blur."""
    w, h = photo.size
    xs = np.linspace(-1, 1, w)[None, :]
    ys = np.linspace(-1, 1, h)[:, None]
    level = rng.uniform(0.4, 0.75)
    falloff = level * (1 - 0.35 * (xs ** 2 + ys ** 2) / 2 + 0.15 * rng.uniform(-1, 1) * xs)
    noise = np.random.default_rng(rng.randint(0, 2**31)).normal(0, 5, (h, w, 1))
    pixels = np.asarray(photo, float) * falloff[..., None] + noise
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.1)))
