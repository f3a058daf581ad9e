"""The owner's corrections, written in reply to an acknowledgement: which person, which field,
which value.

The acknowledgement lists what was read ("Jane Okafor, CTO at Lumenfield"); the owner answers
in a line or two: ``title: CEO``, ``Jane is CEO now``, ``her email is jane@new.example``,
``Raj's phone: +44 20 7946 0000``, ``company: Lumenfield Robotics, not Lumen``. Each line gives
at most one correction. A line is read only when it clearly names a field (a label in one of
the parser's languages, or "<name> is <a title>"); anything else is left alone and reported as
not understood, so a chatty reply never rewrites a contact. Emails and phones are checked by
their libraries (email-validator, phonenumbers). Pure module: text in, corrections out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import phonenumbers
from email_validator import EmailNotValidError, validate_email

FIELDS = ("name", "title", "company", "email", "phone", "remove")

# Field labels in the parser's languages (English, German, French, Spanish).
_LABELS = {
    "name": r"name|full name|nom|nombre",
    "title": r"title|job title|role|position|job|titel|funktion|stelle|titre|poste|fonction"
             r"|cargo|puesto",
    "company": r"company|employer|firm|organi[sz]ation|org|firma|unternehmen|arbeitgeber"
               r"|soci[ée]t[ée]|entreprise|empresa|compa[ñn][íi]a",
    "email": r"e-?mail(?: address)?|mail|address|adresse|correo(?: electr[óo]nico)?|courriel",
    "phone": r"phone(?: number)?|mobile|cell(?: phone)?|tel\.?|telephone|number|telefon|handy"
             r"|mobil|t[ée]l[ée]phone|portable|tel[ée]fono|m[óo]vil|celular",
}
_FIELD_OF = {re.compile(rf"^(?:{pattern})$", re.IGNORECASE): field
             for field, pattern in _LABELS.items()}
_ANY_LABEL = "|".join(_LABELS.values())
_WHOSE = (r"(?:(?P<who>[\w.'-]+(?: [\w.'-]+)?)(?:'s|’s)"
          r"|his|her|their|the|sein(?:e)?|ihr(?:e)?|son|sa|su)")
# "title: CEO", "Jane's title is CEO", "her email should be x", "Telefon: ...", "Raj: phone ..."
_LABELLED = re.compile(
    rf"^(?:(?P<target>[\w.'-]+(?: [\w.'-]+)?)\s*[:,]\s*)?(?:{_WHOSE}\s+)?"
    rf"(?P<label>{_ANY_LABEL})\s*(?::|=|->|→|is now|is|should be|ist|est|es)\s*(?P<value>.+)$",
    re.IGNORECASE)
# "Jane is CEO now", "she is the CTO at Acme", "Raj is now VP Sales"
_IS_TITLE = re.compile(
    r"^(?P<who>[\w.'-]+(?: [\w.'-]+)?|she|he|they)\s+(?:is|'s|’s)\s+(?:now\s+)?(?:the\s+|an?\s+)?"
    r"(?P<title>.+?)(?:\s+(?:at|of|with|bei|chez|en)\s+(?P<company>.+?))?(?:\s+now)?[.!]?$",
    re.IGNORECASE)
# "CEO, not CTO" and "not CTO but CEO" keep the right half
_NOT_SECOND = re.compile(r"^(?P<value>.+?)\s*[,;(]?\s*(?:not|nicht|pas|no)\s+[^,;)]+\)?$",
                         re.IGNORECASE)
_NOT_FIRST = re.compile(r"^(?:not|nicht|pas|no)\s+[^,;]+?[,;]?\s+(?:but|it's|it is|sondern|mais"
                        r"|sino)\s+(?P<value>.+)$", re.IGNORECASE)
_TITLE_WORDS = re.compile(
    r"\b(?:ceo|cto|cfo|coo|cmo|cio|cpo|vp|svp|evp|president|founder|co-?founder|owner|partner"
    r"|director|head|lead|manager|engineer|chief|officer|principal|consultant|advisor|adviser"
    r"|analyst|architect|designer|developer|scientist|researcher|professor|chair(?:man|woman)?"
    r"|gesch[äa]ftsf[üu]hrer(?:in)?|leiter(?:in)?|inhaber(?:in)?|gr[üu]nder(?:in)?"
    r"|directeur|directrice|fondateur|fondatrice|g[ée]rant(?:e)?|responsable"
    r"|director(?:a)?|gerente|fundador(?:a)?|jefe|jefa)\b", re.IGNORECASE)
_PRONOUNS = {"she", "he", "they", "her", "his", "their", "the"}
# "not a contact", "Raj is not a contact", "Raj: not a contact", "remove Raj", "kein Kontakt"
_NOT_A_CONTACT = re.compile(
    r"^(?:(?P<who>[\w.'-]+(?: [\w.'-]+)?)(?:\s*[:,]\s*|\s+(?:is|ist|n'est|no es)\s+))?"
    r"(?:not a contact|no contact|kein kontakt|pas un contact|no es un contacto|no es contacto"
    r"|pas un contact)[.!]?$"
    r"|^(?:remove|delete|drop|entfernen|l[öo]schen|supprimer|eliminar|borrar)\s+(?P<whom>.+?)[.!]?$",
    re.IGNORECASE)


@dataclass(frozen=True)
class Correction:
    """One field of one person to set: ``person`` is an index into the acknowledged people."""

    person: int
    field: str
    value: str


@dataclass(frozen=True)
class Corrections:
    changes: tuple[Correction, ...]
    unclear: tuple[str, ...]  # lines that named a field but no person or no valid value


def read_corrections(text: str, people: Sequence[str], region: str = "US") -> Corrections:
    """The corrections in the owner's reply ``text`` to an acknowledgement of ``people``
    (their names, in the acknowledgement's order)."""
    changes: list[Correction] = []
    unclear: list[str] = []
    for raw_line in text.splitlines():
        line = raw_line.strip().strip("*-• ").strip()
        if not line:
            continue
        found = (_not_a_contact(line, people) or _labelled(line, people, region)
                 or _is_title(line, people))
        if found is None:
            continue
        if isinstance(found, str):
            unclear.append(found)
        else:
            changes.extend(found)
    return Corrections(tuple(_last_wins(changes)), tuple(unclear))


def _labelled(line: str, people: Sequence[str], region: str) -> list[Correction] | str | None:
    match = _LABELLED.match(line)
    if match is None:
        return None
    field = next((f for pattern, f in _FIELD_OF.items()
                  if pattern.match(match["label"].strip())), None)
    if field is None:
        return None
    who = match["target"] or match["who"]
    person = _person(who, people)
    if person is None:
        return f"{line} (I could not tell whose {field} this is)"
    value = _value(field, match["value"], region)
    if value is None:
        return f"{line} (that does not look like a valid {field})"
    return [Correction(person, field, value)]


def _not_a_contact(line: str, people: Sequence[str]) -> list[Correction] | str | None:
    match = _NOT_A_CONTACT.match(line)
    if match is None:
        return None
    person = _person(match["who"] or match["whom"], people)
    if person is None:
        return f"{line} (I could not tell who is not a contact)"
    return [Correction(person, "remove", "")]


def _is_title(line: str, people: Sequence[str]) -> list[Correction] | None:
    match = _IS_TITLE.match(line)
    if match is None or not _TITLE_WORDS.search(match["title"]):
        return None
    person = _person(match["who"], people)
    if person is None or len(match["title"]) > 80:
        return None
    found = [Correction(person, "title", _right_half(match["title"]))]
    if match["company"]:
        found.append(Correction(person, "company", _right_half(match["company"])))
    return found


def _person(who: str | None, people: Sequence[str]) -> int | None:
    """Whose field: named by first or full name, or the only person acknowledged."""
    if who is None or who.casefold() in _PRONOUNS:
        return 0 if len(people) == 1 else None
    wanted = who.casefold()
    for index, name in enumerate(people):
        forms = {name.casefold(), *(part.casefold() for part in name.split())}
        if wanted in forms:
            return index
    return None


def _value(field: str, text: str, region: str) -> str | None:
    value = _right_half(text.strip().rstrip("."))
    if field == "email":
        found = re.search(r"[^\s<>()\[\],;:]+@[^\s<>()\[\],;:]+", value)
        try:
            return validate_email(found[0].rstrip("."), check_deliverability=False).normalized \
                if found else None
        except EmailNotValidError:
            return None
    if field == "phone":
        for match in phonenumbers.PhoneNumberMatcher(value, region):
            return phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        return None
    value = value.strip(" \"'“”")
    return value if 0 < len(value) <= 120 else None


def _right_half(value: str) -> str:
    """"CEO, not CTO" -> "CEO"; "not CTO but CEO" -> "CEO"; the value itself otherwise."""
    value = value.strip()
    for pattern in (_NOT_FIRST, _NOT_SECOND):
        match = pattern.match(value)
        if match:
            return match["value"].strip().rstrip(",;")
    return re.sub(r"\s+now$", "", value, flags=re.IGNORECASE)


def _last_wins(changes: list[Correction]) -> list[Correction]:
    """One value per person and field: the owner's last word."""
    kept: dict[tuple[int, str], Correction] = {}
    for change in changes:
        kept.pop((change.person, change.field), None)
        kept[(change.person, change.field)] = change
    return list(kept.values())
