"""Finding the card in a picture: a card on a table is cut out, a box printed on a scan is
not mistaken for the card's edge (invented cards drawn with Pillow)."""

from __future__ import annotations

from PIL import ImageDraw

from assistant.cards.straighten import find_card
from tests.unit.cards.card_art import draw_card, photograph


def test_a_card_on_a_table_is_cut_out() -> None:
    # Given a card photographed on a darker table
    card = draw_card()
    picture = photograph(card)
    # When the card is looked for
    found = find_card(picture)
    # Then the table is cut away: the result is about the card's size
    assert abs(found.width - card.width) < 0.1 * card.width


def test_a_box_printed_on_a_scan_is_not_taken_for_the_cards_edge() -> None:
    # Given a scan (the card fills the picture) with a framed panel printed on half of it
    scan = draw_card()
    ImageDraw.Draw(scan).rectangle((520, 120, 1000, 520), outline=(20, 20, 30), width=6)
    # When the card is looked for
    found = find_card(scan)
    # Then the whole scan is kept, with the print outside the panel
    assert found.size == scan.size
