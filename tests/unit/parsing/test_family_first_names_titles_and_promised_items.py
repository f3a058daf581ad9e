"""Names written family name first, titles with commas and fields, and promised items without
their receiver: rules added with examples in tests/corpus/dev."""

from __future__ import annotations

import pytest

from assistant.drafting.profile import greeting_name
from assistant.drafting.slots import occasion
from assistant.parsing.contacts import find_urls, role_in, without_orders
from assistant.parsing.context import read_context
from assistant.parsing.name_order import called_by


@pytest.mark.parametrize(("name", "called"), [
    ("Đặng Văn Phúc", "Phúc"),
    ("Lê Thị Hồng Nhung", "Nhung"),
    ("Kevin Truong", None),  # the western order: called by the first word
    ("Le Blanc", None),  # no Vietnamese family name without its marks
])
def test_a_vietnamese_name_is_called_by_its_last_word(name: str, called: str | None) -> None:
    assert called_by(name) == called
    assert greeting_name(name) == (called or name.split()[0])


@pytest.mark.parametrize("context", [
    "Met at the Tulsa pump expo on Wednesday.",
    "Met at the Tulsa pump expo last Wednesday evening",
])
def test_a_day_of_the_week_is_no_part_of_the_place(context: str) -> None:
    assert occasion(context).place == "the Tulsa pump expo"


@pytest.mark.parametrize(("note", "promise"), [
    ("I promised Wendell's team our list of contract labs.", "our list of contract labs"),
    ("I promised Owen our list of port sensor vendors.", "our list of port sensor vendors"),
])
def test_a_promise_keeps_the_thing_not_whom_it_goes_to(note: str, promise: str) -> None:
    assert read_context(note, names=("Owen Price",)).promises == (promise,)


def test_a_bare_errand_verb_is_no_promised_item() -> None:
    assert read_context("Her son is sick. I'll send").promises == ()


def test_a_body_named_for_its_purpose_keeps_its_for() -> None:
    role = role_in("Director of the Vermont Agency for Rural Broadband and is looking")
    assert role.company == "Vermont Agency for Rural Broadband"
    assert role_in("Director at Acme for Europe").company == "Acme"


def test_a_firm_of_partners_names_runs_to_its_legal_form() -> None:
    assert role_in("partner at Halloway, Pryce and Dunmore LLP").company == (
        "Halloway, Pryce and Dunmore LLP")


def test_orders_after_a_name_are_no_part_of_it() -> None:
    assert without_orders("ANGHARAD PRICE-MELLOR FREng") == "ANGHARAD PRICE-MELLOR"


def test_a_site_set_apart_by_pipes_is_read() -> None:
    line = "Rhodri Penhale | Creative Director | gwentlanternfilms.co.uk | 07456 555 233"
    assert [url for _, url in find_urls(line)] == ["https://gwentlanternfilms.co.uk"]


def test_the_noun_recherche_is_no_need() -> None:
    facts = read_context("Directrice de la recherche clinique. Cherche un distributeur.")
    assert facts.needs == ("un distributeur",)


def test_lower_case_field_words_before_a_title_word_last_are_the_title() -> None:
    from assistant.parsing.signature_fields import mine_signature

    card = ("Tóth Anna\npénzügyi és kontrolling igazgató\nTisza Agrár Kft.\n"
            "Tel.: +36 1 555 0177\n")
    assert mine_signature(card, "Tóth Anna", "HU").title == "pénzügyi és kontrolling igazgató"


def test_and_inside_an_organisations_name_joins_no_two_people() -> None:
    from assistant.domain import OwnerIdentity
    from assistant.parsing.people import find_people

    owner = OwnerIdentity(name="Solène Marchadier", addresses=("solene@example.fr",),
                          region="FR", assistant_addresses=("contacts@example.fr",))
    people = find_people("- Yannick Kerbrat, responsable des partenariats, Mer et Littoral "
                         "Breton, une association de Lorient, y.kerbrat@meretlittoral.org.",
                         owner)
    assert [(p.name, p.company) for p in people] == [("Yannick Kerbrat",
                                                     "Mer et Littoral Breton")]
