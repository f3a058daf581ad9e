"""Letter classes for the parser's patterns, for every Latin alphabet: not only A-Z and
Latin-1, but Ž, Ł, Ş, Ő, Đ, Ș, Ơ, Ư and the rest (Slovak, Polish, Turkish, Hungarian, Croatian,
Romanian, Vietnamese ... names and companies), so that "Žilina Regional Authority" is as much a
capitalised name as "Zilina Regional Authority".

``UPPER`` and ``LOWER`` are the inside of a character class ("[" + UPPER + "]"): ASCII ranges
and the letters themselves, listed once from Unicode's own case data.
"""

from __future__ import annotations

_LATIN = (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00))  # Latin-1 to Extended-B, Additional


def _letters(upper: bool) -> str:
    return "".join(c for c in map(chr, _LATIN)
                   if c.isalpha() and (c.isupper() if upper else c.islower()))


UPPER = "A-Z" + _letters(upper=True)
LOWER = "a-z" + _letters(upper=False)
