"""contacts.py: names, emails, phones, URLs, titles and companies from literal strings."""

from __future__ import annotations

import pytest

from assistant.parsing.contacts import (
    clean_company,
    clean_name,
    find_emails,
    find_phones,
    find_urls,
    normalize_email,
    role_in,
    role_in_list,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Dr. Jane Doe", "Jane Doe"),
        ("Doe, Jane", "Jane Doe"),
        ("Prof. Dr. Jürgen Müller", "Jürgen Müller"),
        ("María José García", "María José García"),
        ("jane@x.com", None),
        ("", None),
    ],
)
def test_names_lose_honorifics_and_keep_diacritics(raw: str, expected: str | None) -> None:
    assert clean_name(raw) == expected


def test_emails_are_validated_and_lowercased() -> None:
    assert normalize_email("Jane.Doe@Acme.COM") == "jane.doe@acme.com"
    assert normalize_email("not an address") is None
    assert [e for _, e in find_emails("write jane@acme.com, or x@y")] == ["jane@acme.com"]


def test_phones_in_e164_with_the_owner_region() -> None:
    # Given national numbers in the owner's region and an international one
    us = [p for _, p in find_phones("call 415-555-0142 or (415) 555-0199", "US")]
    de = [p for _, p in find_phones("Tel. 030 12345678, mobil 0171 2345678", "DE")]
    intl = [p for _, p in find_phones("+46 70 123 45 67", "US")]
    # Then each comes out in E.164
    assert us == ["+14155550142", "+14155550199"]
    assert de == ["+493012345678", "+491712345678"]
    assert intl == ["+46701234567"]


def test_numbers_dialled_whole_in_unassigned_ranges_are_phones() -> None:
    # Given numbers in ranges kept for fiction, written with a trunk prefix or country code
    uk = [p for _, p in find_phones("mobile 07700 900123, landline 0113 496 0000", "GB")]
    ie = [p for _, p in find_phones("TEL +353 91 555 0101", "IE")]
    # Then they are phones all the same; a short run of digits is not
    assert uk == ["+447700900123", "+441134960000"]
    assert ie == ["+353915550101"]
    assert find_phones("order 0042 17", "GB") == []


def test_a_card_line_labelled_f_is_a_fax() -> None:
    from assistant.parsing.contacts import person_phones

    card = "T: +44 (0)20 7946 0101\nF: +44 (0)20 7946 0102\nM: 07700 900101"
    assert person_phones(card, "GB") == ["+442079460101", "+447700900101"]


def test_a_bare_site_on_a_line_of_its_own_is_a_url() -> None:
    urls = [u for _, u in find_urls("Wes Ash | Owner\n(406) 555-0126\nashcabins.com\n")]
    assert urls == ["https://ashcabins.com"]
    assert find_urls("We built it with Node.js and it works.") == []


def test_a_title_after_the_company_is_not_cut() -> None:
    role = role_in_list(["Kestrel Analytics", "Head of Data Science"])
    assert (role.title, role.company) == ("Head of Data Science", "Kestrel Analytics")


def test_urls_are_normalized() -> None:
    urls = [u for _, u in find_urls("linkedin.com/in/janedoe, https://www.Acme.com/.")]
    assert urls == ["https://linkedin.com/in/janedoe", "https://www.acme.com"]


@pytest.mark.parametrize(
    ("text", "title", "company"),
    [
        ("Jane is CTO at Acme Robotics and is hiring", "CTO", "Acme Robotics"),
        ("VP Marketing @ Corvid", "VP Marketing", "Corvid"),
        ("Head of Growth bei Foo GmbH", "Head of Growth", "Foo GmbH"),
        ("directrice commerciale chez Bar SA.", "directrice commerciale", "Bar SA"),
        ("directora de ventas en Tienda Sol SL", "directora de ventas", "Tienda Sol SL"),
        ("she is a senior product manager at Stripe.", "senior product manager", "Stripe"),
        ("founder of Kite Labs", "founder", "Kite Labs"),
        ("Sr. Director, Partnerships at Globex Corp", "Sr. Director, Partnerships", "Globex Corp"),
        ("Priya, Head of Partnerships at Ledgerly. Looking for banks", "Head of Partnerships",
         "Ledgerly"),
        ("Met her at the SaaS breakfast", None, None),
        ("Direttore tecnico di Caffè Lario S.r.l.", "Direttore tecnico", "Caffè Lario S.r.l."),
        ("Responsabile acquisti di Vetri Liguri", "Responsabile acquisti", "Vetri Liguri"),
        ("Ela é gerente de parcerias na Mandacaru Pagamentos Ltda", "gerente de parcerias",
         "Mandacaru Pagamentos Ltda"),
        ("Eigenaar van Van der Laan Meubels B.V.", "Eigenaar", "Van der Laan Meubels B.V."),
        ("Directrice de l'innovation chez Banque Ondine", "Directrice de l'innovation",
         "Banque Ondine"),
        ("Director of Marketing", None, None),
        ("Il est directeur général de Brasserie Lumen.", "directeur général", "Brasserie Lumen"),
        ("Projektleiter bei Baukraft GmbH", "Projektleiter", "Baukraft GmbH"),
    ],
)
def test_title_and_company_phrasings(text: str, title: str | None, company: str | None) -> None:
    role = role_in(text)
    assert (role.title, role.company) == (title, company)


def test_comma_separated_role() -> None:
    # "Jane Doe, CTO, Acme" and signature lines "Compliance Officer | Nordkap Bank ASA"
    assert role_in_list(["CTO", "Acme Robotics"]) == role_in_list(["CTO", "Acme Robotics"])
    role = role_in_list(["Compliance Officer", "Nordkap Bank ASA"])
    assert (role.title, role.company) == ("Compliance Officer", "Nordkap Bank ASA")


@pytest.mark.parametrize("text, company", [
    ("enologa presso Tenuta dell'Orso S.r.l., Montalcino", "Tenuta dell'Orso S.r.l."),
    ("gérant de Fromagerie de l'Aubrac.", "Fromagerie de l'Aubrac"),
    ("directrice de Conserverie d'Étel depuis 2019", "Conserverie d'Étel"),
])
def test_an_elided_particle_inside_a_company_name_is_kept(text: str, company: str) -> None:
    assert role_in(text).company == company


@pytest.mark.parametrize("raw, company", [
    ("Tejidos Norte S.L. Busca proveedores", "Tejidos Norte S.L."),
    ("Harbour Foods Ltd. Needs a distributor", "Harbour Foods Ltd."),
])
def test_a_legal_form_with_its_dot_ends_the_company_before_a_new_sentence(
        raw: str, company: str) -> None:
    assert clean_company(raw) == company
