"""Bulk answers to a digest, read from literal text (pure)."""

from __future__ import annotations

import pytest

from assistant.commands.bulk import SEND, SKIP, SNOOZE, parse_bulk


@pytest.mark.parametrize(("text", "sent"), [
    ("send all", (1, 2, 3, 4, 5, 6)),
    ("send 1 3 5", (1, 3, 5)),
    ("Send 1, 3 and 5.", (1, 3, 5)),
    ("send 1-4", (1, 2, 3, 4)),
    ("send all but 3", (1, 2, 4, 5, 6)),
    ("send #2 and #4", (2, 4)),
    ("yes 1 3", (1, 3)),
    ("senden 1 und 2", (1, 2)),
    ("alle außer 2 senden", (1, 3, 4, 5, 6)),
    ("envoyer 1, 2", (1, 2)),
    ("enviar todos menos 2", (1, 3, 4, 5, 6)),
])
def test_send_selections(text: str, sent: tuple[int, ...]) -> None:
    # Given a digest of 6 drafts, When the owner answers, Then exactly those are sent
    answer = parse_bulk(text, 6)
    assert answer.clear and answer.chosen(SEND) == sent


def test_combinations_on_separate_lines_with_a_signature() -> None:
    # Given several answers, one per line, and a closing
    answer = parse_bulk("send 1-3\nskip 4\nsnooze 5 next week\nsnooze 6 3d\n\nThanks,\nBob", 6)
    # Then each line is one step and the closing is not read
    assert answer.clear
    assert answer.chosen(SEND) == (1, 2, 3) and answer.chosen(SKIP) == (4,)
    assert [(s.items, s.days) for s in answer.steps if s.action == SNOOZE] == [((5,), 7),
                                                                                ((6,), 3)]


@pytest.mark.parametrize("text", [
    "send",  # which ones?
    "send 9",  # no such draft
    "send 1\nskip 1",  # two answers for one draft
    "send all 2",  # all, or only 2?
    "send 2 to Sam",  # an instruction
    "send 1 3?",  # a question
    "maybe 2",  # not understood
    "",
    "send 4-2",
])
def test_anything_unclear_sends_nothing(text: str) -> None:
    answer = parse_bulk(text, 6)
    assert not answer.clear and answer.doubts


def test_a_single_draft_needs_no_number() -> None:
    assert parse_bulk("send", 1).chosen(SEND) == (1,)


def test_a_duration_is_not_a_draft_number() -> None:
    # "snooze 2 for 2 weeks": draft 2, fourteen days
    answer = parse_bulk("snooze 2 for 2 weeks", 6)
    assert answer.clear and answer.steps[0].items == (2,) and answer.steps[0].days == 14
