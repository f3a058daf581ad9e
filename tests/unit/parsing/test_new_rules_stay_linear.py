"""The rules added for scripts without case, spelled numbers and inline sites read long hostile
input right: nobody is made of a run of letters or commas, and every inline site is found.
(Their speed on such input is measured by `make hostile` and `benchmarks/parse_bench.py`.)"""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import find_urls, person_phones
from assistant.parsing.people import find_people

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))
LONG_RUNS = [
    "अनन्याशर्मा" * 3000 + "1",
    "سارة الهاشمي " * 3000 + "!",
    "one , , , two " * 3000 + "x",
    " ".join(f"x{i}@d{i}.com d{i}.com" for i in range(300)),
]


@pytest.mark.parametrize("text", LONG_RUNS[:3])
def test_a_long_run_of_letters_or_commas_is_nobody(text: str) -> None:
    assert find_people(text, OWNER) == []
    assert not person_phones(text, "US")
    assert find_urls(text) == []


def test_every_inline_site_of_a_long_list_is_found() -> None:
    text = LONG_RUNS[3]
    assert len(find_people(text, OWNER)) == 300
    assert [url for _, url in find_urls(text)] == [f"https://d{i}.com" for i in range(300)]
    assert not person_phones(text, "US")
