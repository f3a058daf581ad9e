"""OCR engines behind one call: an image in, lines with confidences out.

RapidOCR (PP-OCRv4 models run by ONNX Runtime, shipped inside the ``rapidocr_onnxruntime``
wheel) is the product's engine: it was the more accurate and the faster one on the labelled
cards (``benchmarks/cards_bench.py``). Tesseract 5 (Debian's ``tesseract-ocr``) stays available
for that comparison. Each engine is loaded once per process, on first use, and never downloads
anything.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

from PIL import Image

from assistant.cards.lines import Box, OcrLine, join_rows

log = logging.getLogger(__name__)

DET_SIDE = 960
REC_BATCH = 3


class OcrEngine(Protocol):
    name: str

    def read(self, image: Image.Image) -> list[OcrLine]:
        """The image's text boxes (not yet joined into rows)."""
        ...


class RapidEngine:
    """RapidOCR with character boxes, so words run together ("YassineHamdouch") are split
    where the print leaves a gap: PP-OCR's recogniser often drops the space itself."""

    name = "rapidocr"

    def __init__(self) -> None:
        from rapidocr_onnxruntime import RapidOCR

        _return_large_buffers()

        # The detector reads the card at most DET_SIDE pixels long (card print stays legible);
        # its default, the short side raised to 736, costs 300 MB of activations per worker.
        self._ocr = RapidOCR(det_limit_type="max", det_limit_side_len=DET_SIDE,
                              rec_batch_num=REC_BATCH)
        _lean_sessions(self._ocr)
        self._lock = threading.Lock()  # one ONNX session pair per process, used in turn

    def read(self, image: Image.Image) -> list[OcrLine]:
        with self._lock:
            # Upside-down cards are turned by the reader (whole card), not line by line.
            result, _ = self._ocr(image.convert("RGB"), use_cls=False)
        return [_rapid_line(item) for item in result or []]


M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)


def _return_large_buffers() -> None:
    """Buffers of 64 KB and more mapped and unmapped on their own. glibc otherwise raises its
    mmap threshold after the first large free, and the detector's activations then stay in a
    heap that never shrinks: the worker's peak RSS went from about 220 MB to 480 MB."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(M_MMAP_THRESHOLD, 65536)
    except (OSError, AttributeError):  # not glibc: its own allocator decides
        log.debug("mallopt unavailable", exc_info=True)


def _lean_sessions(ocr: Any) -> None:
    """The detector and recogniser sessions again, without ONNX Runtime's memory patterns:
    with inputs of a new shape for every card, the planned buffers are never reused and only
    raise the worker's peak RSS (by about 120 MB here). rapidocr_onnxruntime 1.4 sets no such
    option, so its sessions (``infer.session``) are replaced by equivalent ones."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.enable_cpu_mem_arena = False
    options.enable_mem_pattern = False
    options.log_severity_level = 4
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    for holder in (ocr.text_det.infer, ocr.text_rec.session):
        path = holder.session._model_path
        holder.session = onnxruntime.InferenceSession(path, options,
                                                      providers=["CPUExecutionProvider"])


def _rapid_line(item: Sequence[Any]) -> OcrLine:
    points, text, confidence = item[0], str(item[1]), float(item[2])
    xs, ys = [float(p[0]) for p in points], [float(p[1]) for p in points]
    box: Box = (min(xs), min(ys), max(xs), max(ys))
    return OcrLine(split_joined_words(text), confidence, box)


# PP-OCR's recogniser often drops the space between words set close together: "YassineHamdouch",
# "SeniorAccountExecutive", "SAPMaghreb", "ofHotels". A case change marks where it was.
_JOINED = re.compile(r"(?<=[a-zà-ÿ]{2})(?<!Mac)(?=[A-ZÀ-Ý])"
                     r"|(?<=[A-ZÀ-Ý]{2})(?=[A-ZÀ-Ý][a-zà-ÿ]{2})")
_LINKISH = re.compile(r"@|www|https?:|\.(?:com|org|net|edu)\b", re.IGNORECASE)


def split_joined_words(text: str) -> str:
    """A space put back wherever the case changes inside a word, except in addresses and
    links."""
    return " ".join(token if _LINKISH.search(token) else _JOINED.sub(" ", token)
                    for token in text.split(" "))


class TesseractEngine:
    """Tesseract 5 through ``pytesseract``; words grouped into its own lines."""

    name = "tesseract"

    def __init__(self, languages: str = "eng+deu+fra+spa", timeout_s: float = 10.0) -> None:
        self.languages, self.timeout_s = languages, timeout_s

    def read(self, image: Image.Image) -> list[OcrLine]:
        import pytesseract

        data = pytesseract.image_to_data(image.convert("RGB"), lang=self.languages,
                                         output_type=pytesseract.Output.DICT,
                                         timeout=self.timeout_s)
        rows: dict[tuple[int, int, int], list[int]] = {}
        for i, word in enumerate(data["text"]):
            if word.strip() and float(data["conf"][i]) >= 0:
                key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
                rows.setdefault(key, []).append(i)
        return [_tesseract_line(data, indexes) for indexes in rows.values()]


def _tesseract_line(data: dict[str, list[Any]], indexes: list[int]) -> OcrLine:
    left = min(data["left"][i] for i in indexes)
    top = min(data["top"][i] for i in indexes)
    right = max(data["left"][i] + data["width"][i] for i in indexes)
    bottom = max(data["top"][i] + data["height"][i] for i in indexes)
    text = " ".join(str(data["text"][i]) for i in indexes)
    confidence = min(float(data["conf"][i]) for i in indexes) / 100.0
    return OcrLine(text, confidence, (left, top, right, bottom))


@lru_cache(maxsize=1)
def default_engine() -> OcrEngine:
    """The product's engine, loaded once per worker process on first use."""
    log.info("loading the OCR engine")
    return RapidEngine()


def read_lines(image: Image.Image, engine: OcrEngine | None = None) -> list[OcrLine]:
    """The image's lines in reading order, side-by-side boxes joined."""
    return join_rows((engine or default_engine()).read(image))
