"""Given names people are called by, for telling a name line from a company or a slogan.

The list is ``gender-guesser``'s ``nam_dict.txt`` (about 45,000 given names of many countries,
J. Michael's 2008 dictionary), read once per process on first use; only the names are kept.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    text = resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_text("utf-8")
    names: set[str] = set()
    for line in text.splitlines():
        if not line or line[0] in "#=":
            continue
        parts = line.split()
        if len(parts) > 1:
            names.update(fold(part) for part in parts[1].replace("+", "-").split("-") if part)
    return frozenset(name for name in names if len(name) > 1)


def fold(word: str) -> str:
    """Lower case without accents: "Frédéric" and "FREDERIC" meet."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_given_name(word: str) -> bool:
    return fold(word.strip(".,")) in given_names()
