"""The line features the block labeller reads, built in one pass over a line, are those the
per-token feature functions give (the model was trained on them: any difference changes what
it reads)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.parsing.labeller import features
from assistant.parsing.labeller.tokens import spans
from benchmarks.notes_gen import Addresses, generate_notes

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
ODD = ["Marcus Bell - Head of Product, Tiller Finance - marcus@tiller.example - 555-0142",
       "Herr Dr. Ole Brandt | Leiter Vertrieb | Nordwind GmbH", ", , ,", "| | |", "a",
       "Senior Director, Risk Analytics, Quayside Bank", "Dr. Dr.", "- – — · • ;"]


def _reference(line: str, tokens: tuple[tuple[int, str], ...], region: str) -> tuple:
    phones = features.phone_offsets(line, list(tokens), region)
    own = [[*features._token_features(t), *features.library_features(t, phones, o)]
           for o, t in tokens]
    letters = [c for c in line if c.isalpha()]
    summary = {
        "email": any("email" in f for f in own), "phone": bool(phones),
        "upper": bool(letters) and all(c.isupper() for c in letters),
        "sep": any(t in features.SEPARATORS for _, t in tokens),
        "title": any("title_word" in f for f in own),
        "legal": any("legal_form" in f for f in own)}
    summary["first_title"] = bool(own) and "title_word" in own[0]
    lead = next((i for i, f in enumerate(own) if "honorific" not in f), len(own))
    listed, tails = list(tokens), []
    for index in range(len(own)):
        row = [*features.line_features(summary)]
        row += (features._neighbour("-1", own, index - 1)
                + features._neighbour("+1", own, index + 1))
        row += features.comma_features(listed, index) + features.field_features(listed, index)
        tails.append(tuple(row))
    return tuple(map(tuple, own)), tuple(tails), lead


@pytest.mark.dateless
def test_line_features_are_the_per_token_features() -> None:
    lines = list(ODD)
    for path in sorted(CORPUS.rglob("*.eml")):
        if "heldout" not in path.parts:
            lines += path.read_bytes().decode("utf-8", "replace").splitlines()[:80]
    for raw in generate_notes(60, Addresses("sam@bench.example", "Sam Rivera",
                                            "assistant@bench.example", "mx.bench")):
        lines += raw.decode("utf-8", "replace").splitlines()
    checked = 0
    for line in dict.fromkeys(line.strip() for line in lines):
        tokens = tuple(spans(line))
        if not tokens:
            continue
        assert features._line_features(line, tokens, "US") == _reference(line, tokens, "US"), line
        checked += 1
    assert checked > 500
