"""A particle inside a company's own name after a title ("eigenaar Kas di Pan B.V.": the
company is "Kas di Pan B.V.", not "Pan B.V."), and a French form written before a company's
name ("gérante de la SARL Vanille Bourbon Pays") is no person's (examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import role_in
from assistant.parsing.people import find_people

RE = OwnerIdentity("Nathalie Hoarau", ("nathalie@hoarau.example",), "RE", ("c@hoarau.example",))


def test_a_particle_inside_the_companys_name() -> None:
    role = role_in("eigenaar Kas di Pan B.V., ayendy@kasdipan.example")
    assert (role.title, role.company) == ("eigenaar", "Kas di Pan B.V.")
    # a department the title heads stays the title's
    role = role_in("Responsabile Marketing & Comunicazione di Tessitura Brembana S.p.A.")
    assert role.company == "Tessitura Brembana S.p.A."


def test_a_french_form_before_the_companys_name() -> None:
    people = find_people("Marie-Laure Payet, gérante de la SARL Vanille Bourbon Pays, "
                         "ml.payet@vanillebourbon.example, 0692 55 50 14.", RE)
    assert [(p.name, p.company, p.emails) for p in people] == [
        ("Marie-Laure Payet", "SARL Vanille Bourbon Pays", ["ml.payet@vanillebourbon.example"])]
