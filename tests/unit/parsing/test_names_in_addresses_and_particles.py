"""Names written in their addresses with umlauts spelled out or two-word surnames joined,
Irish "Ó" inside a name, a German noun after "mit", and a denial after a word of time."""

from __future__ import annotations

from assistant.domain import OwnerIdentity
from assistant.parsing.context import read_context
from assistant.parsing.people import _address_keys, find_people

_OWNER = OwnerIdentity(name="Anna Gut", addresses=("anna@gut.ch",), region="CH",
                       assistant_addresses=("kontakte@gut.ch",))


def test_umlauts_spelled_out_and_joined_surnames_are_read_in_addresses() -> None:
    assert "stoeckli" in _address_keys(["Jürg", "Stöckli"])
    assert "elamrani" in _address_keys(["Nadia", "El", "Amrani"])


def test_a_name_with_irish_o_and_one_with_el_are_whole() -> None:
    text = ("Siobhán Ó Ceallaigh, Head of Sourcing at Lee Valley Dairies Ltd, s@lvd.ie; "
            "Nadia El Amrani, Leiterin Einkauf bei Bernatec AG, n.elamrani@bernatec.ch.")
    assert [d.name for d in find_people(text, _OWNER)] == ["Siobhán Ó Ceallaigh",
                                                           "Nadia El Amrani"]


def test_a_noun_after_mit_is_no_person() -> None:
    text = ("• Jürg Stöckli, Präsident des Stiftungsrates, Aarehof Stiftung, j.stoeckli@aarehof.ch."
            " Sucht einen Partner mit Immobilienerfahrung.\n")
    drafts = find_people(text, _OWNER)
    assert [(d.name, d.title, d.company) for d in drafts] == [
        ("Jürg Stöckli", "Präsident des Stiftungsrates", "Aarehof Stiftung")]


def test_a_denial_after_a_word_of_time_is_no_need() -> None:
    assert read_context("Braucht derzeit keinen Onlineshop.").needs == ()
