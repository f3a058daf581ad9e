"""Researchers and a faculty's deputy heads are titles ("pesquisadora", "investigadora",
"vice-dean for research and development"), and a contraction typed with a typographic
apostrophe ("She’s director of ...") opens a title as the typed one does."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import TITLE_WORD, is_title_phrase
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Inês Carvalhal", addresses=("ines@carvalhal-consultoria.pt",),
                      region="PT", assistant_addresses=("notas@carvalhal-consultoria.pt",))


@pytest.mark.parametrize("word", ["pesquisadora", "investigador", "researcher", "vice-dean",
                                  "chercheuse", "Forscherin"])
def test_research_titles(word: str) -> None:
    assert TITLE_WORD.match(word)


def test_dean_alone_stays_a_given_name() -> None:
    assert not is_title_phrase("Dean")


@pytest.mark.parametrize(("text", "name", "title", "company"), [
    ("- Ana Beatriz Lucena, pesquisadora, Instituto Mar Aberto, "
     "ana.lucena@institutomaraberto.pt. Interested in kelp.",
     "Ana Beatriz Lucena", "pesquisadora", "Instituto Mar Aberto"),
    ("- Rui Tavares Meireles, vice-dean for teaching and quality, Mondego Polytechnic School, "
     "rui.meireles@mondegopoly.pt. Looking for mentors.",
     "Rui Tavares Meireles", "vice-dean for teaching and quality", "Mondego Polytechnic School"),
    ("Met Dominique Ashgrove at the Leeds meetup. She’s director of housing programmes for the "
     "Calder Valley Housing Trust, dominique.ashgrove@caldervalleyht.org.uk.",
     "Dominique Ashgrove", "director of housing programmes", "Calder Valley Housing Trust"),
])
def test_roles(text: str, name: str, title: str, company: str) -> None:
    people = find_people(text, OWNER)
    assert [(p.name, p.title, p.company) for p in people] == [(name, title, company)]
