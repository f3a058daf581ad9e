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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Protocol

from PIL import Image

from assistant.cards.images import CardImageError
from assistant.cards.lines import Box, OcrLine, join_rows
from assistant.parsing.letters import LOWER, UPPER

log = logging.getLogger(__name__)

DET_SIDE = 960
# And at most this many pixels: a landscape card at DET_SIDE is within it, a square picture
# (a card cut out askew, a whole photo) is read a little smaller; the detector's activations
# grow with the area, 150 MB over the loaded engine for a 928 x 960 picture.
DET_PIXELS = DET_SIDE * 640
REC_BATCH = 3
# share of the direction votes (by weight) above which every box is turned the winning way
SURE_VOTES = 0.75
IMAGE_BUDGET_S = 30.0  # OCR time per picture; a picture past it is explained, not read


class OcrTimeout(CardImageError):
    """Raised when reading one picture outlasts its time budget."""


class OcrEngine(Protocol):
    name: str

    def read(self, image: Image.Image) -> list[OcrLine]:
        """The image's text boxes (not yet joined into rows)."""
        ...


class RapidEngine:
    """RapidOCR with character boxes, so words run together ("MarisolKettering") are split
    where the print leaves a gap: PP-OCR's recogniser often drops the space itself."""

    name = "rapidocr"

    def __init__(self, budget_s: float = IMAGE_BUDGET_S) -> None:
        from rapidocr_onnxruntime import RapidOCR

        _return_large_buffers()
        self.budget_s = budget_s
        self._budget = _Budget()

        # The detector reads the card at most DET_SIDE pixels long (card print stays legible);
        # its default, the short side raised to 736, costs 300 MB of activations per worker.
        self._ocr = RapidOCR(det_limit_type="max", det_limit_side_len=DET_SIDE,
                              rec_batch_num=REC_BATCH)
        _lean_sessions(self._ocr, self._budget)
        _detector_side(self._ocr.text_det, DET_SIDE)
        self._directions = _Directions(self._ocr.text_cls)
        self._ocr.text_cls = self._directions
        self._lock = threading.Lock()  # one ONNX session set per process, used in turn

    def read(self, image: Image.Image) -> list[OcrLine]:
        with self._lock, self._budget.running(self.budget_s):
            pixels = _bgr(image)
            _hand_back_free_heap()
            result, _ = self._ocr(pixels, use_cls=False)
            _hand_back_free_heap()
        return [_rapid_line(item) for item in result or []]

    def read_upright(self, image: Image.Image) -> Upright:
        """The card read once, whichever way up it lies: the direction classifier turns each
        upside-down box before it is recognised, and its votes tell how the card lies."""
        with self._lock, self._budget.running(self.budget_s):
            self._directions.votes = []
            pixels = _bgr(image)
            _hand_back_free_heap()
            result, _ = self._ocr(pixels, use_cls=True)
            votes = self._directions.votes
            _hand_back_free_heap()
        return upright([_rapid_line(item) for item in result or []], votes, image.size)


def _bgr(image: Image.Image) -> Any:
    """The picture's pixels as the engine reads them (OpenCV's blue-green-red order), in one
    array: handed a Pillow picture, RapidOCR keeps an RGB copy and a BGR copy of it through
    the whole reading."""
    import cv2
    import numpy as np

    return cv2.cvtColor(np.asarray(image.convert("RGB") if image.mode != "RGB" else image),
                        cv2.COLOR_RGB2BGR)


class _Directions:
    """PP-OCR's direction classifier, with its answers for the last picture kept: RapidOCR
    uses them to turn boxes and then drops them."""

    def __init__(self, classifier: Any) -> None:
        self._classifier = classifier
        self.votes: list[tuple[bool, float]] = []  # (upside down, weight) per box

    def __call__(self, crops: list[Any]) -> tuple[list[Any], list[list[Any]], float]:
        turned, answers, elapsed = self._classifier(crops)
        self.votes = [("180" in str(label), float(score) * crop.shape[1] / max(crop.shape[0], 1))
                      for (label, score), crop in zip(answers, crops, strict=True)]
        return agreed_turns(crops, turned, self.votes), answers, elapsed


def agreed_turns(crops: list[Any], turned: list[Any],
                 votes: Sequence[tuple[bool, float]]) -> list[Any]:
    """Every box turned the way the card lies, when the votes are sure of it: print on one card
    lies one way up, and the classifier misjudges a box now and then, most often a logo in
    capitals that look much the same either way up (H, I, N, O, S, W, M), which it then reads
    upside down as other letters. With split votes each box keeps its own turn."""
    down = sum(weight for flipped, weight in votes if flipped)
    total = sum(weight for _, weight in votes)
    if not total or max(down, total - down) / total < SURE_VOTES:
        return turned
    import cv2

    flipped = down > total / 2
    return [cv2.rotate(crop, cv2.ROTATE_180) if flipped else crop for crop in crops]


@dataclass(frozen=True)
class Upright:
    """Boxes placed as on the card turned upright (``turn`` degrees counter-clockwise), and
    how sure the votes were of that turn (share of the winning side, 0.5..1)."""

    lines: list[OcrLine]
    turn: int
    sureness: float


def upright(lines: list[OcrLine], votes: Sequence[tuple[bool, float]],
            size: tuple[int, int]) -> Upright:
    """A picture's boxes turned upright. Boxes taller than wide mean the card lies on its side;
    RapidOCR reads such a box turned a quarter counter-clockwise, so a box that then reads
    upright means the card was turned clockwise (and needs 90 degrees back), one that reads
    upside down the other way; wide boxes that read upside down mean a card turned over."""
    down = sum(weight for flipped, weight in votes if flipped)
    total = sum(weight for _, weight in votes) or 1.0
    flipped = down > total / 2
    sureness = max(down, total - down) / total
    turn = (270 if flipped else 90) if is_sideways(lines) else (180 if flipped else 0)
    return Upright([turned(line, turn, size) for line in lines], turn, sureness)


def is_sideways(boxes: Sequence[OcrLine]) -> bool:
    tall = sum(1 for b in boxes if b.height > 1.5 * (b.box[2] - b.box[0]) and len(b.text) > 1)
    return tall >= 3 and tall > len(boxes) / 2


def turned(line: OcrLine, turn: int, size: tuple[int, int]) -> OcrLine:
    """The line's box where it lands when the picture (``size``) is turned ``turn`` degrees
    counter-clockwise, as ``Image.rotate(turn, expand=True)`` turns it."""
    width, height = size
    left, top, right, bottom = line.box
    if turn == 90:
        box: Box = (top, width - right, bottom, width - left)
    elif turn == 180:
        box = (width - right, height - bottom, width - left, height - top)
    elif turn == 270:
        box = (height - bottom, left, height - top, right)
    else:
        return line
    return replace(line, box=box)


# glibc's mallopt parameters (malloc.h)
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD, M_ARENA_MAX = -1, -3, -8
MMAP_FROM = 4 << 20  # buffers this large and larger are mapped and unmapped on their own
KEEP_FREE = 64 << 20  # free heap kept for the next run instead of handed back at once


def _return_large_buffers() -> None:
    """The heap set for ONNX Runtime's runs, which allocate and free every activation (its
    memory arena is off, see ``_lean_sessions``). glibc by default raises its mmap threshold
    after the first large free, and the detector's activations then stay in heaps that never
    shrink (worker peak RSS about 490 MB). Mapping every buffer of 64 KB and more on its own
    kept the peak at 330 MB but made the kernel map, zero and unmap pages for every tensor of
    every run: three times the CPU per card (a third of it in the kernel). Now only the large
    buffers (the detector's maps) are mapped on their own, smaller ones are reused from one
    heap (not one per ONNX Runtime thread), and freed heap is kept for the next run."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(M_ARENA_MAX, 1)
        libc.mallopt(M_MMAP_THRESHOLD, MMAP_FROM)
        libc.mallopt(M_TRIM_THRESHOLD, KEEP_FREE)
    except (OSError, AttributeError):  # not glibc: its own allocator decides
        log.debug("mallopt unavailable", exc_info=True)


@lru_cache(maxsize=1)
def _malloc_trim() -> Any:
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


def _hand_back_free_heap() -> None:
    """Before and after a picture's runs, the heap freed since goes back to the system: the
    detector's activations then start from the same footprint instead of growing the heap
    around the leftovers of the last picture or of cutting this one's card out (worker peak
    RSS over 40 pictures 402-410 MB without, 392-402 MB after each picture; 352 MB also
    before, the full-size picture let go first), for a few per cent more CPU: twice per
    picture, not per tensor as the 64 KB mmap threshold did."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


class _Budget:
    """The time one picture may take: ONNX Runtime stops a run whose ``RunOptions`` say
    ``terminate``, so a timer thread sets that flag when the picture's time is up and every
    run of the detector, classifier and recogniser for that picture ends at once."""

    def __init__(self) -> None:
        import onnxruntime

        self._make = onnxruntime.RunOptions
        self.options = self._make()

    @contextmanager
    def running(self, seconds: float) -> Iterator[None]:
        self.options = options = self._make()
        timer = threading.Timer(seconds, setattr, (options, "terminate", True))
        timer.daemon = True
        timer.start()
        try:
            yield
        except Exception as exc:
            if options.terminate:
                raise OcrTimeout(f"reading it took longer than {seconds:g} seconds, so I "
                                 "stopped; a smaller, sharper photo of the card usually "
                                 "reads in a second or two") from exc
            raise
        finally:
            timer.cancel()


class _BudgetedSession:
    """An ONNX Runtime session whose runs use the current picture's ``RunOptions``."""

    def __init__(self, session: Any, budget: _Budget) -> None:
        self._session, self._budget = session, budget

    def run(self, names: Any, feed: Any, run_options: Any = None) -> Any:
        return self._session.run(names, feed, self._budget.options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


def _detector_side(detector: Any, side: int) -> None:
    """The detector reads the picture at most ``side`` pixels long and ``DET_PIXELS`` large.
    rapidocr_onnxruntime 1.4 takes ``det_limit_side_len`` but, with ``det_limit_type="max"``,
    replaces it by 960, 1500 or 2000 after the picture's own size, so a photo's card was
    detected at full size."""
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

    class _Capped(DetPreProcess):  # type: ignore[misc]
        def resize(self, img: Any) -> Any:
            self.limit_side_len = detector_side(img.shape[0], img.shape[1], side)
            return super().resize(img)

    capped = _Capped(side, "max", detector.mean, detector.std)
    detector.get_preprocess = lambda _longer_side: capped


def detector_side(height: int, width: int, side: int = DET_SIDE,
                  pixels: int = DET_PIXELS) -> int:
    """The longer side the detector reads a ``height`` x ``width`` picture at: at most
    ``side``, and less for a picture that would then be over ``pixels`` in area."""
    longer, area = max(height, width), max(height * width, 1)
    return min(side, int(longer * (pixels / area) ** 0.5))


def _lean_sessions(ocr: Any, budget: _Budget) -> None:
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
    for holder in (ocr.text_det.infer, ocr.text_rec.session, ocr.text_cls.infer):
        path = holder.session._model_path
        holder.session = _BudgetedSession(onnxruntime.InferenceSession(
            path, options, providers=["CPUExecutionProvider"]), budget)


def _rapid_line(item: Sequence[Any]) -> OcrLine:
    points, text, confidence = item[0], str(item[1]), float(item[2])
    xs, ys = [float(p[0]) for p in points], [float(p[1]) for p in points]
    box: Box = (min(xs), min(ys), max(xs), max(ys))
    return OcrLine(split_joined_words(text), confidence, box)


# PP-OCR's recogniser often drops the space between words set close together: "MarisolKettering",
# "SeniorAccountExecutive", "QRTLevant", "ofHotels". A case change marks where it was.
_JOINED = re.compile(r"(?<=[" + LOWER + r"]{2})(?<!Mac)(?=[" + UPPER + r"])"
                     r"|(?<=[" + UPPER + r"]{2})(?=[" + UPPER + r"][" + LOWER + r"]{2})")
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

        try:
            data = pytesseract.image_to_data(image.convert("RGB"), lang=self.languages,
                                             output_type=pytesseract.Output.DICT,
                                             timeout=self.timeout_s)
        except RuntimeError as error:  # pytesseract's own "Tesseract process timeout"
            if "timeout" not in str(error).lower():
                raise
            raise OcrTimeout(f"reading it took longer than {self.timeout_s:g} seconds, so I "
                             "stopped; a smaller, sharper photo of the card usually reads in "
                             "a second or two") from error
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
