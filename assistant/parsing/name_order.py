"""Names written family name first, where the given name is the one people are called by.

Vietnamese names are written family name, middle names, given name ("Đặng Văn Phúc", "Lê Thị
Hồng Nhung") and the person is called by the given name, the last word ("Phúc", "Nhung"). The
family names are few and written with their marks, so a name opening with one is read so.
"""

from __future__ import annotations

# The common Vietnamese family names, as written with their marks (not "Le", "Ho", "Ha": those
# are other peoples' names too).
_VIETNAMESE_FAMILY = frozenset("""Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ
Ngô Dương Lý Đinh Đoàn Lâm Trịnh Lưu Tạ Trương Hà Tăng Lương Quách Thái Châu Đào Mạc Tôn
Kiều""".split())


def called_by(name: str | None) -> str | None:
    """The given name of a name written family name first ("Đặng Văn Phúc" -> "Phúc"), else
    None (a name in the western order is called by its first word)."""
    words = (name or "").split()
    if len(words) >= 2 and words[0] in _VIETNAMESE_FAMILY and words[-1][:1].isupper():
        return words[-1]
    return None
