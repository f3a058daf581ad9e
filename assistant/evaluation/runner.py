"""Run every scorer over the corpora, tabulate pass rates, compare them with the floors.

A crash is a failure and is listed by case id; nothing a corpus contains stops the run.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from assistant.evaluation.labels import label_json, render_labels
from assistant.evaluation.model import Case, CaseResult, NotApplicable, Status
from assistant.evaluation.own_corpus import SPLITS, split_cases
from assistant.evaluation.suites import corpus_cases, scorer_for

logger = logging.getLogger(__name__)
FLOORS_PATH = Path(__file__).with_name("floors.json")


@dataclass(frozen=True)
class Row:
    """Pass rate of one (corpus, kind)."""

    corpus: str
    kind: str
    passed: int
    failed: int
    crashed: int
    not_applicable: int

    @property
    def scored(self) -> int:
        return self.passed + self.failed + self.crashed

    @property
    def rate(self) -> float | None:
        return self.passed / self.scored if self.scored else None

    @property
    def key(self) -> str:
        return f"{self.corpus}/{self.kind}"


def score_case(case: Case) -> CaseResult:
    try:
        outcome = scorer_for(case.corpus)(case)
    except Exception as exc:  # a crash is a result to report, never a reason to stop
        logger.warning("case %s/%s crashed: %r", case.corpus, case.id, exc)
        return CaseResult(case.corpus, case.kind, case.id, Status.CRASHED, (repr(exc),))
    if isinstance(outcome, NotApplicable):
        return CaseResult(case.corpus, case.kind, case.id, Status.NOT_APPLICABLE, (outcome.reason,))
    failures = tuple(f"{c.target}: {c.detail}" for c in outcome if not c.ok)
    status = Status.FAILED if failures else Status.PASSED
    return CaseResult(case.corpus, case.kind, case.id, status, failures, tuple(outcome))


def evaluate(corpus_dir: Path, splits: tuple[str, ...] = SPLITS) -> list[CaseResult]:
    """Score every case of every corpus folder (those with a manifest.json), then the
    project's own splits of whole messages (held-out and dev)."""
    results: list[CaseResult] = []
    for folder in sorted(p for p in corpus_dir.iterdir() if (p / "manifest.json").is_file()):
        results.extend(score_case(case) for case in corpus_cases(folder))
    for split in splits:
        results.extend(score_case(case) for case in split_cases(split))
    return results


def tabulate(results: list[CaseResult]) -> list[Row]:
    counts: dict[tuple[str, str], dict[Status, int]] = defaultdict(lambda: defaultdict(int))
    for result in results:
        counts[(result.corpus, result.kind)][result.status] += 1
    return [
        Row(corpus, kind, c[Status.PASSED], c[Status.FAILED], c[Status.CRASHED],
            c[Status.NOT_APPLICABLE])
        for (corpus, kind), c in sorted(counts.items())
    ]


def totals(rows: list[Row]) -> list[Row]:
    """One row per kind over all corpora."""
    by_kind: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_kind[row.kind].append(row)
    return [
        Row("(all corpora)", kind, sum(r.passed for r in group), sum(r.failed for r in group),
            sum(r.crashed for r in group), sum(r.not_applicable for r in group))
        for kind, group in sorted(by_kind.items())
    ]


def load_floors(path: Path = FLOORS_PATH) -> dict[str, float]:
    if not path.is_file():
        return {}
    return {key: float(value) for key, value in json.loads(path.read_text()).items()}


def below_floor(rows: list[Row], floors: dict[str, float]) -> list[str]:
    """Keys of the rows whose pass rate is under their floor."""
    return [row.key for row in rows
            if row.key in floors and row.rate is not None and row.rate < floors[row.key]]


def render(rows: list[Row], floors: dict[str, float]) -> str:
    header = f"{'corpus':30} {'kind':22} {'pass':>5} {'scored':>6} {'rate':>7} {'floor':>6}" \
             f" {'n/a':>5} {'crash':>5}"
    lines = [header, "-" * len(header)]
    for row in rows:
        rate = f"{row.rate:.3f}" if row.rate is not None else "n/a"
        floor = f"{floors[row.key]:.2f}" if row.key in floors else ""
        lines.append(f"{row.corpus:30} {row.kind:22} {row.passed:5} {row.scored:6} {rate:>7} "
                     f"{floor:>6} {row.not_applicable:5} {row.crashed:5}")
    return "\n".join(lines)


def to_json(rows: list[Row], results: list[CaseResult], floors: dict[str, float]) -> dict:
    return {
        "rows": [
            {"corpus": r.corpus, "kind": r.kind, "passed": r.passed, "scored": r.scored,
             "failed": r.failed, "crashed": r.crashed, "not_applicable": r.not_applicable,
             "rate": None if r.rate is None else round(r.rate, 4), "floor": floors.get(r.key)}
            for r in rows
        ],
        "totals": [{"kind": r.kind, "passed": r.passed, "scored": r.scored,
                    "rate": None if r.rate is None else round(r.rate, 4)} for r in totals(rows)],
        "below_floor": below_floor(rows, floors),
        "crashes": [f"{r.corpus}/{r.case_id}: {r.failures[0]}" for r in results
                    if r.status is Status.CRASHED],
        "failures": {f"{r.corpus}/{r.case_id}": list(r.failures) for r in results
                     if r.status is Status.FAILED},
        "not_applicable": _reasons(results),
        "labels": label_json(results),
    }


def _reasons(results: list[CaseResult]) -> dict[str, dict[str, int]]:
    reasons: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in results:
        if r.status is Status.NOT_APPLICABLE:
            reasons[f"{r.corpus}/{r.kind}"][r.failures[0]] += 1
    return {key: dict(value) for key, value in reasons.items()}


def run(corpus_dir: Path, json_out: Path | None = None, enforce_floors: bool = True,
        splits: tuple[str, ...] = SPLITS) -> int:
    """Print the pass-rate table and the per-label scores; write them as JSON; exit status 1
    when below a floor. ``splits``: the project's own splits scored after the corpora."""
    results = evaluate(corpus_dir, splits)
    rows = tabulate(results)
    floors = load_floors()
    print(render(rows + totals(rows), floors))
    print()
    print(render_labels(results))
    for key, reasons in _reasons(results).items():
        for reason, count in reasons.items():
            print(f"not applicable  {key}: {count} ({reason})")
    crashes = [r for r in results if r.status is Status.CRASHED]
    for result in crashes:
        print(f"CRASH {result.corpus}/{result.case_id}: {result.failures[0]}")
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(to_json(rows, results, floors), indent=2,
                                       ensure_ascii=False))
    failing = below_floor(rows, floors)
    for key in failing:
        print(f"BELOW FLOOR {key}")
    return 1 if enforce_floors and failing else 0
