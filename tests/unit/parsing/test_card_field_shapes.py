"""Shapes of companies and titles in notes: a comma inside a title's field of a one-line card,
firms joined by "and" or "&", a university's heads, a form heading a company's name, and a
card's heading naming its event after a comma."""

from __future__ import annotations

import pytest

from assistant.domain import OwnerIdentity
from assistant.parsing import parse_message
from assistant.parsing.contacts import (
    COMPANY_RE,
    Role,
    clean_name,
    is_title_phrase,
    ordinary_case,
    role_in,
)
from assistant.parsing.context import card_occasion
from assistant.parsing.message import party_name

OWNER = OwnerIdentity("Sam Rivera", ("sam@example.com",), "US", ("assistant@example.net",))


def note(body: str) -> bytes:
    return (f"From: Sam Rivera <sam@example.com>\r\nTo: assistant@example.net\r\n"
            f"Subject: note\r\nMessage-ID: <n2@example.com>\r\n\r\n{body}\r\n").encode()


def contacts(body: str) -> list[dict]:
    return list(parse_message(note(body), OWNER).to_json()["contacts"])


@pytest.mark.parametrize("separator", ["|", "·", "—", "//"])
def test_comma_inside_a_one_line_cards_title_field(separator: str) -> None:
    body = (f"Lena Ortiz {separator} Head of Sales, Iberia & LatAm {separator} Ortiz Verde "
            f"Packaging Inc. {separator} lena@ortizverde.com. Met at the Austin packaging expo.")
    (found,) = contacts(body)
    assert found["title"] == "Head of Sales, Iberia & LatAm"
    assert found["company"] == "Ortiz Verde Packaging Inc."


def test_a_title_and_company_after_commas_still_part() -> None:
    (found,) = contacts("Lena Ortiz | CTO, Ortiz Verde | lena@ortizverde.com. Met in Austin.")
    assert found["title"] == "CTO"
    assert found["company"] == "Ortiz Verde"


@pytest.mark.parametrize("joined", ["and", "&"])
def test_a_firm_joined_by_and_is_no_person(joined: str) -> None:
    found = contacts(f"Met Lena Ortiz, Partner at Ortiz {joined} Blake Land Surveyors, "
                     f"lena@ortizblake.com, at the Austin expo.")
    assert [c["name"] for c in found] == ["Lena Ortiz"]
    assert found[0]["company"] == f"Ortiz {joined} Blake Land Surveyors"


def test_a_second_person_after_and_is_still_found() -> None:
    found = contacts("Met Tom Reyes at Kiln and Jane Doe, jane.doe@kiln.io, at the Austin expo.")
    assert "Jane Doe" in [c["name"] for c in found]


@pytest.mark.parametrize(("text", "title"), [("Dean of Engineering", True),
                                             ("Dekanin der Fakultät Chemie", True),
                                             ("Dean Walsh", False), ("Dean", False)])
def test_a_universitys_heads(text: str, title: bool) -> None:
    assert is_title_phrase(text, loose=True) is title


def test_a_form_heading_a_companys_name_is_no_person() -> None:
    found = contacts("Rencontrée au forum de Thiès : Awa Ndiaye, présidente du GIE Jardins "
                     "Unis de Mboro, awa@gie-jum.sn.")
    assert [c["name"] for c in found] == ["Awa Ndiaye"]
    assert found[0]["company"] == "GIE Jardins Unis de Mboro"
    assert found[0]["title"] == "présidente"


@pytest.mark.parametrize(("heading", "occasion"), [
    ("From a card, Denver water technology expo:", "Denver water technology expo"),
    ("From her card, typed on the train:", None),
])
def test_a_cards_heading_names_its_event_after_a_comma(heading: str, occasion: str | None) -> None:
    assert card_occasion(f"{heading}\n\nLena Ortiz\nCTO\n") == occasion


@pytest.mark.parametrize(("printed", "written"), [
    ("AYŞEGÜL TÜRKMENOĞLU-ŞAHİN", "Ayşegül Türkmenoğlu-Şahin"),
    ("İLKNUR YILDIZ", "İlknur Yıldız"),
    ("EMILY CHEN", "Emily Chen"),
    ("SEAN O'BRIEN", "Sean O'Brien"),
    ("SOPHIE VAN DEN EYNDE", "Sophie van den Eynde"),
    ("Jane Doe", "Jane Doe"),
])
def test_a_name_in_capitals_is_written_in_ordinary_case(printed: str, written: str) -> None:
    assert ordinary_case(printed) == written


def test_a_card_title_on_two_lines_from_a_joiner() -> None:
    (found,) = contacts("Card from the Austin health forum:\n\nAssoc. Prof. Dr. Lena Ortiz\n"
                        "Director for Clinical Research\nand Academic Partnerships\n"
                        "Ortiz Verde Medical Center Inc.\nTel. 512 555 0148\n"
                        "lena@ortizverde.org\n")
    assert found["name"] == "Lena Ortiz"
    assert found["title"] == "Director for Clinical Research and Academic Partnerships"
    assert found["company"] == "Ortiz Verde Medical Center Inc."


def test_a_card_title_line_then_a_department_stays_one_line() -> None:
    (found,) = contacts("Card from the Austin expo:\n\nLena Ortiz\nHead of Purchasing\n"
                        "Sales Department\nOrtiz Verde Packaging Inc.\nlena@ortizverde.com\n")
    assert found["title"] == "Head of Purchasing"


def test_a_capitals_name_line_with_a_prefix_and_an_order() -> None:
    (found,) = contacts("Card from the Austin expo:\n\nPROFESSOR OLUWASEUN ADEYEMI-LOCKHART OBE\n"
                        "CHIEF SCIENTIFIC OFFICER\nORTIZ VERDE BIOLOGICS INC\nT 512 555 0148\n"
                        "O.ADEYEMI-LOCKHART@ORTIZVERDE.COM\n")
    assert found["name"] == "Oluwaseun Adeyemi-Lockhart"
    assert found["title"] == "CHIEF SCIENTIFIC OFFICER"
    assert found["phones"] == ["+15125550148"]


def test_a_turkish_fax_label_is_no_phone() -> None:
    (found,) = contacts("Lena Ortiz\nCTO\nOrtiz Verde Inc.\nTel 512 555 0148\nFaks 512 555 0149\n"
                        "lena@ortizverde.com\n")
    assert found["phones"] == ["+15125550148"]


@pytest.mark.parametrize(("text", "title", "company"), [
    ("Deputy Director of Smart Harbour Policy at the Ortiz Port Agency",
     "Deputy Director of Smart Harbour Policy", "Ortiz Port Agency"),
    ("Director of Investments for the Ortiz Community Energy Trust",
     "Director of Investments", "Ortiz Community Energy Trust"),
    ("He's Head of Operations, Southern North Sea, at Ortiz Cable Laying Ltd, lena@ortiz.com",
     "Head of Operations, Southern North Sea", "Ortiz Cable Laying Ltd"),
])
def test_a_title_before_at_the_or_for_the_company(text: str, title: str, company: str) -> None:
    assert role_in(text) == Role(title, company)


def test_a_name_in_another_script_in_brackets_after_it_is_no_part_of_it() -> None:
    assert clean_name("Grace Oh (오은혜)") == "Grace Oh"
    assert clean_name("Grace Oh (오은혜") == "Grace Oh"


def test_a_card_name_line_in_hangul_with_the_latin_name_in_brackets() -> None:
    (found,) = contacts("Card from the Seoul expo:\n\n이도윤 (Doyun Lee)\nHead of Operations\n"
                        "Ortiz Verde Inc.\ndoyun.lee@ortizverde.kr\n")
    assert found["name"] == "Doyun Lee"


def test_a_prose_name_in_its_own_script_is_kept_as_written_first() -> None:
    (found,) = contacts("Met 山田 花子 (Hanako Yamada) at the Osaka expo, "
                        "hanako.yamada@ortizverde.jp.")
    assert found["name"] == "山田 花子"


@pytest.mark.parametrize(("text", "title"), [
    ("Lena is Investment Director at Ortiz Verde Partners A.Ş.", "Investment Director"),
    ("Lena Ortiz, Geschäftsführende Gesellschafterin der Ortiz Verde GmbH & Co. KG",
     "Geschäftsführende Gesellschafterin"),
])
def test_words_heading_a_title(text: str, title: str) -> None:
    assert role_in(text).title == title


def test_the_turkish_limited_company_is_read_whole() -> None:
    assert role_in("Lena is general manager of Ortiz Verde Tarım Ltd. Şti. and is looking "
                   "for a partner.").company == "Ortiz Verde Tarım Ltd. Şti."


def test_a_german_company_with_its_bracketed_form_is_read_whole() -> None:
    assert role_in("Sie ist Gründerin der Ortiz Verde UG (haftungsbeschränkt) und sucht "
                   "Kapital.").company == "Ortiz Verde UG (haftungsbeschränkt)"


@pytest.mark.parametrize("company", ["Office Ortiz pour l'Exportation Durable",
                                     "Fundación Ortiz para Desarrollo Rural",
                                     "Stiftung Ortiz für Bildung"])
def test_a_company_named_for_its_purpose_is_read_whole(company: str) -> None:
    assert COMPANY_RE.fullmatch(company)


@pytest.mark.parametrize(("name", "address", "kept"), [
    ("Cheikh Ahmadou Fall", "cheikh.fall@example.sn", "Cheikh Ahmadou Fall"),
    ("Sheikh Omar Haddad", "omar.haddad@example.ae", "Omar Haddad"),
    ("Dr. Jane Smith", "jane@example.com", "Jane Smith"),
])
def test_a_header_name_whose_first_word_the_address_spells(name: str, address: str,
                                                           kept: str) -> None:
    assert party_name(name, address) == kept
