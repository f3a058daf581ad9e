"""The draft's "yesterday", "on Tuesday", "last week", "on 3 March", in each language, as seen
from the day the draft is written (often days after the meeting)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.wording import when_met

TUESDAY = date(2026, 11, 24)  # the week of Monday 23 to Sunday 29 November 2026


@pytest.mark.parametrize(
    ("met_on", "expected"),
    [
        (date(2026, 11, 24), ("earlier today", "heute", "aujourd'hui", "hoy")),
        (date(2026, 11, 23), ("yesterday", "gestern", "hier", "ayer")),
        (date(2026, 11, 20), ("on Friday", "am Freitag", "vendredi", "el viernes")),
        (date(2026, 11, 18), ("on Wednesday", "am Mittwoch", "mercredi", "el miércoles")),
        (date(2026, 11, 17), ("last week", "letzte Woche", "la semaine dernière",
                              "la semana pasada")),
        (date(2026, 11, 16), ("last week", "letzte Woche", "la semaine dernière",
                              "la semana pasada")),
        (date(2026, 11, 15), ("on November 15", "am 15. November", "le 15 novembre",
                              "el 15 de noviembre")),
        (date(2026, 11, 1), ("on November 1", "am 1. November", "le 1er novembre",
                             "el 1 de noviembre")),
        (date(2026, 3, 3), ("on March 3", "am 3. März", "le 3 mars", "el 3 de marzo")),
        (date(2025, 12, 1), ("on December 1", "am 1. Dezember", "le 1er décembre",
                             "el 1 de diciembre")),
        (date(2025, 11, 24), ("on November 24, 2025", "am 24. November 2025",
                              "le 24 novembre 2025", "el 24 de noviembre de 2025")),
    ],
)
def test_when_met_from_a_tuesday(met_on: date, expected: tuple[str, str, str, str]) -> None:
    assert tuple(when_met(met_on, TUESDAY, lang) for lang in ("en", "de", "fr", "es")) == expected


@pytest.mark.parametrize(
    ("written_on", "expected"),
    [
        (date(2026, 11, 19), "earlier today"),  # the evening of the meeting
        (date(2026, 11, 20), "yesterday"),  # the next morning
        (date(2026, 11, 23), "on Thursday"),  # after the weekend
        (date(2026, 11, 25), "on Thursday"),  # six days on
        (date(2026, 11, 27), "last week"),  # the week after
        (date(2026, 11, 29), "last week"),  # its Sunday
        (date(2026, 11, 30), "on November 19"),  # two calendar weeks on
    ],
)
def test_the_same_meeting_day_reads_right_from_each_later_day(written_on: date,
                                                              expected: str) -> None:
    # Given a meeting on Thursday 19 November
    # When a draft is written on a later day (a note processed late, a requested date, a
    # second touch)
    # Then the words follow the day the draft is written
    assert when_met(date(2026, 11, 19), written_on, "en") == expected


def test_a_meeting_after_the_day_of_writing_is_not_mentioned() -> None:
    assert when_met(date(2026, 11, 25), TUESDAY, "de") == ""
    assert when_met(None, TUESDAY, "fr") == ""
