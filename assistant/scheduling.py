"""Scheduling rules for the follow-up loop: pure, with the clock and the owner's settings injected.

Every function takes aware datetimes and returns aware UTC datetimes; none reads the clock or
the environment. Local wall-clock arithmetic happens in the owner's IANA time zone through
``zoneinfo`` so daylight-saving transitions land on the right instant: 09:00 in Chicago is
15:00 UTC in winter and 14:00 UTC in summer. Business days skip weekends and the region's public
holidays as the ``holidays`` library knows them (``"DE"``, ``"US-CA"`` for a subdivision).

A date the owner wrote in the note ("follow up next week", "nach dem 10. März") wins over the
default next business morning; :func:`requested_followup_date` reads it (English, German, French,
Spanish).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from dateutil.relativedelta import relativedelta

from assistant.errors import ConfigurationError

log = logging.getLogger(__name__)

MAX_DRAFTS_PER_CONTACT = 2
DEFAULT_FOLLOWUP_HOUR = 9
DEFAULT_SECOND_DRAFT_BUSINESS_DAYS = 4

__all__ = [
    "first_draft_due",
    "second_draft_due",
    "may_draft_again",
    "next_weekly_slot",
    "requested_followup_date",
    "is_business_day",
    "business_day_on_or_after",
    "add_business_days",
    "at_local_hour",
]


def first_draft_due(
    met_at_or_received: datetime,
    owner_tz: str,
    region: str,
    followup_hour: int = DEFAULT_FOLLOWUP_HOUR,
    note_text: str | None = None,
    *,
    now: datetime | None = None,
) -> datetime:
    """When the first follow-up draft is due, as an aware UTC datetime.

    The default is the next business morning after the local day of ``met_at_or_received``: the
    first business day strictly after it, at ``followup_hour`` in ``owner_tz``. A follow-up date
    found in ``note_text`` (read relative to that local day) wins, rolled forward to a business
    day, unless it is not after ``now`` (default: ``met_at_or_received``): then it is ignored.
    The result is always after ``now``.
    """
    _check_aware(met_at_or_received)
    reference = now or met_at_or_received
    _check_aware(reference)
    zone = _zone(owner_tz)
    local_day = met_at_or_received.astimezone(zone).date()
    requested = _requested_due(note_text, local_day, reference, zone, region, followup_hour)
    if requested is not None:
        return requested
    first = local_day + timedelta(days=1)
    if followup_hour <= _LAST_SAME_DAY_HOUR:
        # a note read days late: every day before the reference's own local day is at or
        # before it, so the search starts there (the days the loop below would step over)
        first = max(first, reference.astimezone(zone).date())
    due = at_local_hour(business_day_on_or_after(first, region), zone, followup_hour)
    while due <= reference:  # a note stored late must still be drafted in the future
        due = at_local_hour(business_day_on_or_after(
            due.astimezone(zone).date() + timedelta(days=1), region), zone, followup_hour)
    return due


# Up to this hour, a day's follow-up hour falls on that day even when a clock change skips
# it (it moves an hour later), so each day's instant comes before the next day's
_LAST_SAME_DAY_HOUR = 22


def second_draft_due(
    sent_at: datetime,
    owner_tz: str,
    region: str,
    followup_hour: int = DEFAULT_FOLLOWUP_HOUR,
    business_days: int = DEFAULT_SECOND_DRAFT_BUSINESS_DAYS,
) -> datetime:
    """When the double follow-up is due: ``business_days`` business days after the local day of
    ``sent_at``, at ``followup_hour`` in ``owner_tz`` (aware UTC)."""
    _check_aware(sent_at)
    if business_days < 1:
        raise ValueError(f"business_days must be at least 1, not {business_days}")
    zone = _zone(owner_tz)
    day = add_business_days(sent_at.astimezone(zone).date(), business_days, region)
    return at_local_hour(day, zone, followup_hour)


def may_draft_again(drafts_so_far: int, owner_asked_more: bool = False) -> bool:
    """Whether another draft may be written for a contact: at most two unless the owner asks."""
    return owner_asked_more or drafts_so_far < MAX_DRAFTS_PER_CONTACT


def next_weekly_slot(now: datetime, owner_tz: str, weekday: int, hour: int) -> datetime:
    """The next instant strictly after ``now`` that is ``weekday`` (Monday = 0) at ``hour``:00
    on the owner's wall clock, as aware UTC."""
    _check_aware(now)
    if not 0 <= weekday <= 6:
        raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), not {weekday}")
    zone = _zone(owner_tz)
    today = now.astimezone(zone).date()
    day = today + timedelta(days=(weekday - today.weekday()) % 7)
    slot = at_local_hour(day, zone, hour)
    return slot if slot > now else at_local_hour(day + timedelta(days=7), zone, hour)


def is_business_day(day: date, region: str) -> bool:
    """True on Monday to Friday unless the region has a public holiday that day."""
    return day.weekday() < 5 and day not in _holidays_for(region)


def business_day_on_or_after(day: date, region: str) -> date:
    """The first business day on or after ``day``."""
    while not is_business_day(day, region):
        day += timedelta(days=1)
    return day


def add_business_days(day: date, count: int, region: str) -> date:
    """The business day ``count`` business days after ``day`` (``day`` itself not counted)."""
    for _ in range(count):
        day = business_day_on_or_after(day + timedelta(days=1), region)
    return day


def at_local_hour(day: date, zone: ZoneInfo, hour: int) -> datetime:
    """``day`` at ``hour``:00 on the wall clock of ``zone``, as aware UTC.

    An hour skipped by a spring-forward transition resolves, as zoneinfo does with ``fold=0``,
    to the instant one wall-clock hour later; an hour repeated in autumn takes its first
    occurrence. Neither can happen on a business day in zones that switch on Sundays.
    """
    if not 0 <= hour <= 23:
        raise ValueError(f"hour must be 0 to 23, not {hour}")
    return datetime.combine(day, time(hour), tzinfo=zone).astimezone(UTC)


def _requested_due(
    note_text: str | None, written_on: date, reference: datetime, zone: ZoneInfo, region: str,
    hour: int,
) -> datetime | None:
    # "next week" is relative to the day the owner wrote the note, not to when it is processed.
    if not note_text:
        return None
    requested = requested_followup_date(note_text, written_on)
    if requested is None:
        return None
    due = at_local_hour(business_day_on_or_after(requested, region), zone, hour)
    if due <= reference:
        log.info("ignoring a follow-up date from the note that is already past: %s", requested)
        return None
    return due


def _check_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("datetimes must be timezone-aware (UTC from the store)")


def _zone(owner_tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(owner_tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigurationError(f"unknown time zone {owner_tz!r} (use an IANA name)") from exc


@lru_cache(maxsize=64)
def _holidays_for(region: str) -> holidays.HolidayBase:
    country, _, subdivision = region.strip().upper().partition("-")
    try:
        # The object expands to each year it is asked about, so one per region is enough.
        return holidays.country_holidays(country, subdiv=subdivision or None)
    except NotImplementedError as exc:
        raise ConfigurationError(
            f"unknown holiday region {region!r} (use an ISO country code, e.g. 'DE' or 'US-CA')"
        ) from exc


# --- Reading a requested follow-up date from the owner's note --------------------------------
# Text is lower-cased and accent-folded first ("März" -> "marz", "próxima" -> "proxima"), so
# each table lists plain-ASCII spellings. Weekday and bare dates count only in a sentence that
# talks about following up ("Met her on Tuesday" is the past); forward phrases count anywhere.

_MONTHS = (
    "january jan januar janner janvier janv enero", "february feb februar fevrier fevr febrero",
    "march mar marz maerz mars marzo", "april apr avril abril", "may mai mayo",
    "june jun juni juin junio", "july jul juli juillet julio", "august aug aout agosto",
    "september sep sept septembre septiembre setiembre", "october oct oktober okt octobre octubre",
    "november nov novembre noviembre", "december dec dezember dez decembre diciembre",
)
_WEEKDAYS = (
    "monday montag lundi lunes", "tuesday dienstag mardi martes",
    "wednesday mittwoch mercredi miercoles", "thursday donnerstag jeudi jueves",
    "friday freitag vendredi viernes", "saturday samstag sonnabend samedi sabado",
    "sunday sonntag dimanche domingo",
)
_NUMBERS = {
    1: "a an one ein eine einer einem einen un une una uno", 2: "two zwei deux dos couple",
    3: "three drei trois tres few paar quelques unos algunos", 4: "four vier quatre cuatro",
    5: "five funf fuenf cinq cinco", 6: "six sechs seis", 7: "seven sieben sept siete",
    8: "eight acht huit ocho", 9: "nine neun neuf nueve", 10: "ten zehn dix diez",
}
_UNITS = {
    1: r"days?|tag(?:e|en)?|jours?|dias?", 7: r"weeks?|woche(?:n)?|semaines?|semanas?",
    14: r"fortnights?", 30: r"months?|monat(?:e|en)?|mois|mes(?:es)?",
}


def _lookup(rows: tuple[str, ...], start: int) -> dict[str, int]:
    return {word: index for index, row in enumerate(rows, start) for word in row.split()}


_MONTH_OF = _lookup(_MONTHS, 1)
_WEEKDAY_OF = _lookup(_WEEKDAYS, 0)
_NUMBER_OF = {word: n for n, row in _NUMBERS.items() for word in row.split()}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_M = rf"(?P<month>{_alternation(_MONTH_OF)})\b\.?"
_YEAR = r"(?:,?\s+(?:de\s+)?(?P<year>\d{4}))?"
_AFTER = r"after|past|post|nach dem|nach|apres le|apres|despues del|despues de|until|till|"
_AFTER += r"bis zum|bis|jusqu'au|jusqu'a|hasta el|hasta"
_FROM = r"from|starting|beginning|ab dem|ab|a partir du|a partir de|des le|a partir del"
_PREFIX = rf"(?:\b(?P<prefix>{_AFTER}|{_FROM}|on|am|le|el|for)\s+(?:the\s+)?)?"
_DATE_FORMS = (
    rf"\b{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR}",
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?{_M}{_YEAR}",
    r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b",
    r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})?",
)
_NEXT_WEEK = r"next week|(?:nachste|naechste|kommende)[nr]? woche|semaine prochaine|"
_NEXT_WEEK += r"proxima semana|semana que viene|semana proxima"
_NEXT_MONTH = r"next month|(?:nachste|naechste|kommende)[nm]? monat|mois prochain|"
_NEXT_MONTH += r"proximo mes|mes que viene|mes proximo"
_MONTH_END = r"end of (?:the |this )?month|month[- ]end|ende (?:des |diese[sn] )?monats|"
_MONTH_END += r"monatsende|ende monat|fin (?:du|de ce) mois|fin de(?:l)? mes|finales de(?:l)? mes"
_PART_OF_MONTH = {
    "end": r"(?:the )?end of|ende|fin(?: de)?|a fin(?:es)? de|finales de",
    "mid": r"mid-?|middle of|mitte|mi-|mediados de",
    "early": r"early|beginning of|anfang|debut|principios de",
}
_IN_N = r"\b(?:in|within|after|dans|en|dentro de|innerhalb von|nach|apres|despues de)\s+"
_IN_N += r"(?:a\s+|ein\s+)?(?P<n>\d{1,3}|" + _alternation(_NUMBER_OF) + r")\s+(?:of\s+)?"
_IN_N += r"(?P<unit>" + "|".join(rf"(?P<u{days}>{unit})" for days, unit in _UNITS.items()) + r")\b"
_WEEKDAY = r"\b(?:(?:on|am|le|el|next|this|coming|nachsten|naechsten|kommenden|diesen|ce|"
_WEEKDAY += rf"proximo|este)\s+)?(?P<weekday>{_alternation(_WEEKDAY_OF)})\b"
_TOMORROW = r"(?P<two>day after tomorrow|ubermorgen|uebermorgen|apres-demain|apres demain|"
_TOMORROW += r"pasado manana)|tomorrow|(?<!guten )\bmorgen\b|demain|(?<!la )\bmanana\b"
_CUE = re.compile(
    r"\b(?:follow|ping|reach out|get back|touch base|circle back|check in|writ|e-?mail|mail|"
    r"contact|call|remind|send|nachfass|nachhak|meld|schreib|kontakt|erinner|anruf|ruf|schick|"
    r"relanc|recontact|ecri|rappel|suivi|envoy|seguimiento|escrib|record|llam|retom|envi)"
)
_SENTENCE_END = re.compile(r"(?<=[^\d][.!?])\s+|\n+")

_Found = tuple[date | None, bool]  # (the date, whether it counts outside a follow-up sentence)


def requested_followup_date(note_text: str, today: date) -> date | None:
    """The follow-up date the owner asked for in ``note_text``, or None.

    ``today`` is the owner's local date when the note arrived. Returns the earliest day the
    follow-up may go out (callers roll it forward to a business day): "next week" -> next
    Monday; "after March 10" / "nach dem 10. März" -> March 11; "from March 10" -> March 10;
    "on Friday" / "next Friday" -> the next Friday after today; "in 3 days" / "in zwei Wochen"
    -> today plus that; "end of the month" -> its last weekday; "mid-March" -> March 15;
    "next month" -> its first day; "tomorrow" -> today + 1. A day and month without a year
    means the next such day, unless it was at most 60 days ago: then it is returned as written
    (past) so the caller can ignore it. The first phrase in the first sentence about following
    up wins; weekday and bare dates count only in such a sentence.
    """
    sentences = [s for s in _SENTENCE_END.split(_fold(note_text)) if s.strip()]
    for sentence in (s for s in sentences if _CUE.search(s)):
        if (found := _first_date(sentence, today, weak_ok=True)) is not None:
            return found
    for sentence in sentences:
        if (found := _first_date(sentence, today, weak_ok=False)) is not None:
            return found
    return None


def _first_date(sentence: str, today: date, *, weak_ok: bool) -> date | None:
    candidates: list[tuple[int, int, date]] = []
    for pattern, resolve in _RULES:
        for match in pattern.finditer(sentence):
            day, strong = resolve(match, today)
            if day is not None and (strong or weak_ok):
                candidates.append((match.start(), match.start() - match.end(), day))
    return min(candidates)[2] if candidates else None


def _fold(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("ß", "ss")
    if text.isascii():  # most notes: nothing to decompose or drop
        return text
    # Only the runs of non-ASCII characters change (NFKD leaves ASCII as it is, and never
    # reorders marks across an ASCII character); each distinct run is folded once.
    return _NON_ASCII.sub(_fold_run, text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_run(match: re.Match[str]) -> str:
    return _folded(match.group())


@lru_cache(maxsize=1024)
def _folded(run: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", run) if not unicodedata.combining(c))


def _on_date(match: re.Match[str], today: date) -> _Found:
    month = match["month"]
    number = int(month) if month.isdigit() else _MONTH_OF[month]
    year = int(match["year"]) if match["year"] else None
    day = _resolve_day(today, number, int(match["day"]), year)
    prefix = match["prefix"]
    if day is None or prefix is None or prefix in {"on", "am", "le", "el", "for"}:
        return day, False
    return (day + timedelta(days=1) if re.fullmatch(_AFTER, prefix) else day), True


def _resolve_day(today: date, month: int, day: int, year: int | None) -> date | None:
    try:
        candidate = date(year or today.year, month, day)
    except ValueError:
        return None
    if year is None and (today - candidate).days > 60:
        return candidate.replace(year=today.year + 1) if (month, day) != (2, 29) else None
    return candidate


def _in_n(match: re.Match[str], today: date) -> _Found:
    count = match["n"]
    number = int(count) if count.isdigit() else _NUMBER_OF[count]
    unit_days = next(days for days in _UNITS if match[f"u{days}"])
    if unit_days == 30:
        return today + relativedelta(months=number), True
    return today + timedelta(days=number * unit_days), True


def _part_of_month(match: re.Match[str], today: date) -> _Found:
    first = _resolve_day(today, _MONTH_OF[match["month"]], 1, None)
    if first is None or match["early"]:
        return first, True
    return (first + timedelta(days=14) if match["mid"] else _last_weekday(first)), True


def _last_weekday(any_day: date) -> date:
    day: date = any_day + relativedelta(day=31)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _month_end(match: re.Match[str], today: date) -> _Found:
    end = _last_weekday(today)
    return (end if end >= today else _last_weekday(today + relativedelta(months=1))), True


def _weekday(match: re.Match[str], today: date) -> _Found:
    ahead = (_WEEKDAY_OF[match["weekday"]] - today.weekday()) % 7 or 7
    return today + timedelta(days=ahead), False


def _tomorrow(match: re.Match[str], today: date) -> _Found:
    return today + timedelta(days=2 if match["two"] else 1), False


_Resolver = Callable[[re.Match[str], date], _Found]
_RULES: tuple[tuple[re.Pattern[str], _Resolver], ...] = (
    *((re.compile(_PREFIX + form), _on_date) for form in _DATE_FORMS),
    (re.compile(rf"\b(?:{_NEXT_WEEK})\b"),
     lambda m, today: (today + timedelta(days=7 - today.weekday()), True)),
    (re.compile(rf"\b(?:{_NEXT_MONTH})\b"),
     lambda m, today: (today + relativedelta(months=1, day=1), True)),
    (re.compile(rf"\b(?:{_MONTH_END})\b"), _month_end),
    (re.compile(r"\b(?:" + "|".join(rf"(?P<{name}>{words})" for name, words in
                _PART_OF_MONTH.items()) + rf")\s*{_M}"), _part_of_month),
    (re.compile(_IN_N), _in_n),
    (re.compile(_WEEKDAY), _weekday),
    (re.compile(rf"\b(?:{_TOMORROW})\b"), _tomorrow),
)
