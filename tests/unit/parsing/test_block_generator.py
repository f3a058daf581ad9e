"""The block labeller's example generator: the regional blocks are the same every run, the
validation blocks use only held-out words, and the shipped examples hold no regional block
until the model trained with them ships."""

from __future__ import annotations

import random
import sys
from pathlib import Path

BLOCKS = Path(__file__).resolve().parents[3] / "training" / "blocks"
sys.path.insert(0, str(BLOCKS))

import regional  # noqa: E402
import vocab  # noqa: E402


def test_regional_blocks_are_the_same_every_run() -> None:
    first = [b.lines for b in regional.blocks(random.Random(7), 40, held=False)]
    again = [b.lines for b in regional.blocks(random.Random(7), 40, held=False)]
    assert first == again


def test_held_out_slices_share_no_item_with_the_training_slices() -> None:
    training, held = regional.Slices(held=False), regional.Slices(held=True)
    for region in vocab.FAMILY:
        assert not set(training.family[region]) & set(held.family[region])
    assert not set(training.roots) & set(held.roots)
    assert not set(training.titles) & set(held.titles)


def test_every_phone_is_a_valid_number_of_its_country() -> None:
    import phonenumbers

    assert all(phonenumbers.is_valid_number(phonenumbers.parse(p, None)) for p in vocab.PHONES)
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(n, r))
               for r, n in vocab.NATIONAL_PHONES)


def test_every_block_token_is_labelled_and_tokenised_as_the_tagger_reads_it() -> None:
    from assistant.parsing.labeller.tokens import tokenize

    labels = {"NAME", "TITLE", "COMPANY", "EMAIL", "PHONE", "FAX", "URL", "LABEL", "SEP", "OTHER"}
    for block in regional.blocks(random.Random(3), 60, held=False):
        for line in block.lines:
            assert {label for _, label in line} <= labels
            assert tokenize(" ".join(t for t, _ in line)) == [t for t, _ in line]
