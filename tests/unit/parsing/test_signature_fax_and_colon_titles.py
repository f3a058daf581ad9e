"""A signature's fax behind its own label on a line of several numbers, a title with a
colon before the field it heads, and a company field read whole."""

from __future__ import annotations

from assistant.parsing.signature_fields import mine_signature

SIGNATURE = """Tama Ngata
Regional Director: Freight Operations
Harbourlink Logistics Ltd
Tel: +64 4 555 0147 | Fax: +64 4 555 0148 | Mobile: +64 21 555 0190"""


def test_the_fax_between_two_phones_is_no_phone() -> None:
    facts = mine_signature(SIGNATURE, "Tama Ngata", "NZ")
    assert facts.phones == ("+6445550147", "+64215550190")


def test_a_title_before_a_colon_heads_its_field() -> None:
    facts = mine_signature(SIGNATURE, "Tama Ngata", "NZ")
    assert facts.title == "Regional Director: Freight Operations"
    assert facts.company == "Harbourlink Logistics Ltd"


def test_a_label_before_a_colon_is_no_title() -> None:
    facts = mine_signature("Tama Ngata\nHead of Freight\nHarbourlink Logistics Ltd\n"
                           "Direct: +64 4 555 0147", "Tama Ngata", "NZ")
    assert facts.title == "Head of Freight"
    assert facts.phones == ("+6445550147",)


def test_a_company_field_read_short_of_its_particles_is_read_whole() -> None:
    facts = mine_signature("Rui Matos\nDiretor Comercial | Herdade do Monte Novo Lda\n"
                           "Tel. 266 555 014", "Rui Matos", "PT")
    assert (facts.title, facts.company) == ("Diretor Comercial", "Herdade do Monte Novo Lda")


def test_a_titles_de_before_a_surname_company_names_the_company() -> None:
    facts = mine_signature("Nathalie Lambert\nDirectrice de Lambert Conserverie Artisanale SAS\n"
                           "Tél : 04 72 55 01 47", "Nathalie Lambert", "FR")
    assert (facts.title, facts.company) == ("Directrice", "Lambert Conserverie Artisanale SAS")


def test_a_title_then_a_comma_then_the_company_stays_two_fields() -> None:
    facts = mine_signature("Freja Wallin\nInvestment Manager, Norrland Growth Fund AB\n",
                           "Freja Wallin", "SE")
    assert facts.company == "Norrland Growth Fund AB"
