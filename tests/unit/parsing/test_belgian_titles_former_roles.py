"""Belgian Dutch managers' titles, Dutch compound events in a list's heading, and a former
title before the current one ("exgerente de ..., ahora CFO de ...")."""

from __future__ import annotations

import pytest

from assistant.parsing.contacts import Role, role_in
from assistant.parsing.context import meeting_context
from assistant.parsing.people import _role_follows


@pytest.mark.parametrize(("text", "title", "company"), [
    ("zaakvoerder van Leiedal Bouwteam BV, jens@x.be", "zaakvoerder", "Leiedal Bouwteam BV"),
    ("zaakvoerster van Polderhof Catering BV, g@x.be", "zaakvoerster", "Polderhof Catering BV"),
    ("gedelegeerd bestuurder van Brugse Zeevaart NV,", "gedelegeerd bestuurder",
     "Brugse Zeevaart NV"),
])
def test_belgian_managers_titles(text: str, title: str, company: str) -> None:
    assert role_in(text) == Role(title, company)


@pytest.mark.parametrize("heading", [
    "Van het netwerkevent van de Gentse ondernemersclub:",
    "Van de ondernemersavond in Hasselt:",
])
def test_a_dutch_compound_event_in_a_heading_is_the_occasion(heading: str) -> None:
    assert meeting_context(heading) is not None


@pytest.mark.parametrize("after", [
    ", exgerente de Fiduvalle, ahora CFO de Pacífico Verde",
    ", ex-directrice de Banque Alpine, maintenant associée chez ...",
    ", former head of sales at Kiwi Cargo, now COO at ...",
])
def test_a_former_title_after_a_name_is_a_role(after: str) -> None:
    assert _role_follows(after)


@pytest.mark.parametrize(("text", "title", "company"), [
    ("responsável de logística na Malhas do Cávado, Lda. (m@x.pt)", "responsável de logística",
     "Malhas do Cávado, Lda."),
])
def test_portuguese_responsavel_is_a_title(text: str, title: str, company: str) -> None:
    assert role_in(text) == Role(title, company)
