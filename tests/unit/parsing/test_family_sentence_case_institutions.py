"""Central and Eastern European institutions named in sentence case, what they are in lower
case before their proper name ("Klinička bolnica Medvednica", "Fakultní nemocnice Hradec"):
the company is read whole (examples in tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.parsing.contacts import COMPANY_RE, role_in


@pytest.mark.parametrize(("text", "company"), [
    ("Fakultní nemocnice Hradec, ondrej@fn-hradec.cz", "Fakultní nemocnice Hradec"),
    ("Opća bolnica Zabok; he needs", "Opća bolnica Zabok"),
    ("Wojewódzki szpital Specjalistyczny", "Wojewódzki szpital Specjalistyczny"),
    ("Klinička bolnica is big", "Klinička"),  # no proper name after the noun
    ("Acme centrum of things", "Acme"),
])
def test_a_lower_case_institution_noun_before_a_name(text: str, company: str) -> None:
    match = COMPANY_RE.match(text)
    assert match is not None and match.group() == company


def test_the_role_reads_the_whole_institution() -> None:
    role = role_in("Jana Poláková is Chief Pharmacist at Městská nemocnice Ostrava, j@m.cz")
    assert (role.title, role.company) == ("Chief Pharmacist", "Městská nemocnice Ostrava")
