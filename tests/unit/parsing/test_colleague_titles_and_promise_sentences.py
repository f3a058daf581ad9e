"""A copied colleague's whole title and interest from the sender's sentence, and an owner's
promise sentence that names an event is no meeting."""

from __future__ import annotations

import pytest

from assistant.parsing.context import meeting_context, read_context, tells_meeting
from assistant.parsing.draft import ContactDraft
from assistant.parsing.message import _colleague_title


@pytest.mark.parametrize(("body", "title"), [
    ("Priya, cc'd, is our head of irrigation and would love to hear more.", "head of irrigation"),
    ("Léa, en copie, est notre responsable juridique. Nous cherchons ...", "responsable juridique"),
    ("Mick, copied, is our head winemaker.", "head winemaker"),
])
def test_a_copied_colleagues_whole_title(body: str, title: str) -> None:
    assert _colleague_title(body, ContactDraft(name=body.split(",")[0] + " Doe")) == title


def test_would_love_to_hear_about_is_the_persons_interest_not_the_owners() -> None:
    said = "Priya would love to hear about your water-rights workshop."
    assert read_context(said).interests == ("your water-rights workshop",)
    assert read_context("She'd love to learn more about the tour.").interests == ("the tour",)
    assert read_context("I'd love to hear about their roadmap.").interests == ()
    assert read_context("We would like to know more about the tour.").interests == ()


@pytest.mark.parametrize("sentence", [
    "I promised him the slides from our investor readiness workshop.",
    "Le prometí el informe del foro de Lima.",
    "Je lui envoie le compte rendu du salon.",
])
def test_an_owners_promise_naming_an_event_is_no_meeting(sentence: str) -> None:
    assert not tells_meeting(sentence)
    assert meeting_context(sentence) is None


def test_a_promise_sentence_that_also_says_where_they_met_still_tells_it() -> None:
    assert tells_meeting("I promised her the slides; met her at the summit.")
