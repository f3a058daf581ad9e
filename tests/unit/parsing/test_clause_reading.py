"""Who, what, whether: a need, offer, interest or promise is a fact only when the clause that
states it is not negated or hypothetical, and it belongs to whoever the clause's subject is
(the owner's "I"/"we" is never the contact; "he promised" is never the owner's promise)."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.context import read_context
from assistant.parsing.people import find_people

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))


@pytest.mark.parametrize("text", [
    "He is not looking for investors.",
    "She isn't hiring right now.",
    "He's no longer looking for a CFO.",
    "Never hiring before Q3, she said.",
    "Er sucht keine Investoren.",
    "Il ne cherche pas d'investisseurs.",
    "No busca inversores.",
    "She needs nothing from us.",
])
def test_a_negated_need_is_not_a_need(text: str) -> None:
    # Given a sentence denying a need
    # When the owner's words are read
    # Then no need is kept
    assert read_context(text).needs == ()


@pytest.mark.parametrize("text", [
    "If she ever needs a designer, Tom is great.",
    "Maybe he is looking for a co-founder.",
    "He might be looking for investors later.",
    "Wenn sie einen Designer braucht, kenne ich jemanden.",
    "Si elle cherche un designer, je connais quelqu'un.",
])
def test_a_hypothetical_need_is_not_a_need(text: str) -> None:
    assert read_context(text).needs == ()


def test_a_need_in_another_clause_of_the_sentence_is_still_read() -> None:
    # Given a negated clause and a plain one in the same sentence
    facts = read_context("He is not looking for investors, but he needs a CFO.")
    # Then only the plain clause's need is kept
    assert facts.needs == ("a CFO",)


@pytest.mark.parametrize("text", [
    "He promised to send me his pitch deck.",
    "She promised she'd intro me to her CTO.",
    "They promised to share the report with me.",
    "Promised to send me the deck.",
    "Er hat versprochen, mir die Unterlagen zu schicken.",
    "Elle a promis de m'envoyer la présentation.",
])
def test_the_contacts_promise_is_not_the_owners(text: str) -> None:
    # Given a promise the contact made to the owner
    # Then it is not kept as something the owner promised
    assert read_context(text).promises == ()


@pytest.mark.parametrize(("text", "promise"), [
    ("I promised to send her our migration checklist.", "send her our migration checklist"),
    ("Promised to send her the deck.", "send her the deck"),
    ("We promised him an intro to Dana.", "an intro to Dana"),
    ("He asked me to send him the benchmark repo.", "send him the benchmark repo"),
])
def test_the_owners_promise_is_kept(text: str, promise: str) -> None:
    # Given the owner's promise, with "I", "we" or no subject (a note's own voice)
    # Then it is kept
    assert read_context(text).promises == (promise,)


@pytest.mark.parametrize("text", [
    "I'm looking for a designer for her team.",
    "We are hiring engineers too.",
    "I can help with her pitch.",
    "I'm into trail running as well.",
])
def test_the_owners_own_needs_offers_and_interests_are_not_the_contacts(text: str) -> None:
    facts = read_context(text)
    assert (facts.needs, facts.offers, facts.interests) == ((), (), ())


def test_a_pronoun_after_a_sentence_naming_two_people_belongs_to_neither() -> None:
    # Given a note about two people, then a sentence whose subject could be either
    note = ("Had coffee with Mark Li (mark@li.example) and Jo Park (jo@park.example) at Web "
            "Summit. He is looking for a seed lead.")
    # When people are found
    mark, jo = find_people(note, OWNER)
    # Then the need is nobody's
    assert (mark.needs, jo.needs) == ([], [])


def test_a_pronoun_in_a_note_about_one_person_is_that_person() -> None:
    note = "Had coffee with Jo Park (jo@park.example) at Web Summit. He is looking for a seed lead."
    (jo,) = find_people(note, OWNER)
    assert jo.needs == ["a seed lead"]


def test_naming_the_person_again_settles_who_it_is() -> None:
    note = ("Had coffee with Mark Li (mark@li.example) and Jo Park (jo@park.example) at Web "
            "Summit. Jo is looking for a seed lead.")
    mark, jo = find_people(note, OWNER)
    assert (mark.needs, jo.needs) == ([], ["a seed lead"])


@pytest.mark.parametrize("note", [
    "Had coffee with Mark Li and Jo Park at Web Summit. Jo (jo@park.example) is looking for a "
    "seed lead.",
    "Met Jo Park (jo@park.example) - looking for a seed lead.",
    "Met Jo Park, looking for a seed lead, at Web Summit.",
])
def test_a_need_clause_is_not_a_job_title(note: str) -> None:
    # Given a need written where a role could stand
    jo = next(p for p in find_people(note, OWNER) if p.name == "Jo Park")
    # Then it is a need, not the title
    assert jo.title is None
    assert jo.needs == ["a seed lead"]
