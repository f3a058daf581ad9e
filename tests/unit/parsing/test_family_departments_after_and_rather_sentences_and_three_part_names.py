"""A title's departments joined by "and" ("VP, Finance and Administration", "General Manager,
Procurement and Contracts") name nobody; a need denied with an accented "géén" is denied, and
the next sentence's "Wel ..." ("Sondern ...", "Rather, ...") is the need instead; a name of
three hyphenated parts ("Fung-A-Ling") is one name (examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.context import read_context
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Dana Whitcombe", addresses=("dana@whitcombe.example",), region="US",
                      assistant_addresses=("contacts@whitcombe.example",))


def test_departments_joined_by_and_in_a_title_name_nobody() -> None:
    people = find_people("Trevor Ollie, VP, Finance and Administration, Soleil Foods Ltd, "
                         "trevor@soleil.example. Needs a bank.", OWNER)
    assert [(p.name, p.title, p.company) for p in people] == [
        ("Trevor Ollie", "VP, Finance and Administration", "Soleil Foods Ltd")]
    people = find_people("Met Khalid Nasser at the open day. He's General Manager, Procurement "
                         "and Contracts at Sitra Extrusions B.S.C., khalid@sitra.example.", OWNER)
    assert [p.name for p in people] == ["Khalid Nasser"]
    assert people[0].title == "General Manager, Procurement and Contracts"


def test_an_accented_denial_and_the_need_the_next_sentence_gives_instead() -> None:
    assert read_context("Zoekt géén investeerders. Wel een aannemer voor de afwerking.").needs == (
        "een aannemer voor de afwerking",)
    assert read_context("Sucht keine Investoren. Sondern einen Statiker.").needs == (
        "einen Statiker",)
    assert read_context("Not looking for investors. Rather, a CFO for the raise.").needs == (
        "a CFO for the raise",)
    # a sentence after a denial that does not say "rather" gives no need, nor does "Wel" after
    # a need that was not denied add one
    assert read_context("Not looking for investors. But he loves sailing.").needs == ()
    assert read_context("Looking for investors. Wel een aannemer.").needs == ("investors",)


def test_a_name_of_three_hyphenated_parts_is_one_name() -> None:
    people = find_people("Met Cheryl Fung-A-Ling at the ICT fair, cheryl@fung.example.", OWNER)
    assert [p.name for p in people] == ["Cheryl Fung-A-Ling"]


def test_a_rate_per_week_is_no_event() -> None:
    from assistant.parsing.context import meeting_context

    # "can do 2,000 jars a week" names no occasion ("do" is also Portuguese "of the")
    assert meeting_context("Hannah runs Pickle Ltd; she needs a bottler who can do 2,000 jars a "
                           "week.") is None
    assert meeting_context("Met her at the Leeds design week.") is not None


def test_a_title_serving_a_head_is_a_title() -> None:
    from assistant.parsing.contacts import is_title_phrase

    assert is_title_phrase("chief of staff to the CEO", loose=True)
    assert is_title_phrase("senior adviser to the Chairman", loose=True)
    assert not is_title_phrase("to the CEO", loose=True)
    assert not is_title_phrase("talked to the CEO", loose=True)


def test_the_gulf_forms_and_the_kind_in_brackets_after_them() -> None:
    from assistant.parsing.contacts import is_legal_form, role_in, with_comma_form

    assert is_legal_form("B.S.C.") and is_legal_form("W.L.L.") and is_legal_form("P.J.S.C.")
    text = "head of treasury at Gulf Ledger Bank B.S.C. (closed), faisal@gulfledger.example"
    role = role_in(text)
    assert with_comma_form(role.company, text) == "Gulf Ledger Bank B.S.C. (closed)"
    # a bracket after a name without a form is no kind of company
    assert with_comma_form("Gulf Ledger", "at Gulf Ledger (c) 2024") == "Gulf Ledger"


def test_a_long_title_of_a_promotion_agency_is_a_title() -> None:
    from assistant.parsing.contacts import role_in

    role = role_in("Deputy Director of Investment Promotion and Facilitation at Vientiane Trade "
                   "Park Co., Ltd., somchai@vtp.example")
    assert role.title == "Deputy Director of Investment Promotion and Facilitation"
    assert role.company == "Vientiane Trade Park Co., Ltd."


def test_a_capitals_name_with_orders_over_a_title_and_its_company() -> None:
    people = find_people("Card from the expo:\n\nPROF. ELOWEN TREVASK-HALE OBE\nHEAD OF "
                         "OFFSHORE WIND, KERNOW TIDE SYSTEMS LTD\nT 020 7946 0142\n"
                         "e.trevask@kernowtide.example\n", OWNER)
    assert [(p.name, p.title, p.company) for p in people] == [
        ("Elowen Trevask-Hale", "HEAD OF OFFSHORE WIND", "KERNOW TIDE SYSTEMS LTD")]


def test_the_company_someone_founded_in_a_compound_past() -> None:
    for text, company in (
            ("Rencontré Julien Marchetti, julien@voiles.example. Il a fondé Voiles Azur SAS et "
             "cherche un designer.", "Voiles Azur SAS"),
            ("Conocí a Lucía Prats, lucia@prats.example. Ha fundado Olivares Prats S.L. y busca "
             "un distribuidor.", "Olivares Prats S.L.")):
        person, = find_people(text, OWNER)
        assert person.company == company


def test_a_second_person_in_lower_case_after_with_and_their_role() -> None:
    people = find_people("met aroha tane-whiti at the nelson lunch, ops lead at kowhai cellars "
                         "ltd, aroha@kowhai.example. also a long chat with sam peretini-moss, "
                         "export manager at tasman grove ltd, sam@tasman.example.", OWNER)
    assert [(p.name, p.title, p.company, p.emails) for p in people] == [
        ("aroha tane-whiti", "ops lead", "kowhai cellars ltd", ["aroha@kowhai.example"]),
        ("sam peretini-moss", "export manager", "tasman grove ltd", ["sam@tasman.example"])]
    # the second's meeting words ("also a long chat with") name no occasion of their own
    assert people[1].context is None
