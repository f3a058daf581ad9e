"""context.py: where they met, needs, offers, interests and promises, in four languages."""

from __future__ import annotations

import pytest

from assistant.parsing.context import meeting_context, read_context


def test_english_note() -> None:
    # Given the owner's words about one person
    facts = read_context(
        "Met Jane at the SaaS founders breakfast. Looking for a good SRE contractor. "
        "Into trail running. I promised to send her our migration checklist. "
        "She can help with intros to LPs.",
        names=("Jane",),
    )
    # Then each kind of fact is read
    assert facts.context == "Met at the SaaS founders breakfast."
    assert facts.needs == ("a good SRE contractor",)
    assert facts.interests == ("trail running",)
    assert facts.promises == ("send her our migration checklist",)
    assert facts.offers == ("intros to LPs",)


def test_german_french_spanish_cues() -> None:
    de = read_context("Sucht einen Partner für Payments. "
                      "Ich habe ihr versprochen, die Studie zu schicken.")
    fr = read_context("Elle cherche des distributeurs. "
                      "Je lui ai promis de lui envoyer le catalogue.")
    es = read_context("Busca agencias de contenido. Le prometí enviarle el informe.")
    assert de.needs and de.promises
    assert fr.needs and fr.promises
    assert es.needs and es.promises


def test_curly_apostrophes_count() -> None:
    assert read_context("I’ll send her the list on Monday.").promises


def test_closing_line_of_an_intro_is_no_promise() -> None:
    assert read_context("I'll let you two take it from here.").promises == ()


def test_meeting_context_needs_a_meeting() -> None:
    assert meeting_context("Von der Hannover Messe.") == "Von der Hannover Messe."
    assert meeting_context("Sam, meet Jane.") is None
    assert meeting_context("She is looking for a speaker for their March event.") is None


def test_italian_portuguese_dutch_cues() -> None:
    # Given notes in Italian, Portuguese and Dutch
    it = read_context("Conosciuta alla fiera Macef. Cerca un fotografo per il catalogo. "
                      "Le ho promesso il nostro portfolio.")
    pt = read_context("Conheci na feira Agrishow. Ele oferece visitas técnicas. "
                      "Prometi enviar nosso estudo de mercado.")
    nl = read_context("Op de Vakbeurs gesproken. Hij zoekt een installateur. "
                      "Ik heb beloofd onze referenties te sturen.")
    # Then where they met, needs, offers and promises are read
    assert it.context and it.needs == ("un fotografo per il catalogo",)
    assert it.promises == ("il nostro portfolio",)
    assert pt.context and pt.offers == ("visitas técnicas",)
    assert pt.promises == ("nosso estudo de mercado",)
    assert nl.context and nl.needs == ("een installateur",)
    assert nl.promises == ("onze referenties",)  # the closing "te sturen" is no part of it


def test_denials_in_italian_portuguese_dutch() -> None:
    assert read_context("Non cerca investitori.").needs == ()
    assert read_context("Não precisa de investidores.").needs == ()
    assert read_context("Hij zoekt geen investeerders.").needs == ()


def test_german_promise_with_the_verb_last() -> None:
    facts = read_context("Ich habe ihm unsere Preisliste zugesagt.")
    assert facts.promises == ("unsere Preisliste",)


def test_spanish_cerca_de_is_a_place_not_a_need() -> None:
    assert read_context("Vive cerca de Madrid.").needs == ()


def test_they_offer_is_an_offer_and_an_offer_letter_is_not() -> None:
    assert read_context("They offer same-day courier slots.").offers == ("same-day courier slots",)
    assert read_context("Got an offer letter from Globex.").offers == ()


def test_what_a_denial_gives_way_to_is_the_need() -> None:
    # Given a denied need followed by "but" and what they do want
    de = read_context("Sucht keine Investoren, aber einen Statiker für Holzbau.")
    en = read_context("Not looking for investors, but a fulfilment partner.")
    # Then the second is the need and the first is not
    assert de.needs == ("einen Statiker für Holzbau",)
    assert en.needs == ("a fulfilment partner",)
    assert read_context("Sucht keine Investoren, aber keine Eile.").needs == ()


def test_does_need_is_a_need() -> None:
    assert read_context("She does need a cold storage partner.").needs == (
        "a cold storage partner",)


def test_two_promises_in_one_clause_are_two_and_dr_ends_no_sentence() -> None:
    facts = read_context("I promised to send her the case study and to introduce her to "
                         "Dr. Ng at Imperial. She'll send the NDA.")
    assert facts.promises == ("send her the case study", "introduce her to Dr. Ng at Imperial")


def test_a_cue_is_a_whole_word() -> None:
    # "wil" (Dutch "wants") inside "Willem" is no cue
    assert read_context("Dhr. Willem van Leeuwen, willem@anker.nl").needs == ()
    assert read_context("Hij wil een nieuwe kassa.").needs == ("een nieuwe kassa",)


def test_a_show_is_an_event() -> None:
    assert meeting_context("Hannah Cole from the Chelsea flower show.") is not None


def test_the_owners_own_clause_ends_a_need() -> None:
    facts = read_context("Needs a bookkeeper, I said I'd intro her to Marcy.")
    assert facts.needs == ("a bookkeeper",)
    assert facts.promises == ("intro her to Marcy",)


@pytest.mark.parametrize("note, name", [
    ("Pas encore rencontré : Yannick Le Goff (yannick@legoff-voiles.fr), gérant de Voilerie "
     "Le Goff. C'est Maëlle qui m'en a parlé ; il cherche un graphiste.", "Yannick Le Goff"),
    ("Non ancora incontrata : Marta Rinaldi (marta@rinaldi.it), titolare di Forno Rinaldi. "
     "Me ne ha parlato Luca ; cerca un fornitore di farine.", "Marta Rinaldi"),
])
def test_a_note_saying_only_that_the_owner_has_not_met_them_gives_no_occasion(
        note: str, name: str) -> None:
    assert read_context(note, names=(name, name.split()[0])).context is None


@pytest.mark.parametrize("preamble, occasion", [
    ("Visitenkarte von der IT-Messe in Köln", "IT-Messe in Köln"),
    ("Karte vom Gründer-Tag in Leipzig", "Gründer-Tag in Leipzig"),
])
def test_a_hyphenated_german_event_compound_is_an_occasion(preamble: str, occasion: str) -> None:
    # the card the owner typed from is no part of the occasion it came from
    assert meeting_context(f"{preamble}:") == occasion


@pytest.mark.parametrize("note, promises", [
    ("Quedé en enviarle el catálogo de otoño y presentarle a Marta Gil.",
     ("el catálogo de otoño", "presentarle a Marta Gil")),
    ("Combinei de mandar a tabela de preços e de apresentá-lo ao Rui.",
     ("a tabela de preços", "apresentá-lo ao Rui")),
    ("Je me suis engagée à lui envoyer notre grille tarifaire.", ("notre grille tarifaire",)),
])
def test_what_the_owner_agreed_to_do_is_a_promise(note: str, promises: tuple[str, ...]) -> None:
    assert read_context(note).promises == promises
