"""Albania's "sh.p.k." and "sh.a.", a form in capitals with its dot ("LTD."), people "free from
February" on offer, a writer "raising a round and looking for" someone or who "would like
help", Bosnian "Trebamo", a copied colleague "(our CFO, in cc)", and a fax labelled "f:" in
lower case (examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import is_legal_form, person_phones, role_in
from assistant.parsing.context import read_context, writers_needs
from assistant.parsing.draft import ContactDraft
from assistant.parsing.message import _colleague_title
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Amara Lindqvist", addresses=("amara@lindqvist.example",),
                      region="IE", assistant_addresses=("contacts@lindqvist.example",))


def test_albanian_forms_and_a_form_in_capitals_with_its_dot() -> None:
    assert is_legal_form("sh.p.k.") and is_legal_form("sh.a.") and is_legal_form("LTD.")
    role = role_in("CEO of Drita Design sh.p.k. and needs a team")
    assert (role.title, role.company) == ("CEO", "Drita Design sh.p.k.")


def test_a_card_opening_with_its_company_in_capitals() -> None:
    people = find_people("Card:\n\nROSE HILL PRESERVES LTD.\nCormac Doherty\nSales Director\n"
                         "cormac@rosehillpreserves.ie\n", OWNER)
    assert [(p.name, p.company) for p in people] == [("Cormac Doherty", "ROSE HILL PRESERVES LTD.")]


def test_people_free_from_a_date_are_on_offer() -> None:
    facts = read_context("Gent is Head of Engineering and has three developers free from February.")
    assert facts.offers == ("three developers free from February",)


def test_what_a_writer_raising_a_round_or_wanting_help_looks_for() -> None:
    assert writers_needs("We are closing a seed round and are looking for a non-executive "
                         "director.") == ("a non-executive director",)
    assert writers_needs("Thanks. We would like advice on marketing spring tours.") == (
        "advice on marketing spring tours",)
    assert writers_needs("hvala. Trebamo konsultanta za izvještavanje.") == (
        "konsultanta za izvještavanje",)


def test_a_copied_colleagues_title_in_brackets() -> None:
    body = "Maria (our CFO, in cc) can share the numbers."
    assert _colleague_title(body, ContactDraft(name="Maria Vella")) == "CFO"


def test_a_fax_labelled_in_lower_case() -> None:
    card = "t: 071 555 0142\nf: 071 555 0143\n"
    assert person_phones(card, "IE") == ["+353715550142"]
