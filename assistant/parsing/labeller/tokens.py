"""Block text to tokens: whitespace-separated words, with the separators people put between
fields ("|", "·", "•", ",", " - ", "/") as tokens of their own."""

from __future__ import annotations

import re

SEPARATORS = frozenset({"|", "·", "•", ",", "-", "–", "—", "/", ";"})
_TOKEN = re.compile(r"[|·•;]|,(?=\s|$)|(?<=\s)[-–—/](?=\s)|[^\s|·•;]+?(?=,(?:\s|$)|[|·•;]|\s|$)")


def tokenize(line: str) -> list[str]:
    """The tokens of one line, in order; nothing but whitespace is dropped."""
    return [text for _, text in spans(line)]


def spans(line: str) -> list[tuple[int, str]]:
    """(offset, token) for each token of one line."""
    return [(m.start(), m.group()) for m in _TOKEN.finditer(line) if m.group().strip()]


def join(line: str, tokens: list[tuple[int, str]]) -> str:
    """The text of the line from the first to the last of ``tokens``, as written."""
    start, (last, text) = tokens[0][0], tokens[-1]
    return line[start:last + len(text)]
