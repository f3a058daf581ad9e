"""The project's own splits of whole messages: ``heldout`` (written before the parser read it,
never tuned on), ``retired`` to ``retired25`` (the earlier held-out splits, each
opened for tuning once it had been measured) and ``dev`` (tuned on). Each ``X.eml`` has its
expected parse in ``X.json``.

Every contact field is scored (rules in :mod:`assistant.evaluation.contact_fields`), and the
first follow-up each contact would receive (``assistant draft``'s code path) is checked for the
owner's private words: words of the owner's note that are in none of the expected contacts'
fields, and that the draft templates do not say on their own.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import getaddresses
from pathlib import Path
from typing import Any

from assistant.domain import OwnerIdentity
from assistant.evaluation.contact_fields import contact_checks, content_words, norm_text
from assistant.evaluation.model import Case, Check

SPLITS_DIR = Path(__file__).resolve().parents[2] / "tests" / "corpus"
SPLITS = (
    "heldout", "retired", "retired2", "retired3", "retired4", "retired5", "retired6", "retired7",
    "retired8", "retired9", "retired10", "retired11",
    "retired12", "retired13", "retired14",
    "retired15", "retired16", "retired17", "retired18",
    "retired19", "retired20", "retired21", "retired22", "retired23",
    "retired24", "retired25",
    "dev",
)
KIND = "message-fields"
# A fixed Tuesday: the drafts scored never depend on the day the evaluation runs.
_READ_AT = datetime(2026, 11, 17, 18, 0, tzinfo=UTC)


def split_cases(split: str, root: Path = SPLITS_DIR) -> Iterator[Case]:
    folder = root / split
    for path in sorted(folder.glob("*.eml")):
        yield Case(split, folder, {"id": path.stem, "kind": KIND, "input": path.name})


def owner_of(expected: dict) -> OwnerIdentity:
    (name, address), = getaddresses([expected["_owner"]])
    return OwnerIdentity(name=name, addresses=(address.lower(),), region=expected["_region"],
                         assistant_addresses=(expected["_assistant"],))


def score_message(case: Case) -> list[Check]:
    from assistant.parsing import parse_message

    raw = case.read_bytes(case.data["input"])
    expected = json.loads(case.read(case.data["input"].replace(".eml", ".json")))
    owner = owner_of(expected)
    got: dict[str, Any] = parse_message(raw, owner).to_json()
    checks = [Check("message:kind", got["kind"] == expected["kind"],
                    f"got {got['kind']}, want {expected['kind']}")]
    checks += contact_checks(expected["contacts"], list(got["contacts"]))
    checks += draft_checks(raw, owner, expected)
    return checks


def draft_checks(raw: bytes, owner: OwnerIdentity, expected: dict) -> list[Check]:
    """One ``draft:private`` check per draft: none of the note's private words in it."""
    from assistant.drafting.preview import preview_drafts

    private = private_words(expected)
    checks = []
    for draft in preview_drafts(raw, owner, read_at=_READ_AT, timezone="UTC"):
        said = set(re.findall(r"\w+", norm_text(f"{draft.subject} {draft.body}")))
        # the name of the person the draft is addressed to is theirs, not the owner's word
        addressee = set(re.findall(r"\w+", norm_text(draft.contact or "")))
        leaked = sorted((said & private) - template_words() - addressee)
        checks.append(Check("draft:private", not leaked, f"{draft.contact}: {leaked}"))
    return checks


def private_words(expected: dict) -> set[str]:
    """Words of the owner's note that no expected field holds (3+ letters, not stop words)."""
    public: set[str] = set()
    for contact in expected["contacts"]:
        for value in contact.values():
            for item in value if isinstance(value, list) else [value]:
                public.update(re.findall(r"\w+", norm_text(item)))
    note = set(content_words(expected.get("owner_note", "")))
    return {w for w in note - public if len(w) > 2 and not w.isdigit()}


_TEMPLATE_WORDS: set[str] = set()


_SLOTS = {"needs": ("a designer",), "interests": ("sailing",), "promises": ("the deck",)}


def template_words() -> set[str]:
    """What the follow-up templates say themselves ("As promised, ..."): the words of drafts
    for contacts with each kind of slot filled, less the slots' own words."""
    if not _TEMPLATE_WORDS:
        from datetime import date, timedelta

        from assistant.drafting.profile import contact_profile, write_followup
        from assistant.drafting.types import SUPPORTED_LANGUAGES, OwnerVoice

        slot_words = {w for values in _SLOTS.values() for v in values for w in v.split()}
        slot_words.update(("summit", "alex", "doe", "sam", "rivera"))  # the slots below
        # every language the drafts are written in, and meetings from the same day to weeks
        # before: the templates say "yesterday", "last week", "Montag" … on their own; seen
        # from a Wednesday and from a Saturday, the days two to six back are all seven weekdays
        for language, today, days_ago in itertools.product(
                SUPPORTED_LANGUAGES, (date(2026, 11, 18), date(2026, 11, 21)),
                (0, 1, 2, 3, 4, 5, 6, 9, 20, 45)):
            for context in (None, "Met at the summit"):
                for kind in (None, *_SLOTS):
                    slots = {k: (_SLOTS[k] if k == kind else ()) for k in _SLOTS}
                    profile = contact_profile("Alex Doe", context,
                                              met_on=today - timedelta(days=days_ago),
                                              **slots)
                    draft = write_followup(OwnerVoice(name="Sam Rivera"), profile,
                                           today=today, language=language)
                    said = re.findall(r"\w+", norm_text(f"{draft.subject} {draft.body}"))
                    _TEMPLATE_WORDS.update(set(said) - slot_words)
    return _TEMPLATE_WORDS
