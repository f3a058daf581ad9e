""""I promised her our pricing sheet": the pronoun of the person the promise goes to is no part
of the thing promised, so the follow-up says "As promised: [our pricing sheet]" (before, the
slot read as a remark about someone and the promise was left out of the draft)."""

from __future__ import annotations

from datetime import UTC, datetime

from assistant.domain import OwnerIdentity
from assistant.drafting.preview import preview_drafts
from assistant.parsing.context import read_context

OWNER = OwnerIdentity(name="Sam Rivera", addresses=("sam@rivera.example",), region="GB",
                      assistant_addresses=("contacts@rivera.example",))


def test_the_receivers_pronoun_is_no_part_of_the_promise() -> None:
    assert read_context("I promised her our note on grid connections.").promises == (
        "our note on grid connections",)
    assert read_context("Promised him a copy of the report.").promises == (
        "a copy of the report",)
    # a pronoun that is the thing's own is kept: "her" of "her deck" is not a receiver here
    assert read_context("I promised to review her deck.").promises == ("review her deck",)


def test_the_promise_reaches_the_draft() -> None:
    raw = (b"From: Sam Rivera <sam@rivera.example>\nTo: contacts@rivera.example\nSubject: Jane\n"
           b"Date: Tue, 17 Nov 2026 09:00:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n"
           b"Met Jane Doe (jane@doe.example) at the Leeds food fair. I promised her our pricing "
           b"sheet.\n")
    draft, = preview_drafts(raw, OWNER, read_at=datetime(2026, 11, 17, 18, tzinfo=UTC),
                            timezone="UTC")
    assert "our pricing sheet" in draft.body and "her our" not in draft.body
