"""The day the owner met someone, read from the note's words and its Date header."""

from __future__ import annotations

import email.parser
import email.policy
from datetime import UTC, date, datetime

import pytest

from assistant.parsing.when import meeting_day, note_written_at

CHICAGO = "America/Chicago"
# Tuesday 24 November 2026, 18:30 in Chicago: already Wednesday the 25th in UTC.
WRITTEN = datetime(2026, 11, 25, 0, 30, tzinfo=UTC)
TUESDAY = date(2026, 11, 24)


def _day(words: str, written: datetime = WRITTEN) -> date | None:
    return meeting_day(words, written, CHICAGO)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # English
        ("Met Jane yesterday at the summit.", date(2026, 11, 23)),
        ("Met her last Tuesday at the SaaS summit.", date(2026, 11, 17)),
        ("Met him on the 3rd at the expo.", date(2026, 11, 3)),
        ("Ran into Raj on Friday at the founders breakfast.", date(2026, 11, 20)),
        ("Met Ana at the fintech conference on March 3.", date(2026, 3, 3)),
        ("Met Ana at the fintech summit on the 3rd of March 2025.", date(2025, 3, 3)),
        ("Coffee with Tom the day before yesterday.", date(2026, 11, 22)),
        ("Met Lee at the meetup 3 days ago.", date(2026, 11, 21)),
        ("Met Kim at the summit last week.", date(2026, 11, 17)),
        ("Met Jane at the summit earlier today.", TUESDAY),
        ("Jane Doe <jane@acme.example>, yesterday at the SaaS breakfast, hiring SREs.",
         date(2026, 11, 23)),
        # German
        ("Gestern beim Gründerfrühstück kennengelernt.", date(2026, 11, 23)),
        ("Am Freitag auf der Konferenz getroffen.", date(2026, 11, 20)),
        ("Habe sie am 3. auf der Messe getroffen.", date(2026, 11, 3)),
        ("Vor drei Tagen beim Kongress getroffen.", date(2026, 11, 21)),
        ("Am 3. März auf der Messe kennengelernt.", date(2026, 3, 3)),
        ("Letzten Donnerstag beim Abendessen getroffen.", date(2026, 11, 19)),
        ("Vorgestern auf der Veranstaltung kennengelernt.", date(2026, 11, 22)),
        # French
        ("Rencontrée hier au salon.", date(2026, 11, 23)),
        ("Rencontré le 3 au salon.", date(2026, 11, 3)),
        ("Je l'ai croisée mardi dernier lors du congrès.", date(2026, 11, 17)),
        ("Rencontrée vendredi au salon.", date(2026, 11, 20)),
        ("Rencontré avant-hier au dîner.", date(2026, 11, 22)),
        ("Rencontrée le 1er mars au salon.", date(2026, 3, 1)),
        # Spanish
        ("La conocí ayer en la feria.", date(2026, 11, 23)),
        ("Lo conocí el 3 en el congreso.", date(2026, 11, 3)),
        ("La conocí el martes pasado en la feria.", date(2026, 11, 17)),
        ("La conocí el viernes en la cena.", date(2026, 11, 20)),
        ("La conocí hace 2 días en el evento.", date(2026, 11, 22)),
        ("Nos conocimos el 3 de marzo en el congreso.", date(2026, 3, 3)),
    ],
)
def test_a_day_in_the_owners_words_is_read_from_the_day_the_note_was_written(
        words: str, expected: date) -> None:
    # Given a note written on Tuesday evening in Chicago (Wednesday in UTC)
    # When the meeting day is read
    # Then it is the day the words name, counted from the owner's Tuesday
    assert _day(words) == expected


@pytest.mark.parametrize(
    "words",
    [
        "Met Jane at the SaaS founders breakfast.",
        "Met Jane at the summit. She may join us in May.",
        "Met Raj at the summit: 2 kids, 10 years at Google, phone 555 1234.",
        "Met Jane at the sun lounge on the 3rd floor.",
        "Met Sam at the summit; he wants to march on.",
        "Met Jane at the expo, the 1st CTO at Acme.",
        "Met Ana at the summit; her talk is on the 28th.",
        "Met Jane at the summit, she is speaking on Friday.",
        "Met her at the summit, she speaks on Friday at the expo.",
        "Auf der Messe getroffen, sie spricht am Freitag auf der Konferenz.",
        "Met Jane at the summit and will see her again on Friday at the meetup.",
        "I'll meet him on the 3rd at the expo.",
        "Met Kim at the summit two weeks ago.",
        "Met Kim at the summit a few days ago.",
        "She launched her startup yesterday.",  # no meeting in the sentence
        "Hab ihn hier auf der Messe getroffen.",  # "hier" is "here" in German
        "Conocí a Domingo en la feria.",  # a name, not Sunday
        "Met Jane at the summit, this Friday she is in Austin.",
        "Met him at the summit on 3 March 2027.",  # after the note was written
    ],
)
def test_words_that_name_no_past_meeting_day_leave_the_day_of_writing(words: str) -> None:
    assert _day(words) == TUESDAY


@pytest.mark.parametrize(
    "words",
    [
        "Met Jane at the summit. Follow up next week.",
        "Met Jane at the summit, follow up on Friday.",
        "Met Jane at the summit. Call her after March 10.",
        "Met Jane at the summit, write to her on the 3rd.",
        "Met Jane at the summit. Ping her on Monday about the deck.",
        "Auf der Messe getroffen, nach dem 10. März nachfassen.",
        "Am Freitag nachfassen, wir haben uns auf der Messe getroffen.",
        "Rencontrée au salon, relancer mardi.",
        "La conocí en la feria, escribirle el viernes.",
    ],
)
def test_a_follow_up_instruction_is_not_the_meeting_day(words: str) -> None:
    # Given a note whose only day is when to follow up (the scheduler's phrase)
    # Then the meeting day is the day the note was written
    assert _day(words) == TUESDAY


def test_the_meeting_day_wins_over_the_follow_up_day_in_one_note() -> None:
    assert _day("Met Jane yesterday at the summit, follow up next week.") == date(2026, 11, 23)
    assert _day("Follow up on Friday. Met Jane on Monday at the summit.") == date(2026, 11, 23)


def test_a_bare_day_of_the_month_still_ahead_is_last_months_when_recent() -> None:
    # Given a note written on Monday 2 November
    written = datetime(2026, 11, 2, 17, 0, tzinfo=UTC)
    # Then "on the 30th" is 30 October, and "the 31st" is 31 October (November has no 31st)
    assert _day("Met him on the 30th at the expo.", written) == date(2026, 10, 30)
    assert _day("Met him on the 31st at the expo.", written) == date(2026, 10, 31)
    assert _day("Rencontré le 3 au salon.", written) == date(2026, 11, 2)  # 3 Oct: too far


def test_a_note_forwarded_a_day_late_counts_from_its_date_header() -> None:
    # Given a note written on Monday evening, sent on by a mail client on Tuesday afternoon
    headers = _headers("Mon, 23 Nov 2026 21:00:00 -0600")
    arrived = datetime(2026, 11, 24, 21, 0, tzinfo=UTC)
    written = note_written_at(headers, arrived)
    # Then its "yesterday" is Sunday, and without a day in its words it is Monday's
    assert written == datetime(2026, 11, 24, 3, 0, tzinfo=UTC)
    assert meeting_day("Met Jane yesterday at the summit.", written, CHICAGO) == date(2026, 11, 22)
    assert meeting_day("Met Jane at the summit.", written, CHICAGO) == date(2026, 11, 23)


def test_a_note_read_after_downtime_keeps_its_own_day() -> None:
    # Given a note written on Friday, read only on Monday after the assistant was down
    written = note_written_at(_headers("Fri, 20 Nov 2026 16:45:00 -0600"),
                              datetime(2026, 11, 23, 14, 0, tzinfo=UTC))
    # Then "yesterday" is Thursday, "today" is Friday
    assert meeting_day("Met Jane yesterday at the summit.", written, CHICAGO) == date(2026, 11, 19)
    assert meeting_day("Met Jane today at the summit.", written, CHICAGO) == date(2026, 11, 20)


@pytest.mark.parametrize(
    ("date_header", "expected"),
    [
        (None, datetime(2026, 11, 24, 21, 0, tzinfo=UTC)),
        ("not a date", datetime(2026, 11, 24, 21, 0, tzinfo=UTC)),
        ("Tue, 24 Nov 2026 10:00:00 -0000", datetime(2026, 11, 24, 10, 0, tzinfo=UTC)),
        # a clock ahead of the arrival: the arrival
        ("Sat, 28 Nov 2026 10:00:00 +0000", datetime(2026, 11, 24, 21, 0, tzinfo=UTC)),
    ],
)
def test_the_moment_of_writing_falls_back_to_the_arrival(date_header: str | None,
                                                         expected: datetime) -> None:
    arrived = datetime(2026, 11, 24, 21, 0, tzinfo=UTC)
    assert note_written_at(_headers(date_header), arrived) == expected


def test_without_a_moment_of_writing_there_is_no_day() -> None:
    assert meeting_day("Met Jane yesterday at the summit.", None, CHICAGO) is None


def test_a_hostile_note_costs_a_bounded_number_of_readings() -> None:
    # Given a meeting sentence naming hundreds of days ahead, then one in the past
    words = "Met her at the summit on " + ", on ".join(["3 March 2031"] * 300) + " yesterday."
    # Then only the first few are read and the note's own day stands
    assert _day(words) == TUESDAY


def _headers(date_header: str | None) -> email.message.Message:
    text = "From: Sam <sam@example.com>\nSubject: Met Jane\n"
    if date_header is not None:
        text += f"Date: {date_header}\n"
    return email.parser.Parser(policy=email.policy.default).parsestr(text + "\nbody\n")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Am 20.11. auf der Messe getroffen.", date(2026, 11, 20)),
        ("Met her at the summit on 2026-11-19.", date(2026, 11, 19)),
        ("Rencontrée le 19.11.2026 au salon.", date(2026, 11, 19)),
        ("Met Jane at the PyCon sprint, she maintains 3.11. builds.", TUESDAY),
    ],
)
def test_numeric_dates(words: str, expected: date) -> None:
    assert _day(words) == expected
