"""Catalan, as Andorra and Catalonia write it: an introduction's "Us presento" and "Us deixo
parlar", the copula "és" before a title, the preposition "a" before a company with its legal
form, Catalan title words, "i" ("and") before a verb, "Busquem" in a forwarded message, the
owner's "Li enviaré", and "Ens vam conèixer al sopar ..." (examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing import parse_message
from assistant.parsing.context import read_context, writers_needs
from assistant.parsing.intros import is_intro

OWNER = OwnerIdentity(name="Marta Rossell", addresses=("marta@rossell.example",), region="AD",
                      assistant_addresses=("contactes@rossell.example",))


def _note(body: str, subject: str = "Notes") -> bytes:
    return ("From: Marta Rossell <marta@rossell.example>\nTo: contactes@rossell.example\n"
            f"Subject: {subject}\nDate: Tue, 17 Nov 2026 09:00:00 +0100\n"
            "Content-Type: text/plain; charset=utf-8\n\n" + body + "\n").encode()


def test_catalan_introductions_are_introductions() -> None:
    assert is_intro("Hola a tots dos,\n\nUs presento. En Joan porta una fusteria.")
    assert is_intro("Bon dia,\n\nus poso en contacte: la Mireia busca un local.")
    assert is_intro("", subject="Us presento: Joan / Mireia")
    assert not is_intro("Us envio el pressupost de la fusteria.")


def test_the_catalan_copula_and_title_words_give_the_role() -> None:
    raw = _note("Vaig dinar amb la Roser Vidal Puig. Roser Vidal Puig és la gerent de Cal Vidal "
                "Formatges, S.L. i busca un distribuïdor a Lleida.")
    contact, = parse_message(raw, OWNER).contacts
    assert (contact.title, contact.company) == ("gerent", "Cal Vidal Formatges, S.L.")
    assert contact.needs == ("un distribuïdor a Lleida",)


def test_a_catalan_a_before_a_company_with_its_form_is_at() -> None:
    raw = _note("Roser Vidal Puig, directora comercial a Cal Vidal Formatges, S.L., "
                "roser@calvidal.example. La vaig conèixer a la fira de Tàrrega.")
    contact, = parse_message(raw, OWNER).contacts
    assert (contact.title, contact.company) == ("directora comercial",
                                                "Cal Vidal Formatges, S.L.")


def test_an_english_a_before_a_capitalised_word_names_no_company() -> None:
    raw = _note("Dr. Helga Nurmi, helga@nurmi.example, met at the Turku health day.\n"
                "Needs a CRO partner for a Baltic trial.")
    contact, = parse_message(raw, OWNER).contacts
    assert contact.company != "Baltic" and contact.title != "CRO partner"


def test_a_lower_case_i_before_a_verb_of_another_language_is_and() -> None:
    # the Catalan (and Slavic) "and": the need is the person's, not the owner's
    assert read_context("Pere és gerent i busca un assessor.").needs == ("un assessor",)
    # the English pronoun of a lower-case note is still the owner
    assert read_context("met jo at the fair. i need a designer for her.").needs == ()
    assert read_context("met jo at the fair. i promised her the deck.").promises == (
        "the deck",)


def test_the_catalan_writer_needs_and_owner_promises() -> None:
    assert writers_needs("Hola Marta,\n\nBusquem un distribuïdor per a França.") == (
        "un distribuïdor per a França",)
    facts = read_context("Busca inversors per a una planta a Encamp. Li enviaré el nostre "
                         "informe de tarifes.")
    assert facts.promises == ("el nostre informe de tarifes",)


def test_a_catalan_meeting_gives_the_occasion() -> None:
    raw = _note("Roser Vidal Puig, roser@calvidal.example. Ens vam conèixer al sopar de la "
                "Cambra de Comerç.")
    contact, = parse_message(raw, OWNER).contacts
    assert contact.context and "sopar de la Cambra de Comerç" in contact.context


def test_catalan_now_before_a_title_and_interests() -> None:
    raw = _note("- Pere Tarrés, ex-Andbank, ara CFO a Tarter Energia, S.L., "
                "pere@tarter.example. Interessat en bateries per a refugis.")
    contact, = parse_message(raw, OWNER).contacts
    assert (contact.title, contact.company) == ("CFO", "Tarter Energia, S.L.")
    assert contact.interests == ("bateries per a refugis",)
    assert read_context("La Marta s'interessa per la robòtica.").interests == ("la robòtica",)
