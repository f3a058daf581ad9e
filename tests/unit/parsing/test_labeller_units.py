"""The block labeller on the shapes of signatures from large organisations: a company line
carrying the person's unit ("Hollis Energy Corp. - Structured Trading"), a unit on a line of its
own, a company named after the person, "Company" ending a name, and occupations that no title
list holds ("Petrophysicist"). Invented people and companies, each a literal block."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing import parse_message
from assistant.parsing.labeller.features import block_features
from assistant.parsing.labeller.tagger import read_block
from assistant.parsing.labeller.tokens import spans
from assistant.parsing.signature_fields import mine_signature

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))


def features_of(line: str) -> list[list[str]]:
    (rows,) = block_features([(line, spans(line))], "US")
    return rows


def test_occupation_endings_and_unit_words_are_features() -> None:
    # Given a title line and a unit line
    title, unit = features_of("Petrophysicist"), features_of("Regulatory Affairs")
    # Then the occupation's ending and the unit's word are seen
    assert "agent_ending" in title[0]
    assert "unit_word" in unit[1]
    assert "colon" in features_of("Company: Brennock")[0]


def test_a_company_line_keeps_its_unit_after_a_dash() -> None:
    block = read_block("Nadia Faris\nSenior Counsel\nHollis Energy Corp. - Structured Trading\n"
                       "1200 Main Street, Suite 40\nPhone: 713-555-0144")
    assert (block.title, block.company) == (
        "Senior Counsel", "Hollis Energy Corp. - Structured Trading")


def test_a_company_and_unit_line_without_a_title() -> None:
    block = read_block("Paul Kerr\nNorthfield Utilities - Gas Control\n503-555-0112")
    assert (block.title, block.company) == (None, "Northfield Utilities - Gas Control")


def test_a_unit_alone_under_the_name_is_where_the_person_works() -> None:
    block = read_block("Owen Tully\nInvestor Relations\n713-555-0101")
    assert (block.name, block.title, block.company) == ("Owen Tully", None, "Investor Relations")


def test_a_unit_after_a_title_and_a_comma_stays_in_the_title() -> None:
    block = read_block("Ines Varga\nDirector, Public Affairs\nOrla Mutual")
    assert (block.title, block.company) == ("Director, Public Affairs", "Orla Mutual")


def test_initials_after_a_title_and_a_comma_are_the_company() -> None:
    block = read_block("Ines Varga\nSenior Attorney, TRX\n713-555-0120")
    assert (block.title, block.company) == ("Senior Attorney", "TRX")


@pytest.mark.parametrize(
    ("text", "title", "company"),
    [
        ("Rhea Mandal\nPetrophysicist\nKestrel Oil Corporation\nrhea.mandal@kestrel.com",
         "Petrophysicist", "Kestrel Oil Corporation"),
        # a unit on its own line gives way to the company with its legal form under it
        ("Mei Tan\nEconomist\nMarket Research\nHalden Power Ltd.", "Economist",
         "Halden Power Ltd."),
        ("Mei Tan\nEconomist\nMarket Research\n(713) 555-0190", "Economist",
         "Market Research"),
        ("Dario Pell\nPell Masonry LLC | Site Supervisor\ndario@pellmasonry.com",
         "Site Supervisor", "Pell Masonry LLC"),
        ("Colm Brennock\nBrennock Gas Company\n(713) 555-0199\n(713) 555-0198 Fax", None,
         "Brennock Gas Company"),
    ],
)
def test_occupations_and_company_names_the_lists_do_not_hold(text: str, title: str | None,
                                                              company: str) -> None:
    block = read_block(text)
    assert (block.title, block.company) == (title, company)


def test_a_company_named_after_the_person_keeps_the_name() -> None:
    facts = mine_signature("Wade Pell\nPell Roofing Inc. | Project Estimator\n(512) 555-0176",
                           "Wade Pell", "US")
    assert (facts.title, facts.company) == ("Project Estimator", "Pell Roofing Inc.")


def test_a_forwarded_signature_with_a_unit_end_to_end() -> None:
    # Given an owner forwarding a mail signed with a company line that names the unit
    body = ("Met her at the pipeline forum, follow up\n\n---------- Forwarded message ---------\n"
            "From: Nadia Faris <nadia.faris@hollisenergy.com>\nDate: Mon, Nov 16, 2026 at 3:12 "
            "PM\nSubject: Rates\nTo: Sam Rivera <sam@example.com>\n\nSam,\n\nThe filing is "
            "attached.\n\nNadia Faris\nSenior Counsel\nHollis Energy Corp. - Structured Trading\n"
            "Phone: 713-555-0144\nFax: 713-555-0145\n")
    raw = ("From: Sam Rivera <sam@example.com>\r\nTo: assistant@example.net\r\nSubject: Fwd: "
           f"Rates\r\nMessage-ID: <u1@example.com>\r\n\r\n{body}").encode()
    # When parsed
    (nadia,) = parse_message(raw, OWNER).contacts
    # Then the company keeps its unit, and the fax is not her phone
    assert (nadia.name, nadia.title, nadia.company, nadia.phones) == (
        "Nadia Faris", "Senior Counsel", "Hollis Energy Corp. - Structured Trading",
        ("+17135550144",))


def test_letters_after_the_name_are_not_the_title() -> None:
    # Given a qualification after the name and the title on the next line
    block = read_block("Tobias K. Renner, CPA\nSenior Consultant\nAlder Pension Advisors\n"
                       "(415) 555-0187 ph.")
    # Then the title is the next line's, and the name has no letters after it
    assert (block.name, block.title, block.company) == (
        "Tobias K. Renner", "Senior Consultant", "Alder Pension Advisors")
    assert "postnominal" in features_of("Tobias Renner, CPA")[-1]
    assert "after_comma" in features_of("Senior Director, Risk Analytics")[-1]


def test_a_field_in_brackets_loses_them_and_a_bracketed_unit_stays() -> None:
    assert read_block("Ana Ruiz\n(Senior Analyst)\nHalden Power Ltd.").title == "Senior Analyst"
    assert read_block("Ana Ruiz\nSenior Analyst (Treasury)\nHalden Power Ltd.").title == (
        "Senior Analyst (Treasury)")
