"""A family name after "St." ("Rosalind St. Clair-Webb"); Puerto Rico's professional services
corporation after a comma ("..., P.S.C."); a company's kind in brackets before its form
("Kwanza Grãos (SU), Lda."); the generation suffix "Júnior" kept; an elided particle inside a
company's name after "dirige" ("Vanille d'Antalaha"); "agora"/"now" before a title; coffee a
need is for is no meeting; "Prometi-lhe" (examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import clean_name, role_in
from assistant.parsing.context import meeting_context, read_context
from assistant.parsing.people import find_people

GB = OwnerIdentity("Philip Orde", ("philip@orde.example",), "GB", ("contacts@orde.example",))
PR = OwnerIdentity("Marta Berríos", ("marta@berrios.example",), "PR", ("notas@berrios.example",))
MG = OwnerIdentity("Hanta Rabe", ("hanta@rabe.example",), "MG", ("contacts@rabe.example",))


def test_a_family_name_after_saint_with_its_dot() -> None:
    people = find_people("2. Rosalind St. Clair-Webb, Senior Associate at Marlow & Finch LLP, "
                         "r.stclairwebb@marlowfinch.example.", GB)
    assert [(p.name, p.company) for p in people] == [
        ("Rosalind St. Clair-Webb", "Marlow & Finch LLP")]


def test_the_professional_services_corporation_after_a_comma() -> None:
    people = find_people("José Manuel Rivera Colón | Socio administrador | Rivera Colón & "
                         "Asociados, P.S.C. | jm@riveracolon.example", PR)
    assert [p.company for p in people] == ["Rivera Colón & Asociados, P.S.C."]


def test_a_kind_in_brackets_before_the_form() -> None:
    role = role_in("é responsável de logística da Kwanza Grãos (SU), Lda., henrique@kg.example")
    assert (role.title, role.company) == ("responsável de logística", "Kwanza Grãos (SU), Lda.")
    # a bracket with no form after it still names the employer
    role = role_in("Diretor de Importação (Lins Import Co.)")
    assert role.company == "Lins Import Co."


def test_the_generation_suffix_is_part_of_the_name() -> None:
    assert clean_name("Anselmo Batista Júnior") == "Anselmo Batista Júnior"
    assert clean_name("Anselmo Batista Junior") == "Anselmo Batista Junior"
    assert clean_name("Dr. Anselmo Batista") == "Anselmo Batista"


def test_an_elided_particle_inside_the_company_a_person_heads() -> None:
    people = find_people("Tojo Rasolo (tojo@vanille-sava.example) dirige Vanille d'Antalaha, une "
                         "coopérative de la Sava, et cherche un distributeur en Allemagne.", MG)
    assert [p.company for p in people] == ["Vanille d'Antalaha"]


def test_now_before_a_title_is_no_part_of_it() -> None:
    role = role_in("ex-Cabo Telecom, agora Diretor de Tecnologia na Sodade Pay, S.A.")
    assert (role.title, role.company) == ("Diretor de Tecnologia", "Sodade Pay, S.A.")
    role = role_in("formerly at Kestrel, now Head of Data at Wren Analytics Ltd")
    assert (role.title, role.company) == ("Head of Data", "Wren Analytics Ltd")


def test_coffee_a_need_is_for_is_no_meeting() -> None:
    assert meeting_context("Procura um importador em Roterdão para café do Fogo.") is None
    assert meeting_context("Looking for a roaster for coffee from Huila.") is None
    assert meeting_context("Tomámos um café no Plateau.") is not None


def test_promised_her_with_the_pronoun_joined() -> None:
    facts = read_context("Prometi-lhe a nossa lista de torrefatores.")
    assert facts.promises == ("a nossa lista de torrefatores",)
