"""Central America's "R.L." ends a company's name after a comma, and the capitalised words of
an event's name in a list's or a card's heading are no person ("Tarjeta de la Feria Miel y
Cera de Olancho:"; examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Karla Banegas", addresses=("karla@banegasconsultores.hn",),
                      region="HN", assistant_addresses=("contactos@banegasconsultores.hn",))


def test_rl_after_a_comma_is_the_companys_form() -> None:
    text = ("- Rosa Xol Chub, gerente, Cooperativa Agropecuaria Integral Tazumal, R.L., "
            "rosa@tazumal.org.gt")
    people = find_people(text, OWNER)
    assert [(p.name, p.company) for p in people] == [
        ("Rosa Xol Chub", "Cooperativa Agropecuaria Integral Tazumal, R.L.")]


def test_an_events_name_in_a_heading_is_no_person() -> None:
    text = ("Tarjeta de la Feria Miel y Cera de Olancho:\n\nIng. Marvin Zelaya Ordóñez\n"
            "Gerente General\nCooperativa Apícola Flor del Valle, R.L.\n"
            "marvin.zelaya@flordelvalle.hn")
    assert [p.name for p in find_people(text, OWNER)] == ["Marvin Zelaya Ordóñez"]


def test_a_person_met_at_the_event_of_a_heading_stays() -> None:
    text = "Met Lucía Paz at the Tegucigalpa coffee fair:\nlucia.paz@cafepaz.hn"
    assert [p.name for p in find_people(text, OWNER)] == ["Lucía Paz"]
