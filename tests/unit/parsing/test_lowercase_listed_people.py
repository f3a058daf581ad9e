"""People in a hurried note typed in lower case: "sione fifita, producer at long white cloud
pictures, sione@...": the name before the comma, and the company's whole lower-case run."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import Role
from assistant.parsing.people import _lowercase_role, find_people

OWNER = OwnerIdentity("Siobhan Walsh", ("siobhan@walshpartners.ie",), "IE",
                      ("crm@walshpartners.ie",))


def test_two_lower_case_people_set_apart_before_their_roles_and_addresses() -> None:
    note = ("two from the cork harbour breakfast - niamh kelleher, head of ops at tidewater "
            "freight, niamh@tidewaterfreight.ie, wants a broker. also ronan duggan, founder of "
            "sea lane labs, ronan.duggan@sealanelabs.ie - nice chap.")
    people = {d.name: d for d in find_people(note, OWNER)}
    assert set(people) == {"niamh kelleher", "ronan duggan"}
    assert (people["niamh kelleher"].title, people["niamh kelleher"].company) == (
        "head of ops", "tidewater freight")
    assert (people["ronan duggan"].title, people["ronan duggan"].company) == (
        "founder", "sea lane labs")


def test_lower_case_words_whose_address_is_not_theirs_are_no_person() -> None:
    note = "notes - the usual crowd, mostly bankers, info@harbourclub.ie for the list."
    assert [d.name for d in find_people(note, OWNER) if d.name] == []


def test_a_lower_case_company_run_up_to_its_comma() -> None:
    assert _lowercase_role("jo, producer at long white cloud pictures, jo@x.nz") == Role(
        "producer", "long white cloud pictures")
