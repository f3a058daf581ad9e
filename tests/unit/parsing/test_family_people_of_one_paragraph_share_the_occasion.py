"""People named in one paragraph of an owner's note, where one sentence tells the occasion, were
met there ("He introduced me to Bethan ...", "Me presentó a su ingeniero jefe, Wilmer ..."); a
person in a paragraph of their own was not (examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing import parse_message

OWNER = OwnerIdentity(name="Sophie Marsh", addresses=("sophie@marsh.example",), region="GB",
                      assistant_addresses=("contacts@marsh.example",))


def _note(body: str) -> bytes:
    return ("From: Sophie Marsh <sophie@marsh.example>\nTo: contacts@marsh.example\n"
            "Subject: Notes\nDate: Tue, 17 Nov 2026 09:00:00 +0000\n"
            "Content-Type: text/plain; charset=utf-8\n\n" + body + "\n").encode()


def test_people_of_one_paragraph_share_its_occasion() -> None:
    raw = _note("Met Rhodri Price at the Cardiff cyber breakfast, rhodri@taff.example. He "
                "introduced me to Bethan Lloyd, bethan@taff.example.")
    contexts = {c.name: c.context for c in parse_message(raw, OWNER).contacts}
    assert contexts["Bethan Lloyd"] == contexts["Rhodri Price"]
    assert contexts["Bethan Lloyd"] and "Cardiff cyber breakfast" in contexts["Bethan Lloyd"]


def test_a_person_in_a_paragraph_of_their_own_keeps_no_occasion() -> None:
    raw = _note("Met Rhodri Price at the Cardiff cyber breakfast, rhodri@taff.example.\n\n"
                "Bethan Lloyd, sales lead (Taff Secure Ltd), bethan@taff.example.")
    contexts = {c.name: c.context for c in parse_message(raw, OWNER).contacts}
    assert contexts["Bethan Lloyd"] is None
