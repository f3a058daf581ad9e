"""Structure rules around the block labeller's reading: a unit's line is neither the title nor
the company when another line names the company; a preposition joining a title to its company
belongs to neither; a one-word brand before a separator and a title is the company; a name's
particles and second surname stay in the name. Invented people and companies."""

from __future__ import annotations

import pytest

from assistant.parsing.labeller.tagger import is_unit, read_block
from assistant.parsing.signature_fields import mine_signature


@pytest.mark.parametrize("line", ["Ufficio Vendite", "Purchasing Dept.", "Abteilung Logistik",
                                  "Service Comptabilité", "Departamento Jurídico",
                                  "Afdeling Planning", "Claims Department"])
def test_unit_lines_are_units(line: str) -> None:
    assert is_unit(line)


@pytest.mark.parametrize("line", ["Service Manager", "Head of Purchasing", "Kessler Freight GmbH",
                                  "Departamento Comercial de Ventas y Marketing Internacional"])
def test_jobs_and_companies_are_not_units(line: str) -> None:
    assert not is_unit(line)


@pytest.mark.parametrize("block", [
    "Lorenzo Galli\nUfficio Vendite\nGalli Ricambi\nTel. 02 5550 4411",
    "Ruth Penhale\nAccounts Dept.\nPenhale Timber Ltd\n01872 555 019",
    "Inés Roldán\nDepartamento Jurídico\nRoldán Abogados S.L.\n915 555 018",
])
def test_unit_line_alone_is_no_title_and_no_company(block: str) -> None:
    fields = read_block(block, "US")
    assert fields.title is None
    assert fields.company == block.splitlines()[2]


def test_unit_is_kept_when_it_is_all_the_block_says() -> None:
    assert read_block("Oskar Brandt\nAbteilung Logistik\noskar@brandt.de", "DE").company


@pytest.mark.parametrize(("block", "title", "company"), [
    ("Giulia Serra\nIngegnere presso Fonderie Serra S.r.l.\nTel. 030 555 1290",
     "Ingegnere", "Fonderie Serra S.r.l."),
    ("Joost Hendriks\nInkoper bij Tuinbouw Hendriks B.V.\nT 0174 555 310",
     "Inkoper", "Tuinbouw Hendriks B.V."),
])
def test_joining_preposition_is_in_neither_field(block: str, title: str, company: str) -> None:
    fields = mine_signature(block, block.splitlines()[0], "US")
    assert (fields.title, fields.company) == (title, company)


@pytest.mark.parametrize("sep", ["|", "·", "•"])
def test_brand_before_separator_and_title_is_the_company(sep: str) -> None:
    fields = read_block(f"Colette Varga\nQuillmoor {sep} Head of Marketing\n+1 312 555 0166")
    assert (fields.title, fields.company) == ("Head of Marketing", "Quillmoor")


def test_one_line_card_skips_the_signers_name_and_the_unit() -> None:
    facts = mine_signature("Ines Varela | Operations Manager | Logistics Department | Varela Cargo"
                           "\n(305) 555-0148", "Ines Varela", "US")
    assert (facts.title, facts.company) == ("Operations Manager", "Varela Cargo")


def test_particles_and_second_surname_stay_in_the_name() -> None:
    fields = read_block("José Luis de la Vega Marín, director comercial, Aceites Vega S.L.\n"
                        "jl@aceitesvega.es · 953 555 120", "ES")
    assert fields.name == "José Luis de la Vega Marín"
    assert fields.title == "director comercial"


@pytest.mark.parametrize(("line", "title", "company"), [
    ("Socia directora, Navarro y Asociados", "Socia directora", "Navarro y Asociados"),
    ("Managing Partner, Hale & Associates", "Managing Partner", "Hale & Associates"),
])
def test_a_firm_after_the_titles_comma_is_the_company(line: str, title: str,
                                                       company: str) -> None:
    facts = mine_signature(f"Pilar Navarro\n{line}\nMóvil: 655 123 987", "Pilar Navarro", "ES")
    assert (facts.title, facts.company) == (title, company)


def test_a_unit_after_the_titles_comma_stays_in_the_title() -> None:
    fields = read_block("Wendy Marsh\nVice President, Claims Operations\nwendy@example.com")
    assert fields.title == "Vice President, Claims Operations"


@pytest.mark.parametrize(("line", "title", "company"), [
    ("Director of Lab Operations at HelixGen Therapeutics", "Director of Lab Operations",
     "HelixGen Therapeutics"),
    ("Leiterin Einkauf bei Kranwerk Süd GmbH", "Leiterin Einkauf", "Kranwerk Süd GmbH"),
])
def test_a_title_line_holding_its_company_after_at(line: str, title: str, company: str) -> None:
    fields = read_block(f"Marcus Oyelowo, PhD\n{line}\n400 Technology Square, Cambridge, MA 02139"
                        "\nDirect: 617.555.0164")
    assert (fields.title, fields.company) == (title, company)


@pytest.mark.parametrize("company", ["Corticeira do Sul, Lda.", "Vinhos da Serra, Lda.",
                                     "Panificio Serra di Sopra S.r.l."])
def test_a_company_line_runs_to_its_legal_form(company: str) -> None:
    fields = read_block(f"Miguel Correia\nDiretor Comercial\n{company}\nTlm. 912 555 207", "PT")
    assert fields.company == company
