"""The parser's "not met yet" reaches the parsed contact and the draft ``assistant draft``
previews: a note about someone the owner has not met gives a draft that introduces the owner."""

from __future__ import annotations

from datetime import UTC, datetime

from assistant.domain import OwnerIdentity
from assistant.drafting.preview import preview_drafts
from assistant.parsing import parse_message

OWNER = OwnerIdentity(
    name="Sam Rivera",
    addresses=("sam@example.com",),
    region="US",
    assistant_addresses=("assistant@example.net",),
)


def _note(text: str) -> bytes:
    return (
        "From: Sam Rivera <sam@example.com>\nTo: assistant@example.net\nSubject: Ana\n"
        "Date: Mon, 23 Nov 2026 10:00:00 -0600\nContent-Type: text/plain; charset=utf-8\n\n"
        f"{text}\n"
    ).encode()


def test_a_contact_not_met_yet_is_flagged() -> None:
    raw = _note("Haven't met Ana Souza (ana@brightpath.example) yet; Jordan suggested I reach out.")
    (contact,) = parse_message(raw, OWNER).contacts
    assert contact.met is False
    # the parse contract's JSON keeps its keys exactly: the flag is for the store and drafts
    assert set(contact.to_json()) == {"name", "emails", "phones", "company", "title", "urls",
                                      "introduced_by", "context", "needs", "offers",
                                      "interests", "promises"}


def test_a_contact_met_is_flagged_met() -> None:
    raw = _note("Met Ana Souza (ana@brightpath.example) at the SaaS founders breakfast.")
    (contact,) = parse_message(raw, OWNER).contacts
    assert contact.met is True


def test_the_draft_to_someone_not_met_never_says_they_met() -> None:
    raw = _note(
        "Haven't met Ana Souza (ana@brightpath.example) yet; Jordan suggested I reach "
        "out. She is looking for a bookkeeper."
    )
    (draft,) = preview_drafts(
        raw, OWNER, read_at=datetime(2026, 11, 24, 15, tzinfo=UTC), timezone="UTC"
    )
    assert draft.body.startswith("Hi Ana,")
    assert "introduce myself" in draft.body
    assert "great" not in draft.body.lower()
