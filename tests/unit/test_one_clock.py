"""One clock: product code reads the wall clock only in ``assistant/clock.py``.

Every time the assistant writes or compares comes from the app's injectable clock, so the
demo and the tests behave the same on any date. Monotonic timers (durations) are allowed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = [ROOT / "assistant", ROOT / "workers"]
ALLOWED = {ROOT / "assistant" / "clock.py"}
# (object, attribute) pairs that read the wall clock.
WALL_CLOCK = {("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"),
              ("date", "today"), ("time", "time"), ("time", "time_ns"),
              ("time", "localtime"), ("time", "gmtime"), ("time", "ctime")}


def wall_clock_reads(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if (name, node.func.attr) in WALL_CLOCK:
                # time.localtime(x)/gmtime(x)/ctime(x) with an argument convert, not read
                if name == "time" and node.func.attr in ("localtime", "gmtime", "ctime") \
                        and node.args:
                    continue
                found.append((node.lineno, f"{name}.{node.func.attr}()"))
    return found


def test_the_checker_finds_every_form() -> None:
    # Given each way of reading the wall clock, and one way that only converts
    source = ("import datetime, time\nfrom datetime import date\n"
              "a = datetime.datetime.now()\nb = datetime.now(UTC)\nc = date.today()\n"
              "d = time.time()\ne = datetime.utcnow()\nf = time.gmtime(0)\n")
    # Then the checker reports the five reads and not the conversion
    assert [line for line, _ in wall_clock_reads(source)] == [3, 4, 5, 6, 7]


@pytest.mark.parametrize("path", sorted(p for base in PRODUCT for p in base.rglob("*.py")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_product_code_reads_only_the_app_clock(path: Path) -> None:
    # Given a module of the product
    if path in ALLOWED:
        return
    # When it is scanned for wall-clock reads
    reads = wall_clock_reads(path.read_text(encoding="utf-8"))
    # Then there are none: times come from the app's clock (assistant.clock)
    assert reads == [], f"{path.relative_to(ROOT)} reads the wall clock: {reads}"
