"""Business cards read by each OCR engine, scored against their labels, and timed.

    .venv/bin/python -m benchmarks.cards_bench [--cards ../shared/cards] \
        [--engines rapidocr,tesseract] [--half odd|even] [--misses]

Each labelled card is read twice through the product's path (bytes -> picture -> straighten
-> turn upright -> OCR -> fields): as the scan, and as a photo-like variant made at run time
(``benchmarks/cards_photos.py``: on a table at an angle, held sideways or upside down, dim).
Scored per card: the person found (the name, or one of the expected emails), and the fields
name, email, main phone, company, title wherever the label gives them. The product's engine
is then run in a fresh worker-like process to measure its peak RSS with the OCR loaded.
Writes ``benchmarks/results/cards.json`` (keys in DESIGN.md) for the product's engine.

The cards are split in two fixed halves by image number: the odd half is the one whose misses
the field reader's rules may be tuned on, the even half is kept for checking them. Every run
prints each half's figures apart (``by_half`` in the JSON); ``--half`` reads one half only, and
``--misses`` never prints the even half's misses unless ``--half even`` asks for them.
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import re
import resource
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cleanco import basename
from PIL import Image

from assistant.cards.fields import CardReading, read_card
from assistant.cards.lines import OcrLine
from assistant.cards.ocr import IMAGE_BUDGET_S, OcrEngine, OcrTimeout, RapidEngine, TesseractEngine
from assistant.cards.reader import read_data
from benchmarks.cards_photos import photo_variant

RESULTS = Path(__file__).with_name("results") / "cards.json"
FIELDS = ("name", "email", "phone", "company", "title")
PRODUCT_ENGINE = "rapidocr"
HALVES = ("odd", "even")
VARIANTS = ("scan", "photo")


@dataclass
class Tally:
    cards: int = 0
    found: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    scored: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    seconds: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, label: dict, reading: CardReading, seconds: float) -> None:
        self.cards += 1
        self.seconds.append(seconds)
        checks = score(label, reading)
        self.found += person_found(label, reading)
        for name, ok in checks.items():
            self.scored[name] += 1
            self.right[name] += ok
            if not ok:
                self.misses.append(f"{label['image']} {name}: {_shown(name, reading)} "
                                   f"(label: {_expected(name, label)})")

    @property
    def field_accuracy(self) -> float:
        return sum(self.right.values()) / max(sum(self.scored.values()), 1)

    def row(self) -> dict[str, float]:
        seconds = sorted(self.seconds)
        return {
            "cards": self.cards, "person_found": round(self.found / max(self.cards, 1), 3),
            **{f: round(self.right[f] / max(self.scored[f], 1), 3) for f in FIELDS},
            "field_accuracy": round(self.field_accuracy, 3),
            "p50_s": round(statistics.median(seconds), 3) if seconds else 0.0,
            "p95_s": round(seconds[min(len(seconds) - 1, int(0.95 * len(seconds)))], 3)
            if seconds else 0.0,
        }


def _expected(name: str, label: dict) -> str:
    return repr({"name": label["name"], "email": label["emails_any_of"],
                 "phone": label["main_phone_any_of"], "company": label["company_spans"],
                 "title": label["title_spans"]}[name])


def _shown(name: str, reading: CardReading) -> str:
    value = {"name": reading.name, "email": reading.emails, "phone": reading.phones[:1],
             "company": reading.company, "title": reading.title}[name]
    return repr(value)


def half_of(label: dict) -> str:
    """The fixed half a labelled card belongs to, by its image number: odd (tuned on) or
    even (kept for checking)."""
    return "odd" if int(Path(label["image"]).stem) % 2 else "even"


def new_tallies() -> dict[str, Tally]:
    """One tally per variant ("scan", "photo") and per variant within each half
    ("scan odd", ...)."""
    return {f"{variant}{suffix}": Tally() for variant in VARIANTS
            for suffix in ("", *(f" {half}" for half in HALVES))}


def tally_reading(tallies: dict[str, Tally], label: dict, variant: str,
                  reading: CardReading, seconds: float) -> None:
    tallies[variant].add(label, reading, seconds)
    tallies[f"{variant} {half_of(label)}"].add(label, reading, seconds)


def combined(tallies: list[Tally]) -> Tally:
    both = Tally()
    for tally in tallies:
        for f in FIELDS:
            both.right[f] += tally.right[f]
            both.scored[f] += tally.scored[f]
        both.cards += tally.cards
        both.found += tally.found
        both.seconds += tally.seconds
        both.misses += tally.misses
    return both


def table_rows(tallies: dict[str, Tally]) -> dict[str, dict[str, float]]:
    """Rows "scan", "photo", "all", then for each half with cards "<half> scan",
    "<half> photo", "<half> all"."""
    rows = {variant: tallies[variant].row() for variant in VARIANTS}
    rows["all"] = combined([tallies[v] for v in VARIANTS]).row()
    for half in HALVES:
        parts = [tallies[f"{v} {half}"] for v in VARIANTS]
        if any(part.cards for part in parts):
            rows.update({f"{half} {v}": tallies[f"{v} {half}"].row() for v in VARIANTS})
            rows[f"{half} all"] = combined(parts).row()
    return rows


def shown_misses(tallies: dict[str, Tally], half: str | None) -> list[str]:
    """The misses to print: the asked half's, or the odd half's when none was asked (the even
    half's misses are not read while the rules are tuned)."""
    return [miss for v in VARIANTS for miss in tallies[f"{v} {half or 'odd'}"].misses]


def key(text: str | None) -> str:
    """Letters and digits only, case-folded, accents off, I/l alike (labels carry OCR slips:
    "lan Thornbury"), honorifics and degrees off."""
    if not text:
        return ""
    text = re.sub(r"(?i)\b(?:dr|prof|mr|mrs|ms|ph\.?\s?d|dipl\.?-?\s?ing|mba)\b\.?", " ", text)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", plain).replace("l", "i")


def score(label: dict, reading: CardReading) -> dict[str, bool]:
    checks = {"name": key(reading.name) == key(label["name"])}
    if label["emails_any_of"]:
        read = {e.lower() for e in reading.emails}
        checks["email"] = any({e.lower() for e in option} <= read
                              for option in label["emails_any_of"])
    if label["main_phone_any_of"]:
        checks["phone"] = bool(reading.phones) and reading.phones[0] in label["main_phone_any_of"]
    if label["company_spans"]:
        checks["company"] = _company_match(reading.company, label["company_spans"])
    if label["title_spans"]:
        checks["title"] = _span_match(reading.title, label["title_spans"])
    return checks


def _span_match(value: str | None, spans: list[str]) -> bool:
    """Equal to one of the accepted spans (letters and digits compared)."""
    return bool(value) and key(value) in {key(span) for span in spans}


def _company_match(value: str | None, spans: list[str]) -> bool:
    """Equal to one of the accepted spans, with or without a legal form at the end ("Ltd.",
    "Inc", "GmbH": cleanco's list). A card often prints its company twice, as the logo
    ("ACME") and as the legal name in the address block ("Acme, Ltd."); the labels name one or
    the other, and both are the company as written (DESIGN.md: legal suffixes kept)."""
    if not value:
        return False
    return (_span_match(value, spans)
            or key(without_legal_form(value)) in {key(without_legal_form(s)) for s in spans})


def without_legal_form(text: str) -> str:
    return str(basename(re.sub(r"\s*,\s*", ", ", text)))


def person_found(label: dict, reading: CardReading) -> bool:
    emails = {e.lower() for option in label["emails_any_of"] for e in option}
    return key(reading.name) == key(label["name"]) or bool(emails & set(reading.emails))


def variants(path: Path, number: int) -> dict[str, bytes]:
    scan = path.read_bytes()
    with Image.open(io.BytesIO(scan)) as image:
        return {"scan": scan, "photo": photo_variant(image, number)}


def run_engine(engine: OcrEngine, labels: list[dict], root: Path, region: str,
               progress: Callable[[str], None],
               lines_seen: dict[str, list[list[object]]] | None = None) -> dict[str, Tally]:
    """Every card read as scan and photo; ``lines_seen`` collects each reading's OCR lines
    (for ``--save-lines``)."""
    tallies = new_tallies()
    for label in labels:
        number = int(Path(label["image"]).stem)
        for variant, data in variants(root / label["image"], number).items():
            start = time.perf_counter()
            try:
                read = read_data(data, "", region, engine)
            except OcrTimeout:  # over the product's time budget: nothing read, time counted
                tally_reading(tallies, label, variant, CardReading(), time.perf_counter() - start)
                continue
            tally_reading(tallies, label, variant, read.reading, time.perf_counter() - start)
            if lines_seen is not None:
                lines_seen[f"{label['image']}|{variant}"] = [
                    [line.text, line.confidence, list(line.box)] for line in read.lines]
        progress(f"{engine.name} {label['image']}")
    return tallies


def score_saved_lines(labels: list[dict], saved: dict[str, list[list]], region: str
                      ) -> dict[str, Tally]:
    """The field reader alone, on OCR lines saved by an earlier run: no OCR, no timing. For
    working on the field reader; its figures are not the benchmark's."""
    tallies = new_tallies()
    for label in labels:
        for variant in VARIANTS:
            rows = saved.get(f"{label['image']}|{variant}")
            if rows is None:
                continue
            lines = [OcrLine(str(text), float(conf), tuple(box))  # type: ignore[arg-type]
                     for text, conf, box in rows]
            tally_reading(tallies, label, variant, read_card(lines, region), 0.0)
    return tallies


def _worker_rss(paths: list[str], queue: multiprocessing.Queue) -> None:
    """A worker-like process: the pipeline imported, the OCR loaded, cards read."""
    import assistant.pipeline.process  # noqa: F401 - what a worker has loaded
    from assistant.cards.ocr import default_engine

    engine = default_engine()
    for path in paths:
        read_data(Path(path).read_bytes(), "", "US", engine)
    queue.put(own_peak_rss_mb())


def own_peak_rss_mb() -> float:
    """This process's own peak RSS. Not ``ru_maxrss``: Linux carries the peak of the memory a
    process had before ``exec`` into it, and a "spawn" child is forked from the benchmark
    (which has read every card by then) before it execs Python, so ``ru_maxrss`` reported the
    benchmark's peak, not the worker's. ``VmHWM`` is the peak of the process's own memory."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # no procfs: the kernel's figure, which may include the parent's
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_rss_mb(root: Path, labels: list[dict]) -> float:
    """Peak RSS of a fresh process that reads 20 scans and their photo-like variants; the
    variants are made here first, so making them is not counted."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for label in labels[:20]:
            number = int(Path(label["image"]).stem)
            for variant, data in variants(root / label["image"], number).items():
                path = Path(folder) / f"{number}-{variant}.jpg"
                path.write_bytes(data)
                paths.append(str(path))
        context = multiprocessing.get_context("spawn")
        queue: multiprocessing.Queue = context.Queue()
        process = context.Process(target=_worker_rss, args=(paths, queue))
        process.start()
        rss = float(queue.get(timeout=1200))
        process.join()
    return round(rss, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cards", type=Path, default=Path("../shared/cards"))
    parser.add_argument("--engines", default="rapidocr,tesseract")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--region", default="US")
    parser.add_argument("--half", choices=HALVES,
                        help="read only the cards of this half (odd: tuned on; even: checking)")
    parser.add_argument("--misses", action="store_true",
                        help="print every wrong field of the asked half (the odd half's when "
                             "no half is asked)")
    parser.add_argument("--json-out", type=Path, default=RESULTS)
    parser.add_argument("--budget", type=float, default=IMAGE_BUDGET_S,
                        help="seconds per picture (the product's budget by default)")
    parser.add_argument("--save-lines", type=Path,
                        help="also write every reading's OCR lines to this JSON file")
    parser.add_argument("--lines", type=Path,
                        help="score the field reader alone on saved OCR lines (no OCR, no "
                             "timing, nothing written)")
    args = parser.parse_args(argv)
    labels_path = args.cards / "labels.json"
    if not labels_path.exists():
        print(f"cards bench skipped: no labelled cards at {args.cards}")
        return 0
    labels = json.loads(labels_path.read_text())
    labels = labels[: args.limit] if args.limit else labels
    if args.half:
        labels = [label for label in labels if half_of(label) == args.half]
    if args.lines:
        tallies = score_saved_lines(labels, json.loads(args.lines.read_text()), args.region)
        _print_table({"saved-lines": table_rows(tallies)})
        if args.misses:
            print("\n".join(shown_misses(tallies, args.half)))
        return 0
    lines_seen: dict[str, list[list[object]]] = {}
    engines: dict[str, Callable[[], OcrEngine]] = {
        "rapidocr": lambda: RapidEngine(budget_s=args.budget), "tesseract": TesseractEngine,
        "tesseract-eng": lambda: TesseractEngine("eng")}
    rows: dict[str, dict[str, dict[str, float]]] = {}
    for name in args.engines.split(","):
        engine = engines[name]()
        if name != "tesseract":
            engine.name = name  # type: ignore[misc]
        tallies = run_engine(engine, labels, args.cards, args.region,
                             lambda text: print(text, end="\r", file=sys.stderr, flush=True),
                             lines_seen if name == PRODUCT_ENGINE else None)
        rows[name] = table_rows(tallies)
        if args.misses:
            print("\n".join(shown_misses(tallies, args.half)))
    _print_table(rows)
    if args.save_lines:
        args.save_lines.write_text(json.dumps(lines_seen))
    if PRODUCT_ENGINE in rows:
        product = rows[PRODUCT_ENGINE]
        result: dict[str, object] = dict(product["all"])
        by_variant = {variant: product[variant] for variant in VARIANTS}
        by_half = {half: {part: product[f"{half} {part}"] for part in (*VARIANTS, "all")}
                   for half in HALVES if f"{half} all" in product}
        compared = {engine: {k: v for k, v in r.items() if k in (*VARIANTS, "all")}
                    for engine, r in rows.items()}
        result.update(engine=PRODUCT_ENGINE, by_variant=by_variant,
                      worker_rss_mb=worker_rss_mb(args.cards, labels),
                      engines_compared=compared, by_half=by_half)
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(result, indent=2) + "\n")
        print(f"worker peak RSS with OCR loaded: {result['worker_rss_mb']} MB; "
              f"wrote {args.json_out}")
    return 0


def _print_table(rows: dict[str, dict[str, dict[str, float]]]) -> None:
    columns = ("cards", "person_found", *FIELDS, "field_accuracy", "p50_s", "p95_s")
    print(f"\n{'engine':<14}{'variant':<12}" + "".join(f"{c:>15}" for c in columns))
    for engine, variants_ in rows.items():
        for variant, row in variants_.items():
            print(f"{engine:<14}{variant:<12}" + "".join(f"{row[c]:>15}" for c in columns))


if __name__ == "__main__":
    raise SystemExit(main())
