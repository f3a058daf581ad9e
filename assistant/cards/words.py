"""Words the OCR ran together, set apart again.

PP-OCR's recogniser often drops the space between words printed close together, most of all
in capitals: "DIRECTOROFADMISSIONS", "memberoftechnicalstaff", "14432ALBEMARLE". Such a run
is split with ``wordninja`` (word frequencies of English Wikipedia) only when every piece is
a common word; a name or a brand the list does not know ("NKEMELU", "ZAVRIX") is left
whole. A number run into letters ("Room615", "Packard240") is split too. Addresses and links
are never touched. Pure module: no I/O beyond the word list read once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from assistant.cards.names import is_given_name
from assistant.cards.titles import fold, is_title_word

MIN_RUN = 8  # shorter runs are words or names as printed
# wordninja's cost is log(rank * log(words)): a piece must rank high, a short one higher (a
# name splits into rare short pieces: "ham do uch").
COMMON, PER_LETTER = 11.0, 0.4
_RUN = re.compile(rf"[^\W\d_]{{{MIN_RUN},}}")
_DIGITS_LETTERS = re.compile(r"(?<=\d{2})(?=[^\W\d_]{2})|(?<=[^\W\d_]{2})(?=\d{2})")
# A zero the OCR read for a capital O in a word of letters: "0wner", "T0KYO".
_ZERO_IN_WORD = re.compile(r"(?<![\w])0(?=[^\W\d_]{2,}\b)|(?<=[^\W\d_]{2})0(?=[^\W\d_]|\b)"
                           r"|(?<=\b[^\W\d_])0(?=[^\W\d_]{2})")  # and "S0LVARO"
# The two-letter words a run of words is split into: joining words, not syllables of a name.
_SHORT_WORDS = frozenset({"of", "in", "at", "to", "on", "by", "an", "or", "de", "la", "le", "du",
                          "da", "di", "el", "en", "et", "un",
                          "vp", "hr", "pr", "qa", "ux", "ui", "ai", "ml"})  # and titles' letters
_SPACED_AT = re.compile(r"(?<=[\w.])\s+@\s*(?=\w)|(?<=\w)@\s+(?=\w)")
_JOINING = frozenset({"of", "in", "at", "to", "on", "by", "and", "for", "the", "de", "la", "du"})
_LINKISH = re.compile(r"@|www|https?:|\.[a-z]{2,4}\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _model() -> Any:
    import wordninja

    return wordninja.DEFAULT_LANGUAGE_MODEL


def is_common_word(word: str) -> bool:
    """A common English word (by wordninja's frequencies), not a name few people bear."""
    cost = _model()._wordcost.get(word.lower())  # noqa: SLF001 - the package's own table
    return cost is not None and cost <= COMMON + PER_LETTER * len(word)


def split_run_words(text: str) -> str:
    """The text with run-together common words and numbers run into words set apart."""
    text = _SPACED_AT.sub("@", text)  # "jane.doe42 @ example.com" is one address
    return " ".join(token if _LINKISH.search(token) else _split_token(token)
                    for token in text.split(" "))


def _split_token(token: str) -> str:
    token = _ZERO_IN_WORD.sub("O", token)
    token = _DIGITS_LETTERS.sub(" ", token)
    return _RUN.sub(lambda m: _split_run(m.group()), token)


def _split_run(run: str) -> str:
    if not (run.isupper() or run.islower() or run[1:].islower()):
        return run  # mixed case: the case changes already show the words
    if is_given_name(run) or is_title_word(fold(run)):
        return run  # "FEDERICA", "FONDATORE": one word of another language
    model = _model()
    pieces = model.split(run.lower())
    if len(pieces) < 2 or "".join(pieces) != run.lower() or len(pieces[-1]) <= 2:
        return run  # a joining word stands between words, not last ("Progetto": "pro get to")
    if run[0].isupper() and run[1:].islower() and not any(p in _JOINING for p in pieces):
        return run  # a brand made of words ("Tidewell", "Brightwater"), not "Chiefofstaff"
    if not all(len(p) >= 2 and is_common_word(p) and (len(p) > 2 or p in _SHORT_WORDS)
               for p in pieces):
        return run  # a name or brand splits into rare or two-letter pieces ("eu de line")
    out, at = [], 0
    for piece in pieces:
        out.append(run[at:at + len(piece)])
        at += len(piece)
    return " ".join(out)
