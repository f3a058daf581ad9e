"""Which way up a card lies, from the direction classifier's votes and the boxes' shapes;
boxes moved to where they land on the upright card. Pure: no OCR engine."""

from __future__ import annotations

import pytest
from PIL import Image

from assistant.cards.lines import OcrLine, join_rows
from assistant.cards.ocr import turned, upright

WIDE = [OcrLine("Jane Okafor", 0.99, (100, 50, 500, 100)),
        OcrLine("Head of Partnerships", 0.98, (100, 150, 700, 190))]


def _tall(*texts: str) -> list[OcrLine]:
    """Boxes of a card lying on its side: each taller than wide, side by side."""
    return [OcrLine(text, 0.97, (100 + 80 * i, 40, 150 + 80 * i, 600))
            for i, text in enumerate(texts)]


def test_wide_boxes_read_the_right_way_up_need_no_turn() -> None:
    # Given boxes wider than tall, none read upside down
    found = upright(WIDE, [(False, 4.0), (False, 6.0)], (1000, 600))
    # Then the card is upright and the boxes stay where they are
    assert (found.turn, found.sureness) == (0, 1.0)
    assert found.lines == WIDE


def test_wide_boxes_read_upside_down_mean_a_card_turned_over() -> None:
    # Given a 1000 x 600 picture whose boxes all read upside down
    found = upright(WIDE, [(True, 4.0), (True, 6.0)], (1000, 600))
    # Then the card is turned half a turn, and the first box lands at the bottom right
    assert found.turn == 180
    assert found.lines[0].box == (500, 500, 900, 550)
    # And the rows' order is the turned card's: what was at the top is now at the bottom
    assert [line.text for line in join_rows(found.lines)] == ["Head of Partnerships",
                                                              "Jane Okafor"]


@pytest.mark.parametrize(("flipped", "turn"), [(False, 90), (True, 270)])
def test_tall_boxes_mean_a_card_on_its_side_and_the_votes_say_which(flipped: bool,
                                                                    turn: int) -> None:
    # Given a card on its side: tall boxes, read upright after RapidOCR's quarter turn
    # (turned clockwise) or upside down after it (turned counter-clockwise)
    lines = _tall("Jane Okafor", "Head of Partnerships", "Lumenfield Robotics")
    found = upright(lines, [(flipped, 5.0)] * 3, (1000, 700))
    # Then the turn back is a quarter the matching way, and the boxes become wide
    assert found.turn == turn
    assert all(line.box[2] - line.box[0] > line.height for line in found.lines)


def test_split_votes_are_reported_as_unsure() -> None:
    found = upright(WIDE, [(True, 5.0), (False, 5.0)], (1000, 600))
    assert found.sureness == 0.5


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_box_lands_where_pillow_turns_its_pixels(turn: int) -> None:
    # Given a picture with one black box on white, and a line read there
    picture = Image.new("L", (300, 200), 255)
    picture.paste(0, (40, 20, 100, 60))
    line = OcrLine("x", 1.0, (40, 20, 100, 60))
    # When the line is moved as the picture is turned counter-clockwise
    moved = turned(line, turn, picture.size)
    # Then it covers exactly the black pixels of the turned picture
    inverted = picture.rotate(turn, expand=True).point(lambda v: 255 - v)
    assert inverted.getbbox() == tuple(int(v) for v in moved.box)


def _crops() -> list:
    """Three invented box crops, each with a marked top-left pixel to see how it was turned."""
    import numpy as np

    crops = [np.zeros((10, 40, 3), np.uint8) for _ in range(3)]
    for crop in crops:
        crop[0, 0] = 255
    return crops


def _turned_over(crop) -> bool:  # noqa: ANN001
    return bool(crop[-1, -1, 0] == 255)


def test_a_box_the_classifier_left_upright_on_a_card_upside_down_is_turned_too() -> None:
    import cv2

    from assistant.cards.ocr import agreed_turns

    # Given three boxes the classifier says read upside down, two surely (turned by it) and a
    # logo of capitals it judged the other way (left as it was)
    crops = _crops()
    by_classifier = [cv2.rotate(crops[0], cv2.ROTATE_180), cv2.rotate(crops[1], cv2.ROTATE_180),
                     crops[2]]
    votes = [(True, 4.0), (True, 6.0), (False, 2.0)]
    # Then every box is read turned over, as the card lies
    assert [_turned_over(c) for c in agreed_turns(crops, by_classifier, votes)] == [True] * 3


def test_a_box_turned_alone_on_an_upright_card_is_read_upright() -> None:
    import cv2

    from assistant.cards.ocr import agreed_turns

    crops = _crops()
    by_classifier = [crops[0], crops[1], cv2.rotate(crops[2], cv2.ROTATE_180)]
    votes = [(False, 5.0), (False, 6.0), (True, 1.0)]
    assert [_turned_over(c) for c in agreed_turns(crops, by_classifier, votes)] == [False] * 3


def test_split_votes_leave_each_box_as_the_classifier_turned_it() -> None:
    import cv2

    from assistant.cards.ocr import agreed_turns

    crops = _crops()
    by_classifier = [cv2.rotate(crops[0], cv2.ROTATE_180), crops[1], crops[2]]
    votes = [(True, 5.0), (False, 4.0), (False, 2.0)]
    assert agreed_turns(crops, by_classifier, votes) is by_classifier
