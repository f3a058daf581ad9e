"""A site written bare on its own line under any country's domain ("ruhunabay.lk",
"ahus.edu.gh"), and a signature's "Title, Company (Pvt) Ltd" line read by the line rules with
the bracketed form as the company's (examples in tests/corpus/dev)."""

from __future__ import annotations

import pytest

from assistant.parsing.contacts import COMPANY_RE, find_urls
from assistant.parsing.signature_fields import mine_signature


@pytest.mark.parametrize(("text", "url"), [
    ("+94 11 555 0163\nkelanigems.lk\n", "https://kelanigems.lk"),
    ("Tel. 0322 555 014\nahus.edu.gh\n", "https://ahus.edu.gh"),
    ("M 054 555 0190 | lagoscocoa.com.ng\n", "https://lagoscocoa.com.ng"),
])
def test_a_bare_site_of_any_country(text: str, url: str) -> None:
    assert [u for _, u in find_urls(text)] == [url]


def test_a_word_with_a_dot_in_prose_is_no_site() -> None:
    assert find_urls("We use Node.js and talked about it.") == []


def test_the_bracketed_form_ends_the_company() -> None:
    match = COMPANY_RE.match("Ruhuna Bay Leisure (Pvt) Ltd")
    assert match is not None and match.group() == "Ruhuna Bay Leisure (Pvt) Ltd"


def test_a_signature_line_title_comma_company_with_a_bracketed_form() -> None:
    facts = mine_signature("Chaminda Wijeratne\nDirector of Marine Tours, Ruhuna Bay Leisure "
                           "(Pvt) Ltd\n+94 91 555 0147\nruhunabay.lk", "Chaminda Wijeratne",
                           "LK")
    assert (facts.title, facts.company) == ("Director of Marine Tours",
                                            "Ruhuna Bay Leisure (Pvt) Ltd")
    assert facts.urls == ("https://ruhunabay.lk",)
