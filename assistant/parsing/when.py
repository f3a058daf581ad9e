"""When the owner met the people of a note: a day in the owner's own words, else the day they
wrote it (its Date header), never the day the assistant happened to read it.

The words are read in English, German, French and Spanish the way the scheduler reads a
requested follow-up date (lower-cased, accent-folded text against plain-ASCII word tables); the
phrases found ("yesterday", "last Tuesday", "on the 3rd", "am Dienstag", "hier", "ayer",
"le 3", "vor drei Tagen") are turned into dates by ``dateparser`` relative to the moment the
note was written, in the owner's time zone. A phrase counts only in a sentence that tells of
meeting someone, never in a clause that asks for a follow-up (the scheduler's phrases), and
never when it falls after the note was written.

Pure: no clock, no I/O; the moment of writing and the time zone are arguments.
"""

from __future__ import annotations

import email.message
import email.utils
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from assistant.parsing.context import tells_meeting
from assistant.scheduling import _CUE as _FOLLOW_UP_CUE  # the scheduler's own cue words
from assistant.scheduling import _fold, requested_followup_date

__all__ = ["meeting_day", "note_written_at"]

# A hostile note full of date words costs at most this many dateparser calls.
MAX_RESOLVED = 8
# "on the 28th" written on the 24th is last month's 28th only when that is this recent: a
# meeting weeks ago is rarely named by its day alone, a day ahead often is ("her talk is on").
DAY_ONLY_REACH = 14
# As the context reader does: a day and its meeting sit well within a sentence's start.
SENTENCE_CHARS = 600

# --- Phrases worth handing to dateparser -------------------------------------------------------
# Spellings the scheduler folds to ("März" -> "marz"); each phrase is rewritten to one that
# dateparser knows (it reads "3 march" and "tuesday", not "3. maerz" or "el martes pasado").

_MONTHS = (
    "january jan januar janner janvier janv enero ene",
    "february feb februar fevrier fevr fev febrero",
    "march mar marz maerz mars marzo", "april apr avril avr abril abr", "may mai mayo",
    "june jun juni juin junio", "july jul juli juillet juil julio", "august aug aout agosto",
    "september sep sept septembre septiembre setiembre", "october oct oktober okt octobre octubre",
    "november nov novembre noviembre", "december dec dez dezember decembre diciembre dic",
)
_WEEKDAYS = {
    "en": "monday tuesday wednesday thursday friday saturday sunday",
    "de": "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "es": "lunes martes miercoles jueves viernes sabado domingo",
}
_MONTH_OF = {word: n for n, row in enumerate(_MONTHS, 1) for word in row.split()}
_WEEKDAY_OF = {word: n for names in _WEEKDAYS.values() for n, word in enumerate(names.split())}
_SPANISH_WEEKDAYS = set(_WEEKDAYS["es"].split())
_ENGLISH = ("january february march april may june july august september october november "
            "december").split()
_ENGLISH_DAYS = _WEEKDAYS["en"].split()

# Relative days; the phrase dateparser knows when it is not the phrase itself.
_RELATIVE = {
    "the day before yesterday": None, "day before yesterday": None, "yesterday": None,
    "last night": None, "earlier today": "today", "this morning": "today", "today": None,
    "last week": None,
    "vorgestern": None, "gestern": None, "heute": None, "letzte woche": None,
    "vergangene woche": "letzte woche", "vorige woche": "letzte woche",
    "avant-hier": None, "avant hier": "avant-hier", "hier": None, "aujourd'hui": None,
    "ce matin": "aujourd'hui", "la semaine derniere": None,
    "la semaine passee": "la semaine derniere",
    "anteayer": None, "antier": "anteayer", "antes de ayer": "anteayer", "anoche": "ayer",
    "ayer": None, "hoy": None, "esta manana": "hoy", "la semana pasada": None,
    "la semana anterior": "la semana pasada",
}
# "hier" is also German for "here": it means yesterday only in a French sentence.
_FRENCH = re.compile(r"\b(?:j'|je|nous|on|elle|il|ils|elles|au|aux|lors|avec|chez|"
                     r"rencontre\w*|croise\w*|vue?s?)\b")


def _words(words: Iterable[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_MONTH = rf"(?:{_words(_MONTH_OF)})\b\.?"
_WEEKDAY = _words(_WEEKDAY_OF)
_CANDIDATE = re.compile(
    rf"\b(?:(?P<relative>{_words(_RELATIVE)})\b"
    # "3 days ago", "vor drei Tagen", "il y a 2 jours", "hace 2 días"
    r"|(?P<ago>(?:\d{1,2}|[a-z]+)\s+(?:days?|weeks?)\s+ago"
    r"|vor\s+(?:\d{1,2}|[a-z]+)\s+(?:tag|tagen|woche|wochen)"
    r"|il y a\s+(?:\d{1,2}|[a-z]+)\s+(?:jours?|semaines?)"
    r"|hace\s+(?:\d{1,2}|[a-z]+)\s+(?:dias?|semanas?))\b"
    # "March 3", "3 March", "3rd of March", "3. März", "le 1er mars", "el 3 de marzo de 2026"
    rf"|(?:(?:on|am|le|el|the)\s+(?:the\s+)?)?(?:(?P<day>{_DAY})(?:st|nd|rd|th|er|o|\.)?\s+"
    rf"(?:of\s+|de\s+)?(?P<month>{_MONTH})|(?P<month2>{_MONTH})\s+(?P<day2>{_DAY})"
    r"(?:st|nd|rd|th)?\b)(?:,?\s+(?:de\s+)?(?P<year>\d{4})\b)?"
    # "2026-11-20", "20.11.2026", "am 20.11."
    r"|(?P<iso>\d{4}-\d{2}-\d{2})\b"
    rf"|(?P<on>(?:am|le|el|on)\s+)?(?P<nday>{_DAY})\.(?P<nmonth>1[0-2]|0?[1-9])\."
    r"(?P<nyear>\d{4}\b)?"
    # "on Tuesday", "last Tuesday", "am Dienstagabend", "mardi dernier", "el martes pasado"
    r"|(?P<before>this past|last|past|on|am|letzten|vergangenen|vorigen|le|el pasado|el)?\s*"
    rf"\b(?P<weekday>{_WEEKDAY})(?:abend|morgen|nachmittag|vormittag|mittag)?\b"
    r"(?P<after>\s+(?:dernier|passe|pasado))?"
    # "on the 3rd", "am 3.", "le 3", "el 3", "el día 3": not "on the 3rd floor"
    rf"|(?:on the|am|le|el dia|el)\s+(?P<dayonly>{_DAY})(?:st|nd|rd|th|er|e|o|\.)?"
    rf"(?!\s*\.?\s*(?:of\s+|de\s+)?{_MONTH})"
    r"(?=\s*(?:$|[,;:!?()]|\.(?!\d)|\s(?:at|in|during|with|bei|beim|auf|im|mit|au|aux|a|"
    r"lors|avec|chez|en|durante|con)\b)))"
)
# A weekday that may be ahead: "this Friday", "nächsten Dienstag", "ce mardi", "el martes que
# viene".
_AHEAD_BEFORE = re.compile(r"\b(?:next|this|coming|upcoming|nachste[nm]?|naechste[nm]?|"
                           r"kommende[nm]?|diese[nm]?|ce|este|proximo|el proximo)\s*$")
_AHEAD_AFTER = re.compile(r"^\s+(?:prochain|que viene|proximo)\b")
# A clause about the future: a day in it may be ahead, whatever the word.
_FUTURE = re.compile(r"\b(?:will|going to|gonna|shall|next|upcoming|werde|werden|wird|"
                     r"nachste\w*|naechste\w*|kommende\w*|vais|va|allons|vont|prochaine?s?|"
                     r"voy a|vamos a|van a|proxim[oa]s?)\b|'ll\b")

_SENTENCE_END = re.compile(r"(?<=[^\d][.!?])\s+|\n+")
_CLAUSE_END = re.compile(r";|,\s(?!\d)|\s[-–—]\s|\s(?:and|but|then|so|und|aber|dann|et|mais|"
                         r"puis|y|pero|luego)\s", re.IGNORECASE)


def note_written_at(headers: email.message.Message, arrived_at: datetime) -> datetime:
    """When the owner wrote the note: its Date header (RFC 5322 section 3.6.1: when the writer
    finished it), unless it is missing, unreadable or later than the arrival (a wrong clock);
    else the arrival. A zone of "-0000" is read as UTC (RFC 5322 section 3.3)."""
    value = next((v for k, v in headers.raw_items() if k.lower() == "date"), None)
    try:
        written = email.utils.parsedate_to_datetime(str(value)) if value is not None else None
    except (ValueError, TypeError, IndexError, OverflowError):
        written = None
    if written is None:
        return arrived_at
    if written.tzinfo is None:
        written = written.replace(tzinfo=UTC)
    return min(written, arrived_at)


def meeting_day(words: str, written_at: datetime | None, timezone: str) -> date | None:
    """The owner's local date of the meeting the note tells of.

    ``words`` are the owner's own (the note without quotes, forwards or signature);
    ``written_at`` is when they wrote them (:func:`note_written_at`). The first day in a sentence
    that tells of meeting someone wins ("met her yesterday", "last Tuesday at the summit", "on
    the 3rd", "am Dienstag", "hier", "ayer", "le 3"), read relative to ``written_at`` in the
    owner's zone; a day after it, and any day in a follow-up instruction ("follow up next week",
    "after March 10"), is ignored. Without one, the local date of ``written_at``; None when
    ``written_at`` is None.
    """
    if written_at is None:
        return None
    written = written_at.astimezone(ZoneInfo(timezone)).replace(tzinfo=None)
    found = _first_day(words, written)
    return found if found is not None else written.date()


def _first_day(words: str, written: datetime) -> date | None:
    tries = 0
    for whole in _SENTENCE_END.split(words):
        sentence = whole[:SENTENCE_CHARS]
        folded = _fold(sentence)
        if not _CANDIDATE.search(folded) or not tells_meeting(sentence):
            continue  # the cheap test first: most sentences name no day at all
        french = bool(_FRENCH.search(folded))
        for clause in _CLAUSE_END.split(sentence):
            if _asks_follow_up(clause, written.date()):
                continue
            text = _fold(clause)
            # A day that may lie ahead ("on Friday", "on the 3rd", "March 3") counts only in a
            # clause that itself tells of meeting, in the past: not in "her talk is on the
            # 28th", "she speaks on Friday at the expo" or "I'll see her on Friday".
            past_meeting = tells_meeting(clause, in_words=True) and not _FUTURE.search(text)
            for match in _CANDIDATE.finditer(text):
                phrase, certain = _phrase(match, text, french)
                if phrase is None or not (certain or past_meeting):
                    continue
                if tries == MAX_RESOLVED:
                    return None
                tries += 1
                day = _resolve(phrase, written, day_only=match["dayonly"] is not None)
                if day is not None:
                    return day
    return None


def _asks_follow_up(clause: str, today: date) -> bool:
    """Whether a clause asks for a follow-up: a date the scheduler reads in it ("follow up next
    week", "after March 10"), or its cue words without a word of meeting ("call her on the
    3rd")."""
    if requested_followup_date(clause, today) is not None:
        return True
    return bool(_FOLLOW_UP_CUE.search(_fold(clause))) and not tells_meeting(clause)


def _phrase(match: re.Match[str], text: str, french: bool) -> tuple[str | None, bool]:
    """What dateparser is asked to read for a candidate (None: it does not count), and whether
    the phrase can only mean the past or a given day ("yesterday", "last Tuesday", "3 March
    2026") rather than a day that may lie ahead ("on Friday", "on the 3rd", "March 3")."""
    if match["relative"]:
        word = match["relative"]
        if word == "hier" and not french:
            return None, True
        return _RELATIVE[word] or word, True
    if match["ago"]:
        return match["ago"], True
    if match["iso"]:
        return match["iso"], True
    if match["nday"]:  # "3.11." alone may be a version: without a year only "am 3.11."
        if not (match["nyear"] or match["on"]):
            return None, True
        month = _ENGLISH[int(match["nmonth"]) - 1]
        return _day_month(match["nday"], month, match["nyear"]), bool(match["nyear"])
    if match["month"] or match["month2"]:
        month = _ENGLISH[_MONTH_OF[(match["month"] or match["month2"]).rstrip(".")] - 1]
        return _day_month(match["day"] or match["day2"], month, match["year"]), bool(match["year"])
    if match["weekday"]:
        past = match["before"] not in {None, "on", "am", "le", "el"} or bool(match["after"])
        return _weekday(match, text), past
    return str(int(match["dayonly"])), False


def _day_month(day: str, month: str, year: str | None) -> str:
    return f"{int(day)} {month} {year}" if year else f"{int(day)} {month}"


def _weekday(match: re.Match[str], text: str) -> str | None:
    word, before = match["weekday"], match["before"]
    if _AHEAD_AFTER.match(text[match.end():]):
        return None
    if not before and _AHEAD_BEFORE.search(text[:match.start("weekday")]):
        return None
    # Spanish names a past weekday with its article ("el martes"); "Domingo" alone is a name.
    if word in _SPANISH_WEEKDAYS and not (before in {"el", "el pasado"} or match["after"]):
        return None
    return _ENGLISH_DAYS[_WEEKDAY_OF[word]]


def _resolve(phrase: str, written: datetime, *, day_only: bool) -> date | None:
    """The day ``phrase`` means as seen at ``written`` (naive, the owner's wall clock).

    A bare day of the month is read in the month of writing, else the month before, and so on:
    dateparser reads "3" as this month's 3rd even when that is still ahead, and finds no 31st in
    a month of 30 days. Nothing after ``written`` is returned."""
    for months_back in range(3 if day_only else 1):
        base = written - relativedelta(months=months_back)
        parsed = _parser(base).get_date_data(phrase)
        if parsed.date_obj is None or parsed.period not in {"day", "week"}:
            continue
        day: date = parsed.date_obj.date()
        days_ago = (written.date() - day).days
        if parsed.period == "week" and days_ago > 7:
            return None  # "two weeks ago" names no day; the note's own day is closer to true
        if 0 <= days_ago and (months_back == 0 or days_ago <= DAY_ONLY_REACH):
            return day
    return None


def _parser(base: datetime) -> Any:  # dateparser ships no type hints
    # Imported on first use: it costs ~50 ms to import and ~150 ms to load its languages, which
    # only a note that names a day should pay.
    from dateparser import DateDataParser

    return DateDataParser(languages=["en", "de", "fr", "es"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY",
        "PARSERS": ["relative-time", "absolute-time"], "RETURN_AS_TIMEZONE_AWARE": False})
