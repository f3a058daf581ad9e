"""Scoring on the EmailReplyParser family (GitHub, Zapier, willdurand, Crisp), mail-parser-reply
and extended_email_reply_parser.

Their "visible text" / "reply" / "body" is our owner's-note text (``visible``). Fragment 0 is the
text before the first quote or signature boundary: it is compared with our trimmed reply, with
and without its signature (the libraries disagree on whether "-Name" lines split a fragment).
Fragment counts, per-fragment flags, later fragments and the quoted part are a fragment model our
product does not have: those checks are not applicable.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from assistant.evaluation import product
from assistant.evaluation.model import Case, Check, NotApplicable, check

Outcome = list[Check] | NotApplicable
_NO_FRAGMENTS = "checks only fragment counts/flags or quoted parts (no fragment model)"


class _Reading:
    """Our outputs for one input, computed lazily once."""

    def __init__(self, text: str, sender: str | None = None) -> None:
        self.text = text
        self.sender = sender
        self._trimmed: str | None = None

    @property
    def trimmed(self) -> str:
        if self._trimmed is None:
            self._trimmed = product.trimmed(self.text)
        return self._trimmed

    @property
    def visible(self) -> str:
        return product.visible(self.text, self.sender)

    @property
    def signature(self) -> str | None:
        return product.signature(self.text, self.sender)


def score_reply_parser(case: Case) -> Outcome:
    """github-email_reply_parser, zapier, willdurand: ``expected`` dict with visible text etc."""
    expected: dict[str, Any] = case.data.get("expected") or {}
    reading = _Reading(case.input_text())
    checks: list[Check] = []
    if "visible_text" in expected:
        checks.append(_visible_check(reading, expected["visible_text"]))
    for item in expected.get("visible_text_checks", []) + expected.get("reply_checks", []):
        checks.append(check("reply", item["op"], reading.visible, item["value"]))
    if "reply_stripped" in expected:
        checks.append(check("reply", "equals", reading.visible.strip(), expected["reply_stripped"]))
    for item in expected.get("fragment_checks", []):
        if item.get("index") == 0 and item["op"] != "flags":
            checks.append(_first_fragment(reading, item["op"], item["value"]))
    if "max_seconds" in expected:
        checks.append(_timed(reading.text, float(expected["max_seconds"])))
    return checks or NotApplicable(_NO_FRAGMENTS)


def _visible_check(reading: _Reading, expected: str) -> Check:
    """Exact visible text, compared after trimming trailing whitespace on both sides."""
    return check("visible_text", "equals", reading.visible.rstrip(), expected.rstrip())


def _first_fragment(reading: _Reading, op: str, value: Any, flags: str = "") -> Check:
    actual = reading.trimmed
    if op in ("equals", "trimmed_equals"):
        op, value = "equals", str(value).strip()
    candidates = [reading.trimmed.strip(), reading.visible.strip()]
    best = next((c for c in candidates if check("f", op, c, value, flags).ok), actual)
    return check("fragments[0]", op, best, value, flags)


def _timed(text: str, limit: float) -> Check:
    started = time.perf_counter()
    product.visible(text)
    elapsed = time.perf_counter() - started
    return Check("max_seconds", elapsed <= limit, f"took {elapsed:.2f}s > {limit}s")


def score_crisp(case: Case) -> Outcome:
    """crisp-email-reply-parser: ``expected_checks`` with targets over fragments and text."""
    reading = _Reading(case.input_text())
    checks: list[Check] = []
    for item in case.data.get("expected_checks", []):
        made = _crisp_check(reading, item["target"], item["op"], item.get("value"),
                            item.get("flags", ""))
        if made is not None:
            checks.append(made)
    return checks or NotApplicable(_NO_FRAGMENTS)


def _crisp_check(reading: _Reading, target: str, op: str, value: Any, flags: str) -> Check | None:
    if target in ("visible_text", "parse_reply"):
        if op == "equals":  # trailing whitespace is not part of what a reader sees
            return check(target, op, reading.visible.rstrip(), str(value).rstrip())
        return check(target, op, reading.visible, value, flags)
    if target == "fragments[0]":
        return _first_fragment(reading, op, value, flags)
    if target == "fragments[*].signature" and op == "any_true":
        return Check(target, reading.signature is not None, "no signature found")
    return None


_MPR_TARGETS: dict[str, Callable[[_Reading], str | None]] = {
    "replies[0].body": lambda r: r.visible,
    "replies[0].content": lambda r: r.trimmed,
    "replies[0].signatures": lambda r: r.signature or "",
    "latest_reply": lambda r: r.visible,
}


def score_mail_parser_reply(case: Case) -> Outcome:
    """mail-parser-reply: checks on replies[0] (body, content, signatures) and latest_reply."""
    reading = _Reading(case.input_text())
    checks = [
        check(item["target"], item["op"], _MPR_TARGETS[item["target"]](reading), item["value"])
        for item in case.data.get("expected_checks", [])
        if item["target"] in _MPR_TARGETS
    ]
    return checks or NotApplicable("checks only later replies, their headers or their count")


def score_extended(case: Case) -> Outcome:
    """extended_email_reply_parser: contains / not_contains / equals on the visible reply."""
    if case.data.get("api", "").startswith("Mail::Message#extract_text"):
        return NotApplicable("checks the mail library's text extraction and From header")
    mode = str(case.data.get("input_mode", ""))
    raw = case.read_bytes(case.data["input"])
    text = product.message_text(raw) if mode.startswith("MIME") else raw.decode("utf-8", "replace")
    visible = product.visible(text)
    return [
        check("reply", item["op"], _squash_spaces(visible), _squash_spaces(item["value"]))
        for item in case.data.get("expected_checks", [])
    ]


def _squash_spaces(text: Any) -> Any:
    """Upstream checks a rendered reply: compare with runs of spaces and newlines collapsed."""
    return re.sub(r"\s+", " ", text).strip() if isinstance(text, str) else text
