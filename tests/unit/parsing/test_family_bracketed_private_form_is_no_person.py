"""A company whose legal form opens with a bracketed "(Pvt.)", "(Pvt)" or "(Private)" ("Ravi
Denim Mills (Pvt.) Ltd.") is no person's name: the card's title and company stay with the
person named above them."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing.people import find_people

OWNER = OwnerIdentity(name="Dilani Wickramasinghe", addresses=("dilani@wickrama-advisory.lk",),
                      region="LK", assistant_addresses=("notes@wickrama-advisory.lk",))


@pytest.mark.parametrize("form", ["(Pvt) Ltd", "(Pvt.) Ltd.", "(Private) Limited"])
def test_card_company_with_bracketed_form(form: str) -> None:
    text = ("Card from Colombo:\n\nMr. Nuwan Senarath\nHead of Exports, Middle East & Africa\n"
            f"Kandy Cinnamon Growers {form}\n45 Peradeniya Road, Kandy\n"
            "nuwan.senarath@kandycinnamon.lk\n\nLooking for a forwarder.\n")
    people = find_people(text, OWNER)
    assert [(p.name, p.title, p.company) for p in people] == [
        ("Nuwan Senarath", "Head of Exports, Middle East & Africa",
         f"Kandy Cinnamon Growers {form}")]
