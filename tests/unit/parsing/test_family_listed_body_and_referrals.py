"""A body's name alone between a name and the address ("Irakli Tsiklauri, Georgian Innovation
Fund, irakli@...") is the company; "title for the X Authority" names the body worked for;
"Dwight Palmer recommended her:" is the introducer; "Promised Ruth our checklist" is the owner's
promise to Ruth; "VP, Finance @ X, Inc." in a list; a lower-case note's listed company
(examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.message import _introducer_in_note
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Grace Namutebi", addresses=("grace@namutebiadvisory.ug",),
                      region="GB", assistant_addresses=("contacts@namutebiadvisory.ug",))


def _people(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {d.name or "": (d.title, d.company) for d in find_people(text, OWNER)}


def test_body_alone_between_name_and_address_is_the_company() -> None:
    people = _people("1. Callum Ashworth, Aire Valley Housing Trust, callum@airevalleyht.org.uk.")
    assert people == {"Callum Ashworth": (None, "Aire Valley Housing Trust")}


def test_a_place_alone_is_no_company() -> None:
    assert _people("Irakli Tsiklauri, Tbilisi, irakli@gifund.ge.") == {
        "Irakli Tsiklauri": (None, None)}


def test_title_for_the_authority() -> None:
    people = _people("Nadia Kerrigan, programme officer for the Yorkshire Net Zero Authority, "
                     "nadia.kerrigan@ynza.gov.uk.")
    assert people["Nadia Kerrigan"] == ("programme officer", "Yorkshire Net Zero Authority")


def test_title_for_a_region_is_no_company() -> None:
    assert _people("Megan Rhys, head of sales for Europe, megan@woeca.co.uk.")["Megan Rhys"][1] \
        is None


def test_name_recommended_her_is_the_introducer() -> None:
    assert _introducer_in_note("Haven't met her yet. Dwight Palmer recommended her: Renee "
                               "Forbes, renee@bluemahoecu.jm.") == "Dwight Palmer"
    assert _introducer_in_note("Greg Tillotson put her forward: Natalie Reyes.") == \
        "Greg Tillotson"


def test_owner_putting_someone_in_touch_is_no_introducer() -> None:
    assert _introducer_in_note("I'll put him in touch with Aoife at Teagasc.") is None


def test_promised_without_i_goes_to_the_person_named() -> None:
    text = ("Ruth Akello runs Elgon Fresh Dairies, ruth@elgonfresh.ug. Moses Wafula is the "
            "operations manager of Bugisu Milk Collectors, moses@bugisumilk.ug. Promised Ruth "
            "our cold-chain checklist.")
    promises = {d.name: d.promises for d in find_people(text, OWNER)}
    assert promises == {"Ruth Akello": ["our cold-chain checklist"], "Moses Wafula": []}


def test_at_sign_between_words_in_a_semicolon_list() -> None:
    people = _people("Corinne Maddox; VP, Finance & Strategy @ Pedernales Water Works, Inc.; "
                     "cmaddox@pedernaleswater.com; met at the Austin infrastructure lunch")
    assert people["Corinne Maddox"] == ("VP, Finance & Strategy", "Pedernales Water Works, Inc.")


def test_lowercase_listed_company() -> None:
    people = _people("joel okot, sales lead, acholi seed hub, joel@acholiseed.ug.")
    assert people["joel okot"] == ("sales lead", "acholi seed hub")
