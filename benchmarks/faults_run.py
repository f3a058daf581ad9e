"""``make faults``: SIGKILL the assistant at random points on real servers, then count losses.

    .venv/bin/python -m benchmarks.faults_run [--trials N] [--quick] [--seed S] [--out PATH]

Each trial kills the assistant (a fault point or a random delay) during ingestion, drafting or
sending, with an outage on top in every other trial (SMTP 421/451/550, Dovecot restarted during
IDLE, Redis restarted mid-run, PostgreSQL connections dropped or the cluster restarted), then
restarts it and waits until the work settles; then linked owners' follow-ups are killed
around the owner's own submission server (``owner_mailbox`` in the report). Writes
``benchmarks/results/faults.json`` with ``trials``, ``lost``, ``duplicate_contacts``,
``duplicate_sends``, ``unapproved_sends`` and per-trial details; exits 1 when any of those
counts is not zero.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks.faults_owner import OwnerTrial, run_owner_trials, summarize_owner
from benchmarks.faults_rig import running_rig
from benchmarks.faults_trials import OUTAGES, Trial, TrialResult, plan_trials

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "faults.json"
COUNTS = ("lost", "duplicate_contacts", "duplicate_sends", "unapproved_sends",
          "owner_notices_dropped")
QUICK_TRIALS = 150
OWNER_TRIALS = 12  # linked owners killed around their own submission server


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    trials = max(args.trials, QUICK_TRIALS) if args.quick else args.trials
    owner: list[OwnerTrial] = []
    with tempfile.TemporaryDirectory(prefix="faults-") as tmp:
        results, seconds = run_trials(Path(tmp), trials, args.seed, keep=args.keep,
                                      owner_trials=owner, owner_count=args.owner_trials)
    report = summarize(results, args.seed, seconds, owner)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    _print_summary(report, args.out)
    return 1 if any(report[name] for name in COUNTS) else 0


def run_trials(root: Path, count: int, seed: int, keep: Path | None = None,
               postgres: bool = True, outages: tuple[str, ...] = OUTAGES,
               every: int = 2, owner_trials: list[OwnerTrial] | None = None,
               owner_count: int = 0) -> tuple[list[TrialResult], float]:
    """``owner_trials``, when given, receives ``owner_count`` linked-owner trials
    (benchmarks/faults_owner.py) run on the same servers after the others."""
    started = time.monotonic()
    results: list[TrialResult] = []
    rng = random.Random(seed + 1)
    with running_rig(root, with_postgres=postgres) as rig:
        for spec in plan_trials(count, seed, rig.postgres is not None, outages, every):
            result = Trial(rig, spec, rng).run()
            results.append(result)
            _progress(result, len(results), count)
        if owner_trials is not None and owner_count:
            for trial in run_owner_trials(rig, owner_count, rng):
                owner_trials.append(trial)
                print(f"[owner] {trial.kill:16s} {trial.status:9s} deliveries="
                      f"{trial.deliveries} sent copies={trial.sent_copies} {trial.seconds}s",
                      flush=True)
        if keep is not None:
            _keep_logs(root, keep, results)
    return results, time.monotonic() - started


def summarize(results: list[TrialResult], seed: int, seconds: float,
              owner: list[OwnerTrial] | None = None) -> dict[str, object]:
    report: dict[str, object] = {"trials": len(results)}
    for name in COUNTS:
        report[name] = sum(len(getattr(r, name)) for r in results)
    if owner:  # linked owners' trials count in the same totals, and apart
        mailbox = summarize_owner(owner)
        report["duplicate_sends"] = int(str(report["duplicate_sends"])) + int(
            str(mailbox["duplicate_sends"]))
        report["lost"] = int(str(report["lost"])) + int(str(mailbox["lost"]))
        report["owner_mailbox"] = mailbox
    report.update({
        "failed_for_good": sum(r.failed_for_good for r in results),
        "owner_redeliveries": sum(r.owner_redeliveries for r in results),
        "refusals_not_kept": sum(r.refusals_not_kept for r in results),
        "seed": seed,
        "seconds": round(seconds, 1),
        "by_kind": dict(Counter(r.spec.kind for r in results)),
        "by_outage": dict(Counter(r.spec.outage for r in results)),
        "by_kill": dict(Counter(_kill_kind(r) for r in results)),
        "redis_broker_trials": sum(r.spec.redis for r in results),
        "postgres_trials": sum(r.spec.postgres for r in results),
        "supervisor_restarts": sum(r.supervisor_restarts for r in results),
        "recovery_restarts": sum(r.recovery_restarts for r in results),
        "problems": [r.to_json() for r in results if _problem(r)],
        "details": [_brief(r) for r in results],
    })
    return report


def _kill_kind(result: TrialResult) -> str:
    if result.killed_by.startswith("fault point"):
        return result.killed_by.split()[2]
    return "not reached" if "not reached" in result.killed_by else "random delay"


def _problem(result: TrialResult) -> bool:
    return any(getattr(result, name) for name in COUNTS)


def _brief(result: TrialResult) -> dict[str, object]:
    spec = result.spec
    return {"n": spec.number, "tag": result.tag, "kind": spec.kind, "outage": spec.outage,
            "redis": spec.redis, "postgres": spec.postgres, "killed_by": result.killed_by,
            "failed_for_good": result.failed_for_good,
            "owner_redeliveries": result.owner_redeliveries,
            "refusals_not_kept": result.refusals_not_kept,
            "supervisor_restarts": result.supervisor_restarts,
            "recovery_restarts": result.recovery_restarts, "seconds": result.seconds,
            **{name: len(getattr(result, name)) for name in COUNTS}}


def _progress(result: TrialResult, done: int, total: int) -> None:
    bad = sum(len(getattr(result, name)) for name in COUNTS)
    spec = result.spec
    print(f"[{done:3d}/{total}] {spec.kind:6s} {spec.outage:13s} "
          f"{'redis' if spec.redis else 'run  '} {'pg' if spec.postgres else 'sq'} "
          f"{result.killed_by:45.45s} {result.seconds:5.1f}s "
          f"{'OK' if not bad else 'PROBLEM ' + str(bad)}", flush=True)


def _print_summary(report: dict[str, object], out: Path) -> None:
    figures = ", ".join(f"{name}={report[name]}" for name in ("trials", *COUNTS))
    print(f"faults: {figures}; failed for good (5xx)={report['failed_for_good']}, "
          f"owner redeliveries={report['owner_redeliveries']}, "
          f"5xx refusals sent again later={report['refusals_not_kept']}; "
          f"supervisor restarts={report['supervisor_restarts']}, "
          f"recovery restarts={report['recovery_restarts']}; {report['seconds']} s -> {out}")


def _keep_logs(root: Path, keep: Path, results: list[TrialResult]) -> None:
    import shutil

    for result in results:
        if _problem(result):
            shutil.copytree(root / "trials" / result.tag, keep / result.tag,
                            ignore=shutil.ignore_patterns("*.db*"), dirs_exist_ok=True)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--trials", type=int, default=QUICK_TRIALS)
    parser.add_argument("--quick", action="store_true",
                        help="the CI size: 150 trials, short timings")
    parser.add_argument("--owner-trials", type=int, default=OWNER_TRIALS,
                        help="linked-owner trials (kill around the owner's own server)")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--keep", type=Path, default=None,
                        help="copy the logs of trials with problems here")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
