"""Company names with legal forms of two words or after a long name, and titles naming a
department with "de"/"-" before the company."""

from __future__ import annotations

import pytest

from assistant.parsing.contacts import Role, role_in
from assistant.parsing.people import _listed_parts, _listed_role


@pytest.mark.parametrize(("text", "title", "company"), [
    ("Ravi is Managing Director of Godavari Cotton Mills Pvt. Ltd. and needs a buyer",
     "Managing Director", "Godavari Cotton Mills Pvt. Ltd."),
    ("Johanna Brunner, Inhaberin von Brunner Textildesign e.U. (office@x.at)",
     "Inhaberin", "Brunner Textildesign e.U."),
    ("Sophie Lenoir, directrice commerciale de Ferme Brassicole du Val de Semois SRL, s@x.be",
     "directrice commerciale", "Ferme Brassicole du Val de Semois SRL"),
    ("Paula Rentería, directora de RR.HH. en Grupo Industrial Ocotlán S.A., p@x.mx",
     "directora de RR.HH.", "Grupo Industrial Ocotlán S.A."),
    ("Diego Salcedo, Gerente de Operaciones de Empaques del Bajío, S.A. de C.V., d@x.mx",
     "Gerente de Operaciones", "Empaques del Bajío, S.A. de C.V."),
])
def test_legal_forms_and_departments_in_a_sentence(text: str, title: str, company: str) -> None:
    assert role_in(text) == Role(title, company)


def test_a_department_alone_after_de_is_no_company() -> None:
    assert role_in("Directora de Importaciones") == Role(None, None)


def test_a_dash_between_a_title_and_its_field_joins_them() -> None:
    assert _listed_parts("Head - Procurement, Kaveri Agro Foods Pvt. Ltd.") == [
        "Head - Procurement", "Kaveri Agro Foods Pvt. Ltd."]
    # between two fields that are no title and its field, the dash still parts them
    assert _listed_parts("Kaveri Agro Foods - Procurement") == ["Kaveri Agro Foods", "Procurement"]


def test_a_legal_form_after_a_comma_stays_with_its_listed_name() -> None:
    role = _listed_role(", Gerente de Finanzas, Empaques del Bajío, S.A. de C.V., d@x.mx")
    assert role == Role("Gerente de Finanzas", "Empaques del Bajío, S.A. de C.V.")


@pytest.mark.parametrize(("text", "title", "company"), [
    ("Grace is a principal at Whitcombe & Rao Architects and has designed depots",
     "principal", "Whitcombe & Rao Architects"),
    ("Klara Huber ist Teilhaberin von Huber Data AG in Chur", "Teilhaberin", "Huber Data AG"),
    ("Tomasz, Chief Operating Officer of the Severn Valley Freight Cooperative, t@x.uk",
     "Chief Operating Officer", "Severn Valley Freight Cooperative"),
    ("Iñaki es director comercial de Conservas Zubieta e Hijos y busca un despacho",
     "director comercial", "Conservas Zubieta e Hijos"),
    ("Marta es socia de Quiroga, Lindner y Asociados, S.C. y asesora a exportadores",
     "socia", "Quiroga, Lindner y Asociados, S.C."),
    # a name's particle is no department before the company's own "der"
    ("Eigenaar van Van der Laan Meubels B.V.", "Eigenaar", "Van der Laan Meubels B.V."),
])
def test_owners_partners_and_firms_named_after_people(text: str, title: str,
                                                       company: str) -> None:
    assert role_in(text) == Role(title, company)


def test_a_possessive_before_a_relative_and_a_heading_event_are_no_people() -> None:
    from assistant.domain import OwnerIdentity
    from assistant.parsing.people import find_people

    owner = OwnerIdentity(name="Julia Wimmer", addresses=("julia@wimmer.at",), region="AT",
                          assistant_addresses=("kontakte@wimmer.at",))
    text = ("Vom Foro de Logística in Wien:\n"
            "1. Jonas Leitner, Einkaufsleiter bei Alpenglas GmbH, j.leitner@alpenglas.at. "
            "Seine Mutter liegt im Krankenhaus.\n"
            "2. Petra Stadler, Geschäftsführerin der Stadler Holzbau GmbH, petra@stadler.at.\n")
    assert [d.name for d in find_people(text, owner)] == ["Jonas Leitner", "Petra Stadler"]


def test_italian_forms_that_go_on_and_a_hyphenated_cofounder() -> None:
    assert role_in("Paolo, co-fondatore e CTO di Orto Digitale S.r.l. Società Benefit, p@x.it") == (
        Role("co-fondatore e CTO", "Orto Digitale S.r.l. Società Benefit"))
    assert role_in("Anna, responsabile commerciale di Latteria Sociale di Cremona Soc. Coop. "
                   "Agricola, a@x.it") == Role("responsabile commerciale",
                                               "Latteria Sociale di Cremona Soc. Coop. Agricola")


def test_a_capitals_title_head_before_its_field_on_one_card_line() -> None:
    from assistant.parsing.signature_fields import mine_signature

    card = ("FIONA MCALLISTER\nSENIOR VICE-PRESIDENT, CORPORATE AFFAIRS\nHALDEN TIDAL POWER LTD\n"
            "fiona.mcallister@haldentidal.co.uk\n")
    assert mine_signature(card, "FIONA MCALLISTER", "GB").title == (
        "SENIOR VICE-PRESIDENT, CORPORATE AFFAIRS")
