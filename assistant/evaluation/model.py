"""The evaluation's vocabulary: a corpus case, the checks run on it, and its outcome.

A case passes when every applicable check passes. Checks on behaviour our product does not have
(a reply parser's fragment list, a quote's elided part) are not run: a case whose checks are all
of that sort is "not applicable", with the reason, rather than scored against an invented API.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

FORWARDS = "forward-unwrapping"
REPLIES = "reply-quote-trimming"
SIGNATURES = "signature-detection"
QUOTE_HEADERS = "quote-header-parsing"
FIELD_LABELS = "field-labels"


class Status(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    CRASHED = "crashed"
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class Case:
    """One case of a corpus manifest, with the folder its input paths are relative to."""

    corpus: str
    folder: Path
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.data.get("id", "?"))

    @property
    def kind(self) -> str:
        return str(self.data.get("kind", "unknown"))

    def read(self, relative: str) -> str:
        """A corpus file as text (UTF-8, undecodable bytes replaced)."""
        return (self.folder / relative).read_bytes().decode("utf-8", errors="replace")

    def read_bytes(self, relative: str) -> bytes:
        return (self.folder / relative).read_bytes()

    def input_text(self) -> str:
        return self.read(self.data["input"])


@dataclass(frozen=True)
class Check:
    """One assertion run against our output."""

    target: str
    ok: bool
    detail: str = ""


@dataclass(frozen=True)
class NotApplicable:
    """Why a case cannot be scored against the product's functions."""

    reason: str


@dataclass(frozen=True)
class CaseResult:
    corpus: str
    kind: str
    case_id: str
    status: Status
    failures: tuple[str, ...] = field(default=())
    checks: tuple[Check, ...] = field(default=())


def compare(op: str, actual: Any, expected: Any, flags: str = "") -> bool:
    """Apply one manifest comparison operator; unknown operators never pass."""
    if op == "equals":
        return bool(actual == expected)
    if op == "trimmed_equals":
        return isinstance(actual, str) and actual.strip() == str(expected).strip()
    if op == "contains":
        return actual is not None and str(expected) in actual
    if op == "not_contains":
        return actual is None or str(expected) not in actual
    if op == "startswith":
        return actual is not None and str(actual).startswith(str(expected))
    if op in ("regex", "regex_matches", "regex_not_matches"):
        found = actual is not None and _regex_search(str(expected), str(actual), flags)
        return found if op != "regex_not_matches" else not found
    if op == "non_empty":
        return bool(actual)
    if op == "line_count_equals":
        return actual is not None and len(str(actual).splitlines()) == expected
    return False


def _regex_search(pattern: str, text: str, flags: str) -> bool:
    options = re.MULTILINE if "m" in flags else 0
    pattern = pattern.replace(r"\A", "^") if not options else pattern
    return re.search(pattern, text, options) is not None


def check(target: str, op: str, actual: Any, expected: Any, flags: str = "") -> Check:
    ok = compare(op, actual, expected, flags)
    detail = "" if ok else f"{op} {_short(expected)}; got {_short(actual)}"
    return Check(target=target, ok=ok, detail=detail)


def _short(value: Any, limit: int = 120) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def squash(text: str | None) -> str:
    """Text without any whitespace, for whitespace-insensitive comparisons."""
    return re.sub(r"\s+", "", text or "")
