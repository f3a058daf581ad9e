"""Scoring name labels (probablepeople) with the product's name cleaning.

The product reads a person's name with ``assistant.parsing.contacts.clean_name`` (nameparser
underneath): honorifics and nicknames dropped, "Surname, Given" put back in reading order,
generational suffixes kept. A labelled person name passes when the cleaned name is exactly its
given, middle and surname tokens (and generational suffix) in that order. Corporation names and
records naming two people ("And") have no product function: not applicable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from assistant.evaluation.model import Case, Check, NotApplicable, check

Outcome = list[Check] | NotApplicable
_ORDER = {
    "PrefixMarital": None, "PrefixOther": None, "Nickname": None, "SuffixOther": None,
    "GivenName": 0, "FirstInitial": 0, "MiddleName": 1, "MiddleInitial": 1,
    "Surname": 2, "LastInitial": 2, "SuffixGenerational": 3,
}


def name_cases(corpus: str, folder: Path) -> Iterator[Case]:
    """One case per labelled record of the corpus's JSONL views (field-labels)."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest.get("files", []):
        path = folder / entry["jsonl"]
        stem = Path(entry["jsonl"]).stem
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                record = json.loads(line)
                yield Case(corpus, folder, {"id": f"{stem}-{number}", "kind": "field-labels",
                                            "record": record})


def expected_name(tokens: list[list[str]]) -> str | None:
    """The name as the product should print it, or None when it is not one person's name."""
    placed: list[tuple[int, int, str]] = []
    for position, (token, label) in enumerate(tokens):
        if label not in _ORDER:
            return None
        rank = _ORDER[label]
        if rank is not None:
            placed.append((rank, position, token.strip(",")))
    return " ".join(token for _, _, token in sorted(placed)) or None


def _comparable(name: str | None) -> str | None:
    return re.sub(r"[\s,]+", " ", name).strip().lower() if name else None


def score_names(case: Case) -> Outcome:
    try:
        from assistant.parsing.contacts import clean_name
    except ImportError:
        return NotApplicable("the product's name reader is not importable")
    record = case.data["record"]
    wanted = expected_name(record["tokens"])
    if wanted is None:
        return NotApplicable("corporation names and couples: no product function")
    got = clean_name(record["text"])
    return [check("name", "equals", _comparable(got), _comparable(wanted))]
