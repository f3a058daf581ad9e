"""What an OCR engine hands the field reader: lines of text with a confidence and a box.

Engines report words or text boxes; :func:`join_rows` puts boxes that sit side by side on one
row into one line ("MOBILE" printed left of its number), and leaves columns far apart alone
(a logo beside the name). Pure module: no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

Box = tuple[float, float, float, float]  # left, top, right, bottom, in pixels
# Boxes of print sizes further apart than this are not one row: a logo beside the name.
MAX_HEIGHTS = 1.6


@dataclass(frozen=True)
class OcrLine:
    """One line as read: its text, the engine's confidence (0..1) and where it was."""

    text: str
    confidence: float
    box: Box = (0.0, 0.0, 0.0, 0.0)

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]


_MARKS = str.maketrans("", "", "®™℠")
# A ring mark read for the "@" of an address ("jane.okafor®example.com"): glued between an
# own part in small letters and a host (not a web site's "www.").
_MARK_FOR_AT = re.compile(r"(?<![\w.@+-])([a-z0-9][a-z0-9._+-]*)[®©]"
                          r"(?!www\.)([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?![\w@])")


def clean_text(text: str) -> str:
    """NFKC folds the full-width forms an engine trained on CJK text emits ("（0)"); trade
    marks are dropped, but a mark in an address's place of its "@" is the "@"."""
    text = _MARK_FOR_AT.sub(r"\1@\2", text) if "®" in text or "©" in text else text
    text = text.translate(_MARKS)  # "ACME®", "sundale™": the mark is no letter of the name
    return " ".join(unicodedata.normalize("NFKC", text).split())


def join_rows(lines: Sequence[OcrLine], gap: float = 2.5) -> list[OcrLine]:
    """Boxes on one row, no further apart than ``gap`` line heights, joined left to right;
    rows returned top to bottom. A joined line keeps the lowest confidence of its parts."""
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda item: (item.box[1], item.box[0])):
        row = next((r for r in rows if _same_row(r[-1], line, gap)), None)
        if row is None:
            rows.append([line])
        else:
            row.append(line)
            row.sort(key=lambda item: item.box[0])
    rows.sort(key=lambda r: (min(i.box[1] for i in r), r[0].box[0]))
    return [_merge(row) for row in rows]


def _same_row(last: OcrLine, line: OcrLine, gap: float) -> bool:
    top, bottom = max(last.box[1], line.box[1]), min(last.box[3], line.box[3])
    height = max(min(last.height, line.height), 1.0)
    if bottom - top < 0.5 * height or max(last.height, line.height) > MAX_HEIGHTS * height:
        return False
    distance = max(line.box[0] - last.box[2], last.box[0] - line.box[2])
    return distance < gap * height


def _merge(row: list[OcrLine]) -> OcrLine:
    if len(row) == 1:
        return row[0]
    box = (min(i.box[0] for i in row), min(i.box[1] for i in row),
           max(i.box[2] for i in row), max(i.box[3] for i in row))
    return replace(row[0], text=" ".join(i.text for i in row),
                   confidence=min(i.confidence for i in row), box=box)
