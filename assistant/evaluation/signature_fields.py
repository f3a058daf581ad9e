"""Scoring signature field mining on email_signature_parser (field labels).

The product path: the readable text, the new text's signature (``split_signature``; the whole
text when none is found), then ``mine_signature`` for title, company, phones and URLs. Phones
are compared as E.164 numbers; a label our `SignatureFacts` has no field for (the name and
address the library reports, social-media links, fax lines, the caller-supplied address) is not
compared. Strings that cannot be phone numbers at all (the upstream ZIP+4 quirk) are skipped.
"""

from __future__ import annotations

from typing import Any

import phonenumbers

from assistant.evaluation import product
from assistant.evaluation.model import Case, Check, NotApplicable, check

Outcome = list[Check] | NotApplicable
_REGION = "US"


def _text(case: Case) -> str:
    fmt = str(case.data.get("input_format", ""))
    if fmt.startswith("message/rfc822"):
        return product.message_text(case.read_bytes(case.data["input"]))
    raw = case.input_text()
    return product.html_text(raw) if fmt == "text/html" else raw


def _sender(case: Case) -> tuple[str | None, str | None]:
    args: dict[str, Any] = case.data.get("call_args") or {}
    name = args.get("name") or None
    sender = args.get("from") or (f"{name} <{args['email']}>" if name and args.get("email")
                                  else args.get("email"))
    return name, sender


def _e164(number: str) -> str | None:
    try:
        parsed = phonenumbers.parse(number, _REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _phone_checks(label: str, wanted: Any, phones: tuple[str, ...]) -> list[Check]:
    if "Fax" in label:
        return []
    if wanted == []:
        return [check(label, "equals", list(phones), [])]
    numbers = wanted if isinstance(wanted, list) else [wanted]
    valid = [n for n in (_e164(str(w)) for w in numbers) if n]
    return [Check(label, n in phones, f"{n} not in {list(phones)}") for n in valid]


def _url_check(label: str, wanted: Any, urls: tuple[str, ...]) -> Check:
    if wanted == []:
        return check(label, "equals", list(urls), [])
    bare = str(wanted).rstrip("/").split("://")[-1].removeprefix("www.")
    found = any(bare in url for url in urls)
    return Check(label, found, f"{wanted} not in {list(urls)}")


def score_signature_fields(case: Case) -> Outcome:
    try:
        from assistant.parsing.signature_fields import mine_signature
    except ImportError:
        return NotApplicable("the product's signature miner is not importable")
    name, sender = _sender(case)
    new_text = product.trimmed(_text(case))
    block = product.signature(new_text, sender) or new_text
    facts = mine_signature(block, name, _REGION)
    checks: list[Check] = []
    for label, wanted in (case.data.get("expected") or {}).items():
        if label.startswith("phones"):
            checks.extend(_phone_checks(label, wanted, facts.phones))
        elif label.startswith("links.other"):
            checks.append(_url_check(label, wanted, facts.urls))
        elif label == "job_title.title":
            checks.append(check(label, "equals", facts.title, wanted))
        elif label == "job_title" and wanted == {}:
            checks.append(check(label, "equals", facts.title, None))
        elif label == "company_name":
            checks.append(check(label, "equals", facts.company, wanted or None))
    return checks or NotApplicable("asserts only name, address or caller-supplied fields")
