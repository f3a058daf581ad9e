"""slots.py: the only pieces of the owner's words a draft may carry, each a short phrase of its
kind, validated; whatever fails is left out, never cleaned up."""

from __future__ import annotations

import pytest

from assistant.drafting.slots import Occasion, occasion, promised_item, topic


@pytest.mark.parametrize(("context", "place"), [
    ("Met at the SaaS founders breakfast.", "the SaaS founders breakfast"),
    ("Met at the SaaS founders breakfast this morning", "the SaaS founders breakfast"),
    ("Met her at SaaStr last week", "SaaStr"),
    ("Met two people at the climate tech dinner", "the climate tech dinner"),
    ("Had coffee with and Jo Park at Web Summit.", "Web Summit"),
    ("Von der Hannover Messe.", "der Hannover Messe"),
    ("Met, CTO at Acme Robotics, at the breakfast", "the breakfast"),
    ("Met at the breakfast", "the breakfast"),
    ("Met at the party (don't tell anyone)", "the party"),
    # the place ends where its clause ends: what follows is another clause, never the place
    ("Met at the Bangalore meetup; his wife is sick, don't mention the conference.",
     "the Bangalore meetup"),
    ("Met at the airport lounge, he's hiring two data engineers", "the airport lounge"),
])
def test_the_place_is_the_short_phrase_after_the_meeting_preposition(context: str,
                                                                      place: str) -> None:
    # Given the owner's sentence about meeting someone
    # When the draft reads its occasion
    # Then the place is the noun phrase of that clause, as written
    assert occasion(context) == Occasion(place=place, met=True)


@pytest.mark.parametrize("context", [
    "Met at the conference where his wife got sick",
    "Met at the dinner Jordan hated",
    "Met at the gym he goes to every morning before work",
    "Notes from today: had coffee with, Head of Sales at Beacon Health",
    None,
    "",
])
def test_a_place_that_is_not_a_clean_short_phrase_is_left_out(context: str | None) -> None:
    # Given a meeting sentence whose place carries a remark, runs long, or is missing
    reading = occasion(context)
    # Then the draft gets no place at all (it says "Great meeting you")
    assert reading == Occasion(place="", met=True)


@pytest.mark.parametrize("context", [
    "Haven't met yet; Jordan suggested I reach out",
    "Have not met her in person",
    "Never met him, Jordan says he is great",
    "Noch nicht getroffen, Jordan hat ihn empfohlen",
])
def test_a_meeting_that_has_not_happened_is_no_meeting(context: str) -> None:
    # Given the owner saying they have not met the person
    # Then the draft knows there was no meeting, and takes no place from the sentence
    assert occasion(context) == Occasion(place="", met=False)


@pytest.mark.parametrize("phrase", [
    "a good SRE contractor", "investors", "hiring engineers", "trail running",
    "an intro to a US bank partner", "un socio tecnológico para su almacén en Sevilla",
])
def test_a_topic_is_a_short_phrase(phrase: str) -> None:
    assert topic(phrase) == phrase


@pytest.mark.parametrize("phrase", [
    "a seed lead, jo@park",
    "money for his divorce",
    "a new job since he got fired",
    "a break; she is exhausted",
    "not investors",
    "help with her debt",
    "a therapist",
    "a designer who is not annoying like the last one was to work with",
    "to introduce us to his CTO",
    "",
])
def test_a_topic_with_a_private_remark_or_a_clause_is_left_out(phrase: str) -> None:
    assert topic(phrase) is None


@pytest.mark.parametrize("promise", [
    "send her our migration checklist", "send him the benchmark repo",
    "an intro to Dana at Northwind", "send over our implementation guide",
    "send him the JD from our portfolio company",
])
def test_a_promised_item_is_a_short_object_phrase(promise: str) -> None:
    assert promised_item(promise) == promise


@pytest.mark.parametrize("promise", [
    "send me his pitch deck",
    "lend him money",
    "keep quiet about his divorce",
    "not mention the lawsuit",
    "call his wife at the hospital",
    "send her the list once she is out of surgery next month or so",
])
def test_a_promise_that_is_not_the_owners_clean_errand_is_left_out(promise: str) -> None:
    assert promised_item(promise) is None


@pytest.mark.parametrize(("context", "place"), [
    # an instruction to self opening the note is no place ("à" is not "at" there)
    ("À classer, rencontré au forum Cap Numérique", "forum Cap Numérique"),
    ("A rappeler, rencontrée au salon du livre", "salon du livre"),
    ("Met at breakfast", ""),
    ("Met at the breakfast", "the breakfast"),
    ("Getroffen auf der Hannover Messe", "der Hannover Messe"),
])
def test_a_place_is_named_or_has_its_article(context: str, place: str) -> None:
    # Given a note whose first clause puts a bare lower-case word after a preposition
    # Then only a named place, or one with its article, may reach the draft
    assert occasion(context) == Occasion(place=place, met=True)


@pytest.mark.parametrize("promise", [
    "hem onze prijslijst op",          # Dutch: the verb last, the pronoun first
    "lhe enviar o catálogo",
    "gli mando la presentazione",
])
def test_a_promise_read_with_its_pronoun_in_another_language_is_left_out(promise: str) -> None:
    # Given a promise whose words keep the receiver's pronoun in Dutch, Portuguese or Italian
    # Then the draft does not quote it
    assert promised_item(promise) is None
