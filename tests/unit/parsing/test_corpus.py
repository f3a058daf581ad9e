"""The parser against its own labelled corpus (tests/corpus/notes): recall, precision, fields."""

from __future__ import annotations

import pytest

from .corpus_score import CORPUS, Score, score_corpus


@pytest.fixture(scope="module")
def score() -> Score:
    # Given every labelled message of the corpus
    # When each is parsed for the owner named in its expected JSON
    result = score_corpus()
    print(f"\nmessages={result.messages} contacts expected={result.expected} "
          f"returned={result.returned} matched={result.matched}")
    print(f"recall={result.recall:.3f} precision={result.precision:.3f} "
          f"field_accuracy={result.field_accuracy:.3f} kind_accuracy={result.kind_accuracy:.3f} "
          f"owner_note_exact={result.note_accuracy:.3f}")
    for name, total in sorted(result.field_total.items()):
        print(f"  {name:14} {result.field_right[name] / total:.3f}")
    for miss in result.misses:
        print("  miss:", miss)
    return result


def test_corpus_is_large_enough() -> None:
    # Then the corpus holds at least 80 messages, each with its expected JSON
    messages = sorted(CORPUS.glob("*.eml"))
    assert len(messages) >= 80
    assert all(path.with_suffix(".json").exists() for path in messages)


def test_contact_recall_and_precision(score: Score) -> None:
    assert score.recall >= 0.97
    assert score.precision >= 0.97


def test_field_accuracy(score: Score) -> None:
    assert score.field_accuracy >= 0.95


def test_kind_accuracy(score: Score) -> None:
    assert score.kind_accuracy >= 0.95


def test_owner_note_is_the_owners_words(score: Score) -> None:
    # Then the owner's note (no signature, no quoted or forwarded text) matches the label
    assert score.note_accuracy >= 0.9


def test_owner_and_assistant_never_returned(score: Score) -> None:
    assert score.owner_or_assistant_returned == []
