"""Turning short phrases into comparable terms: lower-case, accents folded, stop words dropped,
light suffix folding. No dictionaries and no models: notes are short and written in a hurry, so
"SRE contractors", "an SRE contractor" and "sre-contracting" should meet, and little more.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Function words in English, German, French and Spanish, plus the filler of networking notes
# ("looking for a good ...", "send her our ..."), which says nothing about the topic.
_STOP_WORDS = frozenset(
    """
    a an the and or of to in on at for with from by about into over as is are was be been it its
    this that these those i me my we our you your he him his she her they them their who what
    some any more most very just also so not no but if than then there here up out new good great
    best nice really looking look need needs needed want wants wanted find finding help helping
    someone somebody something anyone person people one ones lot lots get got send sent share
    shared forward intro introduce introduction would could should will can may might maybe
    der die das den dem des ein eine einer einem einen und oder von zu zum zur im in am an auf fur
    mit aus bei ist sind war sie er es wir ihr ihm ihre ihren unser unsere mein meine sein seine
    nicht kein keine auch noch sehr gute guten guter gutes neue neuen suche sucht jemand etwas
    schicken senden brauche braucht
    le la les un une des du de et ou au aux en dans sur pour par avec sans est sont il elle ils
    elles nous vous leur leurs son sa ses mon ma mes notre nos ce cette ces qui que pas plus tres
    bon bonne cherche quelqu quelque chose envoyer besoin
    el los las uno unos una unas del al y o en con sin por para es son su sus mi mis nuestro
    nuestra tu lo le les que muy mas buen buena busca buscando alguien algo enviar necesita
    """.split()
)
# Longest first; each entry is (suffix, replacement). One rule applies per word.
_SUFFIXES = (
    ("ations", ""), ("ation", ""), ("ments", ""), ("ment", ""), ("ungen", ""), ("ung", ""),
    ("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"), ("ers", ""), ("er", ""), ("ed", ""),
    ("es", ""), ("en", ""), ("s", ""), ("e", ""),
)
_WORD = re.compile(r"[a-z0-9]+(?:[+#][a-z0-9+#]*)?")
MIN_PREFIX = 4


def fold(text: str) -> str:
    """Lower-case with accents removed ("Café Müller" -> "cafe muller")."""
    text = text.lower().replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def stem(word: str) -> str:
    """Fold common plural and verb endings so "contractors" meets "contractor" and "running"
    meets "runner"; short words are left alone."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > 3 and word[-1] == word[-2]:  # "runn" (running) -> "run"
        word = word[:-1]
    return word


@lru_cache(maxsize=4096)
def term_words(phrase: str) -> tuple[tuple[str, str], ...]:
    """Each distinct content-word stem of a phrase with the (folded) word it first came from."""
    found: dict[str, str] = {}
    for word in _WORD.findall(fold(phrase)):
        if word not in _STOP_WORDS and len(stemmed := stem(word)) > 1:
            found.setdefault(stemmed, word)
    return tuple(found.items())


def terms(phrase: str) -> tuple[str, ...]:
    """The distinct stems of a phrase's content words, in order of appearance."""
    return tuple(stemmed for stemmed, _ in term_words(phrase))


def similarity(left: str, right: str) -> float:
    """1.0 for the same stem, 0.7 when one stem begins the other ("migr" / "migrat"), else 0."""
    if left == right:
        return 1.0
    short, long_ = sorted((left, right), key=len)
    return 0.7 if len(short) >= MIN_PREFIX and long_.startswith(short) else 0.0


def best_similarity(term: str, candidates: tuple[str, ...]) -> tuple[float, str]:
    """The best similarity of ``term`` against ``candidates`` and the candidate that gave it."""
    best = (0.0, "")
    for candidate in candidates:
        score = similarity(term, candidate)
        if score > best[0]:
            best = (score, candidate)
    return best
