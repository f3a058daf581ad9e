"""Each picture's OCR runs within a time budget: a picture past it is explained to the owner,
the engine stays usable for the next one, and the message's other pictures are still read."""

from __future__ import annotations

import pytest

from assistant.cards.lines import OcrLine
from assistant.cards.message import CardPart, read_parts
from assistant.cards.ocr import OcrTimeout, RapidEngine
from tests.unit.cards.card_art import draw_card, encode


@pytest.fixture(scope="module")
def engine() -> RapidEngine:
    return RapidEngine()


def test_a_picture_over_its_budget_is_stopped_and_the_engine_reads_the_next(
        engine: RapidEngine) -> None:
    # Given an engine whose budget per picture is far too short for any card
    card = draw_card()
    tight = RapidEngine(budget_s=0.001)
    # When it reads a card, Then the run is stopped with a reason for the owner
    with pytest.raises(OcrTimeout, match="longer than 0.001 seconds"):
        tight.read_upright(card)
    # And with its budget back to normal the same engine reads the card
    tight.budget_s = 120.0
    assert "Head of Partnerships" in [line.text for line in tight.read_upright(card).lines]


def test_a_timed_out_picture_is_explained_and_the_others_are_read(engine: RapidEngine) -> None:
    # Given a message with two card pictures, the first of which outlasts its budget
    class SlowFirst:
        name = "slow-first"
        calls = 0

        def read(self, image):  # noqa: ANN001, ANN202
            return engine.read(image)

        def read_upright(self, image):  # noqa: ANN001, ANN202
            SlowFirst.calls += 1
            if SlowFirst.calls == 1:
                raise OcrTimeout("reading it took longer than 20 seconds, so I stopped")
            return engine.read_upright(image)

    data = encode(draw_card(), "PNG")
    parts = [CardPart("image/png", "front.png", data), CardPart("image/png", "other.png", data)]
    # When the message's pictures are read
    read = read_parts(parts, "US", SlowFirst())
    # Then the first is explained, the second read
    assert read.seen[0].problem is not None and "longer than 20 seconds" in read.seen[0].problem
    assert read.seen[1].reading is not None and read.seen[1].reading.name == "Jane Okafor"


def test_pictures_past_the_message_budget_are_left_unread_and_counted() -> None:
    # Given a message with three pictures and an engine that reads each instantly
    class Instant:
        name = "instant"

        def read(self, image):  # noqa: ANN001, ANN202
            return [OcrLine("Jane Okafor", 0.99, (10, 10, 300, 60)),
                    OcrLine("jane.okafor@lumenfield.example", 0.99, (10, 80, 500, 120))]

    data = encode(draw_card(), "PNG")
    parts = [CardPart("image/png", f"card{i}.png", data) for i in range(3)]
    # When the message's clock has passed its budget after the first picture
    ticks = iter([0.0, 0.0, 61.0, 61.0])
    read = read_parts(parts, "US", Instant(), clock=lambda: next(ticks), budget_s=60.0)
    # Then one picture is read and the other two are counted as unread, for the owner
    assert [s.label for s in read.seen] == ["card0.png"]
    assert read.unread == 2
