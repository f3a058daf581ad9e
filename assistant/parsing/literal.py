"""A name found as written, without building a regular expression for it.

The parser looks for each person's name (and first name) in the text with a word-boundary
test around it. A pattern built per name costs more to compile than to run, and so many new
patterns push the parser's own out of ``re``'s small cache. These helpers find the same spans
as the patterns they stand for, character for character: ``\\w`` is ``str.isalnum()`` or
"_", ``\\s`` is ``str.isspace()`` (Python's own definitions for ``str`` patterns).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


def is_word(char: str) -> bool:
    """Whether ``char`` is a ``\\w`` character."""
    return char.isalnum() or char == "_"


def _word_at(text: str, at: int) -> bool:
    return 0 <= at < len(text) and is_word(text[at])


def at_boundary(text: str, at: int) -> bool:
    """``\\b`` at offset ``at`` of ``text``."""
    return _word_at(text, at - 1) != _word_at(text, at)


def spans(text: str, literal: str, fits: Callable[[int, int], bool]) -> Iterator[tuple[int, int]]:
    """(start, end) of each occurrence of ``literal`` for which ``fits(start, end)``, left to
    right and not overlapping, as ``re.finditer`` finds them."""
    size = len(literal)
    at = text.find(literal) if size else -1
    while at >= 0:
        if fits(at, at + size):
            yield at, at + size
            at = text.find(literal, at + size)
        else:
            at = text.find(literal, at + 1)


def unattached(text: str, literal: str, before: str = "",
               after: str = "") -> Iterator[tuple[int, int]]:
    """``re.finditer(rf"(?<![\\w{before}]){re.escape(literal)}(?![\\w{after}])", text)``."""

    def fits(start: int, end: int) -> bool:
        if start > 0 and (is_word(text[start - 1]) or text[start - 1] in before):
            return False
        return not (end < len(text) and (is_word(text[end]) or text[end] in after))

    return spans(text, literal, fits)


def whole_words(text: str, literal: str) -> Iterator[tuple[int, int]]:
    """``re.finditer(rf"\\b{re.escape(literal)}\\b", text)``."""
    return spans(text, literal, lambda start, end: at_boundary(text, start)
                 and at_boundary(text, end))


def without_whole_words(text: str, literal: str) -> str:
    """``re.sub(rf"\\s*\\b{re.escape(literal)}\\b", "", text)``."""
    if not literal or literal[0].isspace():
        return re.sub(rf"\s*\b{re.escape(literal)}\b", "", text)
    kept, done = [], 0
    for start, end in whole_words(text, literal):
        # the spaces before the name go with it, back to where the last match ended
        cut = start
        while cut > done and text[cut - 1].isspace():
            cut -= 1
        kept.append(text[done:cut])
        done = end
    kept.append(text[done:])
    return "".join(kept)
