"""Legal forms from cleanco's lists (any country it knows) end a company's name whole: forms with
a slash ("A/S", "P/S"), several words ("Sp. z o.o.", "spol. s r.o.") or inner dots ("s.r.o.")
are not cut at their first word or dot, in a phrase, a one-line card or a card's company line."""

from __future__ import annotations

import pytest

from assistant.parsing.contacts import Role, clean_company, is_legal_form, role_in
from assistant.parsing.legal_forms import dotted_form_at, is_form_word
from assistant.parsing.people import _clause, _listed_role
from assistant.parsing.signature_fields import mine_signature


@pytest.mark.parametrize("form", ["A/S", "P/S", "K/S", "AS", "Oyj", "ApS", "Kft.", "s.r.o.",
                                  "d.o.o.", "SELARL", "UAB"])
def test_forms_of_many_countries_are_legal_forms(form: str) -> None:
    assert is_legal_form(form)


@pytest.mark.parametrize("word", ["as", "As", "et", "Company", "Private", "Limited", "Co.", "KY",
                                  "Spa"])
def test_ordinary_words_are_no_legal_form(word: str) -> None:
    assert not is_form_word(word)


@pytest.mark.parametrize(("text", "title", "company"), [
    ("Camilla is a partner at Vestkyst Revision P/S and advises food firms.",
     "partner", "Vestkyst Revision P/S"),
    ("Lukas is head of sales at Vltava Strojirny s.r.o. and wants a distributor.",
     "head of sales", "Vltava Strojirny s.r.o."),
    ("Ola is CFO at Odra Meble Sp. z o.o. Met at the fair.", "CFO", "Odra Meble Sp. z o.o."),
    ("Ivan is sales director at Sava Pumpe d.o.o., ivan@x.si", "sales director",
     "Sava Pumpe d.o.o."),
])
def test_a_form_after_at_is_read_whole(text: str, title: str, company: str) -> None:
    assert role_in(text) == Role(title, company)


def test_a_company_keeps_the_last_dot_of_its_form() -> None:
    assert clean_company("Odra Meble Sp. z o.o.") == "Odra Meble Sp. z o.o."
    assert clean_company("Acme Trading. Later") == "Acme Trading"


def test_the_dots_of_a_form_end_no_sentence() -> None:
    text = "Odra Meble Sp. z o.o. / a@x.pl. Met at the fair."
    assert dotted_form_at(text, text.index("Sp.") + 2) == "inside"
    assert dotted_form_at(text, text.index("o.o.") + 3) == "last"
    assert _clause(text) == "Odra Meble Sp. z o.o. / a@x.pl"
    assert _clause("at Odra Meble Sp. z o.o. Met at the fair.") == "at Odra Meble Sp. z o.o."


def test_a_one_line_card_keeps_a_form_of_several_words() -> None:
    role = _listed_role(" / Head of Sales / Odra Meble Sp. z o.o. / a@odrameble.pl / 512 555 100."
                        " Met at the fair.")
    assert role == Role("Head of Sales", "Odra Meble Sp. z o.o.")


def test_a_card_company_line_keeps_its_form() -> None:
    facts = mine_signature("Tomasz Wilk\nKierownik Sprzedaży\nOdra Meble Sp. z o.o.\n"
                           "tel. +48 61 555 01 63", "Tomasz Wilk", "PL")
    assert facts.company == "Odra Meble Sp. z o.o."


def test_a_long_run_of_forms_ends_the_company_at_the_first() -> None:
    # (its speed on such input is measured by `make hostile` and `benchmarks/parse_bench.py`)
    text = "CFO at Acme " + "Sp. z o.o. A/S s.r.o. " * 3000 + "x"
    assert role_in(text) == Role("CFO", "Acme Sp. z o.o.")
    assert _clause(text) == "CFO at Acme Sp. z o.o."


def test_a_form_in_capitals_before_an_address_is_no_person() -> None:
    from assistant.domain import OwnerIdentity
    from assistant.parsing.people import find_people

    owner = OwnerIdentity("Marit Solberg", ("marit@x.no",), "NO", ("a@x.no",))
    text = ("Not met him yet: Lasse Brekke, CFO at Vestfjord Laks AS, "
            "lasse.brekke@vestfjordlaks.no. Suggested by Per Holmen.")
    [draft] = find_people(text, owner)
    assert (draft.name, draft.company) == ("Lasse Brekke", "Vestfjord Laks AS")
    assert draft.emails == ["lasse.brekke@vestfjordlaks.no"]
