"""intros.py: introductions in English, German, French and Spanish."""

from __future__ import annotations

import pytest

from assistant.parsing.intros import introduced_names, is_intro


@pytest.mark.parametrize(
    "text",
    [
        "Sam, meet Jane Doe. Jane is CTO at Acme.",
        "Introducing Felix Braun, who runs ops at Helio.",
        "Connecting you two!",
        "I'd like to introduce you to Lucy Hammond.",
        "Hi both, as promised, a double intro!",
        "darf ich euch kurz vorstellen: Jonas Weber ist Vertriebsleiter.",
        "ich möchte euch gern miteinander bekannt machen.",
        "Je vous présente Antoine Girard.",
        "te presento a Marta Gil.",
    ],
)
def test_intro_phrasings(text: str) -> None:
    assert is_intro(text)


def test_not_an_intro() -> None:
    assert not is_intro("Great to meet you at the conference, let's talk next week.")


def test_intro_subject() -> None:
    assert is_intro("see below", subject="Intro: Sam <> Jane")


def test_names_after_the_cue() -> None:
    assert introduced_names("Sam, meet Jane Doe. Jane is great.") == ["Sam", "Jane Doe"]
    assert introduced_names("te presento a Marta Gil, directora.") == ["Marta Gil"]


def test_introductions_in_italian_portuguese_and_dutch() -> None:
    from assistant.parsing.intros import is_intro

    assert is_intro("Ciao Paolo, ciao Giorgia, vi presento.")
    assert is_intro("Oi Ana, oi Bruno, quero apresentar vocês.")
    assert is_intro("Hoi Daan en Sanne, graag stel ik jullie aan elkaar voor.")
    assert not is_intro("Ciao, grazie per il preventivo.")


@pytest.mark.parametrize(
    "text",
    [
        "I'm glad to connect you after the lunch.",
        "Pleased to introduce Hina Rauf, who leads sourcing at Indus Threads.",
        "Delighted to connect you both.",
        "I'm pleased to introduce you to each other.",
        "Let me connect you with each other: Tomas runs ops.",
    ],
)
def test_glad_and_pleased_introductions(text: str) -> None:
    assert is_intro(text)


@pytest.mark.parametrize(
    "text",
    [
        "Glad to connect yesterday; let's talk next week.",
        "She was pleased to hear from us and keen to connect on LinkedIn.",
    ],
)
def test_a_pleasantry_is_no_introduction(text: str) -> None:
    assert not is_intro(text)
