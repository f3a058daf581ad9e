"""Scoring of parse_message against the labelled corpus in tests/corpus/notes (shared by tests)."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from email.utils import getaddresses
from pathlib import Path

from assistant.domain import OwnerIdentity
from assistant.parsing import parse_message

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "notes"
EXACT_FIELDS = ("emails", "phones", "company", "title", "urls", "introduced_by")
PRESENCE_FIELDS = ("context", "needs", "offers", "interests", "promises")


@dataclass
class Score:
    expected: int = 0
    returned: int = 0
    matched: int = 0
    kinds_right: int = 0
    notes_right: int = 0
    messages: int = 0
    field_right: dict[str, int] = field(default_factory=dict)
    field_total: dict[str, int] = field(default_factory=dict)
    owner_or_assistant_returned: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.returned if self.returned else 1.0

    @property
    def field_accuracy(self) -> float:
        total = sum(self.field_total.values())
        return sum(self.field_right.values()) / total if total else 1.0

    @property
    def note_accuracy(self) -> float:
        return self.notes_right / self.messages if self.messages else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.kinds_right / self.messages if self.messages else 1.0


def owner_of(expected: dict) -> OwnerIdentity:
    pairs = getaddresses([expected["_owner"]])
    return OwnerIdentity(name=pairs[0][0], addresses=(pairs[0][1].lower(),),
                         region=expected["_region"], assistant_addresses=(expected["_assistant"],))


def norm_text(value: object) -> str:
    text = unicodedata.normalize("NFC", str(value or "")).casefold()
    return re.sub(r"\s+", " ", text).strip(" .,;:")


def norm_url(value: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", value.lower()).rstrip("/")


def norm_field(name: str, value: object) -> object:
    if name == "urls":
        return sorted(norm_url(v) for v in value)
    if isinstance(value, list):
        return sorted(norm_text(v) for v in value)
    return norm_text(value) or None


def same_contact(expected: dict, got: dict) -> bool:
    if expected["name"] and got["name"] and norm_text(expected["name"]) == norm_text(got["name"]):
        return True
    return bool(set(expected["emails"]) & set(got["emails"]))


def score_file(path: Path, score: Score) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    owner = owner_of(expected)
    got = parse_message(path.read_bytes(), owner).to_json()
    score.messages += 1
    if got["kind"] == expected["kind"]:
        score.kinds_right += 1
    else:
        score.misses.append(f"{path.stem}: kind {got['kind']} != {expected['kind']}")
    if _words(got["owner_note"]) == _words(expected["owner_note"]):
        score.notes_right += 1
    else:
        score.misses.append(f"{path.stem}: owner_note {got['owner_note'][:60]!r}")
    _check_not_owner(path.stem, got["contacts"], owner, score)
    _score_contacts(path.stem, expected["contacts"], list(got["contacts"]), score)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _check_not_owner(stem: str, contacts: list[dict], owner: OwnerIdentity, score: Score) -> None:
    for contact in contacts:
        emails = contact["emails"]
        if any(owner.is_owner_address(e) or owner.is_assistant_address(e) for e in emails) or (
            contact["name"] and norm_text(contact["name"]) == norm_text(owner.name)
        ):
            score.owner_or_assistant_returned.append(stem)


def _score_contacts(stem: str, expected: list[dict], got: list[dict], score: Score) -> None:
    score.expected += len(expected)
    score.returned += len(got)
    for want in expected:
        match = next((g for g in got if same_contact(want, g)), None)
        if match is None:
            score.misses.append(f"{stem}: missing {want['name'] or want['emails']}")
            continue
        got.remove(match)
        score.matched += 1
        _score_fields(stem, want, match, score)
    for extra in got:
        score.misses.append(f"{stem}: extra {extra['name']} {extra['emails']}")


def _score_fields(stem: str, want: dict, got: dict, score: Score) -> None:
    for name in EXACT_FIELDS + PRESENCE_FIELDS:
        if name in EXACT_FIELDS:
            right = norm_field(name, want[name]) == norm_field(name, got[name])
        else:
            right = bool(want[name]) == bool(got[name])
        score.field_total[name] = score.field_total.get(name, 0) + 1
        score.field_right[name] = score.field_right.get(name, 0) + int(right)
        if not right:
            score.misses.append(f"{stem}: {want['name']}.{name} {got[name]!r} != {want[name]!r}")


def score_corpus(folder: Path = CORPUS) -> Score:
    score = Score()
    for path in sorted(folder.glob("*.eml")):
        score_file(path, score)
    return score
