"""A contact being assembled from several clues, then frozen into a ParsedContact.

Private to the parser: the stages after it only ever see the frozen ParsedContact.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.domain import OwnerIdentity, ParsedContact
from assistant.parsing.classify import is_automated_address
from assistant.parsing.context import ContextFacts
from assistant.parsing.name_order import called_by

_MEMO_LIMIT = 200  # characters: longer strings (whole lines of text) are not remembered


@dataclass
class ContactDraft:
    """Mutable while one message is read; ``freeze`` gives the boundary type."""

    name: str | None = None
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    company: str | None = None
    title: str | None = None
    urls: list[str] = field(default_factory=list)
    introduced_by: str | None = None
    context: str | None = None
    needs: list[str] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    promises: list[str] = field(default_factory=list)
    # False when the owner says they have not met the person yet. Not yet in ParsedContact:
    # carried to drafts once the boundary type and the store hold it.
    met: bool = True

    def add_facts(self, facts: ContextFacts) -> None:
        self.context = self.context or facts.context
        for key in ("needs", "offers", "interests", "promises"):
            values = getattr(self, key)
            values.extend(v for v in getattr(facts, key) if v not in values)

    def absorb(self, other: ContactDraft) -> None:
        """Fill what is missing from another draft of the same person; lists are unioned."""
        if other.name and (not self.name or len(other.name) > len(self.name)):
            self.name = other.name
        for key in ("company", "title", "introduced_by", "context"):
            if getattr(self, key) is None:
                setattr(self, key, getattr(other, key))
        self.met = self.met and other.met
        for key in ("emails", "phones", "urls", "needs", "offers", "interests", "promises"):
            values = getattr(self, key)
            values.extend(v for v in getattr(other, key) if v not in values)

    def same_person(self, other: ContactDraft) -> bool:
        if set(self.emails) & set(other.emails):
            return True
        if not self.name or not other.name:
            return False
        if self.emails and other.emails:
            return False
        mine, theirs = name_key(self.name), name_key(other.name)
        if mine == theirs or _first_name_of(mine, theirs) or _first_name_of(theirs, mine):
            return True
        # "Kelvin Lam" in the To line, "Kelvin Lam Ka Chon" in the text: a whole name of two
        # words or more that opens the longer one
        if (" " in mine and theirs.startswith(f"{mine} ")) or (
                " " in theirs and mine.startswith(f"{theirs} ")):
            return True
        # "Kok Leong" for "Tan Kok Leong": the given name of a name written family name first
        # (the cheap test first: the shorter name ends the longer one)
        if not (mine.endswith(f" {theirs}") or theirs.endswith(f" {mine}")):
            return False
        given = called_by(self.name) or called_by(other.name)
        return given is not None and name_key(given) in (mine, theirs)

    def freeze(self) -> ParsedContact:
        return ParsedContact(
            name=self.name, emails=tuple(self.emails), phones=tuple(self.phones),
            company=self.company, title=self.title, urls=tuple(self.urls),
            introduced_by=self.introduced_by, context=self.context, needs=tuple(self.needs),
            offers=tuple(self.offers), interests=tuple(self.interests),
            promises=tuple(self.promises), met=self.met,
        )


_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w ]")


def name_key(name: str) -> str:
    """Case-folded, accent-insensitive form for comparing names."""
    return _name_key_memo(name) if len(name) <= _MEMO_LIMIT else _name_key(name)


def _name_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = decomposed if decomposed.isascii() else "".join(
        ch for ch in decomposed if not unicodedata.combining(ch))  # ASCII holds no mark
    return _NOT_WORD.sub("", _SPACES.sub(" ", plain)).strip()


# Merging compares every pair of drafts by name, many times a message: remembered (short only).
_name_key_memo = lru_cache(maxsize=4096)(_name_key)


def _first_name_of(short: str, full: str) -> bool:
    return " " not in short and full.startswith(short + " ")


def merge_drafts(drafts: list[ContactDraft]) -> list[ContactDraft]:
    """One draft per person: same email, or same name (a first name matches its full name)."""
    merged: list[ContactDraft] = []
    for draft in drafts:
        target = next((m for m in merged if m.same_person(draft)), None)
        if target is None:
            merged.append(draft)
        else:
            target.absorb(draft)
    return merged


def is_owner_name(name: str | None, owner: OwnerIdentity) -> bool:
    if not name or not owner.name:
        return False
    key, owner_key = name_key(name), name_key(owner.name)
    return key == owner_key or key == owner_key.split(" ")[0]


def keep_for_owner(drafts: list[ContactDraft], owner: OwnerIdentity) -> list[ContactDraft]:
    """Drop the owner, the assistant and automated senders; drop drafts with nothing to keep."""
    kept = []
    for draft in drafts:
        bad = [e for e in draft.emails if owner.is_owner_address(e)
               or owner.is_assistant_address(e) or is_automated_address(e)]
        if bad or is_owner_name(draft.name, owner):
            continue
        if draft.name or draft.emails or draft.phones:
            kept.append(draft)
    return kept
