"""The shipped block model is what ``make model`` builds from the training files with today's
feature code, byte for byte: a change to the rules' word lists that reached the labeller's
features (the title words) would break this."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.parsing.labeller.tagger import MODEL_PATH
from assistant.parsing.labeller.train import RECORD_PATH, examples, fit


@pytest.mark.dateless
def test_the_shipped_model_is_rebuilt_byte_for_byte(tmp_path: Path) -> None:
    # Given every training block, trained as make model trains them
    fit(examples(), tmp_path / "blocks.crfsuite")
    # Then the model is the shipped one, and the record names it
    rebuilt = (tmp_path / "blocks.crfsuite").read_bytes()
    assert rebuilt == MODEL_PATH.read_bytes()
    import hashlib

    record = json.loads(RECORD_PATH.read_text(encoding="utf-8"))
    assert record["model"]["sha256"] == hashlib.sha256(rebuilt).hexdigest()


def test_the_labellers_title_words_are_its_own() -> None:
    from assistant.parsing.contacts import LABELLER_TITLE_WORD, TITLE_WORD

    # A trade the rules know since the model was trained is no labeller feature
    assert TITLE_WORD.match("caviste") and not LABELLER_TITLE_WORD.match("caviste")
