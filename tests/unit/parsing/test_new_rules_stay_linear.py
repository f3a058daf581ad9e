"""The rules added for scripts without case, spelled numbers and inline sites stay fast on long
hostile input: letters and their marks never overlap in the patterns, and inline sites are
found in one pass."""

from __future__ import annotations

import time

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import find_urls, person_phones
from assistant.parsing.people import find_people

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))


@pytest.mark.parametrize("text", [
    "अनन्याशर्मा" * 3000 + "1",
    "سارة الهاشمي " * 3000 + "!",
    "one , , , two " * 3000 + "x",
    " ".join(f"x{i}@d{i}.com d{i}.com" for i in range(300)),
])
def test_hostile_text_is_read_quickly(text: str) -> None:
    started = time.perf_counter()
    find_people(text, OWNER)
    person_phones(text, "US")
    find_urls(text)
    assert time.perf_counter() - started < 5
