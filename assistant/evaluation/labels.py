"""Per-label scores of the suites that check contacts field by field (``person:*``,
``field:*``, ``draft:*`` checks): people found (recall), contacts returned that were expected
(precision), each field's share of right values, and drafts free of private words."""

from __future__ import annotations

from collections import defaultdict

from assistant.evaluation.model import CaseResult


def label_counts(results: list[CaseResult]) -> dict[str, dict[str, list[int]]]:
    """corpus -> label -> [right, total]."""
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for result in results:
        for check in result.checks:
            if check.target.split(":")[0] in {"person", "field", "draft", "message"}:
                tally = counts[result.corpus][check.target]
                tally[0] += int(check.ok)
                tally[1] += 1
    return counts


def summary(labels: dict[str, list[int]]) -> dict[str, float | int | None]:
    found, total = labels.get("person:found", [0, 0])
    extra = labels.get("person:extra", [0, 0])[1]
    fields = [v for k, v in labels.items() if k.startswith("field:")]
    right, scored = sum(v[0] for v in fields), sum(v[1] for v in fields)
    out: dict[str, float | int | None] = {
        "recall": _rate(found, total), "precision": _rate(found, found + extra),
        "extra_contacts": extra, "field_accuracy": _rate(right, scored)}
    for key, (ok, n) in sorted(labels.items()):
        if key.startswith(("field:", "draft:", "message:")):
            out[key.split(":", 1)[1] if key.startswith("field:") else key] = _rate(ok, n)
    return out


def _rate(right: int, total: int) -> float | None:
    return round(right / total, 4) if total else None


def label_json(results: list[CaseResult]) -> dict[str, dict[str, float | int | None]]:
    return {corpus: summary(labels) for corpus, labels in sorted(label_counts(results).items())}


def render_labels(results: list[CaseResult]) -> str:
    lines = ["per-label scores (contacts field by field)"]
    for corpus, labels in sorted(label_counts(results).items()):
        head = summary(labels)
        lines.append(f"{corpus}: recall {_fmt(head['recall'])}  precision "
                     f"{_fmt(head['precision'])}  extra contacts {head['extra_contacts']}  "
                     f"fields {_fmt(head['field_accuracy'])}")
        for key, (ok, n) in sorted(labels.items()):
            if key != "person:extra":
                lines.append(f"  {key:24} {ok:4}/{n:<4} {ok / n:.3f}")
    return "\n".join(lines)


def _fmt(value: float | int | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
