"""Introductions told by their subject ("Priti, meet Eilidh"), by a short opener ("quick
intro") or by the introducer's leave-taking ("I'll leave you two to it", "je vous laisse
échanger"); and a role told as "X is a <title> and ..." ends at the next clause."""

from __future__ import annotations

import pytest

from assistant.parsing.intros import is_intro
from assistant.parsing.people import _listed_role


@pytest.mark.parametrize(("text", "subject"), [
    ("Hope you two get on.", "Noor, meet Felix"),
    ("Noor, Felix, quick intro.\n\nNoor builds ERPs.", "Hello"),
    ("Noor runs Tallis Labs.\n\nI'll leave you two to it.", "Two people"),
    ("Noor dirige Tallis.\n\nJe vous laisse échanger.", "Bonjour"),
    ("Noor dirige Tallis.\n\nVi lascio continuare.", "Ciao"),
])
def test_intro_cues(text: str, subject: str) -> None:
    assert is_intro(text, subject)


def test_plain_note_is_no_intro() -> None:
    assert not is_intro("Met Noor at the expo, she runs Tallis Labs.", "Expo")


@pytest.mark.parametrize(("after", "title"), [
    (" is a freelance Shopify developer and built ours last year.",
     "freelance Shopify developer"),
    (" est designer produit indépendante et a travaillé pour deux startups.",
     "designer produit indépendante"),
])
def test_role_told_with_is_ends_at_the_next_clause(after: str, title: str) -> None:
    role = _listed_role(after)
    assert role is not None and role.title == title
