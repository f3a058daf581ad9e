"""A list's heading that names an event in words ("Warsaw fintech evening, three to keep:")
gives each listed person that event, without what the heading adds after it, whatever the
list's markers; a name right after a listed title is the company the title is held at."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.context import heading_occasion
from assistant.parsing.people import find_people


@pytest.mark.parametrize(("preamble", "event"), [
    ("Lyon biotech evening, two to keep:\n1. ", "Lyon biotech evening"),
    ("Austin climate mixer - three people:\n1) ", "Austin climate mixer"),
    ("Hamburger Gründerabend – zwei Kontakte:\n- ", "Hamburger Gründerabend"),
    ("Alimentaria Barcelona:\n1. ", "Alimentaria Barcelona"),
])
def test_a_heading_names_the_event(preamble: str, event: str) -> None:
    assert heading_occasion(preamble) == event


@pytest.mark.parametrize("preamble", ["Contacts from today, three:\n1. ", "Good people, two:\n",
                                      "Three to keep:\n1. "])
def test_a_heading_without_an_event_names_none(preamble: str) -> None:
    assert heading_occasion(preamble) is None


def test_each_numbered_person_gets_the_heading_event() -> None:
    owner = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))
    text = ("Denver robotics breakfast, two to follow up:\n"
            "1. Priya Natarajan, Head of Sales at Ridgeway Arms, priya@ridgewayarms.com.\n"
            "2. Owen Takeda, Director of Channel Alliances, Summit Grippers, owen@summitgrip.com."
            " Interested in dealer networks.\n")
    drafts = {d.name: d for d in find_people(text, owner)}
    assert set(drafts) == {"Priya Natarajan", "Owen Takeda"}
    assert {d.context for d in drafts.values()} == {"Denver robotics breakfast"}
    assert drafts["Owen Takeda"].company == "Summit Grippers"
    assert drafts["Owen Takeda"].title == "Director of Channel Alliances"
