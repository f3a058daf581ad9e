"""Small language-aware pieces the templates cannot easily compute: when the people met, relative
to the day the draft is written, and the placeholder for a promise with no matching resource.

The sentences themselves live in the templates; these are just words.
"""

from __future__ import annotations

import re
from datetime import date

import phonenumbers

_WHEN = {
    "en": ("earlier today", "yesterday", "on {weekday}", "last week", "on {month} {day}",
           "{date}, {year}"),
    "de": ("heute", "gestern", "am {weekday}", "letzte Woche", "am {day}. {month}",
           "{date} {year}"),
    "fr": ("aujourd'hui", "hier", "{weekday}", "la semaine dernière", "le {day} {month}",
           "{date} {year}"),
    "es": ("hoy", "ayer", "el {weekday}", "la semana pasada", "el {day} de {month}",
           "{date} de {year}"),
}
# French writes the first of the month as an ordinal: "le 1er mars".
_FIRST_OF_MONTH = {"fr": "1er"}
_WEEKDAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
}
_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
}
_LINK_TO = {"en": "link to", "de": "Link zu", "fr": "lien vers", "es": "enlace a"}
# Words that make a promise an errand rather than its object: "send her our checklist".
_SEND_VERBS = {"send", "share", "forward", "email", "mail", "schicken", "senden", "schicke",
               "sende", "weiterleiten", "envoyer", "partager", "transmettre", "enviar", "mandar",
               "compartir", "reenviar", "enviarle", "mandarle", "schick", "envoie"}
_ERRAND_WORDS = _SEND_VERBS | {
    "her", "him", "them", "you", "ihr", "ihm", "ihnen", "dir", "lui", "leur", "le", "la", "les",
    "to", "over", "along", "su", "sus",
}
_POSSESSIVES = {"our": "the", "my": "the"}
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DIGIT_RUN = re.compile(r"\+?\d[\d\s()./-]{5,}\d")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def when_met(met_on: date | None, today: date, language: str) -> str:
    """When the people met as seen from ``today``, the day the draft is written: "earlier
    today", "yesterday", "on Tuesday", "last week", "on March 3", "on March 3, 2025" (or the
    language's own); "" when unknown or in the future.

    Weekday names are used up to six days back, where they name one day; "last week" for an
    older day of the previous calendar week (Monday to Sunday, ISO 8601); the date beyond, with
    its year once it is a year old or more (a day and month name the latest such day)."""
    if met_on is None or met_on > today:
        return ""
    today_word, yesterday, weekday, last_week, full, with_year = _WHEN[language]
    days = (today - met_on).days
    if days <= 1:
        return today_word if days == 0 else yesterday
    if days <= 6:
        return weekday.format(weekday=_WEEKDAYS[language].split()[met_on.weekday()])
    if days - today.weekday() <= 7:  # met on or after the Monday of the week before
        return last_week
    month = _MONTHS[language].split()[met_on.month - 1]
    day = _FIRST_OF_MONTH.get(language, "1") if met_on.day == 1 else str(met_on.day)
    written = full.format(month=month, day=day)
    return with_year.format(date=written, year=met_on.year) if days >= 365 else written


def is_send_promise(promise: str) -> bool:
    """Whether a promise is about sending something (then it wants a link)."""
    return bool(set(_words(promise)) & _SEND_VERBS)


def placeholder_for(promise: str, language: str) -> str:
    """The bracketed hole the owner fills: "[link to the migration checklist]" for something to
    send, else the promise itself in brackets ("[intro her to Bob]")."""
    if not is_send_promise(promise):
        return f"[{promise.strip().rstrip('.')}]"
    kept = [_POSSESSIVES.get(word.lower(), word) for word in _words(promise)
            if word.lower() not in _ERRAND_WORDS]
    if language == "en" and kept and kept[0].lower() not in {"the", "a", "an"}:
        kept.insert(0, "the")
    obj = " ".join(kept) or promise.strip()
    return f"[{_LINK_TO[language]} {obj}]"


def without_contact_details(text: str, region: str = "US") -> str:
    """``text`` with email addresses, web links and phone numbers removed: a line about a third
    person goes to someone else, and only that person may give out their details."""
    cleaned = _URL.sub("", _EMAIL.sub("", text))
    for match in reversed(list(phonenumbers.PhoneNumberMatcher(cleaned, region))):
        cleaned = cleaned[: match.start] + cleaned[match.end:]
    # Numbers the matcher did not read in its default region; years ("2015-2020") stay.
    cleaned = _DIGIT_RUN.sub(lambda m: "" if sum(map(str.isdigit, m[0])) >= 9 else m[0], cleaned)
    cleaned = re.sub(r"\([\s,;/]*\)|\[[\s,;/]*\]", "", cleaned)
    return re.sub(r"\s+([,.;:])", r"\1", " ".join(cleaned.split())).strip(" ,;:-–—")


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’+#-]+", text)
