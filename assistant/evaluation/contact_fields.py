"""Field-by-field comparison of an expected contact with the parser's, shared by the suites
that score whole messages (the held-out and dev splits, quagga-enron).

Rules, stated once:
- name, company, title: equal after Unicode NFC, case folding and collapsing spaces (the name is
  scored even when the addresses already matched the contact);
- emails, phones, urls: the same set;
- context, needs, offers, interests, promises: by their words. Two phrases agree when the F1 of
  their content words (stop words dropped) is at least ``OVERLAP``; a list agrees when each
  expected phrase agrees with its own returned phrase and nothing is left over. A returned value
  where none is expected is wrong, and so is a missing one: presence alone is not enough.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from assistant.evaluation.model import Check

OVERLAP = 0.5
EXACT = ("name", "company", "title", "introduced_by")
SETS = ("emails", "phones", "urls")
TEXTS = ("context",)
LISTS = ("needs", "offers", "interests", "promises")
LABELS = ("name", "emails", "phones", "company", "title", "urls", "introduced_by", "context",
          "needs", "offers", "interests", "promises")
_STOP = set("""a an the of at in on to for and or with from by my our his her their its is was
he she they him them i we you me us it this that be are were has have had will would about as
der die das den dem ein eine einen und mit bei auf im am zu für von er sie es ich wir
le la les un une des et avec chez au aux du de en pour il elle je nous
el los las unos unas y con para por su sus yo""".split())


def norm_text(value: object) -> str:
    text = unicodedata.normalize("NFC", str(value or "")).casefold()
    return re.sub(r"\s+", " ", text).strip(" .,;:")


def norm_url(value: str) -> str:
    return re.sub(r"^(https?://)?(www\.)?", "", value.strip().lower()).rstrip("/")


def content_words(text: str | None) -> list[str]:
    return [w for w in re.findall(r"\w+", norm_text(text)) if w not in _STOP]


def overlap(expected: str | None, got: str | None) -> float:
    """F1 of the content words of two phrases (1.0 when both have none)."""
    want, have = content_words(expected), content_words(got)
    if not want and not have:
        return 1.0
    common = sum(min(want.count(w), have.count(w)) for w in set(want))
    if not common:
        return 0.0
    precision, recall = common / len(have), common / len(want)
    return 2 * precision * recall / (precision + recall)


def phrases_agree(expected: Iterable[str], got: Iterable[str]) -> bool:
    left = list(got)
    for want in expected:
        match = next((g for g in left if overlap(want, g) >= OVERLAP), None)
        if match is None:
            return False
        left.remove(match)
    return not left


def field_right(label: str, want: object, got: object) -> bool:
    if label in SETS:
        norm = norm_url if label == "urls" else norm_text
        return {norm(v) for v in want or ()} == {norm(v) for v in got or ()}  # type: ignore[attr-defined]
    if label in LISTS:
        return phrases_agree(want or (), got or ())  # type: ignore[arg-type]
    if label in TEXTS:
        if not want or not got:
            return not want and not got
        return overlap(str(want), str(got)) >= OVERLAP
    return (norm_text(want) or None) == (norm_text(got) or None)


def same_contact(want: dict, got: dict) -> bool:
    """The returned contact for an expected one: a shared address, else the same name."""
    if set(want.get("emails") or ()) & set(got.get("emails") or ()):
        return True
    return bool(want.get("name") and got.get("name")
                and norm_text(want["name"]) == norm_text(got["name"]))


def field_checks(want: dict, got: dict, labels: Iterable[str] = LABELS) -> list[Check]:
    """One ``field:<label>`` check per label."""
    checks = []
    for label in labels:
        ok = field_right(label, want.get(label), got.get(label))
        detail = "" if ok else (
            f"{want.get('name')}: got {got.get(label)!r}, want {want.get(label)!r}")
        checks.append(Check(f"field:{label}", ok, detail))
    return checks


def contact_checks(expected: list[dict], got: list[dict]) -> list[Check]:
    """Person found, each field, and no extra contacts."""
    checks: list[Check] = []
    left = list(got)
    for want in expected:
        match = next((g for g in left if same_contact(want, g)), None)
        checks.append(Check("person:found", match is not None,
                            "" if match else f"missing {want.get('name') or want.get('emails')}"))
        if match is None:
            continue
        left.remove(match)
        checks.extend(field_checks(want, match))
    checks.extend(Check("person:extra", False, f"extra {e.get('name')} {e.get('emails')}")
                  for e in left)
    return checks
