"""Macau and Hong Kong names, Portuguese forms and offers, and the subject as the occasion: a
To line's "Kelvin Lam" written in full in the text ("Kelvin Lam Ka Chon"); a card's name line
in two scripts side by side ("何少萍 Stella Ho Sio Peng"); "Eng." and "Arq." before a name end
no sentence; "administrador-delegado"; "Podemos apresentar-lhe ..." is an offer, not an
introduction; a note that tells of a meeting but not where takes its subject when that names an
event (examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing import parse_message
from assistant.parsing.contacts import role_in
from assistant.parsing.context import sentences, subject_occasion, writers_offers
from assistant.parsing.draft import ContactDraft
from assistant.parsing.intros import is_intro
from assistant.parsing.name_order import given_name_after

OWNER = OwnerIdentity(name="Rita Malheiro", addresses=("rita@malheiro.example",), region="MO",
                      assistant_addresses=("contactos@malheiro.example",))


def _message(body: str, subject: str = "Notas", to: str = "contactos@malheiro.example",
             cc: str = "") -> bytes:
    return (f"From: Rita Malheiro <rita@malheiro.example>\nTo: {to}\n"
            + (f"Cc: {cc}\n" if cc else "")
            + f"Subject: {subject}\nDate: Tue, 17 Nov 2026 09:00:00 +0800\n"
            "Content-Type: text/plain; charset=utf-8\n\n" + body + "\n").encode()


def test_the_chinese_given_name_after_an_english_and_a_family_name() -> None:
    assert given_name_after("Kelvin Lam", " Ka Chon is managing director") == "Ka Chon"
    assert given_name_after("Kelvin Lam", " Industries Limited") is None
    assert given_name_after("Kelvin Smith", " Ka Chon is") is None
    assert ContactDraft(name="Kelvin Lam").same_person(ContactDraft(name="Kelvin Lam Ka Chon"))
    assert not ContactDraft(name="Kelvin Lam").same_person(ContactDraft(name="Kelvin Lamb"))


def test_an_introduced_person_is_named_as_the_text_writes_them_in_full() -> None:
    raw = _message("Hi Kelvin, hi Bea,\n\nIntroducing you two. Kelvin Lam Ka Chon is managing "
                   "director of Harbour Events Limited and needs an MC.\n\nBest,\nRita",
                   subject="Intro: Kelvin / Bea",
                   to="Kelvin Lam <kelvin@harbour.example>, Bea Tam <bea@voz.example>",
                   cc="contactos@malheiro.example")
    contacts = {c.emails[0]: c for c in parse_message(raw, OWNER).contacts}
    kelvin = contacts["kelvin@harbour.example"]
    assert kelvin.name == "Kelvin Lam Ka Chon"
    assert (kelvin.title, kelvin.company) == ("managing director", "Harbour Events Limited")


def test_a_card_name_line_in_two_scripts_side_by_side() -> None:
    raw = _message("Cartão da feira:\n\n何美玲 Cindy Ho Mei Ling\nDirectora Comercial\n"
                   "Lótus Verde Hotelaria, Limitada\nTel: (853) 2872 1188\n"
                   "cindy@lotusverde.example\n")
    contact, = parse_message(raw, OWNER).contacts
    assert contact.name == "Cindy Ho Mei Ling"
    assert (contact.title, contact.company) == ("Directora Comercial",
                                                "Lótus Verde Hotelaria, Limitada")


def test_a_form_of_address_before_a_name_ends_no_sentence() -> None:
    assert len(sentences("Conheci ontem o Eng. Duarte Rosa, da Rosa Lda. Precisa de um "
                         "arquitecto.")) == 2


def test_portuguese_titles_joined_by_a_hyphen() -> None:
    role = role_in("administrador-delegado da Rosa & Irmãos Construções, Lda., duarte@x")
    assert (role.title, role.company) == ("administrador-delegado",
                                          "Rosa & Irmãos Construções, Lda.")


def test_an_offer_to_introduce_is_no_introduction() -> None:
    text = "Cara Inês,\n\nPodemos apresentar-lhe distribuidores de vinho em Cantão, se quiser."
    assert not is_intro(text)
    assert writers_offers(text) == ("apresentar-lhe distribuidores de vinho em Cantão",)
    assert is_intro("Olá a ambos,\n\nApresento-vos: o João e a Ana.")


def test_the_subject_names_the_occasion_of_a_meeting_the_note_places_nowhere() -> None:
    note = "Conheci ontem o Eng. Duarte Rosa, duarte@rosa.example. Precisa de um arquitecto."
    assert subject_occasion("Jantar do Clube de Empresários", note) == (
        "Jantar do Clube de Empresários")
    assert subject_occasion("Fwd: Jantar do Clube de Empresários", note) == (
        "Jantar do Clube de Empresários")
    # not a subject naming no event, nor a note that tells no meeting
    assert subject_occasion("Duarte Rosa", note) is None
    assert subject_occasion("Jantar do Clube", "Duarte Rosa, duarte@rosa.example.") is None
    raw = _message(note, subject="Jantar do Clube de Empresários")
    contact, = parse_message(raw, OWNER).contacts
    assert contact.context == "Jantar do Clube de Empresários"
