"""A listed title with the field it heads in brackets, then the company after a comma
("Deputy Director (Export Markets), Uva Highlands Tea Promotion Board"): the bracket is the
title's, the company is the next field and no person (examples in tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Sachini Abeywardena", addresses=("sachini@abeywardena-exports.lk",),
                      region="LK", assistant_addresses=("contacts@abeywardena-exports.lk",))


@pytest.mark.parametrize(("text", "title", "company"), [
    ("Ruwan Bandara, Deputy Director (Export Markets), Uva Highlands Tea Promotion Board, "
     "ruwan@uvatea.gov.lk.", "Deputy Director (Export Markets)",
     "Uva Highlands Tea Promotion Board"),
    ("Ishara Gunasekara, Manager (Quality Assurance), Dimbula Leaf Processors, "
     "ishara@dimbulaleaf.lk.", "Manager (Quality Assurance)", "Dimbula Leaf Processors"),
])
def test_the_bracket_is_the_titles_field(text: str, title: str, company: str) -> None:
    people = find_people(text, OWNER)
    assert [(p.title, p.company) for p in people] == [(title, company)]


def test_a_company_in_brackets_is_still_the_company() -> None:
    people = find_people("Tom Reid, Partner (Morgan & Reid LLP), tom@morganreid.co.uk.", OWNER)
    assert [(p.title, p.company) for p in people] == [("Partner", "Morgan & Reid LLP")]
