"""A line in capitals naming an event over a list, with no colon ("HALIFAX OCEAN STARTUP
SHOWCASE"), is the occasion and no person; "administratif" and its kin are title words
("Directeur Administratif et Financier"); a forwarded writer's "We're after a ..." is their need
(examples in tests/corpus/dev)."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.contacts import is_title_phrase
from assistant.parsing.context import heading_occasion, writers_needs
from assistant.parsing.people import find_people

CA = OwnerIdentity("Colette Arsenault", ("colette@arsenault.example",), "CA",
                   ("contacts@arsenault.example",))


def test_a_capitals_event_line_over_a_list_is_the_occasion() -> None:
    assert heading_occasion("MONCTON AGRIFOOD HACKATHON\n* ") == "MONCTON AGRIFOOD HACKATHON"
    # in ordinary case and with no stop it is no heading
    assert heading_occasion("Moncton agrifood hackathon\n* ") is None


def test_a_capitals_event_line_is_no_person() -> None:
    people = find_people("MONCTON AGRIFOOD HACKATHON\n* Priya Doucet-Raman - Founder, Fundy "
                         "Shellfish Corp. - priya@fundyshellfish.example", CA)
    assert [p.name for p in people] == ["Priya Doucet-Raman"]


def test_administrative_titles() -> None:
    assert is_title_phrase("Directeur Administratif et Financier")
    assert is_title_phrase("Directora Jurídica")


def test_were_after_is_the_writers_need() -> None:
    assert writers_needs("Hi,\n\nWe're after a lender for an electrolyser pilot.") == (
        "a lender for an electrolyser pilot",)
    assert writers_needs("Hi,\n\nWe're after the holidays now.") == ()
