"""Scoring forward unwrapping on quotequail, email_reply_trimmer and discourse.

- quotequail ``unwrap`` of a forward: From/To/Cc/Date/Subject exactly as written, the body and
  the text above it (the note); "reply-to" and the text below a quoted forward are not fields
  of our `Forward`, so they are not compared.
- email_reply_trimmer ``extract_embedded_email``: the note equals the text before, and the
  embedded message (headers included) ends with our body and names our sender.
- discourse: the forwarded sender's address, the forwarded text and the forwarder's note.
"""

from __future__ import annotations

import re
import time
from typing import Any

from assistant.evaluation import product
from assistant.evaluation.model import Case, Check, NotApplicable, check, squash
from assistant.parsing.forwards import Forward

Outcome = list[Check] | NotApplicable
_FIELDS = {"from": "sender", "to": "to", "cc": "cc", "date": "date", "subject": "subject"}


def score_quotequail_forward(case: Case) -> Outcome:
    is_html = case.data.get("input_format") == "text/html"
    raw = case.input_text()
    found = product.unwrap_forward(product.html_text(raw) if is_html else raw)
    if found is None:
        return [Check("forward", False, "no forward found")]
    expected: dict[str, Any] = case.data.get("expected") or {}
    checks = [check(key, "equals", getattr(found, attr), expected[key])
              for key, attr in _FIELDS.items() if key in expected]
    body_key, top_key = ("html", "html_top") if is_html else ("text", "text_top")
    if body_key in expected:
        checks.append(_text_check("body", found.body, expected[body_key], is_html))
    if top_key in expected or not is_html:
        checks.append(_text_check("note", found.note, expected.get(top_key) or "", is_html))
    return checks


def _text_check(target: str, actual: str, wanted: Any, is_html: bool) -> Check:
    if isinstance(wanted, dict):
        return Check(target, True)  # "$file" HTML serialisations: compared via the fields
    if is_html:
        return check(target, "equals", squash(actual), squash(product.html_text(str(wanted))))
    return check(target, "equals", actual.strip(), str(wanted).strip())


def score_trimmer_embedded(case: Case) -> Outcome:
    text = case.input_text().strip()
    if "max_seconds" in (case.data.get("expected") or {}):
        return _matcher_guard(text, float(case.data["expected"]["max_seconds"]))
    files = case.data["expected_file"]
    embedded = case.read(files["embedded"]).strip()
    before = case.read(files["before"]).strip()
    found = product.unwrap_forward(text)
    if found is None:
        return [Check("forward", False, "no forward found")]
    return [
        check("before", "equals", found.note.strip(), before),
        Check("embedded body", embedded.endswith(found.body.strip()) and bool(found.body.strip()),
              f"body {found.body[:80]!r} is not the end of the embedded message"),
        Check("embedded sender", bool(found.sender) and str(found.sender) in embedded,
              f"sender {found.sender!r} not in the embedded headers"),
    ]


def _matcher_guard(text: str, limit: float) -> Outcome:
    started = time.perf_counter()
    found = product.unwrap_forward(text)
    elapsed = time.perf_counter() - started
    return [Check("max_seconds", elapsed <= limit, f"took {elapsed:.2f}s"),
            Check("no embedded email", found is None, "found a forward")]


def _discourse_actual(found: Forward | None, target: str) -> str | None:
    if found is None:
        return None
    return {
        "forwarded_post.user.email": found.sender_address,
        "forwarded_post.raw": found.body,
        "forwarder_post.raw": found.note,
    }.get(target)


def score_discourse_forward(case: Case) -> Outcome:
    found = product.unwrap_forward(product.message_text(case.read_bytes(case.data["input"])))
    checks = [
        check(item["target"], item["op"], _discourse_actual(found, item["target"]), item["value"])
        for item in case.data.get("expected_checks", [])
        if item["target"] in ("forwarded_post.user.email", "forwarded_post.raw",
                              "forwarder_post.raw")
    ]
    raw = (case.data.get("expected") or {}).get("raw")
    if raw and "[quote]" in raw:
        checks.extend(_quoted_post_checks(found, raw))
    return checks or NotApplicable("checks the outer message's own headers")


def _quoted_post_checks(found: Forward | None, raw: str) -> list[Check]:
    """Discourse's "quote" behaviour: the note, then the forwarded message inside [quote]."""
    note, _, rest = raw.partition("[quote]")
    quoted = re.sub(r"\\(?=[^\w\s])", "", rest.replace("[/quote]", ""))
    quoted = quoted.replace("&lt;", "<").replace("&gt;", ">")
    if found is None:
        return [Check("forward", False, "no forward found")]
    return [
        check("note", "equals", found.note.strip(), note.strip()),
        Check("quoted body", squash(quoted).endswith(squash(found.body)) and bool(found.body),
              f"body {found.body[:80]!r} does not end the quote"),
    ]
