"""Legal forms of companies in every language cleanco knows ("A/S", "Sp. z o.o.", "Oyj", "Kft.",
"s.r.o."), plus a few it lacks (the French professional forms "SELARL", "SELAS", "SCP").

A legal form ends a company's name: "Fjordkapital A/S", "Mleczarnia Odra Sp. z o.o.". Forms
written with a dot, a slash or a space are read in any case; a form of letters only is read when
written in capitals ("AS", "OYJ") or as cleanco's mixed-case spellings commonly are ("Oyj",
"ApS", "Kft"), never in lower case, where "as", "et" and "da" are words of a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Forms cleanco does not list, and mixed-case spellings of its forms.
_EXTRA = frozenset("""selarl selas selafa selca scp scm sci scop scic sasu sas eurl sa spa
gmbh ggmbh ug kg ag se ohg gbr kgaa partg ab oy oyj as asa aps a/s ivs i/s k/s p/s
bv nv bvba vof cvba sprl srl sarl sàrl sagl lda ltda llc llp plc ltd inc corp pty bhd pte
sp.k. sp.j. s.a. s.r.o. a.s. d.o.o. ehf. hf. kft. zrt. nyrt. bt. uab
s.a.e. s.a.e r.l. s.a.l. sh.p.k. sh.a. shpk
cjsc ojsc pjsc jsc sia dac clg
b.s.c. w.l.l. s.p.c. q.s.c. q.p.s.c. p.j.s.c. s.a.o.g. s.a.o.c.
p.s.c. c.s.p. psc
c.a. p/f sp/f enk cxa sapi eirl ҷдмм ҷсп ҷск""".split())
# (Venezuela's compañía anónima, "Inversiones Ávila, C.A."; the Faroese limited companies,
# "P/F Fiskavirkið", "Sp/f Nótaskip"; Norway's sole trader; the Dominican "C. por A.";
# Mexico's S.A.P.I.; the French and Peruvian sole-owner firm; Tajikistan's limited and
# joint-stock companies, "ҶДММ «Помир Нақлиёт»")
# (Puerto Rico's professional services corporation, "Cintrón Vélez & Asociados, P.S.C.", in
# Spanish "C.S.P.")
# (the Gulf's joint-stock companies, "Qahwa Loop B.S.C. (c)", "Dilmun Pearl Bank B.S.C.", and
# companies with limited liability, "Bucheeri Advisory W.L.L.", "... S.P.C.", "... P.J.S.C.",
# "... S.A.O.G.";
# (the Egyptian joint-stock company, written with its dots; Central America's cooperatives and
# limited companies, "Cooperativa ..., R.L."; the joint-stock
# companies of the former Soviet states as written in English ("Areni Hill Winery CJSC") and
# the Latvian limited company, "Ventavas Granulas SIA"; Ireland's designated activity company
# and company limited by guarantee, "Lee Valley Creameries DAC")
# Forms read only as written in capitals: "Sia" is a given name.
_CAPITALS_ONLY = frozenset({"sia", "jsc", "dac", "clg"})
# Words cleanco lists that are ordinary words when capitalized at a sentence's start or in a
# name ("Company", "Private", "Limited" are kept by the company reader as words of the name).
_ORDINARY = frozenset({"company", "corporation", "incorporated", "limited", "unlimited",
                       "private", "co", "co.", "& co", "& co.", "da", "et", "ee", "oe", "pt",
                       "pp", "sd", "mb", "nl",
                       "og", "kt", "ks", "kd", "ij", "xk", "xt", "ay", "aj", "qk", "hb", "kb",
                       "vat", "dat", "aat", "stg", "teo", "ans", "fie", "fop", "gie", "esv",
                       "ood", "ooo", "oao", "zat", "tov", "mchj", "cpt", "tmi", "3at", "ae",
                       "sal", "sae", "scs", "secs", "smba", "kht", "tapui", "yoaj", "oaj",
                       # "Louisville, KY", "Harbour Spa": a US state and a word in a name
                       "ky", "spa"})


@lru_cache(maxsize=1)
def _terms() -> frozenset[str]:
    from cleanco.termdata import terms_by_type

    terms = {t.strip().lower() for values in terms_by_type.values() for t in values}
    extra = set(_EXTRA) | {
        "sp. z o.o.", "sp. z.o.o.", "sdn. bhd.", "sdn bhd", "gmbh & co. kg", "spółka z o.o.",
        "s. de r.l.", "pty ltd", "pty. ltd.",
        # the Andean limited company, "compañía limitada": "Floricultura Andina Cía. Ltda."
        "cía. ltda.", "cia. ltda.", "cía ltda", "cia ltda", "cía. ltda", "cia. ltda",
        # the Turkish limited company, "limited şirketi": "Tohum Tarım Ltd. Şti."
        "ltd. şti.", "ltd. şti", "ltd şti.", "ltd şti", "şti."}
    return frozenset(t for t in terms | extra if t and t not in _ORDINARY)


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    """Forms of one word, lower case."""
    return frozenset(t for t in _terms() if " " not in t)


def is_form_word(word: str) -> bool:
    """Whether one word is a legal form as written ("A/S", "AS", "Oyj", "Kft.", "s.r.o.")."""
    word = word.rstrip(",;")
    lower = word.lower()
    if lower not in _words() and lower.endswith(".") and lower[:-1] in _words():
        word, lower = word[:-1], lower[:-1]  # "LTD.", "INC.": the form with its closing dot
    if lower not in _words() or len(word) < 2:
        return False
    if any(c in word for c in "./&"):
        return True
    if lower in _CAPITALS_ONLY:
        return word.isupper()
    return word.isupper() or (word[0].isupper() and word[1:].islower() and len(word) >= 3) or (
        word[0].isupper() and any(c.isupper() for c in word[1:]))


@lru_cache(maxsize=1)
def tail_pattern() -> str:
    """A regex alternation of the forms written with a dot, a slash or a space ("A/S",
    "Sp. z o.o.", "s.r.o."), longest first, any case: the ones a capitalized-word reader cuts."""
    forms = sorted((t for t in _terms() if any(c in t for c in "./ ")), key=len, reverse=True)
    # the last dot may be the sentence's, or cut by the reader before it: "o.o" reads as "o.o."
    spelled = (re.sub(r"\\\.$", r"\\.?", re.escape(f).replace(r"\ ", "[ ]")) for f in forms)
    # a cheap look first: most forms open with a few letters and a dot or slash, the rest with
    # a word of their own ("Sdn Bhd"); the long alternation is tried only where one may start
    opening = r"[^\W\d_]{1,6}[./]"
    words = sorted({f.split()[0] for f in forms if not re.match(opening, f, re.IGNORECASE)})
    guard = rf"(?={opening}|(?i:{'|'.join(re.escape(w) for w in words)})[ ])"
    return guard + "(?i:" + "|".join(spelled) + ")"


@lru_cache(maxsize=1)
def _multi_word() -> list[list[str]]:
    return sorted((t.split() for t in _terms() if " " in t), key=len, reverse=True)


def form_words_at(words: list[str], index: int) -> int:
    """How many words from ``index`` on spell a legal form of several words ("Sp. z o.o.",
    "Sdn. Bhd."); 0 when none starts there."""
    for form in _multi_word():
        got = [w.lower().rstrip(",;") for w in words[index:index + len(form)]]
        if got == form:
            return len(form)
    return 0


@lru_cache(maxsize=1)
def _form_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])(?:{tail_pattern()})(?![\w&'’+/-]|\.\w)")


def dotted_form_at(text: str, dot: int) -> str | None:
    """Whether the dot at ``dot`` is one of a legal form written after a name ("inside" for
    "Sp." of "Sp. z o.o.", "last" for its final dot), or None."""
    start = max(0, dot - 24)
    for match in _form_re().finditer(text, start, min(len(text), dot + 24)):
        if match.start() == 0 or text[match.start() - 1] != " ":
            continue  # a form follows a name, after a space
        if match.start() <= dot < match.end():
            return "last" if dot == match.end() - 1 else "inside"
    return None
