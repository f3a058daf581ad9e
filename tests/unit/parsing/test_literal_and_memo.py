"""The parser's plain-text name search finds what the regular expressions it stands for find,
and its memo remembers only short texts."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.parsing.literal import unattached, whole_words, without_whole_words
from assistant.parsing.memo import short_text_memo

# letters of several scripts, digits, "_", marks that sit beside names, Unicode spaces
_CHARS = st.sampled_from(list("ab Aé_1.@-' \t\n,ß李٣") + ["\u00a0", "\u2003", "ǅ"])
_TEXT = st.text(_CHARS, max_size=16)
_LITERAL = st.text(_CHARS, min_size=1, max_size=3)


@settings(max_examples=3000, deadline=None)
@given(_TEXT, _LITERAL, st.integers(min_value=0, max_value=15))
def test_the_name_search_finds_the_spans_of_its_patterns(text: str, literal: str,
                                                          at: int) -> None:
    if at < len(text) and at % 2:  # half the time, a piece of the text itself
        literal = text[at:at + 1 + at % 3]
    escaped = re.escape(literal)
    assert list(unattached(text, literal, "@.", "@")) == [
        m.span() for m in re.finditer(rf"(?<![\w@.]){escaped}(?![\w@])", text)]
    assert list(unattached(text, literal)) == [
        m.span() for m in re.finditer(rf"(?<!\w){escaped}(?!\w)", text)]
    assert list(whole_words(text, literal)) == [
        m.span() for m in re.finditer(rf"\b{escaped}\b", text)]
    assert without_whole_words(text, literal) == re.sub(rf"\s*\b{escaped}\b", "", text)


def test_a_name_inside_a_longer_word_or_address_is_not_found() -> None:
    text = "Anna met Annabel; mail anna@x.org, Anna."
    assert [text[s:e] for s, e in whole_words(text, "Anna")] == ["Anna", "Anna"]
    assert list(unattached(text, "anna", "@.", "@")) == []
    assert without_whole_words("Hi  Anna, and Annabel", "Anna") == "Hi, and Annabel"


def test_the_memo_remembers_short_texts_and_recomputes_long_ones() -> None:
    calls: list[str] = []

    @short_text_memo(maxsize=8, limit=10)
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert shout("short") == shout("short") == "SHORT"
    long = "x" * 11
    assert shout(long) == shout(long) == long.upper()
    assert calls == ["short", long, long]
    assert shout.cache_info().currsize == 1  # type: ignore[attr-defined]


def test_the_memo_counts_the_text_in_tuples_and_keywords() -> None:
    calls: list[tuple[str, ...]] = []

    @short_text_memo(maxsize=8, limit=6)
    def join(lines: tuple[str, ...], sep: str = " ") -> str:
        calls.append(lines)
        return sep.join(lines)

    join(("abc", "de")), join(("abc", "de"))
    join(("abcd", "efg")), join(("abcd", "efg"))
    join(("ab",), sep="-----"), join(("ab",), sep="-----")
    assert calls == [("abc", "de"), ("abcd", "efg"), ("abcd", "efg"), ("ab",), ("ab",)]
