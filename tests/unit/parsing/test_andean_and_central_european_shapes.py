"""The Andean "Cía. Ltda.", Czech, Slovak and Polish titles and company names in lower case
before a dotted legal form, a card's title line naming a department, "leads" in Italian and
Spanish, introducers after "put forward by", and words that are never a person's."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import clean_company, is_title_phrase, role_in
from assistant.parsing.message import _introducer_in_note
from assistant.parsing.people import _company_run, find_people

_OWNER = OwnerIdentity(name="Olga Testerova", addresses=("olga@example.org",), region="CZ",
                       assistant_addresses=("contacts@example.org",))


@pytest.mark.parametrize("company", [
    "Cacaotera Quilotoa Cía. Ltda.", "Lácteos Andinos Cia. Ltda.",
])
def test_the_andean_limited_company_is_kept_whole(company: str) -> None:
    assert clean_company(company) == company
    assert role_in(f"gerente general de {company}, x@y.ec").company == company


@pytest.mark.parametrize(("text", "company"), [
    ("She is Quality Director at Jihomoravské pivovary a.s., a@b.cz", "Jihomoravské pivovary a.s."),
    ("He is CFO at Tatranská mliekareň a.s. and keen", "Tatranská mliekareň a.s."),
])
def test_a_company_goes_on_in_lower_case_before_a_dotted_form(text: str, company: str) -> None:
    assert role_in(text).company == company


def test_lower_case_words_without_a_form_end_the_company() -> None:
    assert role_in("He is CFO at Lumenwise and runs marathons").company == "Lumenwise"


@pytest.mark.parametrize("title", [
    "Ředitelka pro rozvoj", "Obchodní ředitel", "Jednatel", "Vedoucí nákupu",
    "Riaditeľ predaja", "Kierownik", "Dyrektor ds. Technicznych",
])
def test_central_european_titles(title: str) -> None:
    assert is_title_phrase(title)


def test_a_cards_title_line_naming_a_department_is_the_title() -> None:
    note = ("Card from the fair:\n\nTomasz Ruiz Pardo\nGerente de Nuevos Mercados\n"
            "Conservas Ría Baja S.A.\nt.ruiz@riabaja.es\n")
    (person,) = find_people(note, OwnerIdentity(
        name="Olga Testerova", addresses=("olga@example.org",), region="ES",
        assistant_addresses=("contacts@example.org",)))
    assert (person.title, person.company) == ("Gerente de Nuevos Mercados",
                                              "Conservas Ría Baja S.A.")


@pytest.mark.parametrize(("text", "company"), [
    ("Pietro guida il Birrificio Valsesia S.r.l. e cerca", "Birrificio Valsesia S.r.l."),
    ("Met Ana at the fair. Guida la Cantina Val di Non S.r.l., a@b.it",
     "Cantina Val di Non S.r.l."),
    ("Julia lidera Viña Cerro Alto S.A., j@x.cl", "Viña Cerro Alto S.A."),
])
def test_leads_in_italian_and_spanish_names_the_company(text: str, company: str) -> None:
    assert _company_run(text) == company


@pytest.mark.parametrize(("note", "by"), [
    ("Not met yet. Put forward by Hugo Lindqvist.", "Hugo Lindqvist"),
    ("Passed along by Renata Oyelaran-Smith.", "Renata Oyelaran-Smith"),
    ("Flagged by Ivo Marsh last week.", "Ivo Marsh"),
])
def test_an_introducer_after_put_forward_by(note: str, by: str) -> None:
    assert _introducer_in_note(note) == by


def test_a_company_spelled_limited_is_no_person() -> None:
    note = ("From the lunch:\nChan Siu-ming, Finance Director, Kai Lok Estates Limited, "
            "sm.chan@kailok.hk.\n")
    names = [p.name for p in find_people(note, _OWNER)]
    assert "Kai Lok Estates Limited" not in names


def test_a_place_before_a_plural_noun_of_people_is_no_person() -> None:
    note = ("Met Dana Ruelle at the expo, dana@ruelle.fr. "
            "Interested in deals with Gdansk wholesalers.")
    assert [p.name for p in find_people(note, _OWNER)] == ["Dana Ruelle"]


def test_the_writer_offers_to_run_or_set_up_something() -> None:
    from assistant.parsing.context import writers_offers

    assert writers_offers("Happy to set up a pilot at one of your sites.") == (
        "to set up a pilot at one of your sites",)
    assert writers_offers("Glad to run a soil test for your growers.") == (
        "to run a soil test for your growers",)


@pytest.mark.parametrize("cue", ["in copy", "on cc", "cc'ed", "copied in"])
def test_a_copied_colleagues_title_after_in_copy(cue: str) -> None:
    from assistant.parsing.draft import ContactDraft
    from assistant.parsing.message import _colleague_title

    body = f"Thanks for your time. Kieran, {cue}, is our finance director."
    assert _colleague_title(body, ContactDraft(name="Kieran Moffatt")) == "finance director"


def test_a_team_inbox_the_note_excludes_is_not_named() -> None:
    from assistant.parsing.message import _named_in

    note = "Please add Sione, not the bookings inbox in cc."
    assert not _named_in(note, ("Bookings", "bookings@example.org"))
    assert _named_in(note, ("Sione Latu", "sione@example.org"))
    assert not _named_in("Add Ana; the Sales inbox is copied.", ("Sales", "sales@example.org"))
