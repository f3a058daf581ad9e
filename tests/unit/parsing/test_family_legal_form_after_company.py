"""A company's legal form written after the words a reader stops at: the South Asian "(Pvt) Ltd"
in brackets, and ", Inc." or ", PBC" after a comma (examples in tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.parsing.contacts import with_comma_form


@pytest.mark.parametrize(("company", "text", "whole"), [
    ("Galle Coir Products", "export manager @ Galle Coir Products (Pvt) Ltd | x@y.lk",
     "Galle Coir Products (Pvt) Ltd"),
    ("KANDY TEA MILLS", "KANDY TEA MILLS (PRIVATE) LIMITED\nT +94",
     "KANDY TEA MILLS (PRIVATE) LIMITED"),
    ("Cedar Hollow Composting", "head of growth at Cedar Hollow Composting, PBC (m@c.co)",
     "Cedar Hollow Composting, PBC"),
    ("Tillamook Bay Light & Water", "VP at Tillamook Bay Light & Water, Inc. (w@t.com)",
     "Tillamook Bay Light & Water, Inc."),
])
def test_the_form_after_the_name_is_the_companys(company: str, text: str, whole: str) -> None:
    assert with_comma_form(company, text) == whole


@pytest.mark.parametrize(("company", "text"), [
    ("Galle Coir Products", "Galle Coir Products (Colombo office), x@y.lk"),
    ("Cedar Hollow Composting", "Cedar Hollow Composting, PBS radio sponsor"),
    ("Galle Coir Products (Pvt) Ltd", "Galle Coir Products (Pvt) Ltd (Pvt) Ltd"),
])
def test_no_form_no_change(company: str, text: str) -> None:
    assert with_comma_form(company, text) == company
