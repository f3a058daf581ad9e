"""Legal forms of Singapore, Malaysia, South Africa, Québec and Luxembourg kept whole with
their company's name, and a month's short form inside an East Asian name."""

from __future__ import annotations

import pytest

from assistant.parsing.contacts import Role, clean_company, is_legal_form, role_in
from assistant.parsing.people import _clause, _listed_role, _name_part


@pytest.mark.parametrize("company", [
    "Harbourfront Ship Chandlers Pte. Ltd.", "Pulau Pinang Spices Sdn. Bhd.",
    "Kalahari Drones (Pty) Ltd", "Chocolaterie des Laurentides inc.",
    "Vins du Nord ltée", "Ardennes Cloud S.à r.l.", "Andes Pallets E.I.R.L.",
])
def test_a_company_keeps_its_legal_form_and_dots(company: str) -> None:
    assert clean_company(company) == company


@pytest.mark.parametrize("form", ["Pte.", "Sdn.", "Bhd.", "(Pty)", "inc.", "ltée", "E.I.R.L."])
def test_regional_legal_forms_alone_are_no_name(form: str) -> None:
    assert is_legal_form(form)


@pytest.mark.parametrize(("text", "title", "company"), [
    ("Julie Caron, directrice générale chez Chocolaterie des Laurentides inc. (j@x.ca)",
     "directrice générale", "Chocolaterie des Laurentides inc."),
    ("Marc Thill, CFO at Ardennes Cloud S.à r.l. and a keen cyclist",
     "CFO", "Ardennes Cloud S.à r.l."),
    ("Zanele Khumalo, head of sales at Kalahari Drones (Pty) Ltd, z@x.co.za",
     "head of sales", "Kalahari Drones (Pty) Ltd"),
])
def test_a_regional_legal_form_after_at_or_chez(text: str, title: str, company: str) -> None:
    assert role_in(text) == Role(title, company)


def test_pte_ltd_in_a_one_line_card_does_not_end_the_sentence() -> None:
    role = _listed_role(
        " | Head of Sales | Harbourfront Ship Chandlers Pte. Ltd. | a@x.sg | 8555 0100. Met")
    assert role == Role("Head of Sales", "Harbourfront Ship Chandlers Pte. Ltd.")


def test_a_bracketed_pty_does_not_end_a_clause() -> None:
    clause = _clause(" CTO at Kalahari Drones (Pty) Ltd (z@x.co.za)")
    assert clause == " CTO at Kalahari Drones (Pty) Ltd "


@pytest.mark.parametrize(("words", "index", "expected"), [
    (["Terence", "Ong", "Jun", "Hao"], 2, True),
    (["Wong", "May", "Ling"], 1, True),
    (["Chen", "Sun", "Wei"], 1, True),
    (["Wong", "May"], 1, False),  # at the end it is the month
    (["Wong", "May", "the"], 1, False),
])
def test_a_month_short_form_between_name_words_is_a_name_part(
        words: list[str], index: int, expected: bool) -> None:
    assert _name_part(words, index) is expected


@pytest.mark.parametrize("after", [" (Pty) Ltd / z@x.co.za", " Pte. Ltd. |", " Sdn. Bhd.,",
                                   " S.à r.l. (", " inc. —"])
def test_words_before_a_regional_legal_form_are_a_company_not_a_person(after: str) -> None:
    from assistant.parsing.people import _LEGAL_FORM_AFTER

    assert _LEGAL_FORM_AFTER.match(after)

