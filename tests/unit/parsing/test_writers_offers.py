"""What the writer of a forwarded mail offers the owner in their own words."""

from __future__ import annotations

from assistant.parsing.context import writers_offers


def test_the_writers_own_offer_up_to_its_clause() -> None:
    body = ("So good to meet you on Saturday. Happy to host your next investor lunch at the "
            "estate, just say when.")
    assert writers_offers(body) == ("to host your next investor lunch at the estate",)
    assert writers_offers("We'd be glad to share our cellar-door sales data for your report.") == (
        "to share our cellar-door sales data for your report",)


def test_gladness_with_no_offer_is_none() -> None:
    assert writers_offers("Happy to have met you. Glad to hear the launch went well.") == ()
