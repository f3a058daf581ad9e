"""A signature's fax behind its own label on a line of several numbers, and a title with a
colon before the field it heads."""

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
