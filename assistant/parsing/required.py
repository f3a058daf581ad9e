"""The words a pattern cannot match without: a cheap exact test before a costly search.

``required_words(pattern)`` reads a case-insensitive pattern and gives lowercase literal
strings such that every match contains at least one of them (``None`` when it cannot tell).
``may_match`` then answers ``False`` only where the pattern cannot match anywhere in an ASCII
text; any other text is left to the pattern itself.
"""

from __future__ import annotations

import functools
import re
from re import _parser as sre  # type: ignore[attr-defined]
from typing import Any


def required_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lowercase strings, one of which is inside every match of a case-insensitive
    ``pattern``, read as ASCII text lowered; ``None`` when the pattern is not
    case-insensitive, has a branch without such a string, or a letter of one matches an
    ASCII letter other than its own lowercase and uppercase."""
    if not pattern.flags & re.IGNORECASE:
        return None
    words = _required(list(sre.parse(pattern.pattern, pattern.flags)))
    if words is None or not all(words) or not all(map(_as_lower, set("".join(words)))):
        return None
    return frozenset(word.lower() for word in words)


_ASCII = "".join(map(chr, range(128)))


@functools.cache
def _as_lower(letter: str) -> bool:
    """Whether ``letter`` matches, ignoring case, exactly the ASCII characters whose
    lowercase is its lowercase (so "é" matches none, "ſ" or "İ" would match "s" or "i")."""
    matched = re.findall(re.escape(letter), _ASCII, re.IGNORECASE)
    return set(matched) == {a for a in _ASCII if a.lower() == letter.lower()}


def may_match(words: frozenset[str] | None, text: str) -> bool:
    """Whether a pattern with these required ``words`` can match in ``text`` (always so when
    the words are unknown or the text is not ASCII)."""
    if words is None or not text.isascii():
        return True
    return _finder(words)(text.lower()) is not None


@functools.lru_cache(maxsize=64)
def _finder(words: frozenset[str]) -> Any:
    """One pattern finding any of ``words``: a single pass over a text, where a search for each
    word is one pass per word (a cue has dozens). The words are a tree of their letters, so
    each place in the text is tried once per letter rather than once per word."""
    return re.compile(_tree_pattern(words)).search


def _tree_pattern(words: frozenset[str]) -> str:
    """A pattern matching where any of ``words`` starts, written as a tree of their letters
    ("met|meeting|lunch" as "(?:lunch|met)": a word another word starts with is enough)."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        if "" in node or not node:  # (no words at all: the empty pattern, found anywhere)
            return ""
        parts = [re.escape(letter) + branch(rest) for letter, rest in sorted(node.items())]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return branch(tree)


def _required(items: list[tuple[Any, Any]]) -> set[str] | None:
    """One set of strings, any of which every match of the sequence ``items`` contains: the
    longest run of plain letters, or a group's or branch's own set; ``None`` if none."""
    choices: list[set[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            choices.append({"".join(run)})
            run = []
        found: set[str] | None
        if op is sre.SUBPATTERN:
            _group, add, remove, sub = arg
            if (add | remove) & (re.IGNORECASE | re.ASCII | re.LOCALE):
                continue  # a case-sensitive part: nothing taken from it
            found = _required(list(sub))
        elif op is sre.BRANCH:
            _none, branches = arg
            union: set[str] = set()
            for branch in branches:
                words = _required(list(branch))
                if words is None:
                    break
                union |= words
            else:
                choices.append(union)
            continue
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, sub = arg
            found = _required(list(sub)) if low >= 1 else None
        elif op is sre.ASSERT:  # what a look-around sees is in the text searched too
            _direction, sub = arg
            found = _required(list(sub))
        elif op is sre.ATOMIC_GROUP:
            found = _required(list(arg))
        else:
            found = None  # a class, an anchor, a negative look-around: nothing taken
        if found:
            choices.append(found)
    if run:
        choices.append({"".join(run)})
    if not choices:
        return None
    return max(choices, key=lambda words: (min(map(len, words)), -len(words)))
