"""Roles written beside the name or in the sentence after the meeting: "president of" in lower
case, "She is the operations director of ...", "Selma Nghifikwa, his procurement manager,
...", a bracket after a legal form, Cameroon's "GIC" before a group's name, and the "and"
before the next person in a list (examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import role_in
from assistant.parsing.people import find_people


def owner(region: str) -> OwnerIdentity:
    return OwnerIdentity(name="Amara Lindqvist", addresses=("amara@lindqvist.example",),
                         region=region, assistant_addresses=("contacts@lindqvist.example",))


def roles(text: str, region: str = "GB") -> list[tuple[str | None, str | None, str | None]]:
    return [(p.name, p.title, p.company) for p in find_people(text, owner(region))]


def test_president_in_lower_case_is_a_title() -> None:
    assert roles("Hauwa Abdullahi-Bello, president of Zaria Grain Growers Cooperative, "
                 "hauwa@zariagrain.ng.", "NG") == [
        ("Hauwa Abdullahi-Bello", "president", "Zaria Grain Growers Cooperative")]


def test_the_sentence_after_the_meeting_says_what_the_person_is() -> None:
    assert roles("Had coffee with Thokozani Phiri at the Blantyre tea conference. She is the "
                 "operations director of Shire Highlands Estates Limited (thoko@shireestates.mw)."
                 " Looking for a logistics partner.", "MW") == [
        ("Thokozani Phiri", "operations director", "Shire Highlands Estates Limited")]
    # a sentence that is no role gives none
    assert roles("Had coffee with Thokozani Phiri at the Blantyre tea conference. She is "
                 "very keen on exports (thoko@shireestates.mw).", "MW") == [
        ("Thokozani Phiri", None, None)]


def test_their_title_after_the_name_is_at_the_company_of_the_person_before() -> None:
    people = roles("Pieter Hamutenya is managing director of Namib Cold Chain (Pty) Ltd, "
                   "pieter@namibcold.com.na. Also Selma Nghifikwa, his procurement manager, "
                   "selma@namibcold.com.na.", "NA")
    assert people[1] == ("Selma Nghifikwa", "procurement manager", "Namib Cold Chain (Pty) Ltd")


def test_the_and_before_the_next_person_is_no_part_of_the_title() -> None:
    assert roles("Boitumelo Sebina, head of projects, boitumelo@kgalesolar.co.bw, and Neo Kgosi,"
                 " finance manager, neo@kgalesolar.co.bw.", "BW") == [
        ("Boitumelo Sebina", "head of projects", None), ("Neo Kgosi", "finance manager", None)]


def test_a_bracket_after_a_legal_form_is_the_companys_own() -> None:
    role = role_in("general manager of Creekside Leisure L.L.C. (Group), omar@x.ae")
    assert (role.title, role.company) == ("general manager", "Creekside Leisure L.L.C. (Group)")
    # without a legal form before it the bracket names the employer of a title's field
    role = role_in("Diretor de Importação (Lins Import Co.)")
    assert role.company == "Lins Import Co."


def test_a_common_initiative_group_is_a_company_and_no_person() -> None:
    people = roles("- Mme Odile Tchuente Kamdem, présidente du GIC Paysans Unis de la Mifi, "
                   "odile@gic-pum.cm, 677 55 50 14.\n- Paul Nana, gérant de Nana Intrants SARL, "
                   "paul@nanaintrants.cm.\n", "CM")
    assert people == [("Odile Tchuente Kamdem", "présidente", "GIC Paysans Unis de la Mifi"),
                      ("Paul Nana", "gérant", "Nana Intrants SARL")]
