"""Time the text parsers (forwards + quotes + signatures) and, when importable,
``assistant.parsing.parse_message`` per message over the public corpora's inputs.

Usage: .venv/bin/python benchmarks/parse_bench.py [--corpus DIR] [--repeat N]
Prints p50/p99 milliseconds and messages per second; writes benchmarks/results/parse.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from email.message import EmailMessage
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.domain import OwnerIdentity  # noqa: E402
from assistant.parsing.forwards import unwrap_forward  # noqa: E402
from assistant.parsing.quotes import trim_reply  # noqa: E402
from assistant.parsing.signatures import split_signature  # noqa: E402

Item = TypeVar("Item")
RESULTS = ROOT / "benchmarks" / "results" / "parse.json"
OWNER = OwnerIdentity(name="Olivia Owner", addresses=("olivia@owner.example",), region="US",
                      assistant_addresses=("assistant@owner.example",))


def corpus_inputs(corpus_dir: Path) -> list[Path]:
    """Every distinct input file named by a manifest case, in a stable order."""
    found: set[Path] = set()
    for manifest in sorted(corpus_dir.glob("*/manifest.json")):
        data = json.loads(manifest.read_text(encoding="utf-8"))
        for case in data.get("cases", []):
            path = manifest.parent / str(case.get("input", ""))
            if path.is_file():
                found.add(path)
    return sorted(found)


def as_message(path: Path) -> bytes:
    """The file itself when it is a message, else its text as the body of a plain message."""
    raw = path.read_bytes()
    if path.suffix == ".eml":
        return raw
    message = EmailMessage()
    message["From"] = "Olivia Owner <olivia@owner.example>"
    message["To"] = "assistant@owner.example"
    message["Subject"] = "Fwd: corpus input"
    message.set_content(raw.decode("utf-8", errors="replace"))
    return bytes(message)


def text_pipeline(text: str) -> None:
    forward = unwrap_forward(text)
    note = forward.note if forward else text
    split_signature(trim_reply(note))
    if forward:
        split_signature(forward.body, forward.sender)


def time_each(items: Sequence[Item], work: Callable[[Item], object], repeat: int) -> list[float]:
    """Milliseconds per item (the best of `repeat` runs, to damp noise from other processes)."""
    timings = []
    for item in items:
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            work(item)
            best = min(best, time.perf_counter() - started)
        timings.append(best * 1000)
    return timings


def summary(timings: list[float]) -> dict[str, float]:
    ordered = sorted(timings)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]
    total = sum(ordered) / 1000
    return {
        "messages": len(ordered),
        "p50_ms": round(statistics.median(ordered), 4),
        "p99_ms": round(p99, 4),
        "max_ms": round(ordered[-1], 4),
        "messages_per_second": round(len(ordered) / total, 1) if total else 0.0,
    }


def parse_message_timings(paths: list[Path], repeat: int) -> dict[str, float] | str:
    try:
        from assistant.parsing import parse_message
    except ImportError as exc:
        return f"not importable: {exc}"
    messages = [as_message(p) for p in paths]
    return summary(time_each(messages, lambda raw: parse_message(raw, OWNER), repeat))


# Long hostile runs the rules must read in linear time (the unit tests check what they give).
LONG_RUNS = {
    "devanagari_run": "अनन्याशर्मा" * 3000 + "1",
    "arabic_names": "سارة الهاشمي " * 3000 + "!",
    "empty_commas": "one , , , two " * 3000 + "x",
    "inline_sites": " ".join(f"x{i}@d{i}.com d{i}.com" for i in range(300)),
    "legal_forms": "CFO at Acme " + "Sp. z o.o. A/S s.r.o. " * 3000 + "x",
}
LOAD = """
import time
started = time.perf_counter()
from assistant.parsing.labeller.tagger import read_block
read_block("Jane Doe\\nCTO\\nAcme Inc.")
print((time.perf_counter() - started) * 1000)
"""


def labeller_load_ms(runs: int = 3) -> float:
    """The block labeller's import, model load and first block in a fresh process (median)."""
    timings = [float(subprocess.run([sys.executable, "-c", LOAD], cwd=ROOT, check=True,
                                    capture_output=True, text=True).stdout)
               for _ in range(runs)]
    return round(statistics.median(timings), 1)


def long_run_ms() -> dict[str, float]:
    from assistant.parsing.contacts import find_urls, person_phones, role_in
    from assistant.parsing.people import find_people

    def read(text: str) -> None:
        find_people(text, OWNER)
        person_phones(text, "US")
        find_urls(text)
        role_in(text)
    return {name: round(ms, 1) for name, ms in
            zip(LONG_RUNS, time_each(list(LONG_RUNS.values()), read, 1), strict=True)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = corpus_inputs(args.corpus)
    runs = long_run_ms()
    texts = [p.read_bytes().decode("utf-8", errors="replace") for p in paths]
    result = {
        "corpus": str(args.corpus),
        "text_parsers": summary(time_each(texts, text_pipeline, args.repeat)),
        "parse_message": parse_message_timings(paths, args.repeat),
        "labeller_load_ms": labeller_load_ms(),
        "long_run_ms": runs,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    for name in ("text_parsers", "parse_message"):
        value = result[name]
        if isinstance(value, dict):
            print(f"{name:14} n={value['messages']:4}  p50 {value['p50_ms']:.3f} ms  "
                  f"p99 {value['p99_ms']:.3f} ms  {value['messages_per_second']:.0f} msg/s")
        else:
            print(f"{name:14} {value}")
    print(f"labeller load  {result['labeller_load_ms']:.0f} ms (fresh process, first block)")
    print("long runs      " + "  ".join(f"{k} {v:.0f} ms" for k, v in runs.items()))
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
