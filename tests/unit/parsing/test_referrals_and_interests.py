"""An introducer named with the person as an object pronoun ("qui me l'a recommandée"), the
sender's own interest in the first person plural, and "into" as a preposition."""

from __future__ import annotations

import pytest

from assistant.parsing.context import read_context, writers_interests
from assistant.parsing.message import _introducer_in_note


@pytest.mark.parametrize(("note", "by"), [
    ("C'est Thomas Lejeune qui me l'a recommandée.", "Thomas Lejeune"),
    ("Paola Ruiz me la recomendó la semana pasada.", "Paola Ruiz"),
    ("Gianni Ferri me l'ha consigliata.", "Gianni Ferri"),
])
def test_an_introducer_with_the_person_as_object_pronoun(note: str, by: str) -> None:
    assert _introducer_in_note(note) == by


def test_the_senders_interest_in_the_first_person_plural_ends_with_its_clause() -> None:
    body = "Danke. Wir interessieren uns für Ihr Seminar zur Nachfolgeplanung, gerne auch für alle."
    assert writers_interests(body) == ("Ihr Seminar zur Nachfolgeplanung",)
    assert writers_interests("We're interested in your pricing workshop.") == (
        "your pricing workshop",)


def test_into_after_a_noun_is_no_interest_and_keen_to_hear_about_is_one() -> None:
    assert read_context("Looking for an adviser on their expansion into Quebec.").interests == ()
    assert read_context("She's really into trail running.").interests == ("trail running",)
    assert read_context("He is keen to hear about the trade mission.").interests == (
        "the trade mission",)


def test_a_cards_heading_with_a_participle_or_an_events_own_name() -> None:
    from assistant.parsing.context import card_occasion

    assert card_occasion("Carte reçue à la foire Agribex à Bruxelles :\n\nJan") == (
        "foire Agribex à Bruxelles")
    assert card_occasion("Card received at the Harrogate home show:\n\nTom") == (
        "Harrogate home show")
    assert card_occasion("Biglietto da visita dal Cibus:\n\nMarco") == "Cibus"
    # a heading naming no event, and no proper name, tells no occasion
    assert card_occasion("Card from my neighbour:\n\nTom") is None


def test_a_copied_colleagues_title_ends_before_the_next_clause() -> None:
    from assistant.parsing.draft import ContactDraft
    from assistant.parsing.message import _colleague_title

    body = "Mick, copied, is our head winemaker and is keen to hear about the mission."
    assert _colleague_title(body, ContactDraft(name="Mick Trevaskis")) == "head winemaker"
    assert _colleague_title("Ana (en copia) es nuestra directora financiera.",
                            ContactDraft(name="Ana Ruiz")) == "directora financiera"


def test_keen_to_hear_about_is_an_interest_and_no_need_and_too_is_dropped() -> None:
    facts = read_context("She is keen to hear about the Japan trade mission too.")
    assert facts.interests == ("the Japan trade mission",) and facts.needs == ()
    assert read_context("She is keen to find a new distributor.").needs == (
        "find a new distributor",)


def test_a_copied_colleagues_interest_is_theirs() -> None:
    from assistant.parsing.draft import ContactDraft
    from assistant.parsing.message import _colleague_interests

    body = "Thanks. Sara, copied, is our senior buyer and is keen to hear about your audit too."
    assert _colleague_interests(body, ContactDraft(name="Sara Whitby")) == ["your audit"]
