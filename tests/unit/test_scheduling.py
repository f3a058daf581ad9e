"""Scheduling rules: business mornings in the owner's zone, holidays, DST, dates from notes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.errors import ConfigurationError
from assistant.scheduling import (
    add_business_days,
    first_draft_due,
    is_business_day,
    may_draft_again,
    next_weekly_slot,
    requested_followup_date,
    second_draft_due,
)

CHICAGO = "America/Chicago"
BERLIN = "Europe/Berlin"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def local(zone: str, *args: int) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(zone))


# --- first_draft_due: the default next business morning ----------------------------------------


def test_note_on_a_tuesday_is_due_wednesday_at_nine_local() -> None:
    # Given a note received Tuesday afternoon in Berlin (winter, UTC+1)
    received = local(BERLIN, 2026, 11, 24, 15, 30)
    # When the first draft is scheduled
    due = first_draft_due(received, BERLIN, "DE")
    # Then it is Wednesday 09:00 Berlin, 08:00 UTC
    assert due == utc(2026, 11, 25, 8, 0)
    assert due.tzinfo == UTC


def test_note_on_friday_is_due_monday() -> None:
    # Given a note on a Friday evening in Chicago
    received = local(CHICAGO, 2026, 11, 20, 19, 0)
    # When scheduled
    due = first_draft_due(received, CHICAGO, "US")
    # Then it skips the weekend: Monday 09:00 CST = 15:00 UTC
    assert due == utc(2026, 11, 23, 15, 0)


def test_note_on_saturday_is_due_monday() -> None:
    # Given a note on a Saturday morning
    received = local(BERLIN, 2026, 11, 21, 10, 0)
    # When scheduled, then Monday 09:00 Berlin
    assert first_draft_due(received, BERLIN, "DE") == utc(2026, 11, 23, 8, 0)


def test_early_morning_note_is_still_due_the_next_day() -> None:
    # Given a note at 07:00 local on a Tuesday, before the follow-up hour
    received = local(BERLIN, 2026, 11, 24, 7, 0)
    # When scheduled, then the draft is the morning after, not two hours later
    assert first_draft_due(received, BERLIN, "DE") == utc(2026, 11, 25, 8, 0)


def test_the_local_day_decides_not_the_utc_day() -> None:
    # Given Tuesday 23:30 in Chicago, which is already Wednesday in UTC
    received = local(CHICAGO, 2026, 11, 17, 23, 30)
    assert received.astimezone(UTC).day == 18
    # When scheduled, then it is Wednesday 09:00 Chicago (the next local morning)
    assert first_draft_due(received, CHICAGO, "US") == utc(2026, 11, 18, 15, 0)


def test_custom_followup_hour() -> None:
    # Given an owner who wants drafts at 07:00
    received = local(BERLIN, 2026, 11, 24, 12, 0)
    # When scheduled, then 07:00 Berlin the next day
    assert first_draft_due(received, BERLIN, "DE", followup_hour=7) == utc(2026, 11, 25, 6, 0)


def test_a_late_stored_note_is_never_due_in_the_past() -> None:
    # Given a note met on Monday but processed only on Thursday
    met = local(BERLIN, 2026, 11, 23, 18, 0)
    now = local(BERLIN, 2026, 11, 26, 10, 0)
    # When scheduled with the real now
    due = first_draft_due(met, BERLIN, "DE", now=now)
    # Then it is the next business morning after now: Friday 09:00
    assert due == utc(2026, 11, 27, 8, 0)


def test_relative_note_date_counts_from_the_day_it_was_written() -> None:
    # Given a note written Tuesday 11-24 ("next week") but processed Friday 11-27
    written = local(BERLIN, 2026, 11, 24, 18, 0)
    now = local(BERLIN, 2026, 11, 27, 10, 0)
    # When scheduled, then "next week" is still Monday 11-30 (not Monday 12-07)
    due = first_draft_due(written, BERLIN, "DE", note_text="follow up next week", now=now)
    assert due == utc(2026, 11, 30, 8, 0)


def test_note_date_already_past_when_processed_falls_back_after_now() -> None:
    # Given "in 2 days" written Monday 11-23, processed only on Thursday 11-26 at noon
    written = local(BERLIN, 2026, 11, 23, 18, 0)
    now = local(BERLIN, 2026, 11, 26, 12, 0)
    # When scheduled, then the requested Wednesday is past: Friday 09:00, the next morning
    due = first_draft_due(written, BERLIN, "DE", note_text="follow up in 2 days", now=now)
    assert due == utc(2026, 11, 27, 8, 0)


# --- DST ---------------------------------------------------------------------------------------


def test_chicago_spring_forward_moves_the_utc_hour() -> None:
    # Given Friday 2026-03-06 (CST, UTC-6); clocks spring forward on Sunday 2026-03-08
    received = local(CHICAGO, 2026, 3, 6, 17, 0)
    # When scheduled
    due = first_draft_due(received, CHICAGO, "US")
    # Then Monday 09:00 CDT (UTC-5) = 14:00 UTC, not 15:00
    assert due == utc(2026, 3, 9, 14, 0)
    assert due.astimezone(ZoneInfo(CHICAGO)).hour == 9


def test_chicago_fall_back_moves_the_utc_hour() -> None:
    # Given Friday 2026-10-30 (CDT); clocks fall back on Sunday 2026-11-01
    received = local(CHICAGO, 2026, 10, 30, 17, 0)
    # When scheduled, then Monday 09:00 CST = 15:00 UTC
    assert first_draft_due(received, CHICAGO, "US") == utc(2026, 11, 2, 15, 0)


def test_berlin_summer_time_starts() -> None:
    # Given Friday 2026-03-27 in Berlin (CET); summer time starts Sunday 2026-03-29
    received = local(BERLIN, 2026, 3, 27, 16, 0)
    # When scheduled, then Monday 09:00 CEST = 07:00 UTC
    assert first_draft_due(received, BERLIN, "DE") == utc(2026, 3, 30, 7, 0)


def test_weekly_slot_across_berlin_dst() -> None:
    # Given it is Friday 2026-03-27, and the summary goes out Mondays at 08:00 Berlin
    now = local(BERLIN, 2026, 3, 27, 12, 0)
    # When the next slot is computed
    slot = next_weekly_slot(now, BERLIN, weekday=0, hour=8)
    # Then it is Monday 08:00 CEST = 06:00 UTC
    assert slot == utc(2026, 3, 30, 6, 0)


def test_weekly_slot_across_chicago_fall_back() -> None:
    # Given Monday 2026-10-26 after the 08:00 slot, in Chicago
    now = local(CHICAGO, 2026, 10, 26, 8, 0, 1)
    # When the next slot is computed, then Monday 2026-11-02 08:00 CST = 14:00 UTC
    assert next_weekly_slot(now, CHICAGO, weekday=0, hour=8) == utc(2026, 11, 2, 14, 0)


def test_weekly_slot_later_today_is_today() -> None:
    # Given Monday 07:00 and a Monday 08:00 slot
    now = local(BERLIN, 2026, 11, 23, 7, 0)
    # Then the slot is one hour from now
    assert next_weekly_slot(now, BERLIN, 0, 8) - now == timedelta(hours=1)


def test_weekly_slot_exactly_now_is_next_week() -> None:
    now = local(BERLIN, 2026, 11, 23, 8, 0)
    assert next_weekly_slot(now, BERLIN, 0, 8) - now == timedelta(days=7)


# --- holidays ----------------------------------------------------------------------------------


def test_us_thanksgiving_is_skipped() -> None:
    # Given a note on Wednesday 2026-11-25, the day before Thanksgiving (2026-11-26)
    received = local(CHICAGO, 2026, 11, 25, 14, 0)
    # When scheduled for a US owner, then Friday 2026-11-27 09:00 CST
    assert first_draft_due(received, CHICAGO, "US") == utc(2026, 11, 27, 15, 0)


def test_california_also_skips_the_day_after_thanksgiving() -> None:
    # Given the same note for an owner in California (a state holiday on the Friday)
    received = local("America/Los_Angeles", 2026, 11, 25, 14, 0)
    # When scheduled for region US-CA, then Monday 2026-11-30 09:00 PST = 17:00 UTC
    due = first_draft_due(received, "America/Los_Angeles", "US-CA")
    assert due == utc(2026, 11, 30, 17, 0)


def test_german_christmas_and_weekend_are_skipped() -> None:
    # Given a note on Thursday 2026-12-24; 25 (Fri) and 26 (Sat) are holidays in DE
    received = local(BERLIN, 2026, 12, 24, 11, 0)
    # When scheduled, then Monday 2026-12-28 09:00 Berlin
    assert first_draft_due(received, BERLIN, "DE") == utc(2026, 12, 28, 8, 0)


def test_german_unity_day_on_a_saturday_changes_nothing() -> None:
    # Given 2026-10-03 is a Saturday holiday: Friday's note is due Monday 10-05 anyway
    assert date(2026, 10, 3).weekday() == 5
    received = local(BERLIN, 2026, 10, 2, 11, 0)
    assert first_draft_due(received, BERLIN, "DE") == utc(2026, 10, 5, 7, 0)


def test_region_without_the_holiday_does_not_skip_it() -> None:
    # Given Thanksgiving is not a German holiday, a DE owner's draft lands on it
    received = local(BERLIN, 2026, 11, 25, 11, 0)
    assert first_draft_due(received, BERLIN, "DE") == utc(2026, 11, 26, 8, 0)


def test_unknown_region_and_zone_are_configuration_errors() -> None:
    received = utc(2026, 11, 24, 10)
    with pytest.raises(ConfigurationError, match="holiday region"):
        first_draft_due(received, BERLIN, "XX")
    with pytest.raises(ConfigurationError, match="time zone"):
        first_draft_due(received, "Mars/Olympus", "DE")


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        first_draft_due(datetime(2026, 11, 24, 10), BERLIN, "DE")


# --- dates from the note win -------------------------------------------------------------------


def test_next_week_in_the_note_means_next_monday() -> None:
    # Given a note on Tuesday saying "follow up next week"
    received = local(BERLIN, 2026, 11, 24, 15, 0)
    # When scheduled, then Monday 2026-11-30 09:00
    due = first_draft_due(received, BERLIN, "DE", note_text="Nice chat. Follow up next week.")
    assert due == utc(2026, 11, 30, 8, 0)


def test_after_a_date_means_the_business_morning_after() -> None:
    # Given "after March 10" (2027-03-10 is a Wednesday)
    received = local(CHICAGO, 2026, 11, 24, 15, 0)
    due = first_draft_due(received, CHICAGO, "US", note_text="Ping her after March 10")
    # Then Thursday 2027-03-11 09:00 CST (DST starts 2027-03-14) = 15:00 UTC
    assert due == utc(2027, 3, 11, 15, 0)


def test_note_date_on_a_holiday_rolls_to_the_next_business_day() -> None:
    # Given "follow up on December 25" for a German owner
    received = local(BERLIN, 2026, 12, 1, 10, 0)
    due = first_draft_due(received, BERLIN, "DE", note_text="Follow up on December 25.")
    # Then the holiday and weekend are skipped: Monday 2026-12-28
    assert due == utc(2026, 12, 28, 8, 0)


def test_friday_note_saying_on_friday_means_the_next_friday() -> None:
    # Given a Friday note "write to him on Friday"
    received = local(BERLIN, 2026, 11, 20, 10, 0)
    due = first_draft_due(received, BERLIN, "DE", note_text="Write to him on Friday")
    # Then one week later, not today
    assert due == utc(2026, 11, 27, 8, 0)


def test_past_note_date_is_ignored() -> None:
    # Given a note dated with a year already past
    received = local(BERLIN, 2026, 11, 24, 10, 0)
    due = first_draft_due(received, BERLIN, "DE", note_text="Follow up after March 10, 2025")
    # Then the default next business morning applies
    assert due == utc(2026, 11, 25, 8, 0)


def test_recent_day_without_year_is_past_and_ignored() -> None:
    received = local(BERLIN, 2026, 11, 24, 10, 0)
    due = first_draft_due(received, BERLIN, "DE", note_text="Follow up after November 20")
    assert due == utc(2026, 11, 25, 8, 0)


def test_note_without_a_date_uses_the_default() -> None:
    received = local(BERLIN, 2026, 11, 24, 10, 0)
    due = first_draft_due(received, BERLIN, "DE", note_text="Met at the SaaS breakfast, CTO.")
    assert due == utc(2026, 11, 25, 8, 0)


TUESDAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # English
        ("Follow up next week", date(2026, 11, 30)),
        ("follow up early next week please", date(2026, 11, 30)),
        ("Ping her after March 10", date(2027, 3, 11)),
        ("Follow up after 10 March 2027", date(2027, 3, 11)),
        ("Reach out after the 10th of March", date(2027, 3, 11)),
        ("Follow up on Friday", date(2026, 11, 27)),
        ("email him next Monday", date(2026, 11, 30)),
        ("follow up on Tuesday", date(2026, 12, 1)),
        ("Follow up in 3 days", date(2026, 11, 27)),
        ("Ping him in two weeks", date(2026, 12, 8)),
        ("get back to her in a week", date(2026, 12, 1)),
        ("follow up in a couple of days", date(2026, 11, 26)),
        ("Follow up at the end of the month", date(2026, 11, 30)),
        ("Circle back next month", date(2026, 12, 1)),
        ("reach out mid-January", date(2027, 1, 15)),
        ("touch base early February", date(2027, 2, 1)),
        ("follow up from December 2", date(2026, 12, 2)),
        ("write to her on 2026-12-09", date(2026, 12, 9)),
        ("call her tomorrow", date(2026, 11, 25)),
        ("send the deck the day after tomorrow", date(2026, 11, 26)),
        ("She is travelling until December 4.", date(2026, 12, 5)),
        ("Follow up in 2 months", date(2027, 1, 24)),
        # German
        ("Nächste Woche nachfassen", date(2026, 11, 30)),
        ("naechste Woche melden", date(2026, 11, 30)),
        ("Bitte nach dem 10. März nachfassen", date(2027, 3, 11)),
        ("Am Freitag melden", date(2026, 11, 27)),
        ("In 3 Tagen nachhaken", date(2026, 11, 27)),
        ("in zwei Wochen schreiben", date(2026, 12, 8)),
        ("Ende des Monats melden", date(2026, 11, 30)),
        ("Anfang Februar anschreiben", date(2027, 2, 1)),
        ("ab dem 7.12. erinnern", date(2026, 12, 7)),
        ("Sie ist bis zum 4. Dezember im Urlaub.", date(2026, 12, 5)),
        ("kommende Woche anrufen", date(2026, 11, 30)),
        # French
        ("Relancer la semaine prochaine", date(2026, 11, 30)),
        ("relancer après le 10 mars", date(2027, 3, 11)),
        ("Lui écrire vendredi", date(2026, 11, 27)),
        ("Recontacter dans 3 jours", date(2026, 11, 27)),
        ("le relancer dans deux semaines", date(2026, 12, 8)),
        ("rappeler à la fin du mois", date(2026, 11, 30)),
        ("relancer lundi prochain", date(2026, 11, 30)),
        ("à partir du 1er décembre, lui écrire", date(2026, 12, 1)),
        ("relancer le mois prochain", date(2026, 12, 1)),
        # Spanish
        ("Escribirle la próxima semana", date(2026, 11, 30)),
        ("hacer seguimiento la semana que viene", date(2026, 11, 30)),
        ("Contactar después del 10 de marzo", date(2027, 3, 11)),
        ("llamar el viernes", date(2026, 11, 27)),
        ("Escribir en 3 días", date(2026, 11, 27)),
        ("escribirle dentro de dos semanas", date(2026, 12, 8)),
        ("seguimiento a fin de mes", date(2026, 11, 30)),
        ("retomar el contacto a mediados de enero", date(2027, 1, 15)),
        ("llamar pasado mañana", date(2026, 11, 26)),
    ],
)
def test_requested_date_phrasings(note: str, expected: date) -> None:
    # Given a note written on Tuesday 2026-11-24, when the requested date is read
    # Then it is the expected day
    assert requested_followup_date(note, TUESDAY) == expected


@pytest.mark.parametrize(
    "note",
    [
        "Met her on Tuesday at the breakfast.",
        "Great chat, she runs SRE at Acme.",
        "Trafen uns am Freitag auf der Konferenz.",
        "On s'est vus lundi au salon.",
        "Nos conocimos el martes en Madrid.",
        "Guten Morgen! Netter Kontakt.",
        "Charla por la mañana en el evento.",
        "He is version 2.3.1 of himself",
        "",
    ],
)
def test_no_requested_date(note: str) -> None:
    # Given a note with no forward date (past weekdays, greetings, no dates)
    # Then nothing is read
    assert requested_followup_date(note, TUESDAY) is None


def test_first_follow_up_sentence_wins_over_other_dates() -> None:
    # Given a past weekday in one sentence and the request in another
    note = "Met her on Monday at the expo. Follow up after December 3."
    assert requested_followup_date(note, TUESDAY) == date(2026, 12, 4)


def test_month_end_on_a_weekend_is_the_last_weekday() -> None:
    # Given 2027-01-31 is a Sunday, "end of the month" in January is Friday the 29th
    assert requested_followup_date("follow up end of the month", date(2027, 1, 12)) == date(
        2027, 1, 29
    )


def test_invalid_day_is_ignored() -> None:
    assert requested_followup_date("follow up after February 30", TUESDAY) is None


# --- second draft and limits -------------------------------------------------------------------


def test_second_draft_four_business_days_after_a_tuesday_send() -> None:
    # Given a follow-up sent on Tuesday 2026-11-17 in Berlin
    sent = local(BERLIN, 2026, 11, 17, 10, 0)
    # When the second draft is scheduled, then Monday 2026-11-23 09:00
    assert second_draft_due(sent, BERLIN, "DE") == utc(2026, 11, 23, 8, 0)


def test_second_draft_skips_thanksgiving() -> None:
    # Given a send on Monday 2026-11-23 in Chicago; Thursday 26 is Thanksgiving
    sent = local(CHICAGO, 2026, 11, 23, 10, 0)
    # When scheduled with 3 business days, then Friday 27 (Tue, Wed, Fri)
    assert second_draft_due(sent, CHICAGO, "US", 9, business_days=3) == utc(2026, 11, 27, 15, 0)


def test_second_draft_across_dst() -> None:
    # Given a send on Wednesday 2026-03-04 in Chicago (CST)
    sent = local(CHICAGO, 2026, 3, 4, 10, 0)
    # When scheduled, then Tuesday 2026-03-10 09:00 CDT = 14:00 UTC
    assert second_draft_due(sent, CHICAGO, "US") == utc(2026, 3, 10, 14, 0)


def test_second_draft_needs_at_least_one_business_day() -> None:
    with pytest.raises(ValueError):
        second_draft_due(utc(2026, 11, 23, 10), BERLIN, "DE", business_days=0)


@pytest.mark.parametrize(
    ("drafts", "asked", "allowed"),
    [(0, False, True), (1, False, True), (2, False, False), (5, False, False), (2, True, True)],
)
def test_at_most_two_drafts_unless_the_owner_asks(drafts: int, asked: bool, allowed: bool) -> None:
    assert may_draft_again(drafts, owner_asked_more=asked) is allowed


def test_add_business_days_over_german_christmas() -> None:
    # Given Wednesday 2026-12-23, two business days later skips 25/26/27: Monday 28
    assert add_business_days(date(2026, 12, 23), 2, "DE") == date(2026, 12, 28)


# --- properties --------------------------------------------------------------------------------

ZONES = ["America/Chicago", "Europe/Berlin", "America/Los_Angeles", "Asia/Tokyo",
         "Pacific/Auckland"]
REGIONS = ["US", "DE", "US-CA", "FR", "ES"]
moments = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
)


@settings(max_examples=300, deadline=None)
@given(moments, st.sampled_from(ZONES), st.sampled_from(REGIONS), st.integers(6, 20))
def test_first_draft_is_future_business_day_at_the_hour(
    received: datetime, zone: str, region: str, hour: int
) -> None:
    # Given any receipt time, zone, region and hour, when the first draft is scheduled
    due = first_draft_due(received, zone, region, followup_hour=hour)
    wall = due.astimezone(ZoneInfo(zone))
    # Then it is in the future, on a business day, at the hour, within two weeks
    assert due > received
    assert is_business_day(wall.date(), region)
    assert (wall.hour, wall.minute, wall.second) == (hour, 0, 0)
    assert due - received < timedelta(days=14)
    assert wall.date() not in holidays.country_holidays(*region.split("-"))


NOTES = [
    "Follow up next week", "after March 10", "on Friday", "in 3 days", "end of the month",
    "nächste Woche", "la semaine prochaine", "la próxima semana", "Follow up after May 1, 2025",
    "call tomorrow", "mid-December", "", "no date here",
]


@settings(max_examples=300, deadline=None)
@given(moments, st.sampled_from(ZONES), st.sampled_from(REGIONS), st.sampled_from(NOTES))
def test_note_dates_keep_the_due_time_future_business_and_on_the_hour(
    received: datetime, zone: str, region: str, note: str
) -> None:
    # Given any receipt time and a note with (or without) a requested date
    due = first_draft_due(received, zone, region, followup_hour=9, note_text=note)
    wall = due.astimezone(ZoneInfo(zone))
    # Then the due time is still in the future, on a business day, at the hour
    assert due > received
    assert is_business_day(wall.date(), region)
    assert (wall.hour, wall.minute) == (9, 0)


@settings(max_examples=200, deadline=None)
@given(moments, st.sampled_from(ZONES), st.sampled_from(REGIONS), st.integers(1, 10))
def test_second_draft_is_future_business_day_at_the_hour(
    sent: datetime, zone: str, region: str, days: int
) -> None:
    due = second_draft_due(sent, zone, region, 9, business_days=days)
    wall = due.astimezone(ZoneInfo(zone))
    assert due > sent
    assert is_business_day(wall.date(), region)
    assert (wall.hour, wall.minute) == (9, 0)


@settings(max_examples=200, deadline=None)
@given(moments, st.sampled_from(ZONES), st.integers(0, 6), st.integers(6, 20))
def test_weekly_slot_is_within_a_week_at_the_hour(
    now: datetime, zone: str, weekday: int, hour: int
) -> None:
    slot = next_weekly_slot(now, zone, weekday, hour)
    wall = slot.astimezone(ZoneInfo(zone))
    assert now < slot <= now + timedelta(days=7, hours=1)
    assert (wall.weekday(), wall.hour, wall.minute) == (weekday, hour, 0)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.dates(date(2025, 1, 1), date(2030, 12, 31)))
def test_reading_dates_never_crashes(note: str, today: date) -> None:
    found = requested_followup_date(note, today)
    assert found is None or isinstance(found, date)


def test_folding_drops_marks_only_from_the_non_ascii_runs() -> None:
    import unicodedata

    from assistant.scheduling import _fold

    def whole(text: str) -> str:  # the whole text decomposed, marks dropped
        text = text.lower().replace("\u2019", "'").replace("ß", "ss")
        return "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c))

    for text in ("Follow up next week", "nach dem 10. März, Grüße", "e\u0301te\u0301 ﬁn ①",
                 "próxima semana — l’été", "Ωмега 中文 a\u0323\u0308b", "STRAßE", ""):
        assert _fold(text) == whole(text)
    assert _fold("Próxima SEMANA") == "proxima semana"


def _first_draft_due_stepping(received: datetime, zone: str, region: str, hour: int,
                              now: datetime) -> datetime:
    """The default first draft found by stepping one business day at a time from the day
    after the note (how it was computed before the search started at ``now``'s day)."""
    from assistant.scheduling import at_local_hour, business_day_on_or_after

    tz = ZoneInfo(zone)
    due = at_local_hour(business_day_on_or_after(
        received.astimezone(tz).date() + timedelta(days=1), region), tz, hour)
    while due <= now:
        due = at_local_hour(business_day_on_or_after(
            due.astimezone(tz).date() + timedelta(days=1), region), tz, hour)
    return due


@settings(max_examples=400, deadline=None)
@given(moments, st.sampled_from(ZONES), st.sampled_from(REGIONS), st.integers(0, 23),
       st.integers(0, 60 * 24 * 40))
def test_a_note_read_late_is_due_when_stepping_day_by_day_says(
    received: datetime, zone: str, region: str, hour: int, late_minutes: int
) -> None:
    # Given a note processed up to 40 days after it was written, at any hour of any zone
    now = received + timedelta(minutes=late_minutes)
    # Then the first draft is due when stepping from the day after the note says
    assert first_draft_due(received, zone, region, followup_hour=hour, now=now) == \
        _first_draft_due_stepping(received, zone, region, hour, now)


@pytest.mark.parametrize("zone", ["America/Chicago", "Europe/Berlin", "America/Sao_Paulo",
                                  "Australia/Lord_Howe", "America/Havana", "Asia/Tehran"])
def test_a_note_read_late_across_clock_changes_is_due_as_stepping_says(zone: str) -> None:
    # every hour of the day, notes written around the years' clock changes and read 0-20
    # days later, in zones that switch at midnight, by half an hour, or not at all now
    for start in (utc(2018, 2, 14, 3), utc(2018, 11, 1, 3), utc(2026, 3, 5, 12),
                  utc(2026, 10, 22, 12), utc(2026, 12, 20, 23)):
        for days in range(0, 21, 3):
            for hour in range(24):
                received, now = start, start + timedelta(days=days, hours=hour % 7)
                assert first_draft_due(received, zone, "US", followup_hour=hour, now=now) == \
                    _first_draft_due_stepping(received, zone, "US", hour, now)
