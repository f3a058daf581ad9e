"""Scoring reply trimming on email_reply_trimmer, talon, discourse and quotequail.

- email_reply_trimmer ``trim`` = our visible text (it drops signatures too); ``elided`` (the
  cut-away part) is not something the product returns: not applicable.
- talon ``extract_from_plain``/``extract_from_html`` keep signatures = our trimmed reply; HTML
  goes through the product's HTML reader and is compared as text without whitespace.
- discourse: the post made from a message = our visible text of the product's MIME reading,
  compared with Markdown emphasis and whitespace runs ignored.
- quotequail ``quote`` = the visible part without the attribution line; ``unwrap`` of a reply
  = no forward found and the text above the quote kept.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.evaluation import product
from assistant.evaluation.model import Case, Check, NotApplicable, check, squash

Outcome = list[Check] | NotApplicable


def score_reply_trimmer(case: Case) -> Outcome:
    api = str(case.data.get("api", ""))
    if "[1]" in api:
        return NotApplicable("checks the elided part (the product keeps only the new text)")
    expected = case.read(case.data["expected_file"]).strip()
    actual = product.visible(case.input_text().strip()).strip()
    return [check("trim", "equals", actual, expected)]


def score_talon_quotations(case: Case) -> Outcome:
    data = case.data
    is_html = data.get("input_format") == "text/html"
    raw = case.input_text()
    text = product.html_text(raw) if is_html else raw
    actual = product.trimmed(text)
    if data.get("expected_checks"):
        if is_html:
            return NotApplicable("checks the HTML serialisation of the output")
        return [check("reply", item["op"], actual, item.get("value"))
                for item in data["expected_checks"]]
    expected = data.get("expected")
    if data.get("expected_file"):
        expected = case.read(data["expected_file"])
    if is_html:
        wanted = str(expected or "")
        if "html_to_text" not in data.get("api", ""):
            wanted = product.html_text(wanted)
        return [check("reply", "equals", squash(actual), squash(wanted))]
    return [check("reply", "equals", actual.strip(), str(expected).strip())]


_DETAILS_RE = re.compile(r"<details class='elided'>.*?</details>", re.DOTALL)


def _markdown_plain(text: str) -> str:
    """Discourse post Markdown to comparable text: emphasis, headings, escapes and spaces."""
    text = _DETAILS_RE.sub("", text)
    text = re.sub(r"[*#]|\\(?=[^\w\s])", "", text)
    return re.sub(r"\s+", " ", text).strip()


def score_discourse_reply(case: Case) -> Outcome:
    settings: dict[str, Any] = case.data.get("site_settings") or {}
    if settings.get("trim_incoming_emails") is False:
        return NotApplicable("expects untrimmed text (the product always trims)")
    raw = case.read_bytes(case.data["input"])
    text = product.message_text(raw, prefer_html=bool(settings.get("incoming_email_prefer_html")))
    actual = product.visible(text)
    expected = case.data.get("expected") or {}
    checks = [check("reply", item["op"], actual, item["value"])
              for item in case.data.get("expected_checks", []) if item.get("target") == "reply"]
    wanted = expected.get("reply", expected.get("raw"))
    if wanted is not None:
        checks.append(check("post", "equals", _markdown_plain(actual), _markdown_plain(wanted)))
    return checks or NotApplicable("checks Discourse's own post records")


def score_quotequail_quote(case: Case) -> Outcome:
    if case.data.get("api_kwargs"):
        return NotApplicable("checks the line-limit option of quote()")
    is_html = "html" in str(case.data.get("api"))
    parts = case.data.get("expected_with_quote_intro_line") or case.data.get("expected") or []
    wanted = "\n".join(text for visible, text in parts if visible)
    raw = case.input_text()
    actual = product.trimmed(product.html_text(raw) if is_html else raw)
    if is_html:
        wanted = product.html_text(wanted)
    return [check("visible", "equals", squash(actual), squash(wanted))]


def score_quotequail_reply(case: Case) -> Outcome:
    """``unwrap`` on a reply or a bare quote: no forward, and the text above the quote kept."""
    is_html = case.data.get("input_format") == "text/html"
    raw = case.input_text()
    text = product.html_text(raw) if is_html else raw
    expected = case.data.get("expected")
    checks = [Check("not a forward", product.unwrap_forward(text) is None, "found a forward")]
    if expected is None:
        return checks
    top = expected.get("html_top") if is_html else expected.get("text_top")
    if is_html and top:
        top = product.html_text(top)
    checks.append(check("text_top", "equals", squash(product.trimmed(text)), squash(top)))
    return checks
