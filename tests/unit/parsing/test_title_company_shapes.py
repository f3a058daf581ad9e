"""Title and company shapes of cards and notes: a card whose own address stands far below
the name, a card's heading naming the occasion, a title the labeller read from its joiner on."""

from __future__ import annotations

import pytest

from assistant.parsing.contacts import Role, clean_name, find_emails
from assistant.parsing.context import card_occasion, meeting_context
from assistant.parsing.intros import is_intro
from assistant.parsing.people import _card_address_matches
from assistant.parsing.signature_fields import mine_signature


def test_a_name_whose_address_stands_far_below_in_its_block_is_a_person() -> None:
    text = (
        "Abgetippt:\n\nFrau Henrike Vosskamp\nLeiterin Qualitätssicherung & Regulatorik\n"
        "Nordmark Diagnostik GmbH & Co. KG\nTel.: +49 40 555 0190 Durchwahl 23\n"
        "Mobil: +49 171 555 0244\nFax: +49 40 555 0199\nh.vosskamp@nordmark-diagnostik.de\n"
    )
    start = text.index("Henrike")
    assert _card_address_matches(text, start, ["Henrike", "Vosskamp"], find_emails(text))
    # a name in a sentence, or an address in another paragraph, is no such evidence
    assert not _card_address_matches(
        text, text.index("Qualit"), ["Qualitätssicherung"], find_emails(text)
    )
    apart = text.replace("Fax:", "\nFax:")
    assert not _card_address_matches(apart, start, ["Henrike", "Vosskamp"], find_emails(apart))


@pytest.mark.parametrize(
    ("text", "occasion"),
    [
        (
            "Typed from his card (Auckland fintech breakfast):\n\nRua Tane",
            "Auckland fintech breakfast",
        ),
        ("Von ihrer Karte – Baumesse Linz:\n\nLena Hofer", "Baumesse Linz"),
        ("De sa carte (Salon du vin de Namur) :\n", "Salon du vin de Namur"),
        ("Van zijn kaartje – Havendag Gent:\n", "Havendag Gent"),
        ("From his card: call him Monday.\n", None),
    ],
)
def test_a_cards_heading_names_the_occasion(text: str, occasion: str | None) -> None:
    assert card_occasion(text) == occasion


@pytest.mark.parametrize(
    "text",
    [
        "Hola Ana, hola Pedro:\n\nLas presento. Ana es diseñadora.",
        "Les hago la presentación que quedamos.",
        "Je me permets de vous mettre en relation.",
        "Faço a apresentação que combinámos.",
        "Zoals beloofd: even voorstellen.",
        "Deixo-vos conversar.",
    ],
)
def test_more_ways_of_introducing_people_are_introductions(text: str) -> None:
    assert is_intro(text)


def test_a_note_about_presenting_a_deck_is_no_introduction() -> None:
    assert not is_intro("Ich habe Anna die Präsentation geschickt; sie meldet sich.")


@pytest.mark.parametrize(
    ("signature", "name", "title", "company"),
    [
        ("Rachel Kim\nCTO, Acme\nAcme Labs Inc.\n", "Rachel Kim", "CTO", "Acme Labs Inc."),
        (
            "Marc Olivier\nGérant de Olivier Menuiserie SARL\n",
            "Marc Olivier",
            "Gérant",
            "Olivier Menuiserie SARL",
        ),
        (
            "Joris Peeters, Zaakvoerder\nPeeters & Zonen BVBA\n",
            "Joris Peeters",
            "Zaakvoerder",
            "Peeters & Zonen BVBA",
        ),
        (
            "Bruno Marques\nDiretor Financeiro na Cortiça Viva, S.A.\n",
            "Bruno Marques",
            "Diretor Financeiro",
            "Cortiça Viva, S.A.",
        ),
    ],
)
def test_signature_titles_are_read_without_the_company(
    signature: str, name: str, title: str, company: str
) -> None:
    facts = mine_signature(signature, name, "DE")
    assert (facts.title, facts.company) == (title, company)


def test_the_occasion_before_a_colon_is_told_without_the_role_after_it() -> None:
    text = "Rencontré au salon de Lille : gérante de Boulangerie Dubois SARL."
    assert meeting_context(text) == "Rencontré au salon de Lille"


def test_a_degrees_school_before_the_name_is_no_part_of_it() -> None:
    assert clean_name("ETH Stefan Zürcher") == "Stefan Zürcher"
    assert clean_name("Dipl.-Ing. Anna Roth") == "Anna Roth"


def test_a_conference_ending_in_tagung_is_an_occasion() -> None:
    assert meeting_context("Karte von der Industrietagung Graz:") == "Industrietagung Graz"


@pytest.mark.parametrize(("text", "title", "company"), [
    ("Diretora de Exportação (Porto Lux Lda.) em Lisboa", "Diretora de Exportação",
     "Porto Lux Lda."),
    ("Responsable de Compras (Frutas Tajo S.L.)", "Responsable de Compras", "Frutas Tajo S.L."),
    ("founder & CEO of Fjordlight (https://fjordlight.no)", "founder & CEO", "Fjordlight"),
    ("comprador de Muebles Sur S.L. (vino desde Cádiz)", "comprador", "Muebles Sur S.L."),
    ("directeur commercial des Vignobles Morel", "directeur commercial", "Vignobles Morel"),
])
def test_a_title_of_a_field_then_the_employer_in_brackets(text: str, title: str,
                                                           company: str) -> None:
    from assistant.parsing.contacts import role_in

    assert role_in(text) == Role(title, company)


@pytest.mark.parametrize(("text", "company"), [
    ("Elle dirige le studio web Atelier Nord à Lille.", "Atelier Nord"),
    ("She runs the design studio Fernhill in Leeds.", "Fernhill"),
    ("He owns the Tesla.", None),
])
def test_what_the_person_runs_then_its_name(text: str, company: str | None) -> None:
    from assistant.parsing.people import _company_run

    assert _company_run(text) == company


@pytest.mark.parametrize(("parts", "title", "company"), [
    (["Gerente de Parcerias & Ecossistema", "Banco do Sertão"],
     "Gerente de Parcerias & Ecossistema", "Banco do Sertão"),
    (["Jefa de Calidad y Exportación", "Frutas del Tajo S.L."], "Jefa de Calidad y Exportación",
     "Frutas del Tajo S.L."),
    (["Directeur général de Brasserie Lumen", "Lyon"], "Directeur général", "Brasserie Lumen"),
])
def test_a_title_of_two_fields_beside_its_company(parts: list[str], title: str,
                                                  company: str) -> None:
    from assistant.parsing.contacts import role_in_list

    assert role_in_list(parts) == Role(title, company)
