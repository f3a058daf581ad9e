"""A card's OCR lines go through the block labeller too: it fills what the layout rules left
empty, and never overrides what they read (invented cards, no OCR involved)."""

from __future__ import annotations

from assistant.cards.fields import read_card
from assistant.cards.lines import OcrLine


def lines(*texts: str, confidence: float = 0.95) -> list[OcrLine]:
    return [OcrLine(t, confidence, (10.0, 40.0 * i, 400.0, 40.0 * i + 30)) for i, t in
            enumerate(texts)]


def test_a_name_run_into_the_company_on_one_row_is_read_by_the_labeller() -> None:
    # Given a card whose name and company the OCR read as one row
    card = lines("Jane Okafor Lumenfield Robotics Ltd", "Managing Partner", "T +1 650 555 0139")
    # When it is read
    reading = read_card(card, "US")
    # Then the labeller's name is taken, and the company is the rest of the row
    assert reading.name == "Jane Okafor"
    assert reading.company == "Lumenfield Robotics Ltd"
    assert reading.title == "Managing Partner"


def test_the_layout_rules_fields_are_kept_over_the_labellers() -> None:
    # Given a card the labeller alone misreads (it takes the company line for the name)
    card = lines("Lumenfield Robotics", "Tomasz Wrenley", "Managing Partner",
                 "T +1 650 555 0139", "t.wrenley@lumenfield.example")
    # When it is read
    reading = read_card(card, "US")
    # Then every field is the rules'
    assert reading.name == "Tomasz Wrenley"
    assert reading.title == "Managing Partner"
    assert reading.company == "Lumenfield Robotics"


def test_a_labelled_name_that_is_no_persons_is_not_taken() -> None:
    # Given a card with no person's name, only a firm and its details
    card = lines("Lumenfield Robotics Ltd", "Sales Office", "T +1 650 555 0139",
                 "sales@lumenfield.example")
    # When it is read
    reading = read_card(card, "US")
    # Then no name is made up from the firm's lines
    assert reading.name is None
