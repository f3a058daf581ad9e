"""Scoring signature detection on mailgun-forge (talon's labelled set) and talon's own tests.

Line-labelled bodies pass when the non-blank lines of our signature are exactly the lines marked
"#sig#" (and no signature when none is marked). Talon's API tests compare the text and the
signature we return with theirs, trailing whitespace ignored.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.evaluation.model import Case, Check, NotApplicable, check
from assistant.parsing.signatures import split_signature

Outcome = list[Check] | NotApplicable
_MARK_RE = re.compile(r"^#(?:sig|reply)#")


def _unmarked(text: str) -> str:
    return "\n".join(_MARK_RE.sub("", line) for line in text.splitlines())


def _signature_lines(text: str, sender: str | None) -> set[int]:
    """0-based indexes of the non-blank lines our signature covers."""
    lines = text.splitlines()
    _, found = split_signature(text, sender)
    if found is None:
        return set()
    count = len(found.splitlines())
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    start = _block_start(lines, last, count)
    return {i for i in range(start, last + 1) if lines[i].strip()}


def _block_start(lines: list[str], last: int, count: int) -> int:
    return max(0, last - count + 1)


def _line_check(text: str, sender: str | None, expected: dict[str, Any]) -> Check:
    lines = text.splitlines()
    wanted = {i for i in expected.get("signature_line_indexes", []) if i < len(lines)
              and lines[i].strip()}
    got = _signature_lines(text, sender)
    return Check("signature lines", got == wanted, f"expected lines {sorted(wanted)}, got "
                 f"{sorted(got)}")


def score_forge(case: Case) -> Outcome:
    text = _unmarked(case.input_text())
    sender = case.data.get("sender")
    return [_line_check(text, sender, case.data.get("expected") or {})]


def score_talon_signature(case: Case) -> Outcome:
    data = case.data
    text = case.input_text()
    sender = data.get("sender")
    if data.get("sender_file"):
        sender = case.read(data["sender_file"]).strip()
    expected: dict[str, Any] = data.get("expected") or {}
    if "signature_line_indexes" in expected:
        return [_line_check(_unmarked(text), sender, expected)]
    # Some fixtures keep talon's "#sig#" line labels in the body and the expected signature:
    # they are annotations, not text, and are removed from both sides.
    body, found = split_signature(_unmarked(text), sender)
    wanted_signature = expected.get("signature")
    if data.get("expected_file"):
        wanted_signature = _unmarked(case.read(data["expected_file"])).strip() or None
    checks = []
    if "signature" in expected or data.get("expected_file"):
        checks.append(check("signature", "equals", _norm(found), _norm(wanted_signature)))
    if "text" in expected:
        wanted_text = _unmarked(str(expected["text"])).rstrip()
        checks.append(check("text", "equals", body.rstrip(), wanted_text))
    return checks or NotApplicable("no assertion on text or signature")


def _norm(text: str | None) -> str | None:
    if text is None:
        return None
    return text.replace("\r\n", "\n").strip() or None
