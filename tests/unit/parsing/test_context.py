"""context.py: where they met, needs, offers, interests and promises, in four languages."""

from __future__ import annotations

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
