"""The name a follow-up greets: the first name as the person would write it."""

from __future__ import annotations

import pytest

from assistant.drafting.profile import greeting_name


@pytest.mark.parametrize(("name", "greeted"), [
    ("Jane Doe", "Jane"),
    ("Dr. Emily Chen", "Emily"),
    # a name typed all in lower or upper case is greeted as it is normally written
    ("kevin", "Kevin"),
    ("kevin o'brien", "Kevin"),
    ("jean-luc picard", "Jean-Luc"),
    ("DR. EMILY CHEN", "Emily"),
    ("EMILY CHEN", "Emily"),
    # a name in a script without letter case is kept as written, whole
    ("王伟", "王伟"),
    ("山田 太郎", "山田 太郎"),
    ("김민준", "김민준"),
    # mixed case is the person's own spelling
    ("DeShawn Jones", "DeShawn"),
    ("McKenzie Lee", "McKenzie"),
])
def test_the_greeting_uses_the_first_name_as_normally_written(name: str, greeted: str) -> None:
    assert greeting_name(name) == greeted


@pytest.mark.parametrize("name", [None, "", "   "])
def test_hi_there_only_without_a_name(name: str | None) -> None:
    assert greeting_name(name) == "there"
