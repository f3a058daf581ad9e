"""A one-line card set apart by middots: the event may be any part, and a denied part ("not
hiring") denies nothing in the next one (example in tests/corpus/dev)."""

from __future__ import annotations

from assistant.parsing.context import read_context

CARD = ("Teodor Ilves · Head of Sales · Saarepank AS · teodor@saarepank.ee · +372 5555 0177 · "
        "Baltic Banking Forum · not hiring · interested in cross-border payments")


def test_event_part_before_the_last_is_the_occasion() -> None:
    facts = read_context(CARD, names=("Teodor Ilves", "Teodor"))
    assert facts.context == "Baltic Banking Forum"


def test_interest_after_a_denied_part_is_kept() -> None:
    facts = read_context(CARD, names=("Teodor Ilves", "Teodor"))
    assert facts.interests == ("cross-border payments",)
