"""A legal form written before the company's name (Indonesia's "PT", "CV", "UD"; Ukraine's
"TOV"): the words after it are the company's, no person's, and "director of CV" gives the form
to the company (examples in tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Ratna Kusumawardani", addresses=("ratna@kusuma-dagang.co.id",),
                      region="ID", assistant_addresses=("kontak@kusuma-dagang.co.id",))


@pytest.mark.parametrize(("text", "title", "company"), [
    ("Agus Setyo Purnomo, founder and director of CV Jati Ukir Lestari, agus@jatiukir.co.id.",
     "founder and director", "CV Jati Ukir Lestari"),
    ("Wulan Sari Handayani, marketing manager at UD Rotan Mas Abadi, wulan@rotanmas.co.id.",
     "marketing manager", "UD Rotan Mas Abadi"),
])
def test_the_form_opens_the_company(text: str, title: str, company: str) -> None:
    people = find_people(text, OWNER)
    assert len(people) == 1
    assert (people[0].title, people[0].company) == (title, company)


def test_a_name_after_a_form_is_no_person() -> None:
    text = "Met Budi Santoso of PT Kali Brantas Jaya, budi@kalibrantas.co.id."
    assert [p.name for p in find_people(text, OWNER)] == ["Budi Santoso"]
