""""ill" and "well" written without an apostrophe are words of their own, not a hurried "I'll"
or "we'll": what follows them is no promise (examples in tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.parsing.context import read_context


@pytest.mark.parametrize("text", [
    "His son is seriously ill, be patient with replies.",
    "Her father fell ill last month, tread carefully.",
    "Knows the student market well, useful for the Leeds expansion.",
    "We get along well, a good sort.",
    "Speaks Portuguese well and the board trusts her.",
])
def test_ill_and_well_start_no_promise(text: str) -> None:
    assert read_context(text).promises == ()


@pytest.mark.parametrize(("text", "promise"), [
    ("ill send him the tenancy pack", "the tenancy pack"),
    ("I'll send her the fee schedule.", "the fee schedule"),
    ("We'll forward them the inventory template.", "the inventory template"),
])
def test_a_hurried_ill_with_an_errand_still_promises(text: str, promise: str) -> None:
    assert read_context(text).promises == (promise,)


def test_a_hurried_well_reads_as_we_will() -> None:
    said = "well share the floor plans with her"
    written = "we'll share the floor plans with her"
    assert read_context(said).promises == read_context(written).promises
    assert read_context(said).promises
