"""Notes and forwards in Danish, Norwegian and Swedish: where people met ("Vi mødtes på
fødevaremessen i Herning", "Träffade ... på mässan"), a verb of meeting before a name is no part
of it ("Mødte Sofie Bak"), needs ("søger", "letar efter"), offers, interests, the owner's
promises ("Jag lovade att skicka honom ...") and a forwarded writer's "Vi søger ..." (examples
in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.context import meeting_context, read_context, writers_needs
from assistant.parsing.people import find_people

DK = OwnerIdentity("Mette Lindholm", ("mette@lindholm.example",), "DK", ("k@lindholm.example",))


def test_where_they_met() -> None:
    assert meeting_context("Vi mødtes på fødevaremessen i Herning.") is not None
    assert meeting_context("Träffade honom på mässan i Göteborg.") is not None
    assert meeting_context("Hun søger investorer.") is None


def test_a_verb_of_meeting_before_the_name() -> None:
    people = find_people("Mødte Sofie Bak på konferencen i Odense. Administrerende direktør i "
                         "Havbrise A/S, sofie@havbrise.example.", DK)
    assert [(p.name, p.title, p.company) for p in people] == [
        ("Sofie Bak", "Administrerende direktør", "Havbrise A/S")]


def test_needs_offers_interests_and_promises() -> None:
    assert read_context("Han letar efter leverantörer av KL-trä.").needs == (
        "leverantörer av KL-trä",)
    assert read_context("Hun søger investorer.").needs == ("investorer",)
    assert read_context("Han er interesseret i havvind.").interests == ("havvind",)
    assert read_context("Jag lovade att skicka honom vår prislista.").promises == (
        "vår prislista",)
    assert read_context("Jeg lovede hende vores guide.").promises == ("vores guide",)


def test_the_forwarded_writers_need() -> None:
    assert writers_needs("Hej Mette,\n\nVi søger en distributør i Tyskland.") == (
        "en distributør i Tyskland",)


def test_an_introduction_in_danish() -> None:
    from assistant.parsing.contacts import role_in
    from assistant.parsing.intros import is_intro

    assert is_intro("Hej Jens og Sofie,\n\nJeg vil gerne introducere jer for hinanden.")
    assert role_in("medstifter af Havbrise A/S, som dyrker tang").company == "Havbrise A/S"
    people = find_people("Hej Jens og Sofie,\n\nJens er salgschef hos Nordlys Fødevarer ApS og "
                         "søger en leverandør af tang.", DK, known=("Jens Kragh", "Sofie Bak"))
    jens = next(p for p in people if p.name == "Jens Kragh")
    assert (jens.title, jens.company) == ("salgschef", "Nordlys Fødevarer ApS")
