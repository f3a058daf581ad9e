"""A name written again in the person's own script in brackets ("Yerlan Zhaksylykov (Ерлан
Жаксылыков) / Head of ..."): the role is read after both (examples in tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Aigerim Sarsenbayeva", addresses=("aigerim@steppe-agro.kz",),
                      region="KZ", assistant_addresses=("contacts@steppe-agro.kz",))


@pytest.mark.parametrize(("text", "name", "title", "company"), [
    ("Yerlan Zhaksylykov (Ерлан Жаксылыков) / Head of Procurement / Dala Agro Trade LLP / "
     "yerlan@dala-agro.kz.", "Yerlan Zhaksylykov", "Head of Procurement", "Dala Agro Trade LLP"),
    ("Layla Al Mansouri (ليلى المنصوري), Commercial Director, Gulf Harvest Trading LLC, "
     "layla@gulfharvest.ae.", "Layla Al Mansouri", "Commercial Director",
     "Gulf Harvest Trading LLC"),
])
def test_the_role_is_read_after_the_name_in_its_own_script(
        text: str, name: str, title: str, company: str) -> None:
    people = find_people(text, OWNER)
    assert [(p.name, p.title, p.company) for p in people] == [(name, title, company)]


def test_a_bracket_in_latin_letters_is_not_a_script_name() -> None:
    people = find_people("Nurlan Abenov (Almaty office), Sales Director, Dala Agro Trade LLP, "
                         "nurlan@dala-agro.kz.", OWNER)
    assert [p.name for p in people] == ["Nurlan Abenov"]
