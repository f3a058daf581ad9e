"""Names written family name first, where the given name is the one people are called by.

Vietnamese names are written family name, middle names, given name ("Đặng Văn Phúc", "Lê Thị
Hồng Nhung") and the person is called by the given name, the last word ("Phúc", "Nhung"). The
family names are few and written with their marks, so a name opening with one is read so.
"""

from __future__ import annotations

import re

# The common Vietnamese family names, as written with their marks (not "Le", "Ho", "Ha": those
# are other peoples' names too).
_VIETNAMESE_FAMILY = frozenset("""Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ
Ngô Dương Lý Đinh Đoàn Lâm Trịnh Lưu Tạ Trương Hà Tăng Lương Quách Thái Châu Đào Mạc Tôn
Kiều""".split())


# Chinese family names as Singapore, Malaysia, Brunei and Hong Kong romanize them ("Tan Kok
# Leong", "Wong Mei Ling", "Lee Hui Min"); "Lee" also opens western names ("Lee Ann Womack"),
# whose words are no Chinese syllables.
_CHINESE_FAMILY = frozenset("""Tan Lim Lee Ng Ong Wong Goh Chua Chan Koh Teo Ang Yeo Tay Toh
Sim Chong Chia Seah Foo Leong Yap Quek Loh Phua Tham Soh Pang Chew Khoo Heng Kwok Lai Cheong
Tsang Cheung Leung Yeung Chau Fung Kwan Siew Liew Yong Ooi Teh Lok Hew Wee Tang Chin
Choo Lam Ho Lau Chow Cheng Yip Tse Tsui Yuen Mak Hui Siu Choi Tam Vong Ieong Iao Chio Sou
Cheang Kuok""".split())
# A syllable of a romanized Chinese given name: one short capitalised word, its consonants
# before one run of vowels and at most a final n, ng, m, k, p, t, h or w ("Kok", "Leong", "Hui",
# "Siew"; not "Ann", "Womack").
_SYLLABLE_LETTERS = 6
_SYLLABLE = re.compile(r"[bcdfghjklmnpqrstvwxyz]{0,3}[aeiouy]{1,3}(?:ng|n|m|k|p|t|h|w)?")


def called_by(name: str | None) -> str | None:
    """The given name of a name written family name first ("Đặng Văn Phúc" -> "Phúc", "Tan Kok
    Leong" -> "Kok Leong", "Wong Mei-Ling" -> "Mei-Ling"), else None (a name in the western
    order is called by its first word)."""
    words = (name or "").split()
    if len(words) >= 2 and words[0] in _VIETNAMESE_FAMILY and words[-1][:1].isupper():
        return words[-1]
    given = words[1:]
    if (words and words[0] in _CHINESE_FAMILY
            and (len(given) == 2 or (len(given) == 1 and given[0].count("-") == 1))
            and all(_syllable(part) for word in given for part in word.split("-"))):
        return " ".join(given)
    return None


def _syllable(word: str) -> bool:
    return (0 < len(word) <= _SYLLABLE_LETTERS and word[:1].isupper() and word[1:].islower()
            and _SYLLABLE.fullmatch(word.lower()) is not None)


# "Kelvin Lam" (an English given name and a family name), then "Ka Chon": the Chinese given
# name after them, as Macau and Hong Kong write a name in full ("Kelvin Lam Ka Chon").
_GIVEN_AFTER = re.compile(r"[ \t]+([A-Z][a-z]{0,5})[ \t]+([A-Z][a-z]{0,5})(?![\w-])")


def given_name_after(name: str, after: str) -> str | None:
    """The Chinese given name of two syllables right after ``name`` in ``after`` (the text
    that follows it), when ``name`` ends in a Chinese family name; else None."""
    words = name.split()
    if len(words) < 2 or words[-1] not in _CHINESE_FAMILY:
        return None
    found = _GIVEN_AFTER.match(after)
    if found is None or not all(_syllable(word) for word in found.groups()):
        return None
    return f"{found.group(1)} {found.group(2)}"
