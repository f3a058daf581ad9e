"""In a sentence about the person, a title, after its comma the region or department it
heads, then "at" and the company: "She is Director of Operations, Nordic Region at Fjellvik
Logistikk AS"."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Sigrid Haugland", addresses=("sigrid@haugland-radgivning.no",),
                      region="NO", assistant_addresses=("notater@haugland-radgivning.no",))


@pytest.mark.parametrize(("text", "title", "company"), [
    ("Had coffee with Ingrid Solvang at the Bergen forum. She is Director of Operations, Nordic "
     "Region at Fjellvik Logistikk AS (ingrid.solvang@fjellvik-logistikk.no).",
     "Director of Operations, Nordic Region", "Fjellvik Logistikk AS"),
    ("Had coffee with Ingrid Solvang. She's Head of Sales, Cold Chain at Fjellvik Logistikk AS, "
     "ingrid.solvang@fjellvik-logistikk.no.", "Head of Sales, Cold Chain", "Fjellvik Logistikk AS"),
])
def test_title_with_its_region_then_company(text: str, title: str, company: str) -> None:
    people = find_people(text, OWNER)
    assert [(p.name, p.title, p.company) for p in people] == [("Ingrid Solvang", title, company)]


def test_no_title_before_the_comma_reads_nothing_new() -> None:
    people = find_people("Had coffee with Ingrid Solvang in Bergen, Norway at the forum, "
                         "ingrid.solvang@fjellvik-logistikk.no.", OWNER)
    assert [(p.title, p.company) for p in people] == [(None, None)]
