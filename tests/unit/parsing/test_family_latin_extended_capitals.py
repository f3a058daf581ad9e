"""A capital letter is any Latin alphabet's capital: names and companies opening with Ž, Ł, Ś,
Ő, Ş, Ō read as those opening with Z or É."""

from __future__ import annotations

import re

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.letters import LOWER, UPPER
from assistant.parsing.people import find_people

CAPITAL = re.compile("[" + UPPER + "]")
SMALL = re.compile("[" + LOWER + "]")


@pytest.mark.parametrize("letter", list("ZÉÞŽŁŚŐŞŌĐȘƠƯẠỲ"))
def test_capitals_of_every_latin_alphabet(letter: str) -> None:
    assert CAPITAL.fullmatch(letter) and not SMALL.fullmatch(letter)


@pytest.mark.parametrize("letter", list("zéßžłśőşōđșơưạỳ"))
def test_small_letters_are_no_capitals(letter: str) -> None:
    assert SMALL.fullmatch(letter) and not CAPITAL.fullmatch(letter)


def test_signs_are_neither() -> None:
    for sign in "×÷0@-":
        assert not CAPITAL.fullmatch(sign) and not SMALL.fullmatch(sign)


OWNER = OwnerIdentity(name="Agnieszka Wrona", addresses=("agnieszka@wronaadvisory.pl",),
                      region="PL", assistant_addresses=("notes@wronaadvisory.pl",))


@pytest.mark.parametrize(("text", "name", "title", "company"), [
    ("Peter Hanuliak, head of IT at the Žilina Regional Authority, peter@zilina-region.sk.",
     "Peter Hanuliak", "head of IT", "Žilina Regional Authority"),
    ("Met Łukasz Żółtowski. He is head of sales at the Śląsk Robotics Group, "
     "lukasz@slaskrobotics.pl.", "Łukasz Żółtowski", "head of sales", "Śląsk Robotics Group"),
    ("Őrs Bíró, director of research at the Ōtsuka Institute, ors@otsuka-inst.hu.",
     "Őrs Bíró", "director of research", "Ōtsuka Institute"),
])
def test_a_company_opening_with_such_a_capital_after_the(text: str, name: str, title: str,
                                                         company: str) -> None:
    people = find_people(text, OWNER)
    assert [(p.name, p.title, p.company) for p in people] == [(name, title, company)]
