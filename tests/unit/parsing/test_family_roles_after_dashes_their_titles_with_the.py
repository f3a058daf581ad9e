"""A role said after a dash ("— she's Sustainability Manager for ... Limited"), a title after
the company ("from X Pvt Ltd, their Director of Guest Experience"), "with the" naming the
employer ("Project Officer with the ... Fund"), where two people first met ("Lunch today with
X — we first met at the ... dinner last month"), and a meeting long ago, of which a draft says no
day (examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.drafting import slots
from assistant.parsing.contacts import Role, role_in
from assistant.parsing.context import meeting_context
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Olive Owner", addresses=("olive@owner.example",), region="GB",
                      assistant_addresses=("assistant@owner.example",))


def _one(text: str) -> tuple[str | None, str | None, str | None]:
    found, = find_people(text, OWNER)
    return found.title, found.company, found.context


def test_a_dash_sets_the_pronoun_and_the_role_apart() -> None:
    title, company, _ = _one(
        "Met Aroha Tipene at the Rotorua expo — she's Sustainability Manager for Kaingaroa "
        "Pine Holdings Limited, aroha@kpine.example, 020 7946 0148.")
    assert (title, company) == ("Sustainability Manager", "Kaingaroa Pine Holdings Limited")


def test_the_company_then_their_title() -> None:
    title, company, _ = _one(
        "Mathieu Bergeron from Laurentide Robotique Inc., their Head of Field Operations — met "
        "him at the robotics meetup. mathieu@laurentide.example")
    assert (title, company) == ("Head of Field Operations", "Laurentide Robotique Inc.")
    # a remark after the company is no title
    title, company, _ = _one(
        "Mathieu Bergeron from Laurentide Robotique Inc., their loss really. "
        "mathieu@laurentide.example")
    assert title is None


def test_with_the_names_the_employer() -> None:
    assert role_in("Project Officer with the Barwon Regional Waste Authority") == Role(
        "Project Officer", "Barwon Regional Waste Authority")
    assert role_in("Senior Analyst with Kestrel Ridge Ltd") == Role(
        "Senior Analyst", "Kestrel Ridge Ltd")
    # a team, a single name or a person is no employer
    assert role_in("Project Officer with the Tokyo team").company is None
    assert role_in("Project Officer with Maria").company is None


def test_where_they_first_met_is_the_occasion() -> None:
    context = meeting_context(
        "Lunch today with Siobhán Kearney-Walsh, Head of Risk at Corrib Mutual DAC — we first "
        "met at the Galway insurtech breakfast in March.", ("Siobhán Kearney-Walsh",))
    assert context == "We first met at the Galway insurtech breakfast in March."
    # without "first", the day's meeting is the occasion
    context = meeting_context("Lunch today with Siobhán at the Galway insurtech breakfast.",
                              ("Siobhán",))
    assert context is not None and "Lunch" in context


def test_a_meeting_long_ago_has_its_place_but_no_day() -> None:
    found = slots.occasion("We first met at the Galway insurtech breakfast in March.")
    assert found == slots.Occasion(place="the Galway insurtech breakfast", long_ago=True)
    found = slots.occasion("we met at the London finance dinner last month")
    assert found.place == "the London finance dinner" and found.long_ago
    found = slots.occasion("Met her at the London finance dinner last night")
    assert found.place == "the London finance dinner" and not found.long_ago
