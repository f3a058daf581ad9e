"""Signature lines the block labeller reads short or whole, where the line rules read the
title and company: a company before a dash and the title, a title with a comma and a company
with its legal form above a street, a title from its particle on, a title whose head the
labeller took for no title, a company with its place after a particle, a company's last
capitalized words before a comma form, a legal form of several words read alone, and degrees
before a card's name."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import is_title_phrase, with_comma_form
from assistant.parsing.people import find_people
from assistant.parsing.signature_fields import _company_tail, _cut_short, _whole_title


def test_a_company_tail_before_a_separator() -> None:
    assert _company_tail("Chocolates Ltda. — ", "Cacau Fino Chocolates Ltda.")
    assert _company_tail("Ortega Auditores — ", "Ortega Auditores")
    assert not _company_tail("Ortega Auditores ", "Ortega Auditores")
    assert not _company_tail("Bravo — ", "Ortega Auditores")


def test_a_title_read_from_its_particle_or_without_its_head_is_the_whole_line() -> None:
    whole = "Subgerente Comercial y de Mercadeo"
    assert _whole_title("de Mercadeo", whole) == whole
    assert _whole_title("Compras & Logística", "Gerenta de Compras & Logística") == (
        "Gerenta de Compras & Logística")
    assert _whole_title("Head of Sales", "Head of Sales") == "Head of Sales"


def test_a_company_cut_before_a_particle_and_a_place() -> None:
    assert _cut_short("Cooperativa Lletera", "Cooperativa Lletera del Montseny")
    assert not _cut_short("Cooperativa Lletera", "Cooperativa Lletera del mes")


def test_a_company_with_its_last_words_before_a_comma_form() -> None:
    line = "Coordinador de Proyectos | Alianza Verde MX, A.C."
    assert with_comma_form("Alianza Verde", line) == "Alianza Verde MX, A.C."
    assert with_comma_form("Alianza Verde", "Alianza Verde Director, A.C.") == "Alianza Verde"


@pytest.mark.parametrize("title", ["Subgerente Comercial y de Mercadeo", "Eigentümer",
                                   "Subdirectora de Ventas"])
def test_deputies_and_owners_are_titles(title: str) -> None:
    assert is_title_phrase(title)


def test_degrees_before_a_cards_name() -> None:
    owner = OwnerIdentity(name="Olga Testerova", addresses=("olga@example.org",), region="PL",
                          assistant_addresses=("contacts@example.org",))
    note = ("Card from the fair:\n\nmgr inż. Marek Wiśniewski\nKierownik ds. Zakupów\n"
            "Pomorskie Młyny Sp. z o.o.\ntel. +48 22 555 01 42\nm.wisniewski@pomorskiemlyny.pl\n")
    (person,) = find_people(note, owner)
    assert (person.name, person.company) == ("Marek Wiśniewski", "Pomorskie Młyny Sp. z o.o.")


def test_the_signoff_first_name_above_the_full_name_is_no_card_line() -> None:
    from assistant.parsing.signature_fields import _card_lines, mine_signature

    signature = "Regards,\nTevita\n\nTevita Fifita\nOperations Manager | Reefline Tours Ltd"
    assert _card_lines(signature).splitlines()[0] == "Tevita Fifita"
    facts = mine_signature(signature, "Tevita Fifita", "NZ")
    assert (facts.title, facts.company) == ("Operations Manager", "Reefline Tours Ltd")
