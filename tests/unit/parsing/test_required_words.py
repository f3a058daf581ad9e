"""The cue pre-test: a sentence the test turns away is one the pattern cannot match."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re

import pytest

import assistant.parsing as parsing
from assistant.parsing.required import may_match, required_words


def _parser_patterns() -> list[tuple[str, re.Pattern[str], frozenset[str]]]:
    found = []
    for module_info in pkgutil.walk_packages(parsing.__path__, "assistant.parsing."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                words = required_words(value)
                if words:
                    found.append((f"{module_info.name}.{name}", value, words))
    return found


PATTERNS = _parser_patterns()
_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 '’,.-:@|/()\n"


def test_the_parser_has_patterns_the_pre_test_reads() -> None:
    assert len(PATTERNS) >= 20


@pytest.mark.parametrize(("name", "pattern", "words"), PATTERNS, ids=[p[0] for p in PATTERNS])
def test_no_text_a_pattern_matches_is_turned_away(name: str, pattern: re.Pattern[str],
                                                  words: frozenset[str]) -> None:
    # text made of the pattern's own literal pieces, random characters, case changes and
    # dropped letters: many match, and every one that matches must pass the pre-test
    rng = random.Random(name)
    pieces = [p for p in re.split(r"[\\()|?:\[\]{}*+^$<=!]", pattern.pattern) if p.strip()]
    matched = 0
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(1, 6)):
            if pieces and rng.random() < 0.6:
                part = rng.choice(pieces)
            else:
                part = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 6)))
            if rng.random() < 0.3:
                part = part.upper()
            elif rng.random() < 0.2:
                part = part.swapcase()
            if part and rng.random() < 0.2:
                cut = rng.randrange(len(part))
                part = part[:cut] + part[cut + 1:]
            parts.append(part)
        text = rng.choice([" ", "", "\n"]).join(parts)
        if pattern.search(text):
            matched += 1
            assert may_match(words, text), text


def test_a_pattern_that_can_match_without_a_word_has_no_pre_test() -> None:
    assert required_words(re.compile(r"(?i)met|\d+")) is None  # a branch with no word
    assert required_words(re.compile(r"met at")) is None  # case-sensitive: left alone
    assert required_words(re.compile(r"(?i)(?:great )?meeting")) == frozenset({"meeting"})


def test_letters_that_fold_onto_ascii_keep_the_pattern_searched() -> None:
    words = required_words(re.compile(r"(?i)\bmeeting\b"))
    assert words is not None
    assert not may_match(words, "We spoke at lunch.")
    assert may_match(words, "MEETING notes")
    assert may_match(words, "Meeting at the caf\u00e9")  # not ASCII: always searched
