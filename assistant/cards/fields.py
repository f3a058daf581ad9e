"""A business card's lines read as one contact: name, title, company, emails, phones, links.

This is the seam between OCR and understanding: :func:`read_card` takes lines with the
engine's confidence (whatever engine read them) and returns the fields, each value read from
a line whose confidence is known, so doubtful values are told to the owner, not stored
silently. The emails, phones and URLs go through the same readers as typed notes
(``email-validator``, ``phonenumbers``); a phone's label (T, M, Cell, Tel., Mob., Fax) says
what it is, and a fax number is never the contact's phone.

Pure module: no I/O (the given-names list is read once from the installed package).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from difflib import get_close_matches
from statistics import median

from assistant.cards.emails import bare_domains, repair_emails
from assistant.cards.lines import OcrLine, clean_text
from assistant.cards.names import fold, is_given_name
from assistant.cards.words import is_common_word, split_run_words
from assistant.parsing.contacts import find_emails, find_phones, find_urls, is_title_phrase
from assistant.parsing.labeller import read_block

DOUBTFUL = 0.80  # a value read from a line below this confidence is shown as "check it"
LOGO_HEIGHTS = 1.4  # a line this many times the card's usual print height is a logo's

_FAX = r"fax|fx|f|telefax|t[ée]l[ée]copie|facsimile"
_MOBILE = r"mobile|mobil|mob|m|cell(?:ular)?|cel|c|handy|portable|port|gsm|m[óo]vil|celular|hp"
_PHONE = (r"tel|t[ée]l|t|phone|ph|p|office|off|o|direct|dir|d|main|work|w|telefon|fon|"
          r"t[ée]l[ée]phone|tel[ée]fono|fijo|switchboard|desk|b|ext")
_LABEL = re.compile(rf"(?i)(?<![\w@.])(?P<label>{_FAX}|{_MOBILE}|{_PHONE})\b\.?\s*[:.]?\s*$")
_FAX_RE = re.compile(rf"(?i)^(?:{_FAX})$")
_MOBILE_RE = re.compile(rf"(?i)^(?:{_MOBILE})$")
_DIGIT_RUN = re.compile(r"[+(]?[\dOoIl][\d\sOoIl().\-/]{6,}[\dOoIl]")
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1"})
_EMAIL_SPACES = re.compile(r"\s*@\s*")
_EMAIL_LABEL = re.compile(r"(?i)\be-?mail\s*[:.]?\s*")
_DEGREES = re.compile(
    r"(?i)(?:,?\s*\b(?:ph\.?\s?d|d\.?m\.?d|d\.?d\.?s|m\.?d|mba|m\.?sc|b\.?sc|esq|cpa|p\.?e|dipl\.?-?\s?ing|"
    r"dr|prof|mr|mrs|ms|mme|m|sr|jr)\.?)+\s*$|^(?:(?:dr|prof|mr|mrs|ms|mme|dipl\.?-?\s?ing)\.?\s+)+")
_PARTICLES = {"van", "von", "de", "da", "del", "della", "di", "du", "der", "den", "ter", "la",
              "le", "bin", "al", "el", "dos", "das", "y"}
_NAME_WORD = re.compile(r"^(?:[^\W\d_][^\W\d_'’\-]*(?:[-'’][^\W\d_]+)*|[^\W\d_]\.)$")
_ADDRESS = re.compile(
    r"(?i)\b(?:street|st\.|avenue|ave\.?|road|rd\.?|blvd|boulevard|bd|suite|ste\.?|floor|fl\.|"
    r"drive|dr\.|lane|way|plaza|building|bldg|p\.?o\.? box|straße|strasse|str\.|platz|weg|rue|"
    r"allée|chemin|calle|avenida|plaza|piso|cedex|zip|road)\b|\b\d{5}(?:-\d{4})?\b|"
    r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b|\b[A-Z]{2}\s+\d{5}\b")
_COMPANY_WORDS = re.compile(
    r"(?i)\b(?:inc|llc|ltd|limited|gmbh|ag|sa|s\.a|sas|sarl|s\.l|bv|b\.v|nv|plc|corp|"
    r"corporation|company|co|group|groupe|grupo|holdings?|bank|university|universit[äéy]|"
    r"universidad|institute|institut|laborator(?:y|ies)|labs?|partners|associates|consulting|"
    r"solutions|technolog(?:y|ies)|systems|international|foundation|hotels?|restaurant|grill|"
    r"caf[ée]|studio|agency|ventures|capital|school|college|hospital|clinic|center|centre|"
    r"services|industries|communications|media|network|networks|software|pharma|motors)\b\.?")
_NOT_NAME = re.compile(
    r"(?i)\b(?:the|and|of|for|your|our|with|www|http|inc|llc|ltd|gmbh|tel|fax|phone|mobile|"
    r"email|e-mail|web|office|street|road|avenue|suite|department|division|unit|management)\b")
_PLACE = re.compile(r",\s*[A-Z]{2,3}$")  # "Cambridge, UK", "Austin, TX"
_CARD_TITLE_WORDS = {
    "researcher", "representative", "member", "chef", "apprentice", "intern", "student",
    "agent", "broker", "realtor", "owner", "secretary", "treasurer", "trustee", "fellow",
    "scientist", "technician", "administrator", "supervisor", "superintendent", "dean",
    "chair", "chairman", "president", "vice", "director", "manager", "engineer", "professor",
    "lecturer", "editor", "writer", "photographer", "artist", "teacher", "nurse", "physician",
    "pharmacist", "dentist", "surgeon", "lawyer", "attorney", "paralegal", "accountant",
    "auditor", "banker", "planner", "advisor", "adviser", "counselor", "therapist", "coach",
    "trainer", "instructor", "curator", "librarian", "producer", "officer", "executive",
    "ceo", "cto", "cfo", "coo", "founder", "co-founder", "partner", "principal", "associate",
    "consultant", "specialist", "coordinator", "assistant", "analyst", "architect", "designer",
    "developer", "programmer", "sales", "marketing", "leader", "head", "chief", "vp",
    "in-chief", "gérant", "directeur", "directrice", "ingénieur", "ingenieur", "geschäftsführer",
    "leiter", "leiterin", "gerente", "directora", "jefe", "responsable", "minister",
    "scholar", "candidate", "graduate", "postdoc", "post-doc", "ambassador", "attaché",
    "commissioner", "secretary-general", "mayor", "councillor", "senator", "judge",
}


_LONG_TITLE_WORDS = sorted(w for w in _CARD_TITLE_WORDS if len(w) >= 8)


@dataclass(frozen=True)
class CardReading:
    """The fields read from one card; ``doubtful`` names (field, value) pairs read from a line
    the engine was unsure of. ``phones`` never holds a fax number; the main phone is first."""

    name: str | None = None
    title: str | None = None
    company: str | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    faxes: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    address: str | None = None
    doubtful: tuple[tuple[str, str], ...] = ()
    lines: tuple[str, ...] = field(default=(), repr=False)

    @property
    def is_person(self) -> bool:
        return bool(self.name or self.emails)


@dataclass
class _Found:
    """Values as they are found, with the confidence of the line each came from."""

    emails: dict[str, float] = field(default_factory=dict)
    phones: dict[str, float] = field(default_factory=dict)
    mobiles: dict[str, float] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)  # every number but faxes, in order
    faxes: dict[str, float] = field(default_factory=dict)
    urls: dict[str, float] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)  # lines that held contact details


def read_card(lines: Sequence[OcrLine], region: str = "US") -> CardReading:
    """The contact on a card, from its lines in reading order (top to bottom)."""
    lines = [OcrLine(split_run_words(clean_text(line.text)), line.confidence, line.box)
             for line in lines]
    lines = _split_name_lines(repair_emails([replace(line, text=_capital_i(line.text))
                                              for line in lines if line.text]))
    found = _Found()
    for index, line in enumerate(lines):
        _read_details(index, line, region, found)
    domains = _domains(found)
    taken = set(found.used) | {i for i, line in enumerate(lines) if _ADDRESS.search(line.text)}
    title_at = _title_index(lines, taken)
    name_at = _name_index(lines, taken | ({title_at} if title_at is not None else set()),
                          found, domains, title_at)
    if title_at is None and name_at is not None:
        title_at = _title_near(lines, name_at, taken)
    skip = taken | {i for i in (title_at, name_at) if i is not None}
    company_at = _company_index(lines, skip, domains)
    phones = found.numbers
    ordered = [p for p in phones if p not in found.faxes]
    values: dict[str, tuple[str, float]] = {}
    if name_at is not None:
        values["name"] = (_name_text(lines[name_at].text), lines[name_at].confidence)
    if title_at is not None:
        values["title"] = (_title_text(_title_head(lines[title_at].text)),
                           lines[title_at].confidence)
    if company_at is not None:
        head, comma, tail = lines[company_at].text.strip(" ,;").partition(",")
        if comma and _is_title(head) and _COMPANY_WORDS.search(tail):  # "Teacher, X School"
            values.setdefault("title", (head.strip(), lines[company_at].confidence))
            values["company"] = (tail.strip(), lines[company_at].confidence)
        else:
            values["company"] = (head + comma + tail, lines[company_at].confidence)
    logo_at = None if "company" in values else _logo_index(
        lines, skip, values.get("name", (None, 0.0))[0])
    if logo_at is not None:
        values["company"] = (lines[logo_at].text.strip(" ,;"), lines[logo_at].confidence)
    _fill_from_labeller(values, lines, region)
    doubtful = [(key, value) for key, (value, conf) in values.items() if conf < DOUBTFUL]
    doubtful += [("email", e) for e, conf in found.emails.items() if conf < DOUBTFUL]
    doubtful += [("phone", p) for p in ordered if phones[p] < DOUBTFUL]
    return CardReading(
        name=values.get("name", (None, 0))[0], title=values.get("title", (None, 0))[0],
        company=values.get("company", (None, 0))[0], emails=tuple(found.emails),
        phones=tuple(ordered), faxes=tuple(found.faxes), urls=tuple(found.urls),
        address=_address(lines, taken - found.used), doubtful=tuple(doubtful),
        lines=tuple(line.text for line in lines))


def _fill_from_labeller(values: dict[str, tuple[str, float]], lines: Sequence[OcrLine],
                       region: str) -> None:
    """A title or company the card's layout rules did not find, as the trained block
    labeller (the one that reads signatures and typed cards) reads the card's lines; its
    confidence is that of the line it came from. (Its names are not taken: on cards, the
    layout rules read them better.)"""
    if "title" in values and "company" in values:
        return
    block = read_block("\n".join(line.text for line in lines), region)
    for key, value in (("title", block.title), ("company", block.company)):
        taken = [_compact(text) for text, _ in values.values()]
        if key == "company" and value and "," in value:
            head, _, tail = value.partition(",")
            value = tail.strip() if _is_title(head) and _COMPANY_WORDS.search(tail) else value
        if (value and key not in values and _plain_phrase(value)
                and not any(_compact(value) in text or text in _compact(value) for text in taken)):
            confidence = min((line.confidence for line in lines if value in line.text),
                             default=DOUBTFUL / 2)
            values[key] = (value, confidence)


def _plain_phrase(text: str) -> bool:
    """Words a title or company can be: no address, phone, email or link among them."""
    return ("@" not in text and sum(ch.isdigit() for ch in text) <= 2
            and not _ADDRESS.search(text) and not _LABELLED_DETAIL.search(text)
            and not find_urls(text) and not bare_domains(text))


_DETAIL_AFTER = re.compile(r"(?i)(?<=\s)(?:e-?mail|tel|phone|mobile|cell|fax)\s*[:.]\s*\S")
_LABELLED_DETAIL = re.compile(r"(?i)(?:e-?mail|tel|fax|phone|mobile|web(?:site)?)\s*[:.]")


def _read_details(index: int, line: OcrLine, region: str, found: _Found) -> None:
    text = _EMAIL_SPACES.sub("@", line.text) if "@" in line.text else line.text
    emails = find_emails(_EMAIL_LABEL.sub(" ", text))
    for _, email in emails:
        found.emails.setdefault(email, line.confidence)
    if emails:
        found.used.add(index)
    for _, url in find_urls(text) + bare_domains(text):
        if "@" not in url:
            found.urls.setdefault(url, line.confidence)
            found.used.add(index)
    digits = _DIGIT_RUN.sub(lambda m: m.group().translate(_OCR_DIGITS), _unglued(text))
    previous_end = 0
    for start, number in find_phones(digits, region):
        label = _LABEL.search(digits[previous_end:start])
        kind = _kind(label.group("label") if label else "")
        bucket = {"fax": found.faxes, "mobile": found.mobiles}.get(kind, found.phones)
        bucket.setdefault(number, line.confidence)
        if kind != "fax":
            found.numbers.setdefault(number, line.confidence)
        found.used.add(index)
        previous_end = start + 1
    if _LABEL.search(text.split(" ")[0] + " ") and any(ch.isdigit() for ch in text):
        found.used.add(index)


_GLUED = re.compile(r"(?<=[^\W\d_])(?=[+(]?\d)|(?<=\d)(?=[^\W\d_])")


def _unglued(text: str) -> str:
    """Labels and numbers the OCR ran together set apart ("T+44 20 3525 8120M+44 7788",
    "t847273-5617"): a number must stand apart for the phone matcher to see it. Addresses and
    links keep their text."""
    return " ".join(token if "@" in token or find_urls(token) else _GLUED.sub(" ", token)
                    for token in text.split(" "))


def _kind(label: str) -> str:
    if _FAX_RE.match(label):
        return "fax"
    return "mobile" if _MOBILE_RE.match(label) else "phone"


def _domains(found: _Found) -> set[str]:
    """The organisation's names as its addresses spell them: "colliers" from colliers.com."""
    hosts = [e.split("@", 1)[1] for e in found.emails]
    hosts += [u.split("://", 1)[-1].split("/", 1)[0] for u in found.urls]
    labels: set[str] = set()
    for host in hosts:
        parts = [p for p in host.lower().split(".") if p not in {"www", "mail"}]
        if len(parts) >= 2:
            second_level = len(parts) > 2 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL
            labels.add(parts[-3] if second_level else parts[-2])
    return {label.replace("-", "") for label in labels if label not in _FREEMAIL}


# Registries that sell names one level down: example.co.uk, example.com.au, example.ac.za.
_SECOND_LEVEL = {"co", "com", "ac", "org", "net", "gov", "edu", "ne", "or", "go", "gob", "gouv",
                 "ltd", "plc", "nic", "mil", "sch"}
_FREEMAIL = {"gmail", "yahoo", "hotmail", "outlook", "aol", "icloud", "me", "gmx", "web",
             "verizon", "comcast", "live", "msn", "orange", "free", "wanadoo", "t-online",
             "protonmail", "proton", "mail", "qq", "163"}


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _is_title(text: str) -> bool:
    if any(ch.isdigit() for ch in text) or "@" in text or len(text) > 70:
        return False
    if is_title_phrase(text, loose=True):
        return True
    words = [fold(w.strip(".")) for w in re.split(r"[\s/&|,:;]+", text) if w.strip(".")]
    return len(words) <= 7 and any(_title_word(w) for w in words)


def _title_head(text: str) -> str:
    """The title without the area or department after its comma ("Sales Director, Middle
    East" -> "Sales Director"); two titles joined by a comma stay together."""
    head, comma, tail = text.partition(",")
    if comma and _is_title(head) and not _is_title(tail):
        return head.strip()
    return text


def _title_text(text: str) -> str:
    """The title as printed, a long title word the OCR misread by a letter put right."""
    words = []
    for word in text.strip(" ,;").split(" "):
        close = get_close_matches(fold(word), _LONG_TITLE_WORDS, n=1, cutoff=0.88) \
            if len(word) >= 8 and word.isalpha() and fold(word) not in _CARD_TITLE_WORDS else []
        if close and len(close[0]) == len(word):  # one letter misread, none lost
            fixed = close[0]
            word = fixed.upper() if word.isupper() else (
                fixed.capitalize() if word[0].isupper() else fixed)
        words.append(word)
    return " ".join(words)


def _title_word(word: str) -> bool:
    """A word of a job title, also when the OCR misread one letter of a long one
    ("Representatite")."""
    if word in _CARD_TITLE_WORDS or word.split("-")[-1] in _CARD_TITLE_WORDS:
        return True
    close = get_close_matches(word, _LONG_TITLE_WORDS, n=1, cutoff=0.88) if len(word) >= 8 else []
    return bool(close) and len(close[0]) == len(word)


def _title_index(lines: Sequence[OcrLine], taken: set[int]) -> int | None:
    return next((i for i, line in enumerate(lines)
                 if i not in taken and _is_title(line.text) and not _maybe_name(line.text)),
                None)


def _maybe_name(text: str) -> bool:
    """Could be a person's name: name-shaped and starting with a given name ("Software
    Engineer" is name-shaped, but no one is called Software)."""
    words = _name_words(text)
    return words is not None and is_given_name(words[0])


def _title_near(lines: Sequence[OcrLine], name_at: int, taken: set[int]) -> int | None:
    for index in (name_at + 1, name_at - 1):
        if 0 <= index < len(lines) and index not in taken and _is_title(lines[index].text):
            return index
    return None


def _capital_i(text: str) -> str:
    """A capital I the OCR read as a small l at the start of a name: "lan Goldsmith"."""
    words = text.split(" ")
    if (len(words) >= 2 and len(words[0]) >= 3 and words[0][0] == "l" and words[0][1:].islower()
            and words[1][:1].isupper() and is_given_name("i" + words[0][1:])):
        words[0] = "I" + words[0][1:]
    return " ".join(words)


def _split_name_lines(lines: list[OcrLine]) -> list[OcrLine]:
    """A name set on one row with something else, read as one line, made two: the name, then
    the rest ("Jane Okafor, Owner", "Jane Okafor Head of Sales", "ZAVRIX Jane Okafor")."""
    out: list[OcrLine] = []
    for line in lines:
        parts = _name_and_rest(line.text)
        if parts is None:
            out.append(line)
            continue
        left, top, right, bottom = line.box
        middle = (top + bottom) / 2
        out += [replace(line, text=parts[0], box=(left, top, right, middle)),
                replace(line, text=parts[1], box=(left, middle, right, bottom))]
    return out


def _name_and_rest(text: str) -> tuple[str, str] | None:
    detail = _DETAIL_AFTER.search(text)
    if detail and detail.start() > 0 and not any(ch.isdigit() for ch in text[:detail.start()]):
        return text[:detail.start()].strip(" ,;|"), text[detail.start():]
    if "@" in text:
        return None
    words = text.split()
    tail = " ".join(words[1:])
    if (2 <= len(words) - 1 <= 3 and len(words[0]) >= 3 and words[0].isupper()
            and not tail.isupper() and _name_words(tail) and not _is_title(tail)
            and not _COMPANY_WORDS.search(tail)):
        return tail, words[0]  # a brand in capitals, then the name
    if (3 <= len(words) <= 4 and not is_given_name(words[0]) and is_common_word(words[0])
            and _is_named(tail) and not _COMPANY_WORDS.search(tail)):
        return tail, words[0]  # a place or brand word, then the name
    if _name_words(text) and not _is_title(text):
        return None
    head, comma, tail = text.partition(",")
    if comma and tail.strip() and (_is_named(head) or _name_words(head) and _is_title(tail)):
        return head.strip(), tail.strip(" ,")
    for count in (2, 3):
        head, rest = " ".join(words[:count]), " ".join(words[count:])
        if rest and _is_named(head) and _is_title(rest):
            return head, rest
    return None


def _is_named(text: str) -> bool:
    """A person's name that starts with a known given name."""
    words = _name_words(text)
    return words is not None and is_given_name(words[0]) and not _is_title(text)


def _name_text(text: str) -> str:
    text = _DEGREES.sub("", text.strip(" ,;")).strip(" ,;")
    if " " not in text:
        text = " ".join(_split_run_together(text))
    if text.isupper() or text.islower():
        text = " ".join(w if w.lower() in _PARTICLES and text.islower() else w.capitalize()
                        for w in text.split())
    else:  # "Jane okafor": the engine took a capital for a small letter
        text = " ".join(w if w.lower() in _PARTICLES or not w[0].islower() else w.capitalize()
                        for w in text.split())
    return text


def _name_words(text: str) -> list[str] | None:
    """The words of a line that can be a person's name, or None."""
    text = _DEGREES.sub("", text.strip(" ,;")).strip(" ,;")
    if not text or any(ch.isdigit() for ch in text) or "@" in text or _NOT_NAME.search(text):
        return None
    if _PLACE.search(text):
        return None
    words = text.replace(",", " ").split()
    if len(words) == 1:
        words = _split_run_together(words[0])
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words):
        return None
    if not words[0][0].isupper() and not text.islower():
        return None
    return words


def _split_run_together(word: str) -> list[str]:
    """ "FERASHASBINI" read without its space: a given name, then the rest."""
    if not word.isupper() or len(word) < 7 or is_given_name(word) or is_common_word(word):
        return [word]
    for cut in range(len(word) - 3, 2, -1):
        if is_given_name(word[:cut]):
            return [word[:cut], word[cut:]]
    return [word]


def _name_index(lines: Sequence[OcrLine], taken: set[int], found: _Found, domains: set[str],
                title_at: int | None) -> int | None:
    heights = [line.height for line in lines if line.height > 0]
    typical = median(heights) if heights else 0.0
    locals_ = [_compact(e.split("@")[0]) for e in found.emails]
    best, best_score = None, 0.0
    for index, line in enumerate(lines):
        words = None if index in taken else _name_words(line.text)
        if words is None or _is_title(line.text) or _COMPANY_WORDS.search(line.text):
            continue
        score = 1.0
        folded = [_compact(w) for w in words]
        if any(len(w) >= 3 and any(w in local for local in locals_) for w in folded):
            score += 3
        if any(is_given_name(w) for w in words[:2]):
            score += 2
        if title_at is not None and abs(title_at - index) == 1:
            score += 1.5
        if typical and line.height > 1.15 * typical:
            score += 0.5
        if any(d and (d in _compact(line.text) or _compact(line.text) in d) for d in domains):
            score -= 4
        if score > best_score:
            best, best_score = index, score
    return best if best_score >= 1.0 else None


def _company_index(lines: Sequence[OcrLine], skip: set[int], domains: set[str]) -> int | None:
    best, best_score = None, 0.0
    for index, line in enumerate(lines):
        text = line.text.strip()
        compact = _compact(text)
        if index in skip or len(compact) < 2 or len(text) > 60 or "@" in text:
            continue
        if sum(ch.isdigit() for ch in text) > 2 or _ADDRESS.search(text):
            continue
        score = 0.0
        if any(len(d) >= 3 and (compact.startswith(d) or d.startswith(compact) and
                                len(compact) >= 3) for d in domains):
            score += 3
        if _COMPANY_WORDS.search(text):
            score += 2
        if score and index < 3:
            score += 0.5
        if score > best_score:
            best, best_score = index, score
    return best


def _logo_index(lines: Sequence[OcrLine], skip: set[int], name: str | None) -> int | None:
    """The line printed largest, when it is much larger than the card's usual print and
    reads like a short name: the logo's words, which name the company."""
    heights = [line.height for line in lines if line.height > 0]
    if not heights:
        return None
    usual = median(heights)
    name_words = {fold(word) for word in (name or "").split()}
    best, best_height = None, LOGO_HEIGHTS * usual
    for index, line in enumerate(lines):
        text = line.text.strip()
        if (index in skip or any(ch.isdigit() for ch in text) or len(_compact(text)) < 2
                or len(text.split()) > 4 or _ADDRESS.search(text) or not _plain_phrase(text)
                or {fold(word) for word in text.split()} <= name_words or _is_title(text)):
            continue
        if line.height > best_height:
            best, best_height = index, line.height
    return best


def _address(lines: Sequence[OcrLine], address_lines: set[int]) -> str | None:
    parts = [lines[i].text.strip(" ,") for i in sorted(address_lines)]
    return ", ".join(parts) if parts else None
