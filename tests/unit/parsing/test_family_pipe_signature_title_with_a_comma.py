"""A title with a comma in one field of a bar-separated signature ("Natalie Gumbs | Director,
Investment Promotion | Anguilla Investment Office | +1 264 ..."): the whole field is the title
and the field beside it the company (example in tests/corpus/dev)."""

from __future__ import annotations

from assistant.parsing.signature_fields import mine_signature


def test_the_title_field_keeps_its_comma() -> None:
    facts = mine_signature("Natalie Gumbs | Director, Investment Promotion | Anguilla Investment "
                           "Office | +1 264 497 0144", "Natalie Gumbs", "AI")
    assert (facts.title, facts.company) == ("Director, Investment Promotion",
                                            "Anguilla Investment Office")


def test_a_title_without_a_comma_is_read_as_before() -> None:
    facts = mine_signature("Natalie Gumbs | Head of Investment Promotion | Anguilla Investment "
                           "Office", "Natalie Gumbs", "AI")
    assert (facts.title, facts.company) == ("Head of Investment Promotion",
                                            "Anguilla Investment Office")
