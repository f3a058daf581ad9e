"""Danish, Norwegian, Swedish and Faroese titles ("salgschef", "administrerende direktør",
"daglig leder", "innkjøpssjef") and their "at" ("hos", "ved", "på", "hjá", and "i" before a
company with its form), the Nordic forms written with a slash before the name ("P/F
Norðlýsið"), and more legal forms: Venezuela's "C.A.", the Faroese "P/F" and "Sp/f", Tajikistan's
"ҶДММ" (examples in tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.parsing.contacts import is_legal_form, is_title_phrase, role_in


@pytest.mark.parametrize("title", ["salgschef", "administrerende direktør", "Adm. direktør",
                                   "daglig leder", "innkjøpssjef", "verkställande direktör",
                                   "medstifter", "indehaver", "projektleder"])
def test_nordic_titles(title: str) -> None:
    assert is_title_phrase(title)


@pytest.mark.parametrize(("text", "title", "company"), [
    ("salgschef hos Nordlys Fødevarer ApS", "salgschef", "Nordlys Fødevarer ApS"),
    ("daglig leder ved Fjordlaks AS", "daglig leder", "Fjordlaks AS"),
    ("inköpschef på Svea Bygg AB", "inköpschef", "Svea Bygg AB"),
    ("administrerende direktør i Havbrise A/S", "administrerende direktør", "Havbrise A/S"),
    ("framkvæmdarstjóri hjá P/F Norðlýsið", "framkvæmdarstjóri", "P/F Norðlýsið"),
])
def test_a_nordic_title_at_its_company(text: str, title: str, company: str) -> None:
    role = role_in(text)
    assert (role.title, role.company) == (title, company)


def test_in_a_town_is_no_employer() -> None:
    assert role_in("direktør i Tórshavn").company is None


@pytest.mark.parametrize("form", ["C.A.", "P/F", "Sp/f", "ҶДММ"])
def test_more_legal_forms(form: str) -> None:
    assert is_legal_form(form)


def test_the_venezuelan_form_after_a_comma() -> None:
    role = role_in("gerente de ventas de Plásticos del Cabriales, C.A., gustavo@x.example")
    assert (role.title, role.company) == ("gerente de ventas", "Plásticos del Cabriales, C.A.")
