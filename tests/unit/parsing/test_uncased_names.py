"""A name typed in lower case, in capitals, or in a script without letter case is still a name
when the person's own address follows it."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))


@pytest.mark.parametrize(("note", "name", "address"), [
    ("Met kevin (kevin@example.org) at the summit.", "kevin", "kevin@example.org"),
    ("Met kevin lee <klee@example.org> at the summit.", "kevin lee", "klee@example.org"),
    ("Met 王伟 (wei.wang@example.cn) at the expo.", "王伟", "wei.wang@example.cn"),
    ("Met DR. EMILY CHEN (emily@chen.example) at the expo.", "EMILY CHEN", "emily@chen.example"),
    ("Coffee with 山田 太郎 <yamada@example.jp> today.", "山田 太郎", "yamada@example.jp"),
])
def test_an_uncased_name_before_its_own_address(note: str, name: str, address: str) -> None:
    # Given a note naming someone in one letter case (or none) right before their address
    (person,) = find_people(note, OWNER)
    # Then the name is kept as written, without honorifics
    assert (person.name, person.emails) == (name, [address])


@pytest.mark.parametrize("note", [
    "Met my friend (bob@example.org) at the summit.",
    "met someone from acme (jane@acme.example) at the summit.",
    "SEE BELOW (jane@acme.example)",
])
def test_lowercase_words_that_are_not_the_address_are_not_a_name(note: str) -> None:
    # Given ordinary words before an address that does not hold them
    (person,) = find_people(note, OWNER)
    # Then the person stays nameless (the address alone)
    assert person.name is None


def test_a_lowercase_word_after_a_capitalized_name_is_not_another_person() -> None:
    # Given a capitalized first name with the surname typed in lower case
    found = find_people("Met Kevin lee (klee@example.org) at the summit.", OWNER)
    # Then there is one person, holding the address
    assert [(p.emails) for p in found] == [["klee@example.org"]]
