"""Run a command with the process clock moved to the dates that break date handling.

    python -m tests.time_travel pytest -q -m "not servers"     # each date in turn
    python -m tests.time_travel assistant demo
    python -m tests.time_travel --at 2028-02-29T15:00:00+00:00 assistant demo

Each run is a child process whose wall clock (``datetime.now``, ``time.time``...) starts at
the date and ticks on: the ``time-machine`` library moves it inside Python (libfaketime breaks
Python 3.11's ``time.sleep`` and ``Event.wait``). The dates are computed from today, so the
list never goes stale: the next Saturday, the US and EU daylight-saving switch days ahead,
31 December 23:30 in Chicago (the demo owner's zone), 29 February 2028, and two years ahead.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from dateutil.relativedelta import SU, relativedelta

CHICAGO = ZoneInfo("America/Chicago")


def travel_dates(today: date) -> dict[str, datetime]:
    """The moments to run at, named, all after ``today``."""
    year = today.year + 1
    return {
        "saturday": _utc(today + timedelta(days=(5 - today.weekday()) % 7 or 7), time(15)),
        # Chicago springs forward at 02:00 local on the second Sunday of March (08:00 UTC)
        # and falls back on the first Sunday of November (07:00 UTC): just before each.
        "us_dst_spring": _utc(date(year, 3, 1) + relativedelta(weekday=SU(2)), time(7, 45)),
        "us_dst_fall": _utc(date(year, 11, 1) + relativedelta(weekday=SU(1)), time(6, 45)),
        # The EU switches at 01:00 UTC on the last Sunday of March and of October.
        "eu_dst_spring": _utc(date(year, 3, 31) + relativedelta(weekday=SU(-1)), time(0, 45)),
        "eu_dst_fall": _utc(date(year, 10, 31) + relativedelta(weekday=SU(-1)), time(0, 45)),
        "new_years_eve_chicago": datetime.combine(
            date(today.year if (today.month, today.day) != (12, 31) else year, 12, 31),
            time(23, 30), tzinfo=CHICAGO).astimezone(UTC),
        "leap_day_2028": _utc(date(2028, 2, 29), time(15)),
        "two_years_ahead": _utc(today + relativedelta(years=2), time(15)),
    }


def _utc(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=UTC)


def run_at(moment: datetime, command: list[str]) -> int:
    """``command`` (a console script of this environment, or ``pytest``) at ``moment``."""
    import time_machine

    with time_machine.travel(moment, tick=True):
        if command[0] == "pytest":
            import pytest

            return int(pytest.main(command[1:]))
        if command[0] == "assistant":
            from assistant.cli import main

            try:
                main(command[1:])
            except SystemExit as exc:
                return int(exc.code or 0)
            return 0
    raise SystemExit(f"time_travel: runs pytest or assistant, not {command[0]!r}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["--at"]:
        return run_at(datetime.fromisoformat(argv[1]), argv[2:])
    moments = travel_dates(datetime.now(UTC).date())
    # pytest runs are independent processes (each its own --basetemp): as many at once as the
    # machine has cores; anything else (the demo keeps its state on disk) runs one at a time
    jobs = max(1, min(os.cpu_count() or 1, 4)) if argv[:1] == ["pytest"] else 1
    failed = []
    with tempfile.TemporaryDirectory(prefix="time-travel-") as scratch:
        running: list[tuple[str, datetime, subprocess.Popen[bytes], Path]] = []
        pending = list(moments.items())
        while pending or running:
            while pending and len(running) < jobs:
                name, moment = pending.pop(0)
                command = [*argv, f"--basetemp={scratch}/{name}"] if jobs > 1 else argv
                log = Path(scratch) / f"{name}.log"
                with log.open("wb") as out:
                    child = subprocess.Popen(
                        [sys.executable, "-m", "tests.time_travel", "--at", moment.isoformat(),
                         *command], stdout=out, stderr=subprocess.STDOUT)
                running.append((name, moment, child, log))
            name, moment, child, log = running.pop(0)
            code = child.wait()
            print(f"time_travel: {name} {moment.isoformat()}: {' '.join(argv)}", flush=True)
            sys.stdout.write(log.read_text(errors="replace"))
            sys.stdout.flush()
            if code:
                failed.append(f"{name} ({moment.isoformat()}): exit {code}")
    for line in failed:
        print(f"time_travel: FAILED at {line}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
