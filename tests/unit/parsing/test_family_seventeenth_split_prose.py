"""Prose families found on the seventeenth split (examples in tests/corpus/dev): lower-case
names with any Latin letter; "met ms. x y at ..." then "title, company, address"; "She's
Title, Company, address"; "Also met her operations manager, X"; "at the same outfit"; "Both
want ..."; a heading that is a sentence of its own; "Title with Company ehf."; a name followed by
its legal form is a company; "Said" inside a name; "senior lecturer in <field> at the
University"; "X (from the union) suggested"; Welsh "ap"; "chair of the ... committee"; what
someone drinks is no meeting."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import is_title_phrase, role_in
from assistant.parsing.context import heading_occasion, tells_meeting
from assistant.parsing.message import _introducer_in_note
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Neema Kileo", addresses=("neema@kileoadvisory.co.tz",), region="TT",
                      assistant_addresses=("contacts@kileoadvisory.co.tz",))


def _people(text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {d.name or "": (d.title, d.company, d.context) for d in find_people(text, OWNER)}


def test_lowercase_listed_names_with_icelandic_letters() -> None:
    text = ("quick one from the harpa startup night:\n- björk ólafsdóttir, head of growth, hafnar "
            "ljós ehf., bjork@hafnarljos.is.\n- jón þórsson, product lead at Vindur Labs, "
            "jon@vindurlabs.is.\n")
    people = _people(text)
    assert set(people) == {"björk ólafsdóttir", "jón þórsson"}
    assert people["björk ólafsdóttir"][:2] == ("head of growth", "hafnar ljós ehf.")


def test_lowercase_met_ms_then_a_role_sentence() -> None:
    text = ("met ms. rehema mushi at the tanga sisal growers' meeting. finance manager, usambara "
            "sisal estates ltd, rehema@usambarasisal.co.tz. wants a lender.")
    assert _people(text)["rehema mushi"][:2] == ("finance manager", "usambara sisal estates ltd")


def test_she_is_title_company_and_also_met_her_manager() -> None:
    text = ("Met Dr. Sharda Persad at the San Fernando pharmacy forum. She's Managing Director, "
            "Naparima Pharma Ltd., sharda@naparimapharma.tt. Also met her operations manager, "
            "Vishal Rampersad, vishal@naparimapharma.tt.")
    people = _people(text)
    assert people["Sharda Persad"][:2] == ("Managing Director", "Naparima Pharma Ltd.")
    title, company, context = people["Vishal Rampersad"]
    assert (title, company) == ("operations manager", "Naparima Pharma Ltd.")
    assert context and "San Fernando pharmacy forum" in context


def test_same_outfit_and_both_want() -> None:
    text = ("Tobago cocoa festival. Andre Des Vignes, head distiller at Speyside Cocoa Co. Ltd, "
            "cell 868 620 5077, and Gillian Roberts-Hinds, marketing manager at the same outfit, "
            "gillian@speysidecocoa.tt. Both want a buyer in Canada.")
    drafts = {d.name: d for d in find_people(text, OWNER)}
    assert drafts["Gillian Roberts-Hinds"].company == "Speyside Cocoa Co. Ltd"
    assert drafts["Gillian Roberts-Hinds"].title == "marketing manager"
    assert all(d.needs == ["a buyer in Canada"] for d in drafts.values())
    assert all(d.context == "Tobago cocoa festival" for d in drafts.values())


@pytest.mark.parametrize(("preamble", "occasion"), [
    ("Arima craft-rum tasting. ", "Arima craft-rum tasting"),
    ("Vanadzor job fair, two worth keeping. ", "Vanadzor job fair"),
    ("Great event, loved it. ", None),
])
def test_heading_as_a_sentence(preamble: str, occasion: str | None) -> None:
    assert heading_occasion(preamble) == occasion


def test_title_with_company_and_its_legal_form() -> None:
    text = ("Met Pieter de Graaf at the Akureyri fisheries seminar. He's Senior Process Engineer "
            "with Eyjafjörður Vinnsla ehf. (pieter@eyjavinnsla.is).")
    people = _people(text)
    assert list(people) == ["Pieter de Graaf"]
    assert people["Pieter de Graaf"][:2] == ("Senior Process Engineer", "Eyjafjörður Vinnsla ehf.")


def test_experience_with_is_no_employer() -> None:
    text = ("Met Pieter de Graaf at the seminar, pieter@x.is. He's an engineer with ten years "
            "at sea.")
    assert _people(text)["Pieter de Graaf"][1] is None


def test_said_inside_a_name_and_lecturer_in_a_field() -> None:
    text = ("1. Eng. Juma Said Mrisho, Head of Operations, Dodoma Rural Water Cooperative, "
            "juma@dodomawater.or.tz.\n2. Dr. Faraja Nnko, senior lecturer in water engineering "
            "at the University of Kondoa Hills, f.nnko@kondoahills.ac.tz.\n")
    people = _people(text)
    assert set(people) == {"Juma Said Mrisho", "Faraja Nnko"}
    assert role_in("senior lecturer in water engineering at the University of Kondoa Hills") \
        .company == "University of Kondoa Hills"


def test_introducer_with_a_bracket_welsh_particle_and_committee_title() -> None:
    text = ("Not met yet. Rhodri Powell (from the farmers' union) suggested I reach out to Cllr "
            "Eluned ap Gwilym, chair of the rural affairs committee at Powys Hills Council, "
            "eluned.apgwilym@powyshills.gov.uk.")
    assert _introducer_in_note(text) == "Rhodri Powell"
    assert "Eluned ap Gwilym" in _people(text)
    assert is_title_phrase("chair of the rural affairs committee", loose=True)


def test_what_someone_drinks_is_no_meeting() -> None:
    assert not tells_meeting("björk drinks too much coffee, ha.")
    assert not tells_meeting("sunna drinks far too much at these things.")
    assert tells_meeting("Drinks with Sunna after the fair.")


def test_signature_company_then_title_after_a_pipe() -> None:
    from assistant.parsing.signature_fields import mine_signature

    facts = mine_signature("Amani Lyimo\nSapphire Angels Network | Chair\n+255 784 555 077",
                           "Amani Lyimo", "TZ")
    assert (facts.title, facts.company) == ("Chair", "Sapphire Angels Network")


def test_caught_up_with_at_a_luncheon_is_a_meeting() -> None:
    text = ("Caught up with Marisol Quintero at the Tempe solar luncheon. She's VP of Operations "
            "at Sonoran Cells LLC, marisol@sonorancells.com.")
    context = _people(text)["Marisol Quintero"][2]
    assert context and "Tempe solar luncheon" in context
