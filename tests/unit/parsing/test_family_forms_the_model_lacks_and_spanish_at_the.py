"""A card's field that ends in a legal form the block model's gazetteer lacks ("DardaniaSolar
sh.p.k."), a form's last dot after "runs" ("runs Savinja Freight d.o.o. in Celje"), and Spanish
"at the" ("jefa de exportaciones en la Cooperativa ... Limitada") (examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import Role, role_in
from assistant.parsing.labeller.tagger import _field_with_form
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Olive Owner", addresses=("olive@owner.example",), region="XK",
                      assistant_addresses=("assistant@owner.example",))


def test_a_field_ending_in_a_legal_form_is_a_company() -> None:
    words = ["Valon", "Krasniqi", "|", "Menaxher", "Projektesh", "|", "DardaniaSolar", "sh.p.k."]
    labels = ["NAME", "NAME", "SEP", "TITLE", "TITLE", "SEP", "OTHER", "OTHER"]
    assert _field_with_form(words, list(labels))[-2:] == ["COMPANY", "COMPANY"]
    # a field the model read as something, or without a form, keeps its labels
    assert _field_with_form(words[:-1] + ["shpk"], list(labels))[-2:] == ["OTHER", "OTHER"]
    titled = labels[:-2] + ["TITLE", "OTHER"]
    assert _field_with_form(words, list(titled))[-2:] == ["TITLE", "OTHER"]


def test_the_card_line_gives_the_company() -> None:
    found, = find_people("Valon Krasniqi | Menaxher Projektesh | DardaniaSolar sh.p.k.\n"
                         "valon@dardaniasolar.example | dardaniasolar.example", OWNER)
    assert (found.title, found.company) == ("Menaxher Projektesh", "DardaniaSolar sh.p.k.")


def test_the_last_dot_of_a_form_after_runs() -> None:
    found, = find_people("Luka Horvat runs Savinja Freight d.o.o. in Celje, luka@sf.example.",
                         OWNER)
    assert found.company == "Savinja Freight d.o.o."
    found, = find_people("Luka Horvat runs Savinja Freight. Needs a broker. luka@sf.example",
                         OWNER)
    assert found.company == "Savinja Freight"


def test_spanish_at_the_names_the_employer() -> None:
    assert role_in("jefa de exportaciones en la Cooperativa Agraria Divisoria Limitada") == Role(
        "jefa de exportaciones", "Cooperativa Agraria Divisoria Limitada")
    assert role_in("gerente de ventas en el Grupo Comercial Maya") == Role(
        "gerente de ventas", "Grupo Comercial Maya")


def test_to_inside_a_name_a_legal_form_closes() -> None:
    assert role_in("CEO of Pathways to Work Dublin CLG") == Role(
        "CEO", "Pathways to Work Dublin CLG")
    # without the form, "to" ends the company
    assert role_in("CEO at Acme to Work") == Role("CEO", "Acme")
