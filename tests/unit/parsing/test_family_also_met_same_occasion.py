""""Also met X" or "also swapped cards with X" names no occasion of its own: X was met where
the person before was (example in tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Sigrid Hauge", addresses=("sigrid@haugeadvisory.no",), region="NO",
                      assistant_addresses=("contacts@haugeadvisory.no",))


@pytest.mark.parametrize("second", [
    "Also met Håkon Dahl, risk lead at Fjordpay, hakon@fjordpay.no.",
    "Also swapped cards with Håkon Dahl, hakon@fjordpay.no.",
])
def test_the_second_person_shares_the_occasion(second: str) -> None:
    text = f"Met Ingrid Solberg at the Oslo fintech breakfast, ingrid@fjordpay.no. {second}"
    people = {d.name: d.context for d in find_people(text, OWNER)}
    assert people["Håkon Dahl"] and "Oslo fintech breakfast" in people["Håkon Dahl"]
    assert "Also" not in people["Håkon Dahl"]


def test_a_second_person_met_elsewhere_keeps_their_own_occasion() -> None:
    text = ("Met Ingrid Solberg at the Oslo fintech breakfast, ingrid@fjordpay.no. Also met "
            "Håkon Dahl at the Bergen port day, hakon@fjordpay.no.")
    people = {d.name: d.context for d in find_people(text, OWNER)}
    assert "Bergen port day" in (people["Håkon Dahl"] or "")


def test_their_cofounder_there_too_shares_company_and_occasion() -> None:
    text = ("Met Andreas Georgiou at the Limassol shipping week, andreas@troodosmarine.cy. He is "
            "the founder of Troodos Marine. His co-founder Eleni Charalambous (COO, "
            "eleni@troodosmarine.cy) was there too.")
    eleni = next(d for d in find_people(text, OWNER) if d.name == "Eleni Charalambous")
    assert eleni.company == "Troodos Marine"
    assert eleni.context and "Limassol shipping week" in eleni.context


def test_a_cofounder_not_said_to_be_there_gets_no_occasion() -> None:
    text = ("Met Andreas Georgiou at the Limassol shipping week, andreas@troodosmarine.cy. He is "
            "the founder of Troodos Marine. His co-founder Eleni Charalambous "
            "(eleni@troodosmarine.cy) runs their Athens office.")
    eleni = next(d for d in find_people(text, OWNER) if d.name == "Eleni Charalambous")
    assert eleni.company == "Troodos Marine"
    assert eleni.context is None
