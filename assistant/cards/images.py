"""Attachment bytes to a card picture OCR can read, or a plain reason why not.

Real photos come as JPEG, PNG, HEIC/HEIF (iPhones; ``pillow-heif``) or a PDF scan
(``pypdfium2``), turned by their EXIF orientation, sometimes huge, dim, cut short or not an
image at all. Every way an image can be wrong ends in :class:`CardImageError` with a sentence
for the owner; nothing here crashes a worker. Pure apart from the decoders: no I/O.
"""

from __future__ import annotations

import io
import logging
import warnings
from functools import lru_cache

from PIL import Image, ImageOps, UnidentifiedImageError

log = logging.getLogger(__name__)

MAX_PIXELS = 20_000_000  # larger images are downscaled before anything else
BOMB_PIXELS = 200_000_000  # declared sizes past this are refused unread (a decompression bomb)
OCR_SIDE = 1600  # the longer side OCR reads; the detector looks at a 960-pixel copy
# A photo is cut down to this before the card is found in it: the card then still spans more
# than OCR_SIDE's worth of its print, and the warp handles a third of a 12 MP photo's pixels.
STRAIGHTEN_SIDE = 2000
THUMB_SIDE = 240
PDF_DPI = 200
MAX_PDF_BYTES = 20_000_000


class CardImageError(ValueError):
    """Raised when an attachment cannot be read as a card picture; the text is for the owner."""


@lru_cache(maxsize=1)
def _register_heif() -> None:
    from pillow_heif import register_heif_opener

    register_heif_opener()


def load_picture(data: bytes, content_type: str = "") -> Image.Image:
    """The picture in the bytes, upright (EXIF), RGB, at most ``MAX_PIXELS``."""
    if content_type == "application/pdf" or data[:5] == b"%PDF-":
        return _pdf_page(data)
    _register_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image: Image.Image = Image.open(io.BytesIO(data))
            _check_size(image.size)
            _draft(image)
            image.load()
            image = ImageOps.exif_transpose(image) or image
    except CardImageError:
        raise
    except (UnidentifiedImageError, SyntaxError) as exc:
        raise CardImageError("it is not an image I can read (the file's content is not a "
                             "JPEG, PNG, HEIC or other picture)") from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise CardImageError(_too_big_text()) from exc
    except (OSError, ValueError, EOFError) as exc:
        raise CardImageError("the image is damaged or cut short, so I could not read it") from exc
    return _downscale(image.convert("RGB"), MAX_PIXELS)


def _check_size(size: tuple[int, int]) -> None:
    if size[0] * size[1] > BOMB_PIXELS or min(size) < 1:
        raise CardImageError(_too_big_text())


def _too_big_text() -> str:
    return (f"the image says it is larger than {BOMB_PIXELS // 1_000_000} megapixels, which no "
            "camera takes; I did not open it")


def _draft(image: Image.Image) -> None:
    """JPEG decoders can scale by 1/2, 1/4, 1/8 while decoding: a 48 MP photo never needs its
    full size in memory."""
    if image.format == "JPEG" and image.size[0] * image.size[1] > MAX_PIXELS:
        image.draft("RGB", (image.size[0] // 2, image.size[1] // 2))


def _downscale(image: Image.Image, max_pixels: int) -> Image.Image:
    pixels = image.size[0] * image.size[1]
    if pixels <= max_pixels:
        return image
    scale = (max_pixels / pixels) ** 0.5
    size = (max(1, int(image.size[0] * scale)), max(1, int(image.size[1] * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


def _pdf_page(data: bytes) -> Image.Image:
    """The first page of a scanned card, rendered at ``PDF_DPI``."""
    if len(data) > MAX_PDF_BYTES:
        raise CardImageError("the PDF is larger than 20 MB; a scanned card is far smaller")
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
        try:
            page = document[0]
            width, height = page.get_size()
            scale = min(PDF_DPI / 72, (MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
            image = page.render(scale=scale).to_pil()
        finally:
            document.close()
    except (pypdfium2.PdfiumError, IndexError, ValueError) as exc:
        raise CardImageError("the PDF is damaged or empty, so I could not read it") from exc
    return image.convert("RGB")


def at_most(image: Image.Image, side: int) -> Image.Image:
    """The picture with its longer side at most ``side`` pixels (the same picture if so)."""
    if max(image.size) <= side:
        return image
    small = image.copy()
    small.thumbnail((side, side), Image.Resampling.LANCZOS)
    return small


def for_ocr(image: Image.Image) -> Image.Image:
    """The picture at the size OCR reads, with its contrast stretched (dim light)."""
    image = image.copy()
    image.thumbnail((OCR_SIDE, OCR_SIDE), Image.Resampling.LANCZOS)
    return ImageOps.autocontrast(image, cutoff=1)


def thumbnail_jpeg(image: Image.Image) -> bytes:
    """A small JPEG of the card for the acknowledgement (a few KB)."""
    small = image.copy()
    small.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.convert("RGB").save(out, format="JPEG", quality=80, optimize=True)
    return out.getvalue()
